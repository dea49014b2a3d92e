// Test-only: small edits of a received request, the building blocks of the SigV4 mutations.
import type { ReceivedRequest } from '../sigv4/verifySigV4Request.js';

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** `text` with the character at `pick` (modulo its length) replaced by a different letter or digit. */
export function changeChar(text: string, pick: number): string {
  if (text === '') return ALNUM[pick % ALNUM.length] as string;
  const at = pick % text.length;
  const choices = ALNUM.replace(text[at] as string, '');
  return `${text.slice(0, at)}${choices[pick % choices.length]}${text.slice(at + 1)}`;
}

/** `path` with one character that is not a `/` changed (`/` becomes `/p`). */
export function changePathChar(path: string, pick: number): string {
  const positions = [...path].map((ch, i) => (ch === '/' ? -1 : i)).filter((i) => i >= 0);
  if (positions.length === 0) return `${path}p`;
  const at = positions[pick % positions.length] as number;
  return `${path.slice(0, at)}${changeChar(path[at] as string, pick)}${path.slice(at + 1)}`;
}

export function header(request: ReceivedRequest, name: string): string {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : (value ?? '');
}

export function withHeader(
  request: ReceivedRequest,
  name: string,
  value: string | undefined,
): ReceivedRequest {
  const headers = { ...request.headers };
  if (value === undefined) delete headers[name];
  else headers[name] = value;
  return { ...request, headers };
}

export function splitTarget(target: string): { path: string; pairs: string[] } {
  const q = target.indexOf('?');
  if (q === -1) return { path: target, pairs: [] };
  return { path: target.slice(0, q), pairs: target.slice(q + 1).split('&') };
}

export function joinTarget(path: string, pairs: string[]): string {
  return pairs.length === 0 ? path : `${path}?${pairs.join('&')}`;
}

export function withQuery(
  request: ReceivedRequest,
  change: (pairs: string[], pick: number) => string[],
  pick: number,
) {
  const { path, pairs } = splitTarget(request.target);
  return { ...request, target: joinTarget(path, change([...pairs], pick)) };
}

/** The names in the SignedHeaders list of the request's Authorization header. */
export function signedNames(request: ReceivedRequest): string[] {
  return /SignedHeaders=([^,]+)/.exec(header(request, 'authorization'))?.[1]?.split(';') ?? [];
}

export function withAuthorization(
  request: ReceivedRequest,
  change: (value: string) => string,
): ReceivedRequest {
  return withHeader(request, 'authorization', change(header(request, 'authorization')));
}

export function shiftAmzDate(value: string, seconds: number): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return `${value}0`;
  const ms = Date.UTC(+(m[1] ?? 0), +(m[2] ?? 1) - 1, +(m[3] ?? 1), +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  return new Date(ms + seconds * 1000).toISOString().replace(/[-:]|\.\d{3}/g, '');
}
