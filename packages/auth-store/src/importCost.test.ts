// Importing the package, and parsing auth.json, must load nothing but the package, @x/auth-seam and
// @x/config-schema (our own small schema kit): no schema library, no keyring binding, no crypto
// fallbacks.
// Runs the built package (dist/) in a fresh process and lists the modules it resolved.
import { fileURLToPath } from 'node:url';
import { modulesLoadedBy } from '@x/test-kit';
import { describe, expect, it } from 'vitest';

// The package folder: there `@x/auth-store` resolves to the built package.
const cwd = fileURLToPath(new URL('..', import.meta.url));

// Modules outside node's built-ins and outside this package, @x/auth-seam and @x/config-schema.
const thirdParty = (urls: string[]): string[] =>
  urls.filter(
    (url) => url.startsWith('file:') && !/\/(auth-store|auth-seam|config-schema)\/dist\//.test(url),
  );

describe('what importing @x/auth-store loads', () => {
  it('importing and parsing auth.json load no third-party module', () => {
    const { urls, stdout } = modulesLoadedBy(
      `
import { parseAuthDotJson } from '@x/auth-store';
const auth = parseAuthDotJson('{"auth_mode":"apikey","OPENAI_API_KEY":"sk-test"}', 'auth.json');
console.log(auth.auth_mode === 'apikey' ? 'ok' : 'not parsed');
`,
      { cwd },
    );
    expect(stdout.trim()).toBe('ok');
    expect(urls.some((url) => url.includes('/auth-store/dist/'))).toBe(true);
    expect(thirdParty(urls)).toEqual([]);
  });

  it('control: a third-party package imported by the program is seen', () => {
    const { urls } = modulesLoadedBy(
      `
import '@x/auth-store';
await import('tweetnacl');
`,
      { cwd },
    );
    expect(thirdParty(urls).some((url) => url.includes('/tweetnacl/'))).toBe(true);
  });
});
