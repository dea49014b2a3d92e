// Test-only helpers: reading the AWS SigV4 suite copied into src/sigv4/fixtures (never shipped).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const VECTOR_DIR = fileURLToPath(new URL('../sigv4/fixtures/', import.meta.url));

export interface VectorCase {
  name: string;
  context: {
    credentials: { access_key_id: string; secret_access_key: string; token?: string | undefined };
    normalize: boolean;
    region: string;
    service: string;
    sign_body: boolean;
    timestamp: string;
    omit_session_token?: boolean | undefined;
  };
  method: string;
  /** The request-target path exactly as written in request.txt. */
  path: string;
  /** The raw query string after `?`, or ''. */
  query: string;
  /** Header names as written; repeated names joined with `,`; folded lines kept with `\n`. */
  headers: Record<string, string>;
  body: string | undefined;
  expectedAuthorization: string;
  expectedSignature: string;
  expectedSignedHeaders: string;
  signedRequest: string;
}

export function parseRequest(
  text: string,
): Pick<VectorCase, 'method' | 'path' | 'query' | 'headers' | 'body'> {
  const blank = text.indexOf('\n\n');
  const head = blank === -1 ? text : text.slice(0, blank);
  const body = blank === -1 ? undefined : text.slice(blank + 2);
  const [requestLine = '', ...lines] = head.split('\n');
  const method = requestLine.slice(0, requestLine.indexOf(' '));
  const target = requestLine.slice(method.length + 1, requestLine.lastIndexOf(' HTTP/'));
  const q = target.indexOf('?');
  const headers: Record<string, string> = {};
  let last: string | undefined;
  for (const line of lines) {
    if (line === '') continue;
    if (/^[ \t]/.test(line) && last !== undefined) {
      headers[last] = `${headers[last]}\n${line}`;
      continue;
    }
    const colon = line.indexOf(':');
    const name = line.slice(0, colon);
    const value = line.slice(colon + 1);
    headers[name] = headers[name] === undefined ? value : `${headers[name]},${value}`;
    last = name;
  }
  return {
    method,
    path: q === -1 ? target : target.slice(0, q),
    query: q === -1 ? '' : target.slice(q + 1),
    headers,
    body: body === undefined || body === '' ? undefined : body,
  };
}

export function loadVectors(): VectorCase[] {
  return readdirSync(VECTOR_DIR)
    .filter((name) => statSync(join(VECTOR_DIR, name)).isDirectory())
    .sort()
    .map((name) => {
      const read = (file: string): string => readFileSync(join(VECTOR_DIR, name, file), 'utf8');
      const signedRequest = read('header-signed-request.txt');
      const authLine = signedRequest.split('\n').find((line) => line.startsWith('Authorization:')) ?? '';
      const creq = read('header-canonical-request.txt').split('\n');
      return {
        name,
        context: JSON.parse(read('context.json')),
        ...parseRequest(read('request.txt')),
        expectedAuthorization: authLine.slice('Authorization:'.length),
        expectedSignature: read('header-signature.txt').trim(),
        expectedSignedHeaders: creq[creq.length - 2] ?? '',
        signedRequest,
      };
    });
}
