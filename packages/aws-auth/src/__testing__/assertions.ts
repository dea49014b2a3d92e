// Test-only helpers shared by the test files.

import type { HttpRequest } from '@x/auth-seam';
import { thrownBy } from '@x/test-kit';
import { AwsAuthError } from '../errors.js';
import { type VerifyResult, verifySigV4 } from './verifySigV4.js';

/** Runs `fn`, expects it to throw an AwsAuthError, and returns it. */
export function errorOf(fn: () => unknown): AwsAuthError {
  return thrownBy(fn, AwsAuthError);
}

/** Checks a request our signer produced with the independent verifier, as a server would see it. */
export function verifiedRequest(signed: HttpRequest, secret: string): VerifyResult {
  const url = new URL(signed.url);
  return verifySigV4(
    {
      method: signed.method,
      target: `${url.pathname}${url.search}`,
      headers: signed.headers,
      body: new TextEncoder().encode(String(signed.body ?? '')),
    },
    () => secret,
  );
}
