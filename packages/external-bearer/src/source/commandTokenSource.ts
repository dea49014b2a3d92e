import type { AuthorizeOptions, AuthSource, FailedResponse, HttpRequest } from '@x/auth-seam';
import { type CommandTokenSourceOptions, validateOptions } from '../options.js';
import { type CommandTokenSourceDescription, describeSource } from './describe.js';
import { getToken } from './getToken.js';
import { recover, refresh } from './refresh.js';
import { createSourceState } from './sourceState.js';
import { withBearer } from './withBearer.js';

/**
 * A bearer token source backed by a command; satisfies the `@x/auth-seam` `AuthSource`.
 * @public
 */
export interface CommandTokenSource extends AuthSource {
  /**
   * The cached token, or one fresh from a run shared by every concurrent caller. When `signal`
   * aborts, this call rejects at once with the signal's reason; a run under way goes on for the others.
   */
  getToken(options?: AuthorizeOptions): Promise<string>;
  /** The 401 path: runs the command only if `staleToken` is still the cached token (or none is given). */
  refresh(options?: { staleToken?: string | undefined }): Promise<string>;
  /**
   * A new request with `authorization: Bearer <token>` (any other Authorization header removed);
   * `signal` works as for getToken.
   */
  authorize(request: HttpRequest, options?: AuthorizeOptions): Promise<HttpRequest>;
  /**
   * On 401, refreshes with the token the failed `request` sent as the stale one (the token last
   * handed out when no request is given); resolves true when a retry makes sense. Any other
   * status (400 and 403 included) resolves false without running the command.
   */
  recover(response: FailedResponse, request?: HttpRequest): Promise<boolean>;
  /** Which command backs the source and how it has fared; never the token. */
  describe(): CommandTokenSourceDescription;
  /** The same as `describe()`, so `JSON.stringify(source)` shows no secret. */
  toJSON(): CommandTokenSourceDescription;
}

/**
 * Creates a token source running `options.command`; validates the options (CommandTokenError on bad input).
 * @public
 */
export function createCommandTokenSource(options: CommandTokenSourceOptions): CommandTokenSource {
  const state = createSourceState(validateOptions(options));
  const describe = (): CommandTokenSourceDescription => describeSource(state);
  return {
    getToken: (call) => getToken(state, call?.signal),
    refresh: (call) => refresh(state, call?.staleToken),
    async authorize(request, call) {
      const token = await getToken(state, call?.signal);
      state.lastSent = token;
      return withBearer(request, token);
    },
    recover: (response, request) => recover(state, response, request),
    describe,
    toJSON: describe,
    [Symbol.for('nodejs.util.inspect.custom')]: () => ({ CommandTokenSource: describe() }),
  } as CommandTokenSource;
}
