// Importing the package must not load the config reader (smol-toml and the validator), execa (command
// tokens) or the AWS SDK: each is loaded on the path that uses it. zod, which config validation used
// before @x/config-schema, must never load. Runs the built package in a fresh process.
import { describe, expect, it } from 'vitest';
import { isAwsSdkModule } from './__testing__/moduleKinds.js';
import { modulesLoadedByOkProgram } from './__testing__/modulesLoadedByOkProgram.js';

const heavy = (urls: string[]): string[] =>
  urls.filter((url) => /\/(zod|execa|smol-toml)\//.test(url) || isAwsSdkModule(url));

describe('what importing @x/model-provider loads', () => {
  it('importing the package and reading the config JSON Schema load no TOML parser, zod, execa or AWS SDK module', async () => {
    const urls = modulesLoadedByOkProgram(`
import { configJsonSchema } from '@x/model-provider';
console.log(configJsonSchema().$schema === 'http://json-schema.org/draft-07/schema#' ? 'ok' : 'no schema');
`);
    expect(urls.some((url) => url.includes('/model-provider/dist/'))).toBe(true);
    expect(heavy(urls)).toEqual([]);
  });

  it('control: loading a config loads the TOML parser and the validator, and still no zod', async () => {
    const urls = modulesLoadedByOkProgram(`
import { loadConfig } from '@x/model-provider';
await loadConfig({ toml: '' });
console.log('ok');
`);
    expect(urls.some((url) => /\/smol-toml\//.test(url))).toBe(true);
    expect(urls.some((url) => /\/model-provider\/dist\/loadConfig-[^/]*\.js$/.test(url))).toBe(true);
    expect(urls.some((url) => /\/zod\//.test(url))).toBe(false);
  });
});
