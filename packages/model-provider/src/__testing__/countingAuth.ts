import type { AuthSource, FailedResponse, HttpRequest } from '@x/auth-seam';

export interface AuthCalls {
  authorize: number;
  recover: number;
  /** Each request as `authorize` received it. */
  seen: HttpRequest[];
  /** Each failed response `recover` was given. */
  recoveries: FailedResponse[];
}

/**
 * A bearer source whose token changes on each recovery (`Bearer token-1`, then `token-2`, …),
 * counting its calls; `recover` answers `recoverResult` (true unless given).
 */
export function countingAuth(options: { recoverResult?: boolean } = {}): {
  source: AuthSource;
  calls: AuthCalls;
} {
  const calls: AuthCalls = { authorize: 0, recover: 0, seen: [], recoveries: [] };
  let generation = 1;
  const source: AuthSource = {
    async authorize(request) {
      calls.authorize++;
      calls.seen.push(request);
      return { ...request, headers: { ...request.headers, authorization: `Bearer token-${generation}` } };
    },
    async recover(response) {
      calls.recover++;
      calls.recoveries.push(response);
      generation++;
      return options.recoverResult ?? true;
    },
    describe: () => ({ kind: 'test' }),
  };
  return { source, calls };
}
