/**
 * Why a request was denied. AWS's own 403 error types where AWS answers the same way; `INVALID_HOST`
 * and `MIXED_AUTH` for requests refused before any signature is looked at.
 * @public
 */
export type SigV4DenialCode =
  | 'IncompleteSignatureException'
  | 'InvalidSignatureException'
  | 'SignatureDoesNotMatch'
  | 'UnrecognizedClientException'
  | 'XAmzContentSHA256Mismatch'
  | 'INVALID_HOST'
  | 'MIXED_AUTH';

/**
 * The outcome of {@link verifySigV4Request}: the caller's identity, or why the request was denied.
 * @public
 */
export type SigV4Verdict =
  | { ok: true; accessKeyId: string; region: string; service: string }
  | { ok: false; code: SigV4DenialCode; message: string };

/** A refusal with AWS's code and message. */
export function deny(code: SigV4DenialCode, message: string): SigV4Verdict {
  return { ok: false, code, message };
}
