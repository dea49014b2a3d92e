import { verifySigV4Request } from '@x/aws-auth';
import { type LoopbackServer, sendJson, startLoopbackServer } from '@x/test-kit';

export const TEST_AWS_KEYS = {
  accessKeyId: 'AKIDMODELPROVIDER000',
  secretAccessKey: 'model-provider-test-secret-000000000000',
} as const;

/**
 * A small OpenAI-compatible loopback server that verifies every credential: a bearer from the
 * accepted list, or a SigV4 signature it recomputes with {@link TEST_AWS_KEYS} (403 otherwise). It
 * serves `GET …/models` and `POST …/responses` (JSON, or SSE with `stream: true`) and reports what it
 * verified in the `x-verified` header and the answer's text.
 */
export async function startVerifyingServer(
  options: { region?: string; bearers?: readonly string[] } = {},
): Promise<LoopbackServer> {
  return startLoopbackServer(async (req, res) => {
    const authorization = String(req.headers.authorization ?? '');
    let verified: string;
    if (authorization.startsWith('Bearer ')) {
      if (!options.bearers?.includes(authorization.slice(7)))
        return sendJson(res, 401, { error: { message: 'bad bearer' } });
      verified = 'bearer';
    } else {
      const verdict = await verifySigV4Request(req, {
        credentials: TEST_AWS_KEYS,
        region: options.region ?? 'us-east-1',
        services: ['bedrock-mantle', 'bedrock'],
      });
      if (!verdict.ok) return sendJson(res, 403, { message: verdict.message });
      verified = `sigv4:${verdict.service}`;
    }
    res.setHeader('x-verified', verified);
    if (req.target.split('?')[0]?.endsWith('/models')) {
      return sendJson(res, 200, {
        object: 'list',
        data: [{ id: 'test-model', object: 'model', created: 0, owned_by: 'test' }],
      });
    }
    const body = JSON.parse(req.body.toString() || '{}') as {
      model?: string;
      input?: unknown;
      stream?: boolean;
    };
    const text = `${verified}: ${typeof body.input === 'string' ? body.input : JSON.stringify(body.input)}`;
    const response = {
      id: 'resp_1',
      object: 'response',
      created_at: 0,
      status: 'completed',
      model: body.model ?? 'test-model',
      output: [
        {
          type: 'message',
          id: 'msg_1',
          role: 'assistant',
          status: 'completed',
          content: [{ type: 'output_text', text, annotations: [] }],
        },
      ],
    };
    if (!body.stream) return sendJson(res, 200, response);
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const events = [
      { type: 'response.created', response: { ...response, status: 'in_progress', output: [] } },
      ...text.split(/(?<= )/).map((delta) => ({
        type: 'response.output_text.delta',
        item_id: 'msg_1',
        output_index: 0,
        content_index: 0,
        delta,
      })),
      { type: 'response.completed', response },
    ];
    for (const [sequence_number, event] of events.entries()) {
      res.write(`event: ${event.type}\ndata: ${JSON.stringify({ ...event, sequence_number })}\n\n`);
    }
    res.end();
  });
}
