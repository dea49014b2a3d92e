import { isHeaderValue } from '@x/auth-seam';
import { refuse } from './refuse.js';

// A bearer token is one word of visible ASCII: beyond what a header value may carry (checked by
// the seam), spaces, tabs and characters above 0x7E are refused too, so `Bearer <token>` reads
// back as exactly this token.
const ONE_VISIBLE_ASCII_WORD = /^[\x21-\x7e]+$/;

/** The trimmed token, refused (EMPTY_TOKEN, INVALID_TOKEN) when it is empty or unsafe in a header. */
export function validateToken(token: string, label: string): string {
  const trimmed = token.trim();
  if (trimmed === '') refuse('EMPTY_TOKEN', label, 'produced an empty token');
  if (!isHeaderValue(trimmed) || !ONE_VISIBLE_ASCII_WORD.test(trimmed)) {
    refuse(
      'INVALID_TOKEN',
      label,
      'produced a token that is not safe in an HTTP header (spaces, control or non-ASCII characters)',
    );
  }
  return trimmed;
}
