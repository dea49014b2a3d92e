import { describe, expect, it } from 'vitest';
import type { AuthSource, FailedResponse, HttpRequest } from './httpRequest.js';

describe('the seam types', () => {
  it('take a fetch Response as a failed response, and a source sees it as it is', async () => {
    const seen: FailedResponse[] = [];
    const source: AuthSource = {
      async authorize(request: HttpRequest) {
        return { ...request, headers: { ...request.headers, authorization: 'Bearer t' } };
      },
      async recover(response) {
        seen.push(response);
        return response.status === 401;
      },
      describe: async () => ({ source: 'test' }),
    };
    const response = new Response('{"error":"expired"}', { status: 401 });
    expect(await source.recover?.(response)).toBe(true);
    expect(seen[0]?.status).toBe(401);
    expect(await source.describe()).toEqual({ source: 'test' });
  });
});
