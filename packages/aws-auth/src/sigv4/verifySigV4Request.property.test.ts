// Property: for random requests signed by signRequest, the genuine request verifies and every single
// mutation (see src/__testing__/sigv4Mutations.ts) is refused. SIGV4_PROPERTY_RUNS raises the count.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MUTATIONS, type MutationContext } from '../__testing__/sigv4Mutations.js';
import { signRequest } from './signRequest.js';
import { type ReceivedRequest, verifySigV4Request } from './verifySigV4Request.js';

const RUNS = Number(process.env.SIGV4_PROPERTY_RUNS ?? '') || 150;
const SERVICES = ['bedrock-mantle', 'bedrock'];
const REGIONS = ['us-east-1', 'eu-west-1'];
const credentials = {
  accessKeyId: 'AKIDPROPERTY00000000',
  secretAccessKey: 'property-secret-key-0000000000000000000',
};

const chars = (alphabet: string, minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...alphabet), minLength, maxLength });
const LOWER = 'abcdefghijklmnopqrstuvwxyz0123456789';
const VALUE = `${LOWER}ABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%&'*+.^_|~-`;

const hostArb = fc
  .tuple(
    fc.oneof(
      fc
        .array(
          fc.tuple(chars('abcdefghijklmnopqrstuvwxyz', 1, 1), chars(LOWER, 0, 9)).map(([a, b]) => a + b),
          { minLength: 1, maxLength: 3 },
        )
        .map((labels) => labels.join('.')),
      fc.ipV4(),
      fc.constant('[::1]'),
    ),
    fc.option(fc.integer({ min: 1024, max: 65535 }), { nil: undefined }),
  )
  .map(([name, port]) => (port === undefined ? name : `${name}:${port}`));

const requestArb = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
  host: hostArb,
  segments: fc.array(chars(`${LOWER}ABC_~:-`, 1, 8), { maxLength: 4 }),
  query: fc.array(fc.tuple(chars(LOWER, 1, 6), chars(`${LOWER}ABC_~-`, 0, 8)), { maxLength: 4 }),
  headers: fc.dictionary(
    chars('abcdefghijklmnopqrstuvwxyz', 1, 6).map((s) => `x-h-${s}`),
    chars(VALUE, 1, 12),
    { maxKeys: 3 },
  ),
  body: fc.uint8Array({ maxLength: 64 }),
  sessionToken: fc.option(chars(`${LOWER}ABCDEF+/=`, 8, 40), { nil: undefined }),
  service: fc.constantFrom(...SERVICES),
  region: fc.constantFrom(...REGIONS),
  // Whole seconds: x-amz-date has no finer unit.
  at: fc.integer({ min: 1_500_000_000, max: 2_000_000_000 }).map((s) => s * 1000),
});
type Shape = typeof requestArb extends fc.Arbitrary<infer T> ? T : never;

async function signedReceived(shape: Shape): Promise<ReceivedRequest> {
  const path = `/${shape.segments.join('/')}`;
  const query = shape.query.map(([k, v]) => `${k}=${v}`).join('&');
  const url = new URL(`http://${shape.host}${path}${query ? `?${query}` : ''}`);
  const signed = await signRequest(
    { method: shape.method, url: url.href, headers: shape.headers, body: shape.body },
    {
      region: shape.region,
      service: shape.service,
      signingDate: new Date(shape.at),
      credentials: {
        ...credentials,
        ...(shape.sessionToken === undefined ? {} : { sessionToken: shape.sessionToken }),
      },
    },
  );
  return {
    method: signed.method,
    target: `${url.pathname}${url.search}`,
    headers: signed.headers,
    body: shape.body,
  };
}

const verifyOptions = (shape: Shape) => ({
  credentials: {
    ...credentials,
    ...(shape.sessionToken === undefined ? {} : { sessionToken: shape.sessionToken }),
  },
  region: shape.region,
  services: SERVICES,
  now: () => shape.at,
});

describe('verifySigV4Request (property)', () => {
  const kinds = Object.keys(MUTATIONS);

  it(`accepts the genuine request and refuses each of ${kinds.length} kinds of single mutation (${RUNS} runs)`, async () => {
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(requestArb, fc.nat(), async (shape, pick) => {
        const genuine = await signedReceived(shape);
        const options = verifyOptions(shape);
        const verdict = await verifySigV4Request(genuine, options);
        expect(verdict, 'the genuine request').toMatchObject({ ok: true });
        const context: MutationContext = {
          region: shape.region,
          otherRegion: REGIONS.find((r) => r !== shape.region) as string,
          service: shape.service,
          otherService: SERVICES.find((s) => s !== shape.service) as string,
          pick,
        };
        for (const kind of kinds) {
          const mutated = (MUTATIONS[kind] as (typeof MUTATIONS)[string])(genuine, context);
          expect(mutated, kind).not.toEqual(genuine);
          const result = await verifySigV4Request(mutated, options);
          expect(result.ok, `${kind}: ${JSON.stringify(mutated)}`).toBe(false);
          refused += 1;
        }
      }),
      { numRuns: RUNS },
    );
    expect(refused).toBe(RUNS * kinds.length);
  });
});
