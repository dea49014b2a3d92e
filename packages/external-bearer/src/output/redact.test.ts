import { describe, expect, it } from 'vitest';
import { redactExcerpt } from './redact.js';

describe('redactExcerpt', () => {
  it('keeps plain hints and drops known secrets and token-shaped runs', () => {
    const jwt =
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
    const text = [
      'error: session expired, run `sso login --profile dev`',
      `jwt ${jwt}`,
      'hex 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
      'key AKIAIOSFODNN7EXAMPLE2 here',
      'Authorization: Bearer opaque',
      'api_key=zzz password: hunter2',
      'current the-cached-token-value',
    ].join('\n');
    const out = redactExcerpt(text, ['the-cached-token-value']) ?? '';
    expect(out).toContain('session expired, run `sso login --profile dev`');
    for (const secret of [
      jwt,
      '9f86d081884c7d659a2f',
      'AKIAIOSFODNN7EXAMPLE2',
      'opaque',
      'zzz',
      'hunter2',
      'the-cached',
    ]) {
      expect(out).not.toContain(secret);
    }
    expect(out).not.toContain('\n');
  });

  it('removes every line of a multi-line secret, strips control characters and cuts long text', () => {
    expect(redactExcerpt('a\u0007b first-line-secret', ['first-line-secret\nsecond-line-secret'])).toBe(
      'a b [REDACTED]',
    );
    const long = redactExcerpt('word '.repeat(200), []) ?? '';
    expect(long.length).toBeLessThanOrEqual(301);
    expect(redactExcerpt(' \n\t', [])).toBeUndefined();
  });
});

describe('redactExcerpt: passwords and pairs', () => {
  it.each([
    [
      'fetch https://alice:S3cretPw@idp.example.com/token failed',
      'S3cretPw',
      'https://alice:[REDACTED]@idp.example.com/token failed',
    ],
    [
      'proxy http://u:p%40ss!word@proxy:3128 refused',
      'p%40ss!word',
      'http://u:[REDACTED]@proxy:3128 refused',
    ],
    [
      'git remote ssh+git://deploy:hunter2hunter@host/repo',
      'hunter2hunter',
      'ssh+git://deploy:[REDACTED]@host/repo',
    ],
    ['password=hunter2 rejected', 'hunter2', 'password=[REDACTED] rejected'],
    ['client_secret: sh0rt, retry', 'sh0rt', 'client_secret: [REDACTED] retry'],
    ['token : tok123 expired', 'tok123', 'token : [REDACTED] expired'],
    ['password="correct horse battery" is wrong', 'horse', 'password="[REDACTED]" is wrong'],
    ["secret='two words' bad", 'words', "secret='[REDACTED]' bad"],
    ['body {"password": "hunter two", "user": "bob"}', 'hunter', '{"password": "[REDACTED]", "user": "bob"}'],
    ['{"client_secret":"a\\"b c","grant":"x"}', 'b c', '{"client_secret":"[REDACTED]","grant":"x"}'],
    ["{'api_key': 'k e y'} sent", 'k e y', "{'api_key': '[REDACTED]'} sent"],
    ['login --password hunter2 --user bob', 'hunter2', '--password [REDACTED] --user bob'],
  ])('%s', (text, secret, kept) => {
    const out = redactExcerpt(text, []) ?? '';
    expect(out).not.toContain(secret);
    expect(out).toContain(kept);
  });
});

describe('redactExcerpt: secrets made of letters only', () => {
  it('redacts random-looking letter runs and keeps words and error names', () => {
    const secrets = [
      'QwErTyUiOpAsDfGhJkLz',
      'kqzvxwplmnbgtrhsdfqz',
      'XKCDQWRTPLMNBVZXSDFG',
      'hGfDsAqWeRtYuIoP',
    ];
    const words = [
      'ExpiredTokenException',
      'InvalidClientTokenId',
      'internationalization',
      'MissingAuthenticationToken',
      'XMLHttpRequestFailed',
      'UNAUTHENTICATED',
      'straightforwardness',
    ];
    const out = redactExcerpt(`echo ${secrets.join(' ')} after ${words.join(' ')}`, []) ?? '';
    for (const secret of secrets) expect(out).not.toContain(secret);
    for (const word of words) expect(out).toContain(word);
  });

  it('redacts at least 90% of random 20-letter runs of each kind (seeded, so the count is stable)', () => {
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const lower = 'abcdefghijklmnopqrstuvwxyz';
    for (const alphabet of [lower, lower.toUpperCase(), lower + lower.toUpperCase()]) {
      let redacted = 0;
      for (let i = 0; i < 1000; i++) {
        let run = '';
        for (let j = 0; j < 20; j++) run += alphabet[Math.floor(random() * alphabet.length)];
        if (!(redactExcerpt(`got ${run} back`, []) ?? '').includes(run)) redacted++;
      }
      expect(redacted).toBeGreaterThanOrEqual(900);
    }
  });
});
