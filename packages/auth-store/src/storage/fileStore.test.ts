import { spawnSync } from 'node:child_process';
import { chmod, mkdir, readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempHome } from '../__testing__/tempHome.js';
import { AuthStoreError, createAuthManager, createAuthStore } from '../index.js';

const mode = async (path: string): Promise<number> => (await stat(path)).mode & 0o777;

describe('file store', () => {
  it('creates the home 0700 and auth.json 0600, atomically (no temp files left)', async () => {
    const home = await tempHome();
    const store = createAuthStore({ home });
    expect(await store.load()).toBeNull();
    await store.save({ auth_mode: 'apikey', OPENAI_API_KEY: 'sk-one' });
    expect(await mode(home)).toBe(0o700);
    expect(await mode(join(home, 'auth.json'))).toBe(0o600);
    expect(await readdir(home)).toEqual(['auth.json']);
    expect(await store.load()).toEqual({ auth_mode: 'apikey', OPENAI_API_KEY: 'sk-one' });
    expect(await store.delete()).toBe(true);
    expect(await store.delete()).toBe(false);
  });

  it('tightens a looser existing file and folder', async () => {
    const home = await tempHome();
    await mkdir(home, { mode: 0o755 });
    await chmod(home, 0o755);
    await writeFile(join(home, 'auth.json'), '{"OPENAI_API_KEY":"sk-old"}', { mode: 0o644 });
    await chmod(join(home, 'auth.json'), 0o644);
    const store = createAuthStore({ home });
    await store.load();
    expect(await mode(join(home, 'auth.json'))).toBe(0o600);
    await store.save({ OPENAI_API_KEY: 'sk-new' });
    expect(await mode(home)).toBe(0o700);
    expect(await mode(join(home, 'auth.json'))).toBe(0o600);
  });

  it('reports a corrupt auth.json with its own code and path, and a later login keeps a copy', async () => {
    const home = await tempHome();
    await mkdir(home, { recursive: true });
    const path = join(home, 'auth.json');
    await writeFile(path, '{"OPENAI_API_KEY": "sk-trunc', { mode: 0o600 });
    const manager = createAuthManager({ home, env: {} });
    const error = await manager.auth().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthStoreError);
    expect((error as AuthStoreError).code).toBe('AUTH_FILE_CORRUPT');
    expect((error as AuthStoreError).message).toContain(path);
    // Still there, untouched.
    expect(await readFile(path, 'utf8')).toBe('{"OPENAI_API_KEY": "sk-trunc');
    const warnings: string[] = [];
    const again = createAuthManager({ home, env: {}, onWarning: (w) => warnings.push(w.message) });
    await again.loginWithApiKey('sk-fresh-key-0123456789');
    const files = await readdir(home);
    const copy = files.find((f) => f.startsWith('auth.json.corrupt-'));
    expect(copy).toBeDefined();
    expect(await readFile(join(home, copy as string), 'utf8')).toBe('{"OPENAI_API_KEY": "sk-trunc');
    expect(await mode(join(home, copy as string))).toBe(0o600);
    expect(warnings.join('\n')).toContain(copy);
    expect((await again.auth())?.mode).toBe('apikey');
  });

  it('logout removes an unreadable auth.json and every copy the store kept of one, and says so', async () => {
    const home = await tempHome();
    await mkdir(home, { recursive: true });
    const path = join(home, 'auth.json');
    const warnings: string[] = [];
    const manager = createAuthManager({ home, env: {}, onWarning: (w) => warnings.push(w.message) });
    // A login over a broken file keeps a copy of it...
    await writeFile(path, '{"tokens": {"refresh_token": "rt-first-secret', { mode: 0o600 });
    await manager.loginWithApiKey('sk-fresh-key-0123456789');
    const [copy] = (await readdir(home)).filter((f) => f.startsWith('auth.json.corrupt-'));
    expect(copy).toBeDefined();
    // ...and logout over another broken file removes both, naming them but never their content.
    await writeFile(path, '{"tokens": {"refresh_token": "rt-second-secret', { mode: 0o600 });
    await writeFile(join(home, 'auth.json.corrupt-notes'), 'not ours');
    expect(await manager.logout()).toBe(true);
    expect((await readdir(home)).sort()).toEqual(['auth.json.corrupt-notes']);
    const said = warnings.join('\n');
    expect(said).toContain(path);
    expect(said).toContain(copy);
    expect(said).not.toMatch(/secret/);
    expect(await manager.logout()).toBe(false);
  });

  it('a save removes temp files (holding credentials) left by writers that were killed', async () => {
    const home = await tempHome();
    const store = createAuthStore({ home });
    await store.save({ OPENAI_API_KEY: 'sk-first' });
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    const old = new Date(Date.now() - 60_000);
    const orphan = join(home, `.auth.json.${dead.stdout}.0123456789ab.tmp`);
    const fresh = join(home, `.auth.json.${dead.stdout}.ba9876543210.tmp`);
    const live = join(home, `.auth.json.${process.pid}.aaaaaaaaaaaa.tmp`);
    for (const path of [orphan, fresh, live]) await writeFile(path, '{"OPENAI_API_KEY":"sk-orphan"}');
    await utimes(orphan, old, old);
    await utimes(live, old, old);
    await store.save({ OPENAI_API_KEY: 'sk-second' });
    // the dead writer's old temp file is gone; a just-written one and a live writer's stay
    expect((await readdir(home)).sort()).toEqual(
      [
        'auth.json',
        `.auth.json.${dead.stdout}.ba9876543210.tmp`,
        `.auth.json.${process.pid}.aaaaaaaaaaaa.tmp`,
      ].sort(),
    );
  });

  it('rejects an unknown store mode with INVALID_OPTION', () => {
    expect(() => createAuthStore({ home: '/nowhere', mode: 'cloud' as never })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
  });
});
