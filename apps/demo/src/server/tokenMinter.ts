import { randomBytes } from 'node:crypto';

export interface MintedToken {
  token: string;
  expiresAt: Date;
}

/**
 * Short-lived bearer tokens the embedded server hands to the demo's token command. Expiring them on
 * demand lets the tour drive the 401 -> refresh -> retry path for real.
 */
export class TokenMinter {
  readonly #tokens = new Map<string, number>();
  minted = 0;

  constructor(
    readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  mint(): MintedToken {
    const token = `demo-cmd-${randomBytes(18).toString('base64url')}`;
    const expiresAt = this.now() + this.ttlMs;
    this.#tokens.set(token, expiresAt);
    this.minted++;
    return { token, expiresAt: new Date(expiresAt) };
  }

  /** 'valid', 'expired' or 'unknown'. */
  check(token: string): 'valid' | 'expired' | 'unknown' {
    const expiresAt = this.#tokens.get(token);
    if (expiresAt === undefined) return 'unknown';
    return expiresAt > this.now() ? 'valid' : 'expired';
  }

  /** Expires every token minted so far, as a server-side revocation would. */
  expireAll(): number {
    const now = this.now();
    for (const token of this.#tokens.keys()) this.#tokens.set(token, now);
    return this.#tokens.size;
  }
}
