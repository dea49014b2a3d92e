/** One request broken into what SigV4 signs. `path` and `query` are exactly as sent on the wire. */
export interface SignParts {
  method: string;
  protocol: string;
  hostname: string;
  path: string;
  query: string;
  /** Lower-case names; must include `host`. Caller-owned auth headers already removed. */
  headers: Record<string, string>;
  body?: string | Uint8Array | undefined;
}

/** How one request is signed. */
export interface SignPartsOptions {
  signingDate: Date;
  normalizePath: boolean;
  uriEscapePath: boolean;
  /** Send and sign `x-amz-content-sha256`. */
  contentSha256Header: boolean;
  unsignableHeaders: Set<string>;
}

/** The two engines: `native` (node:crypto, in Node) or `smithy` (@smithy/signature-v4, elsewhere). */
export type SignerEngine = 'native' | 'smithy';

/** What an engine does: signs the parts and returns the complete header set to send (lower-case names). */
export interface EngineSigner {
  sign(parts: SignParts, options: SignPartsOptions): Promise<Record<string, string>>;
}

/** A reusable signer for one (region, service, credentials) triple, saying which engine it runs. */
export interface Signer extends EngineSigner {
  readonly engine: SignerEngine;
}
