import { rejectionOf, startLoopbackServer } from '@x/test-kit';
import { describe, expect, it } from 'vitest';
import { agentRecord } from '../__testing__/agentIdentity.js';
import { accessToken, idToken } from '../__testing__/fakeTokens.js';
import { tempHome } from '../__testing__/tempHome.js';
import { startTokenServer } from '../__testing__/tokenServer.js';
import { AuthStoreError, createAuthManager } from '../index.js';

// requestTimeoutMs bounds every request the manager makes itself: a server that accepts the
// connection and never answers is given up on, with a coded error naming the option.

/** The AuthStoreError `promise` rejects with (anything else fails the test). */
const storeErrorOf = (promise: Promise<unknown>): Promise<AuthStoreError> =>
  rejectionOf(promise, AuthStoreError);

describe('requestTimeoutMs', () => {
  it('a token endpoint that never answers: the refresh fails with REFRESH_TRANSIENT, the lock is let go', async () => {
    const tokens = await startTokenServer();
    try {
      const home = await tempHome();
      const manager = createAuthManager({ home, env: {}, refreshTokenUrl: tokens.url, requestTimeoutMs: 50 });
      await manager.loginWithChatgptTokens({
        idToken: idToken(),
        accessToken: accessToken(3600),
        refreshToken: 'rt-1',
      });
      tokens.allow('rt-1');
      tokens.hold();
      const error = await storeErrorOf(manager.refreshTokens());
      expect(error.code).toBe('REFRESH_TRANSIENT');
      // Given up on by the timeout, not refused or failed otherwise.
      expect((error.cause as Error | undefined)?.name).toBe('TimeoutError');
      // The refresh lock was let go: the next refresh is tried, and given up on too.
      const again = await storeErrorOf(manager.refreshTokens());
      expect([again.code, (again.cause as Error | undefined)?.name]).toEqual([
        'REFRESH_TRANSIENT',
        'TimeoutError',
      ]);
    } finally {
      tokens.release();
      await tokens.close();
    }
  });

  it('an authapi that never answers: each attempt is given up on, then AGENT_TASK_FAILED names the option', async () => {
    const silent = await startLoopbackServer(() => {
      // accepts every registration and never answers
    });
    try {
      const env = { CODEX_AGENT_IDENTITY_AUTHAPI_BASE_URL: silent.origin };
      const manager = createAuthManager({ home: await tempHome(), env, requestTimeoutMs: 50 });
      await manager.loginWithAgentIdentity(agentRecord());
      const error = await storeErrorOf(manager.agentTask());
      expect(error.code).toBe('AGENT_TASK_FAILED');
      expect(error.message).toContain('no answer within 50 ms (requestTimeoutMs)');
      // Every attempt was given up on by the timeout (a refused one fails at once, without retries).
      expect(error.message).toContain('gave up after 5 attempts');
    } finally {
      await silent.close();
    }
  });

  it('is checked when the manager is made: a positive number of milliseconds', () => {
    for (const requestTimeoutMs of [
      0,
      -1,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      '100' as unknown as number,
    ]) {
      expect(() => createAuthManager({ home: '/nowhere', env: {}, requestTimeoutMs })).toThrow(
        expect.objectContaining({
          code: 'INVALID_OPTION',
          message: expect.stringContaining('requestTimeoutMs'),
        }),
      );
    }
  });
});
