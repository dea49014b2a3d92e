import { chmod, chown, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempHome } from '../__testing__/tempHome.js';
import { createAuthManager, createAuthStore } from '../index.js';

const STORED = '{"auth_mode":"apikey","OPENAI_API_KEY":"sk-stored-0123456789"}';
const isRoot = process.getuid?.() === 0;
const elsewhere: string[] = [];

afterEach(async () => {
  for (const dir of elsewhere.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A home holding a valid auth.json. */
async function homeWithLogin(): Promise<string> {
  const home = await tempHome();
  await mkdir(home, { mode: 0o700 });
  await writeFile(join(home, 'auth.json'), STORED, { mode: 0o600 });
  return home;
}

/** Reading and writing are both refused with UNSAFE_HOME, and auth.json is left as it was. */
async function expectRefused(home: string, reason: RegExp): Promise<void> {
  const manager = createAuthManager({ home, env: {} });
  const refusal = { code: 'UNSAFE_HOME', message: expect.stringMatching(reason) };
  await expect(manager.auth()).rejects.toMatchObject(refusal);
  await expect(manager.status()).rejects.toMatchObject(refusal);
  await expect(manager.loginWithApiKey('sk-new-key-0123456789')).rejects.toMatchObject(refusal);
  await expect(createAuthStore({ home }).load()).rejects.toMatchObject(refusal);
  await expect(createAuthStore({ home }).save({ OPENAI_API_KEY: 'sk-new' })).rejects.toMatchObject(refusal);
  expect(await readFile(join(home, 'auth.json'), 'utf8')).toBe(STORED);
}

describe('homes others control are refused', () => {
  for (const mode of [0o775, 0o777, 0o1777]) {
    it(`a home with mode ${mode.toString(8)} (writable by others)`, async () => {
      const home = await homeWithLogin();
      await chmod(home, mode);
      await expectRefused(home, new RegExp(`${home}.*writable by its group or others`));
      // An explicit opt-in restores the old behaviour.
      const allowed = createAuthManager({ home, env: {}, allowUnsafeHome: true });
      expect(await allowed.auth()).toMatchObject({ mode: 'apikey' });
    });
  }

  // Giving a folder to another user needs root; elsewhere this one case is skipped.
  it.skipIf(!isRoot)('a home, or an auth.json, owned by another user', async () => {
    const home = await homeWithLogin();
    await chown(home, 65534, 65534);
    await expectRefused(home, new RegExp(`${home} is owned by another user \\(uid 65534\\)`));
    await chown(home, 0, 0);
    await chown(join(home, 'auth.json'), 65534, 65534);
    await expectRefused(home, /auth\.json is owned by another user \(uid 65534\)/);
    expect(await createAuthManager({ home, env: {}, allowUnsafeHome: true }).auth()).toMatchObject({
      mode: 'apikey',
    });
  });

  it('a folder above the home that others can write to, unless it is sticky as /tmp is', async () => {
    const home = await homeWithLogin();
    const above = dirname(home);
    await chmod(above, 0o777);
    await expectRefused(
      home,
      new RegExp(
        `${above}, above the auth home ${home}, is writable by its group or others and not sticky \\(mode 0777\\)`,
      ),
    );
    // Where others may create but not rename or remove what is ours, the home is safe.
    await chmod(above, 0o1777);
    expect(await createAuthManager({ home, env: {} }).auth()).toMatchObject({ mode: 'apikey' });
    // A home not made yet is judged by the folders above where it will be.
    await chmod(above, 0o775);
    const later = join(above, 'not-yet');
    const refused = createAuthManager({ home: later, env: {} }).loginWithApiKey('sk-new-key-0123456789');
    await expect(refused).rejects.toMatchObject({
      code: 'UNSAFE_HOME',
      message: expect.stringContaining(`${above}, above the auth home ${later}`),
    });
    await chmod(above, 0o700);
    await createAuthManager({ home: later, env: {} }).loginWithApiKey('sk-new-key-0123456789');
  });

  // Giving a folder to another user needs root; elsewhere this one case is skipped.
  it.skipIf(!isRoot)('a folder above the home owned by another user', async () => {
    const home = await homeWithLogin();
    const above = dirname(home);
    await chown(above, 65534, 65534);
    await expectRefused(
      home,
      new RegExp(`${above}, above the auth home ${home}, is owned by another user \\(uid 65534\\)`),
    );
    await chown(above, 0, 0);
    expect(await createAuthManager({ home, env: {} }).auth()).toMatchObject({ mode: 'apikey' });
  });

  it('an auth.json symlink to a file outside the home is not followed; one inside it is', async () => {
    const other = await mkdtemp(join(tmpdir(), 'auth-store-other-'));
    elsewhere.push(other);
    await writeFile(join(other, 'planted.json'), STORED, { mode: 0o600 });
    const home = await tempHome();
    await mkdir(home, { mode: 0o700 });
    await symlink(join(other, 'planted.json'), join(home, 'auth.json'));
    await expectRefused(home, /auth\.json is a symbolic link to a file outside/);
    expect(await readFile(join(other, 'planted.json'), 'utf8')).toBe(STORED);

    const inside = await tempHome();
    await mkdir(inside, { mode: 0o700 });
    await writeFile(join(inside, 'real.json'), STORED, { mode: 0o600 });
    await symlink('real.json', join(inside, 'auth.json'));
    expect(await createAuthManager({ home: inside, env: {} }).auth()).toMatchObject({ mode: 'apikey' });
  });

  it('a private home (mkdtemp, 0700, ours) and a missing one are fine', async () => {
    const home = await homeWithLogin();
    expect(await createAuthManager({ home, env: {} }).auth()).toMatchObject({ mode: 'apikey' });
    const fresh = await tempHome();
    await createAuthManager({ home: fresh, env: {} }).loginWithApiKey('sk-fresh-0123456789');
  });
});
