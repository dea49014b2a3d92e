/** AWS credentials. `expiration` marks temporary credentials that must be refreshed. */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

/** Options every credential provider accepts; `forceRefresh` bypasses any cache (after a 401). */
export interface CredentialsRequestOptions {
  forceRefresh?: boolean;
}

/** A function that resolves AWS credentials. Providers may ignore `options`. */
export type AwsCredentialsProvider = (options?: CredentialsRequestOptions) => Promise<AwsCredentials>;
