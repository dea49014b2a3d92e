/** A finished HTTP request: the exact method, URL, headers and body bytes that will be sent. */
export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

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

/** The part of an HTTP response `recover()` looks at. */
export interface AuthResponse {
  status: number;
  headers: Headers | Record<string, string | undefined>;
  body?: string;
}
