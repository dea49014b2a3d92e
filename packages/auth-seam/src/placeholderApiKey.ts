/**
 * The API key our client options give a client (`new OpenAI({ apiKey })`, `createOpenAI`) that
 * insists on one. It is not a credential: a fetch of ours that authorizes requests itself recognises
 * the `Authorization: Bearer <this>` the client derives from it and removes it before adding its own.
 * @public
 */
export const PLACEHOLDER_API_KEY = 'x-auth-placeholder-replaced-by-fetch';

/**
 * Whether an `Authorization` header value is the one a client derives from
 * {@link PLACEHOLDER_API_KEY} (any case of the scheme, surrounding whitespace ignored).
 * @public
 */
export function isPlaceholderAuthorization(value: string | undefined): boolean {
  if (value === undefined) return false;
  const match = /^Bearer\s+(\S+)$/i.exec(value.trim());
  return match?.[1] === PLACEHOLDER_API_KEY;
}
