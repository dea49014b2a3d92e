// The README example of @x/auth-seam, run against the package as npm installed it: an auth source
// written against the seam, and the helpers it uses.
import { bearerOf, isHeaderValue, isRecoverableStatus } from '@x/auth-seam';

const source = {
  async authorize(request, { signal } = {}) {
    signal?.throwIfAborted();
    const token = process.env.MY_TOKEN ?? '';
    if (!isHeaderValue(token)) throw new Error('MY_TOKEN holds characters a header cannot carry');
    return { ...request, headers: { ...request.headers, authorization: `Bearer ${token}` } };
  },
  describe: () => ({ source: 'env', variable: 'MY_TOKEN' }),
};

process.env.MY_TOKEN = 'tok-seam';
const ready = await source.authorize({ method: 'GET', url: 'http://127.0.0.1/models', headers: {} });
console.log(
  JSON.stringify({
    bearer: bearerOf(ready.headers),
    refusesNewline: !isHeaderValue('a\nb'),
    recovers401: isRecoverableStatus(401),
  }),
);
