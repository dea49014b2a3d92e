/**
 * The headers with lower-case names: the one place the pipeline normalizes names, so that a
 * caller's `Authorization` and a provider's `authorization` are one header. Later names win.
 */
export function lowerCaseHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = value;
  return out;
}
