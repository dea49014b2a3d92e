import { makeSchema, metaOf } from './internal/makeSchema.js';
import type { Schema, SchemaMeta } from './schema.js';

/**
 * Rules for {@link url}, next to the schema's `id`, `title` and `description`.
 * @public
 */
export interface UrlOptions extends SchemaMeta {
  /** The schemes allowed, without `:` (`['http', 'https']`); any scheme when absent. */
  readonly protocols?: readonly string[] | undefined;
  /** Said instead of the default when the value is not such a URL. */
  readonly message?: string | undefined;
}

// What a URL parser skips inside a URL: the returned text drops them too, so that it says what is used.
const TAB_OR_NEWLINE = /[\t\n\r]/g;

/**
 * An absolute URL, as text (surrounding whitespace removed, never otherwise normalised). With
 * `protocols`, it must be written `<scheme>://…` with one of them: `http:example.com` is refused.
 * @public
 */
export function url(options: UrlOptions = {}): Schema<string> {
  const { protocols, message } = options;
  const expected =
    message ??
    (protocols
      ? `must be a URL starting with ${protocols.map((p) => `${p}://`).join(' or ')}`
      : 'must be a URL');
  const schemes = protocols?.map((p) => p.toLowerCase());
  return makeSchema({ kind: 'string', format: 'uri' }, metaOf(options), (value, path, issues) => {
    if (typeof value !== 'string') {
      issues.push({ path, code: 'invalid_type', message: 'expected a string' });
      return value;
    }
    const text = value.trim();
    const parsed = URL.canParse(text) ? new URL(text) : undefined;
    const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(text)?.[1]?.toLowerCase();
    const ok =
      parsed !== undefined &&
      (schemes === undefined ||
        (scheme !== undefined && schemes.includes(scheme) && parsed.protocol === `${scheme}:`));
    if (!ok) {
      issues.push({ path, code: 'invalid_format', message: expected });
      return value;
    }
    return text.replace(TAB_OR_NEWLINE, '');
  });
}
