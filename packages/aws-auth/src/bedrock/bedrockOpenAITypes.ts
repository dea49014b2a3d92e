import type { AwsCredentialsProvider } from '../credentials/awsCredentials.js';
import type { BedrockFetch, BedrockFetchOptions } from './bedrockFetch.js';
import type { BedrockTokenProvider } from './bedrockSource.js';

/**
 * The options of `bedrockOpenAIOptions`: those of `createBedrockFetch`, under their own names
 * and under the names of openai-node's `bedrock()` provider (`baseURL`, `accessKeyId`,
 * `secretAccessKey`, `sessionToken`, `credentialProvider`) and of its legacy `BedrockOpenAI` client
 * (`awsRegion`, `awsProfile`, `awsCredentialProvider`, `bedrockTokenProvider`). Two names of one
 * setting may not disagree; at most one way to authenticate may be given.
 * @public
 */
export interface BedrockOpenAIOptions extends BedrockFetchOptions {
  /**
   * The Bedrock base URL; else `AWS_BEDROCK_BASE_URL`, else the region's endpoint. `null` ignores
   * `AWS_BEDROCK_BASE_URL`. Same as `baseUrl`.
   */
  baseURL?: string | null | undefined;
  /** Static AWS keys, with `secretAccessKey` (and optionally `sessionToken`). */
  accessKeyId?: string | undefined;
  /** The secret key that goes with `accessKeyId`; neither may come without the other. */
  secretAccessKey?: string | undefined;
  /** The session token of temporary keys; only together with `accessKeyId` and `secretAccessKey`. */
  sessionToken?: string | undefined;
  /** Same as `credentialsProvider`. */
  credentialProvider?: AwsCredentialsProvider | undefined;
  /** Legacy name of `region`. */
  awsRegion?: string | undefined;
  /** Legacy name of `profile`. */
  awsProfile?: string | undefined;
  /** Legacy name of `credentialsProvider`. */
  awsCredentialProvider?: AwsCredentialsProvider | undefined;
  /** Legacy name of `tokenProvider`. */
  bedrockTokenProvider?: BedrockTokenProvider | undefined;
}

/**
 * What `new OpenAI(…)` (or `createOpenAI(…)` of `@ai-sdk/openai`) needs to talk to Bedrock.
 * @public
 */
export interface BedrockOpenAIClientOptions {
  /** The Bedrock endpoint's base URL. */
  baseURL: string;
  /**
   * A placeholder, not a credential: clients insist on a key, and the fetch removes the
   * `Authorization` they derive from it before signing or adding the Bedrock key.
   */
  apiKey: string;
  /** The Bedrock fetch: authorizes, recovers and retries every request. */
  fetch: BedrockFetch;
  /** 0: the fetch retries by itself (signing each attempt afresh), so the client must not. */
  maxRetries: 0;
}
