// The canonical URI of a SigV4 canonical request. The signer from @smithy/signature-v4
// receives the canonical path ready-made (uriEscapePath: false) so that normalisation and encoding are
// controlled separately, as the AWS suite's `normalize` flag requires.
import { escapeUri } from './escapeUri.js';

/** Removes empty, `.` and `..` segments, keeping a leading and trailing slash. */
export function normalizePath(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const lead = path.startsWith('/') ? '/' : '';
  const trail = segments.length > 0 && path.endsWith('/') ? '/' : '';
  return `${lead}${segments.join('/')}${trail}`;
}

export interface CanonicalPathOptions {
  /** Remove dot segments and duplicate slashes first (every AWS service but S3). Default true. */
  normalize: boolean;
  /** Encode the wire path once more, i.e. double-encode (every AWS service but S3). Default true. */
  escape: boolean;
}

/** The canonical URI for a wire path (the path exactly as it goes on the request line). */
export function canonicalPath(wirePath: string, options: CanonicalPathOptions): string {
  const path = wirePath === '' ? '/' : wirePath;
  const normalized = options.normalize ? normalizePath(path) : path;
  return options.escape ? escapeUri(normalized).replace(/%2F/g, '/') : normalized;
}
