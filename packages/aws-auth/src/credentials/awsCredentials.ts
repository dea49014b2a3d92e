/**
 * AWS credentials. `expiration` marks temporary credentials that must be refreshed.
 * @public
 */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string | undefined;
  expiration?: Date | undefined;
}

/**
 * Options every credential provider accepts; `forceRefresh` bypasses any cache (after a 401).
 * @public
 */
export interface CredentialsRequestOptions {
  forceRefresh?: boolean | undefined;
}

/**
 * A function that resolves AWS credentials. Providers may ignore `options`.
 * @public
 */
export type AwsCredentialsProvider = (options?: CredentialsRequestOptions) => Promise<AwsCredentials>;
