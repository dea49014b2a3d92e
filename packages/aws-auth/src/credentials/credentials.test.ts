import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { type TempAws, tempAws } from '../__testing__/tempAws.js';
import { AwsAuthError } from '../errors.js';
import type { AwsCredentials } from './awsCredentials.js';
import { chain } from './chain.js';
import { labelled } from './credentialSource.js';
import { fromDefaultChain } from './fromDefaultChain.js';
import { fromEnv } from './fromEnv.js';
import { fromProfile } from './fromProfile.js';
import { fromProvider } from './fromProvider.js';
import { fromStatic } from './fromStatic.js';
import { memoize } from './memoize.js';

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(AwsAuthError);
    return (error as AwsAuthError).code;
  }
}

let temp: TempAws | undefined;
afterEach(() => {
  temp?.cleanup();
  temp = undefined;
});

describe('credential sources', () => {
  it('fromStatic uses the keys as given and hides the secret from JSON and inspect', async () => {
    const source = fromStatic({ accessKeyId: 'AKIDSTATIC', secretAccessKey: 'static-secret' });
    const creds = await source();
    expect(creds.secretAccessKey).toBe('static-secret');
    expect(creds.sessionToken).toBeUndefined();
    expect(JSON.stringify(creds)).not.toContain('static-secret');
    expect(inspect(creds)).not.toContain('static-secret');
    expect(source.source).toBe('static credentials');
    expect(() => fromStatic({ accessKeyId: 'A' } as AwsCredentials)).toThrow(/secretAccessKey/);
  });

  it('fromEnv reads the pair, the session token and expiration, and names a missing variable', async () => {
    const env = {
      AWS_ACCESS_KEY_ID: 'AKIDENV',
      AWS_SECRET_ACCESS_KEY: 'env-secret',
      AWS_SESSION_TOKEN: 'env-token',
      AWS_CREDENTIAL_EXPIRATION: '2030-01-01T00:00:00Z',
    };
    const creds = await fromEnv({ env })();
    expect(creds).toMatchObject({ accessKeyId: 'AKIDENV', expiration: new Date('2030-01-01T00:00:00Z') });
    expect(creds.sessionToken).toBe('env-token');
    expect(await codeOf(fromEnv({ env: {} })())).toBe('CREDENTIALS_NOT_FOUND');
    const half = fromEnv({ env: { AWS_ACCESS_KEY_ID: 'AKIDENV' } })();
    await expect(half).rejects.toThrow(/AWS_SECRET_ACCESS_KEY is not set/);
    expect(await codeOf(half)).toBe('ENV_CREDENTIALS_INCOMPLETE');
    expect(await codeOf(fromEnv({ env: { ...env, AWS_CREDENTIAL_EXPIRATION: 'soon' } })())).toBe(
      'INVALID_CREDENTIALS',
    );
  });

  it('fromProvider validates results, wraps failures and passes forceRefresh on', async () => {
    const seen: unknown[] = [];
    const source = fromProvider(async (options) => {
      seen.push(options);
      return { accessKeyId: 'AKIDP', secretAccessKey: 'p-secret' };
    });
    await source({ forceRefresh: true });
    expect(seen).toEqual([{ forceRefresh: true }]);
    expect(await codeOf(fromProvider(async () => ({}) as AwsCredentials)())).toBe('INVALID_CREDENTIALS');
    expect(
      await codeOf(
        fromProvider(async () => {
          throw new Error('nope');
        })(),
      ),
    ).toBe('CREDENTIALS_PROVIDER_FAILED');
  });

  it('chain tries sources in order and lists every one it tried', async () => {
    const empty = fromEnv({ env: {} });
    const ok = fromStatic({ accessKeyId: 'AKIDCHAIN', secretAccessKey: 's' });
    expect((await chain(empty, ok)()).accessKeyId).toBe('AKIDCHAIN');
    const none = labelled('nothing here', async () => {
      throw new AwsAuthError('CREDENTIALS_NOT_FOUND', 'none');
    });
    const failure = (await chain(empty, none)().catch((e: unknown) => e)) as AwsAuthError;
    expect(failure.code).toBe('CREDENTIALS_NOT_FOUND');
    expect(failure.message).toBe(
      'no AWS credentials found; tried: environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY), nothing here',
    );
    // A real failure stops the chain instead of being skipped.
    const broken = fromEnv({ env: { AWS_SECRET_ACCESS_KEY: 'x' } });
    expect(await codeOf(chain(broken, ok)())).toBe('ENV_CREDENTIALS_INCOMPLETE');
  });
});

describe('memoize', () => {
  function counting(expiration?: () => Date) {
    let calls = 0;
    const forced: boolean[] = [];
    const source = labelled('counting', async (options) => {
      calls += 1;
      forced.push(options?.forceRefresh === true);
      await new Promise((r) => setTimeout(r, 5));
      const creds: AwsCredentials = { accessKeyId: `AKID${calls}`, secretAccessKey: 's' };
      const exp = expiration?.();
      if (exp) creds.expiration = exp;
      return creds;
    });
    return { source, calls: () => calls, forced };
  }

  it('shares one in-flight resolution between concurrent callers', async () => {
    const c = counting();
    const m = memoize(c.source);
    const results = await Promise.all([m(), m(), m(), m()]);
    expect(c.calls()).toBe(1);
    expect(new Set(results.map((r) => r.accessKeyId))).toEqual(new Set(['AKID1']));
    await m();
    expect(c.calls()).toBe(1); // no expiration: kept
  });

  it('refreshes 5 minutes before expiration and on forceRefresh', async () => {
    let clock = Date.parse('2030-01-01T00:00:00Z');
    const c = counting(() => new Date(clock + 10 * 60_000));
    const m = memoize(c.source, { now: () => clock });
    expect((await m()).accessKeyId).toBe('AKID1');
    clock += 4 * 60_000; // 6 minutes left: still fresh
    expect((await m()).accessKeyId).toBe('AKID1');
    clock += 2 * 60_000; // 4 minutes left: inside the 5-minute window
    expect((await m()).accessKeyId).toBe('AKID2');
    expect((await m({ forceRefresh: true })).accessKeyId).toBe('AKID3');
    expect(c.forced).toEqual([false, false, true]);
    expect(m.source).toBe('counting');
  });

  it('a forceRefresh during an ordinary load still reaches the source with forceRefresh', async () => {
    // A source with its own cache (like the AWS SDK's) answers ordinary calls from it.
    let generation = 1;
    const forced: boolean[] = [];
    let release: () => void = () => {};
    const m = memoize(
      labelled('cached upstream', async (options) => {
        forced.push(options?.forceRefresh === true);
        if (options?.forceRefresh) generation += 1;
        else await new Promise<void>((r) => (release = r));
        return { accessKeyId: `AKID${generation}`, secretAccessKey: 's' };
      }),
    );
    const ordinary = m();
    const refreshed = m({ forceRefresh: true });
    await new Promise((r) => setTimeout(r, 5));
    release();
    expect((await ordinary).accessKeyId).toBe('AKID1');
    expect((await refreshed).accessKeyId).toBe('AKID2');
    expect(forced).toEqual([false, true]);
    expect((await m()).accessKeyId).toBe('AKID2'); // the refreshed credentials are the cached ones
    // Concurrent forced refreshes still share one call.
    await Promise.all([m({ forceRefresh: true }), m({ forceRefresh: true })]);
    expect(forced).toEqual([false, true, true]);
  });

  it('does not cache a failure', async () => {
    let fail = true;
    const m = memoize(
      labelled('flaky', async () => {
        if (fail) throw new AwsAuthError('CREDENTIALS_NOT_FOUND', 'x');
        return { accessKeyId: 'AKIDOK', secretAccessKey: 's' };
      }),
    );
    expect(await codeOf(m())).toBe('CREDENTIALS_NOT_FOUND');
    fail = false;
    expect((await m()).accessKeyId).toBe('AKIDOK');
  });
});

describe('profiles and the default chain (real temp files, AWS SDK)', () => {
  it('fromProfile resolves keys of a named profile through the AWS SDK', async () => {
    temp = tempAws({
      credentials: '[dev]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = profile-secret\n',
      config: '[profile dev]\nregion = eu-west-1\n',
    });
    const creds = await fromProfile({ profile: 'dev', env: temp.env })();
    expect(creds.accessKeyId).toBe('AKIDPROFILE');
    expect(creds.secretAccessKey).toBe('profile-secret');
    expect(JSON.stringify(creds)).not.toContain('profile-secret');
  });

  it('fromProfile fails fast naming a profile that is in neither file', async () => {
    temp = tempAws({ credentials: '[other]\naws_access_key_id = A\naws_secret_access_key = B\n' });
    const error = (await fromProfile({ profile: 'missing', env: temp.env })().catch(
      (e: unknown) => e,
    )) as AwsAuthError;
    expect(error.code).toBe('PROFILE_NOT_FOUND');
    expect(error.message).toContain('profile "missing"');
  });

  it('fromDefaultChain prefers env keys, then the profile named by AWS_PROFILE', async () => {
    temp = tempAws(
      { credentials: '[work]\naws_access_key_id = AKIDWORK\naws_secret_access_key = work-secret\n' },
      { AWS_PROFILE: 'work' },
    );
    const fromKeys = await fromDefaultChain({
      env: { ...temp.env, AWS_ACCESS_KEY_ID: 'AKIDENVFIRST', AWS_SECRET_ACCESS_KEY: 'e' },
    })();
    expect(fromKeys.accessKeyId).toBe('AKIDENVFIRST');
    const fromFile = await fromDefaultChain({ env: temp.env })();
    expect(fromFile.accessKeyId).toBe('AKIDWORK');
  });
});
