import { backoffDelay } from '@x/auth-seam';
import { AuthStoreError } from '../errors.js';
import type { AgentKey } from '../model/agentKey.js';
import { rfc3339Seconds } from '../model/agentKey.js';
import type { AgentTask } from '../model/auth.js';
import { scrubCause } from '../model/scrubCause.js';
import { openSealedTaskId } from './openSealedTaskId.js';
import { redactedBody } from './redactedBody.js';

/**
 * Where Agent Identity tasks are registered unless `CODEX_AGENT_IDENTITY_AUTHAPI_BASE_URL` says otherwise.
 * @public
 */
export const DEFAULT_AGENT_AUTHAPI_BASE_URL = 'https://auth.openai.com/api/accounts';

const MAX_RETRIES = 4;
const BACKOFF_INITIAL_MS = 200;
const BACKOFF_MAX_MS = 5_000;

export interface RegisterAgentTaskOptions {
  /** The authapi base URL, without a trailing slash. */
  baseUrl: string;
  runtimeId: string;
  key: AgentKey;
  fetch: typeof fetch;
  /** How long one attempt may wait for its answer, in milliseconds. */
  timeoutMs: number;
  /** Values never to quote from a response (the identity's key and JWT). */
  secrets: readonly string[];
}

const retryable = (status: number): boolean => status === 429 || status >= 500;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function failed(message: string, cause?: unknown): AuthStoreError {
  return new AuthStoreError('AGENT_TASK_FAILED', message, cause === undefined ? undefined : { cause });
}

/** The task id of a registration response: plain, or sealed to the identity's key. */
async function taskIdOf(body: unknown, key: AgentKey, url: string): Promise<string> {
  const fields = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const plain = fields.task_id ?? fields.taskId;
  if (typeof plain === 'string' && plain.trim() !== '') return plain;
  const sealed = fields.encrypted_task_id ?? fields.encryptedTaskId;
  if (typeof sealed === 'string' && sealed !== '') return openSealedTaskId(sealed, key.seed());
  throw failed(`agent task registration at ${url} answered without a task id`);
}

/**
 * Registers this process's task for an Agent Identity: `POST {authapi}/v1/agent/{runtime id}/task/register`
 * with `{timestamp, signature}`, the signature being Ed25519 over `"{runtime id}:{timestamp}"`.
 * 429, 5xx and attempts left unanswered for `timeoutMs` are retried with backoff; any other failure is an
 * AGENT_TASK_FAILED naming the URL and status and quoting at most 512 redacted characters of the body.
 */
export async function registerAgentTask(options: RegisterAgentTaskOptions): Promise<AgentTask> {
  const url = `${options.baseUrl}/v1/agent/${encodeURIComponent(options.runtimeId)}/task/register`;
  let lastProblem = '';
  for (let attempt = 0; attempt <= MAX_RETRIES; attempt += 1) {
    if (attempt > 0) await sleep(backoffDelay(attempt, BACKOFF_INITIAL_MS, BACKOFF_MAX_MS));
    const timestamp = rfc3339Seconds(new Date());
    const signature = options.key.sign(`${options.runtimeId}:${timestamp}`);
    let response: Response;
    try {
      response = await options.fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ timestamp, signature }),
        redirect: 'manual',
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (cause) {
      if ((cause as { name?: unknown })?.name === 'TimeoutError') {
        lastProblem = `no answer within ${options.timeoutMs} ms (requestTimeoutMs)`;
        continue;
      }
      throw failed(
        `agent task registration at ${url} failed: the request could not be sent`,
        scrubCause(cause, options.secrets),
      );
    }
    if (response.ok) {
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        throw failed(
          `agent task registration at ${url} answered ${response.status} with a body that is not JSON`,
        );
      }
      return { taskId: await taskIdOf(body, options.key, url), createdAt: new Date().toISOString() };
    }
    const text = redactedBody(await response.text().catch(() => ''), [...options.secrets, signature]);
    lastProblem = `answered ${response.status}${text ? `: ${text}` : ''}`;
    if (!retryable(response.status)) throw failed(`agent task registration at ${url} ${lastProblem}`);
  }
  throw failed(
    `agent task registration at ${url} ${lastProblem} (gave up after ${MAX_RETRIES + 1} attempts)`,
  );
}
