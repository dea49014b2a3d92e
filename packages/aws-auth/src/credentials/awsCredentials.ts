/**
 * AWS credentials. `expiration` marks temporary credentials that must be refreshed.
 * @public
 */
export interface AwsCredentials {
  /** The key's ID (`AKIA…` long-term, `ASIA…` temporary); not a secret: signatures name it. */
  accessKeyId: string;
  /**
   * The secret that signs requests, never sent; our sources make it non-enumerable (out of JSON and logs).
   */
  secretAccessKey: string;
  /** Temporary credentials' session token, sent as `x-amz-security-token`; absent for long-term keys. */
  sessionToken?: string | undefined;
  /** When temporary credentials stop working; absent for credentials that do not expire. */
  expiration?: Date | undefined;
}

/**
 * Options every credential provider accepts; `forceRefresh` bypasses any cache (after a 401).
 * @public
 */
export interface CredentialsRequestOptions {
  /** Ask the source again rather than answer from a cache (set after the server refused a signature). */
  forceRefresh?: boolean | undefined;
}

/**
 * A function that resolves AWS credentials. Providers may ignore `options`.
 * @public
 */
export type AwsCredentialsProvider = (options?: CredentialsRequestOptions) => Promise<AwsCredentials>;
