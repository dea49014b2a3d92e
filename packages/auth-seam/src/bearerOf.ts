/**
 * The bearer token an `Authorization` header carries, whatever the header name's case; `undefined`
 * when there is none or it uses another scheme.
 * @public
 */
export function bearerOf(headers: Record<string, string>): string | undefined {
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() === 'authorization') return /^Bearer\s+(\S+)$/i.exec(value.trim())?.[1];
  }
  return undefined;
}
