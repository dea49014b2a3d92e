// Test-only: a loopback stand-in for Bedrock Mantle's OpenAI-compatible API. It verifies every
// credential (a known bearer, or a SigV4 signature recomputed with verifySigV4Request) and answers
// `POST …/responses` and `POST …/chat/completions` with the text `<how it verified>: <input>`.

import { type LoopbackServer, type ReceivedRequest, sendJson, startLoopbackServer } from '@x/test-kit';
import type { AwsCredentials } from '../credentials/awsCredentials.js';
import { verifySigV4Request } from '../sigv4/verifySigV4Request.js';

export interface FakeMantleOptions {
  region: string;
  /** Keys the server knows for SigV4. */
  keys?: AwsCredentials | undefined;
  /** Bedrock API keys it accepts as bearers. */
  bearers?: readonly string[] | undefined;
  /** Answers given, one per request and in order, before the normal ones: e.g. a 429 to retry. */
  failures?: Array<{ status: number; headers?: Record<string, string> }> | undefined;
}

async function verify(req: ReceivedRequest, options: FakeMantleOptions): Promise<string | undefined> {
  const authorization = String(req.headers.authorization ?? '');
  if (authorization.startsWith('Bearer ')) {
    return options.bearers?.includes(authorization.slice(7)) ? 'bearer' : undefined;
  }
  if (!options.keys) return undefined;
  const verdict = await verifySigV4Request(req, {
    credentials: options.keys,
    region: options.region,
    services: ['bedrock-mantle'],
  });
  return verdict.ok ? `sigv4:${verdict.service}` : undefined;
}

function answer(req: ReceivedRequest, verified: string): unknown {
  const body = JSON.parse(new TextDecoder().decode(req.body) || '{}') as Record<string, unknown>;
  const model = typeof body.model === 'string' ? body.model : 'test-model';
  if (req.target.startsWith('/openai/v1/chat/completions')) {
    const text = `${verified}: ${JSON.stringify(body.messages)}`;
    return {
      id: 'chatcmpl_1',
      object: 'chat.completion',
      created: 0,
      model,
      choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
    };
  }
  const text = `${verified}: ${typeof body.input === 'string' ? body.input : JSON.stringify(body.input)}`;
  const content = [{ type: 'output_text', text, annotations: [] }];
  return {
    id: 'resp_1',
    object: 'response',
    created_at: 0,
    status: 'completed',
    model,
    output: [{ type: 'message', id: 'msg_1', role: 'assistant', status: 'completed', content }],
  };
}

export function startFakeMantle(options: FakeMantleOptions): Promise<LoopbackServer> {
  const failures = [...(options.failures ?? [])];
  return startLoopbackServer((req, res) => {
    const failure = failures.shift();
    if (failure) {
      const error = { error: { message: `planned ${failure.status}`, type: 'test' } };
      return sendJson(res, failure.status, error, failure.headers);
    }
    verify(req, options).then(
      (verified) => {
        if (!verified) return sendJson(res, 403, { message: 'credential not accepted' });
        sendJson(res, 200, answer(req, verified));
      },
      () => sendJson(res, 500, { message: 'verifier failed' }),
    );
  });
}
