import { CommandTokenError } from '../errors.js';
import type { HttpRequest, HttpResponseLike } from '../httpRequest.js';
import type { CommandTokenSourceConfig } from '../options.js';
import { validateConfig } from '../options.js';
import { interpretRun } from '../output/interpretRun.js';
import { safeCause } from '../output/safeCause.js';
import { resolveCommand } from '../run/resolveCommand.js';
import { runCommand } from '../run/runCommand.js';
import { waitFor } from '../run/waitFor.js';
import { backoffDelay, deadlines } from './deadlines.js';
import type { CommandTokenEvent, RefreshReason } from './events.js';

/** What `describe()` returns: which command backs the source and how it has fared. Never the token. */
export interface CommandTokenSourceDescription {
  command: string;
  runs: number;
  failures: number;
  expiresAt?: Date;
}

/** A bearer token source backed by a command; satisfies the pipeline's auth-source seam. */
export interface CommandTokenSource {
  /**
   * The cached token, or one fresh from a run shared by every concurrent caller. When `signal`
   * aborts, this call rejects at once with the signal's reason; a run under way goes on for the others.
   */
  getToken(options?: { signal?: AbortSignal | undefined }): Promise<string>;
  /** The 401 path: runs the command only if `staleToken` is still the cached token (or none is given). */
  refresh(options?: { staleToken?: string | undefined }): Promise<string>;
  /**
   * A new request with `authorization: Bearer <token>` (any other Authorization header removed);
   * `signal` works as for getToken.
   */
  authorize(request: HttpRequest, options?: { signal?: AbortSignal | undefined }): Promise<HttpRequest>;
  /**
   * On 401, refreshes with the token the failed `request` sent as the stale one (the token last
   * handed out when no request is given); resolves true when a retry makes sense.
   */
  recover(response: HttpResponseLike, request?: HttpRequest): Promise<boolean>;
  describe(): CommandTokenSourceDescription;
  toJSON(): CommandTokenSourceDescription;
}

function bearerOf(request: HttpRequest): string | undefined {
  for (const [name, value] of Object.entries(request.headers)) {
    if (name.toLowerCase() === 'authorization') return /^Bearer\s+(\S+)$/i.exec(value.trim())?.[1];
  }
  return undefined;
}

interface CachedToken {
  token: string;
  expiresAt?: number;
  softAt?: number;
  hardAt?: number;
  /** Set by refresh(): the server rejected it, so it is kept only to compare stale tokens. */
  rejected: boolean;
}

/** Creates a token source running `config.command`; validates the config (CommandTokenError on bad input). */
export function createCommandTokenSource(config: CommandTokenSourceConfig): CommandTokenSource {
  const options = validateConfig(config);
  const onEvent = config.onEvent;
  const label = options.command;
  const envSecrets = Object.values(options.env).filter((value) => value.length >= 8);
  let cached: CachedToken | undefined;
  let inflight: Promise<CachedToken> | undefined;
  let runs = 0;
  let failures = 0;
  let consecutiveFailures = 0;
  let backoffUntil = 0;
  let lastError: CommandTokenError | undefined;
  let lastSent: string | undefined;

  const emit = (event: CommandTokenEvent): void => {
    try {
      onEvent?.(event);
    } catch {
      // a broken metrics hook must not break authentication
    }
  };

  /** One run of the command; `run-start` is emitted by ensureRun once the run is registered. */
  const execute = async (run: number): Promise<CachedToken> => {
    // Listeners hear `run-start` before any work begins, and may call back in: they join this run.
    await Promise.resolve();
    let exitInfo: { exitCode?: number; signal?: string; durationMs: number } = { durationMs: 0 };
    try {
      const file = await resolveCommand(options.command, options.cwd, options.env);
      const raw = await runCommand({ ...options, file });
      exitInfo = { durationMs: raw.durationMs };
      if (raw.kind === 'exited') {
        if (raw.exitCode !== undefined) exitInfo.exitCode = raw.exitCode;
        if (raw.signal !== undefined) exitInfo.signal = raw.signal;
      }
      const secrets = cached === undefined ? envSecrets : [cached.token, ...envSecrets];
      const minted = interpretRun(raw, { ...options, label, now: options.now(), secrets });
      const obtainedAt = options.now();
      cached = {
        ...minted,
        ...deadlines(obtainedAt, minted.expiresAt, options.refreshIntervalMs),
        rejected: false,
      };
      consecutiveFailures = 0;
      backoffUntil = 0;
      lastError = undefined;
      emit({ type: 'run-end', command: label, run, ok: true, ...exitInfo });
      return cached;
    } catch (error) {
      const typed =
        error instanceof CommandTokenError
          ? error
          : // not reached by process or output failures (those are typed); kept for unexpected bugs
            new CommandTokenError('SPAWN_FAILED', `provider auth command \`${label}\` failed to start`, {
              cause: safeCause(error, 'unexpected failure'),
            });
      failures++;
      consecutiveFailures++;
      const delayMs = backoffDelay(
        consecutiveFailures,
        options.backoffInitialMs,
        options.backoffMaxMs,
        options.random,
      );
      backoffUntil = options.now() + delayMs;
      lastError = typed;
      const excerpt = typed.stderrExcerpt === undefined ? {} : { stderrExcerpt: typed.stderrExcerpt };
      emit({ type: 'run-end', command: label, run, ok: false, code: typed.code, ...exitInfo, ...excerpt });
      emit({ type: 'backoff', command: label, failures: consecutiveFailures, delayMs, code: typed.code });
      throw typed;
    } finally {
      inflight = undefined;
    }
  };

  /** Joins the run under way, or starts one unless a recent failure is still backing off. */
  const ensureRun = (reason: RefreshReason): Promise<CachedToken> => {
    if (inflight !== undefined) return inflight;
    const now = options.now();
    if (lastError !== undefined && now < backoffUntil) {
      emit({ type: 'backoff-rejected', command: label, retryInMs: backoffUntil - now, code: lastError.code });
      return Promise.reject(lastError);
    }
    const run = ++runs;
    const started = execute(run);
    // Registered before any listener hears of the run, so a listener calling getToken() or
    // refresh() joins it instead of starting a second one.
    inflight = started;
    // Callers that gave up (signal) or background runs must not leave an unhandled rejection behind.
    started.catch(() => undefined);
    emit({ type: 'run-start', command: label, reason, run });
    return started;
  };

  const getToken = async (callOptions?: { signal?: AbortSignal | undefined }): Promise<string> => {
    const signal = callOptions?.signal;
    const now = options.now();
    const entry = cached;
    // An aborted caller gets the abort reason at once, even when a token is cached.
    if (signal?.aborted) throw signal.reason;
    if (entry !== undefined && !entry.rejected && (entry.hardAt === undefined || now < entry.hardAt)) {
      emit({ type: 'cache-hit', command: label });
      if (
        entry.softAt !== undefined &&
        now >= entry.softAt &&
        inflight === undefined &&
        now >= backoffUntil
      ) {
        // Refresh in the background; a failure is recorded (backoff, events) and the token still served.
        ensureRun('expiring').catch(() => undefined);
      }
      return entry.token;
    }
    const reason: RefreshReason = entry === undefined ? 'cold' : entry.rejected ? 'unauthorized' : 'expired';
    emit({ type: 'cache-miss', command: label, reason });
    const fresh = await waitFor(ensureRun(reason), signal);
    return fresh.token;
  };

  const refresh = async (refreshOptions?: { staleToken?: string | undefined }): Promise<string> => {
    const staleToken = refreshOptions?.staleToken;
    const entry = cached;
    // Kubernetes' rule: a stale token that is no longer the cached one was already replaced.
    if (entry === undefined || (staleToken !== undefined && entry.token !== staleToken)) return getToken();
    if (inflight !== undefined) return (await inflight).token;
    entry.rejected = true;
    return (await ensureRun('unauthorized')).token;
  };

  const describe = (): CommandTokenSourceDescription => ({
    command: label,
    runs,
    failures,
    ...(cached?.expiresAt === undefined ? {} : { expiresAt: new Date(cached.expiresAt) }),
  });

  return {
    getToken,
    refresh,
    async authorize(request, authorizeOptions) {
      const token = await getToken(authorizeOptions);
      lastSent = token;
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers)) {
        if (name.toLowerCase() !== 'authorization') headers[name] = value;
      }
      headers.authorization = `Bearer ${token}`;
      return { ...request, headers };
    },
    async recover(response, request) {
      if (response.status !== 401) return false;
      // The token this request carried: with concurrent requests, the last one handed out may be
      // a newer token that another request's recovery already fetched (refreshing it would waste it).
      const sent = (request === undefined ? undefined : bearerOf(request)) ?? lastSent;
      const fresh = await refresh(sent === undefined ? {} : { staleToken: sent });
      // The same token again would only earn the same 401.
      return fresh !== sent;
    },
    describe,
    toJSON: describe,
    [Symbol.for('nodejs.util.inspect.custom')]: () => ({ CommandTokenSource: describe() }),
  } as CommandTokenSource;
}
