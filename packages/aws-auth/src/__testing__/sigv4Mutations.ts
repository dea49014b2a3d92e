// Test-only: single changes to a signed request as a server received it. Each one alters something
// the signature covers (or something a verifier must refuse outright), never in a way SigV4's
// canonical form would undo (no case change of names, no whitespace, no dot segments, no re-encoding).
import type { ReceivedRequest } from '../sigv4/verifySigV4Request.js';
import {
  changeChar,
  changePathChar,
  header,
  joinTarget,
  shiftAmzDate,
  signedNames,
  splitTarget,
  withAuthorization,
  withHeader,
  withQuery,
} from './receivedRequestEdits.js';

/** What a mutation may consult besides the request: the signing inputs it was made from. */
export interface MutationContext {
  region: string;
  otherRegion: string;
  service: string;
  otherService: string;
  /** A whole number the mutation uses to choose where to change things. */
  pick: number;
}

export type Mutation = (request: ReceivedRequest, context: MutationContext) => ReceivedRequest;

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];

const INJECTED = ['/', '?', '#', '@', '\\', ' ', '\t', '\r\n', '\0', '\x7f'];

/** Every kind of single mutation, by name. */
export const MUTATIONS: Record<string, Mutation> = {
  method: (r, c) => {
    const others = METHODS.filter((m) => m !== r.method);
    return { ...r, method: others[c.pick % others.length] as string };
  },
  'path character': (r, c) => {
    const { path, pairs } = splitTarget(r.target);
    return { ...r, target: joinTarget(changePathChar(path, c.pick), pairs) };
  },
  'path segment added': (r) => {
    const { path, pairs } = splitTarget(r.target);
    return { ...r, target: joinTarget(`${path.replace(/\/$/, '')}/extra`, pairs) };
  },
  'query key': (r, c) =>
    withQuery(
      r,
      (pairs, pick) => {
        if (pairs.length === 0) return ['k=v'];
        const i = pick % pairs.length;
        const [key = '', ...rest] = (pairs[i] as string).split('=');
        pairs[i] = [changeChar(key, pick), ...rest].join('=');
        return pairs;
      },
      c.pick,
    ),
  'query value': (r, c) =>
    withQuery(
      r,
      (pairs, pick) => {
        if (pairs.length === 0) return ['k='];
        const i = pick % pairs.length;
        const pair = pairs[i] as string;
        const eq = pair.indexOf('=');
        pairs[i] = eq === -1 ? `${pair}=v` : `${pair.slice(0, eq)}=${changeChar(pair.slice(eq + 1), pick)}`;
        return pairs;
      },
      c.pick,
    ),
  'query parameter added': (r, c) => withQuery(r, (pairs) => [...pairs, 'added=1'], c.pick),
  'query parameter removed': (r, c) =>
    withQuery(
      r,
      (pairs, pick) => (pairs.length === 0 ? ['removed'] : pairs.filter((_, i) => i !== pick % pairs.length)),
      c.pick,
    ),
  'presigning query parameter added': (r, c) => {
    const name = ['X-Amz-Signature', 'X-Amz-Credential', 'X-Amz-Algorithm'][c.pick % 3] as string;
    const signature = /Signature=([0-9a-f]+)$/.exec(header(r, 'authorization'))?.[1] ?? '0';
    return withQuery(r, (pairs) => [...pairs, `${name}=${signature}`], c.pick);
  },
  'signed header value': (r, c) => {
    const names = signedNames(r);
    const name = names[c.pick % names.length] as string;
    return withHeader(r, name, changeChar(header(r, name), c.pick));
  },
  'signed header removed': (r, c) => {
    const names = signedNames(r);
    return withHeader(r, names[c.pick % names.length] as string, undefined);
  },
  'body byte': (r, c) => {
    const body = typeof r.body === 'string' ? new TextEncoder().encode(r.body) : new Uint8Array(r.body);
    if (body.length === 0) return { ...r, body: new Uint8Array([c.pick % 256]) };
    const at = c.pick % body.length;
    body[at] = (body[at] as number) ^ (1 + (c.pick % 255));
    return { ...r, body };
  },
  'host replaced': (r) => withHeader(r, 'host', 'other-host.example'),
  'host with injected character': (r, c) =>
    withHeader(r, 'host', `${header(r, 'host')}${INJECTED[c.pick % INJECTED.length]}x`),
  'host carrying the signed target, request sent elsewhere': (r, c) => ({
    ...withHeader(r, 'host', `${header(r, 'host')}${r.target}${['#', '?', '/'][c.pick % 3]}`),
    target: '/admin/delete?all=1',
  }),
  'x-amz-date': (r, c) =>
    withHeader(r, 'x-amz-date', shiftAmzDate(header(r, 'x-amz-date'), 1 + (c.pick % 60))),
  'scope date': (r, c) =>
    withAuthorization(r, (v) =>
      v.replace(
        /\/(\d{8})\//,
        (_, day: string) => `/${shiftAmzDate(`${day}T000000Z`, (c.pick % 2 ? 1 : -1) * 86400).slice(0, 8)}/`,
      ),
    ),
  'scope region': (r, c) => withAuthorization(r, (v) => v.replace(`/${c.region}/`, `/${c.otherRegion}/`)),
  'scope service': (r, c) => withAuthorization(r, (v) => v.replace(`/${c.service}/`, `/${c.otherService}/`)),
  signature: (r, c) =>
    withAuthorization(r, (v) =>
      v.replace(/Signature=([0-9a-f]{64})$/, (_, s: string) => {
        const at = c.pick % 64;
        const flipped = ((Number.parseInt(s[at] as string, 16) + 1) % 16).toString(16);
        return `Signature=${s.slice(0, at)}${flipped}${s.slice(at + 1)}`;
      }),
    ),
};
