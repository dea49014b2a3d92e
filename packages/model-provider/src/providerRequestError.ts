/** Stable codes of {@link ProviderRequestError}. */
export type ProviderRequestErrorCode =
  | 'ORIGIN_MISMATCH'
  | 'INVALID_URL'
  | 'UNSUPPORTED_BODY'
  | 'TRANSPORT'
  | 'STREAM_IDLE_TIMEOUT'
  | 'MODELS_RESPONSE'
  | 'INVALID_HEADER_VALUE'
  | 'RESPONSE_TIMEOUT';

/**
 * Raised by a provider's `fetch` when a request cannot be sent or its stream stalls. HTTP error
 * statuses are not errors here: the response is returned as the server sent it.
 */
export class ProviderRequestError extends Error {
  override readonly name = 'ProviderRequestError';
  readonly code: ProviderRequestErrorCode;

  constructor(code: ProviderRequestErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
