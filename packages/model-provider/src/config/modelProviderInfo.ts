/**
 * `[model_providers.<id>.auth]`: a command that prints a bearer token (see `@x/external-bearer`).
 * @public
 */
export interface ProviderAuthConfig {
  /** Program to run; bare names are looked up on PATH. */
  command: string;
  /** Arguments, passed as an argv array, never through a shell. */
  args?: string[] | undefined;
  /** Default 5000. */
  timeout_ms?: number | undefined;
  /** Default 300000; 0 refreshes only after a 401. */
  refresh_interval_ms?: number | undefined;
  /** Working directory of the command (absolute). */
  cwd?: string | undefined;
}

/**
 * `[model_providers.<id>.aws]`: the AWS profile and region of a Bedrock provider.
 * @public
 */
export interface ProviderAwsConfig {
  /**
   * AWS profile whose credentials sign every request; a stored key and `AWS_BEARER_TOKEN_BEDROCK` are then
   * ignored.
   */
  profile?: string | undefined;
  /**
   * AWS region of the endpoint; else `AWS_REGION`, `AWS_DEFAULT_REGION`, the profile, a stored key's,
   * `us-east-1`.
   */
  region?: string | undefined;
}

/**
 * One `[model_providers.<id>]` table as validated, with Codex's field names (see the README's table).
 * @public
 */
export interface ModelProviderInfo {
  /** Display name, as `registry.list()` shows it; required and not blank. */
  name: string;
  /**
   * The API's `http(s)` base URL, without user name or password; a Bedrock provider derives it from its
   * region when absent.
   */
  base_url?: string | undefined;
  /**
   * Environment variable holding the API key, read once when the provider is built; unset or blank is
   * MISSING_ENV_KEY.
   */
  env_key?: string | undefined;
  /** Told to the user in the MISSING_ENV_KEY message, e.g. where to get a key. */
  env_key_instructions?: string | undefined;
  /**
   * A bearer token written in the config itself (discouraged; never printed); used when `env_key` is absent.
   */
  experimental_bearer_token?: string | undefined;
  /**
   * A command that prints a bearer token; not combinable with `env_key`, `experimental_bearer_token`,
   * `requires_openai_auth`.
   */
  auth?: ProviderAuthConfig | undefined;
  /**
   * Signs requests with AWS SigV4 (Bedrock); not combinable with the other auth fields or
   * `supports_websockets`.
   */
  aws?: ProviderAwsConfig | undefined;
  /** The wire protocol: only `responses` (the default) remains; `chat` is refused with WIRE_API_REMOVED. */
  wire_api?: 'responses' | undefined;
  /**
   * Query parameters added to every request URL that does not set them already (an Azure `api-version`, say).
   */
  query_params?: Record<string, string> | undefined;
  /**
   * Headers added to every request, name to literal value; they replace a caller's header of the same name.
   */
  http_headers?: Record<string, string> | undefined;
  /**
   * Headers added to every request, name to the environment variable holding the value; skipped when unset or
   * blank.
   */
  env_http_headers?: Record<string, string> | undefined;
  /**
   * Retries after 408, 409, 429, 5xx, transport errors and response timeouts (default 4; above 100 counts as
   * 100).
   */
  request_max_retries?: number | undefined;
  /** Re-requests of a stream that fails before its first byte (default 5; above 100 counts as 100). */
  stream_max_retries?: number | undefined;
  /** Milliseconds a stream may stay silent, and the wait for response headers (default 300000). */
  stream_idle_timeout_ms?: number | undefined;
  /**
   * Authorize with the login kept by `@x/auth-store` (API key, ChatGPT, Agent Identity...); default false.
   */
  requires_openai_auth?: boolean | undefined;
  /**
   * Codex's flag for providers that take the Responses API over WebSocket; recorded only (this package speaks
   * HTTP).
   */
  supports_websockets?: boolean | undefined;
}

/**
 * What a config table may set for a built-in Amazon Bedrock provider.
 * @public
 */
export type BuiltInOverride = Pick<ModelProviderInfo, 'base_url' | 'auth' | 'http_headers' | 'aws'>;
