import type { HttpRequest } from '@x/auth-seam';

/**
 * A copy of `request` carrying `authorization: Bearer <token>`; any other Authorization header,
 * whatever its case, is dropped. The one place this package compares header names.
 */
export function withBearer(request: HttpRequest, token: string): HttpRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (name.toLowerCase() !== 'authorization') headers[name] = value;
  }
  headers.authorization = `Bearer ${token}`;
  return { ...request, headers };
}
