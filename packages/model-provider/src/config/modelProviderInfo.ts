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
  profile?: string | undefined;
  region?: string | undefined;
}

/**
 * One `[model_providers.<id>]` table as validated, with Codex's field names (see the README's table).
 * @public
 */
export interface ModelProviderInfo {
  name: string;
  base_url?: string | undefined;
  env_key?: string | undefined;
  env_key_instructions?: string | undefined;
  experimental_bearer_token?: string | undefined;
  auth?: ProviderAuthConfig | undefined;
  aws?: ProviderAwsConfig | undefined;
  wire_api?: 'responses' | undefined;
  query_params?: Record<string, string> | undefined;
  http_headers?: Record<string, string> | undefined;
  env_http_headers?: Record<string, string> | undefined;
  request_max_retries?: number | undefined;
  stream_max_retries?: number | undefined;
  stream_idle_timeout_ms?: number | undefined;
  requires_openai_auth?: boolean | undefined;
  supports_websockets?: boolean | undefined;
}

/**
 * What a config table may set for a built-in Amazon Bedrock provider.
 * @public
 */
export type BuiltInOverride = Pick<ModelProviderInfo, 'base_url' | 'auth' | 'http_headers' | 'aws'>;
