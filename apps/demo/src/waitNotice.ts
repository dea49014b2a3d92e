import type { AuthMethod, RetryEvent } from '@x/model-provider';

/** Waits shorter than this pass silently. */
const NOTICE_AFTER_MS = 1000;

/**
 * Tells the user, on stderr, when a request waits a second or more: before a retry's wait, and when
 * its credentials (a token command, the AWS credential chain) take that long. Silent when disabled
 * (stderr is not a terminal and `--progress` was not given), so piped output stays clean.
 */
export interface WaitNotice {
  /** For the registry's `onRetry`: says how long it waits and why, when that is a second or more. */
  onRetry(event: RetryEvent, providerId: string): void;
  /** Wraps the registry's transport: an attempt going out means its credentials are ready. */
  transport(send: typeof fetch): typeof fetch;
  /** Wraps a provider's fetch: says so when `waitingFor` keeps a request from going out for a second. */
  watch(send: typeof fetch, waitingFor: string): typeof fetch;
}

const WHY: Record<RetryEvent['reason'], (event: RetryEvent) => string> = {
  status: (event) => `after ${event.status}`,
  transport: () => 'after a connection failure',
  'response-timeout': () => 'after no response came',
  stream: () => 'after the stream broke off',
};

/** `retrying in 2.0 s after 503 (attempt 2 of 5)`: the attempt about to be made, of all allowed. */
export function retryNotice(event: RetryEvent): string {
  const seconds = (event.delayMs / 1000).toFixed(1);
  return `retrying in ${seconds} s ${WHY[event.reason](event)} (attempt ${event.attempt + 1} of ${event.maxRetries + 1})`;
}

export function createWaitNotice(enabled: boolean, write: (line: string) => void): WaitNotice {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let waitingFor = 'credentials';
  const say = (text: string): void => {
    if (enabled) write(`xdemo: ${text}\n`);
  };
  const disarm = (): void => {
    clearTimeout(timer);
    timer = undefined;
  };
  /** Says what the request waits for, unless an attempt goes out within `ms`. */
  const arm = (ms: number): void => {
    disarm();
    if (!enabled) return;
    timer = setTimeout(() => say(`waiting for ${waitingFor}…`), ms);
    timer.unref();
  };
  return {
    onRetry(event) {
      if (event.delayMs >= NOTICE_AFTER_MS) say(retryNotice(event));
      // After the wait, the next attempt is authorized afresh: that may take a while too.
      arm(event.delayMs + NOTICE_AFTER_MS);
    },
    transport: (send) => (input, init) => {
      disarm();
      return send(input, init);
    },
    watch: (send, label) => async (input, init) => {
      waitingFor = label;
      arm(NOTICE_AFTER_MS);
      try {
        return await send(input, init);
      } finally {
        disarm();
      }
    },
  };
}

/** What a provider with this auth method may keep a request waiting for before it goes out. */
export function credentialWait(method: AuthMethod): string {
  if (method === 'command') return 'the token command';
  if (method === 'aws-bedrock') return 'AWS credentials (the credential chain)';
  if (method === 'openai-login') return 'the stored login to refresh';
  return 'credentials';
}
