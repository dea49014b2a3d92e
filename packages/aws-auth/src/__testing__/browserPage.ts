// What the browser test runs inside the page. The test bundles this with the built package for a
// browser and calls these functions through `globalThis.awsAuthPage`; each returns plain data (error
// codes, not errors) so that it crosses into Node unchanged.
import type * as AwsAuth from '../index.js';

type Library = typeof AwsAuth;

/** Where the page sends its Bedrock requests: the page's own loopback origin. */
export interface PageTarget {
  baseUrl: string;
}

export interface PageResponse {
  status: number;
  body: string;
}

export interface SignInput {
  request: { method: string; url: string; headers: Record<string, string>; body: string };
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  region: string;
  service: string;
  signingDateMs: number;
}

const BODY = JSON.stringify({ model: 'openai.gpt-oss-120b', input: 'hi' });

function codeOf(error: unknown): string {
  return (error as { code?: string }).code ?? `uncoded ${(error as Error).name}`;
}

function pageFunctions(lib: Library) {
  const target = (page: PageTarget) =>
    ({ baseUrl: page.baseUrl, endpoint: 'mantle', region: 'us-east-1', env: {} }) as const;
  const post = async (bedrockFetch: AwsAuth.BedrockFetch, page: PageTarget): Promise<PageResponse> => {
    const response = await bedrockFetch(`${page.baseUrl}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: BODY,
    });
    return { status: response.status, body: await response.text() };
  };
  return {
    /** Whether anything of Node is visible to the page. */
    runtime: () => ({
      process: typeof (globalThis as { process?: unknown }).process,
      require: typeof (globalThis as { require?: unknown }).require,
      Buffer: typeof (globalThis as { Buffer?: unknown }).Buffer,
    }),
    /** A POST through createBedrockFetch with a Bedrock API key. */
    withApiKey: (page: PageTarget, apiKey: string) =>
      post(lib.createBedrockFetch({ ...target(page), apiKey }), page),
    /** A POST with a token provider that hands out `tokens` in turn; also how it was called. */
    withTokenProvider: async (page: PageTarget, tokens: string[]) => {
      const calls: boolean[] = [];
      const tokenProvider: AwsAuth.BedrockTokenProvider = (options) => {
        calls.push(options?.forceRefresh === true);
        return tokens[Math.min(calls.length, tokens.length) - 1] ?? '';
      };
      const response = await post(lib.createBedrockFetch({ ...target(page), tokenProvider }), page);
      return { ...response, forceRefreshCalls: calls };
    },
    /** A POST signed with SigV4 in the page (static keys). */
    withSigV4: (page: PageTarget, credentials: SignInput['credentials']) =>
      post(lib.createBedrockFetch({ ...target(page), credentials }), page),
    /** What authorize does with no credential at all: the default chain, which needs the AWS SDK. */
    withNothing: async (page: PageTarget) => {
      const auth = lib.createBedrockAuth(target(page));
      try {
        await auth.authorize({ method: 'POST', url: `${page.baseUrl}/responses`, headers: {}, body: BODY });
        return 'authorized';
      } catch (error) {
        return codeOf(error);
      }
    },
    /** A short-term Bedrock API key made in the page (presigned by the smithy engine). */
    apiKey: (input: SignInput) =>
      lib.createBedrockApiKey({
        region: input.region,
        credentials: input.credentials,
        signingDate: new Date(input.signingDateMs),
      }),
    /** The headers signRequest gives in the page, and what asking for the native engine does. */
    sign: async (input: SignInput) => {
      const options = {
        region: input.region,
        service: input.service,
        credentials: input.credentials,
        signingDate: new Date(input.signingDateMs),
      };
      const signed = await lib.signRequest(input.request, options);
      let native = 'signed';
      try {
        await lib.signRequest(input.request, { ...options, engine: 'native' });
      } catch (error) {
        native = codeOf(error);
      }
      return { headers: signed.headers, native };
    },
  };
}

export type PageFunctions = ReturnType<typeof pageFunctions>;

/** Puts the page functions on `globalThis.awsAuthPage`. */
export function installBrowserPage(lib: Library): void {
  (globalThis as { awsAuthPage?: PageFunctions }).awsAuthPage = pageFunctions(lib);
}
