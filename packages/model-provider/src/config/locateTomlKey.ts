/**
 * Finds the 1-based line that defines a dotted key path in TOML text, for error messages. The TOML
 * parser reports positions only for syntax errors, so validation errors are located here by reading
 * table headers (`[a.b]`) and `key = value` lines. Returns undefined where the layout is unusual
 * (inline tables, dotted keys); the error then names the field without a line.
 */
export function locateTomlKey(toml: string, path: readonly string[]): number | undefined {
  const lines = toml.split(/\r?\n/);
  let table: string[] = [];
  let tableLine: number | undefined;
  let best: number | undefined;
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    const header = /^\[\s*([^[\]]+?)\s*\]\s*(#.*)?$/.exec(line);
    if (header?.[1]) {
      table = splitKey(header[1]);
      if (startsWith(path, table) && table.length === path.length) return index + 1;
      tableLine = startsWith(path, table) ? index + 1 : undefined;
      continue;
    }
    const key = /^("[^"]*"|'[^']*'|[A-Za-z0-9_-]+)\s*=/.exec(line);
    if (key?.[1] && startsWith(path, table)) {
      const full = [...table, unquote(key[1])];
      if (startsWith(path, full)) return index + 1;
    }
    if (tableLine !== undefined && best === undefined && table.length > 0 && startsWith(path, table))
      best = tableLine;
  }
  return best;
}

function splitKey(key: string): string[] {
  const parts = key.match(/"[^"]*"|'[^']*'|[^.\s]+/g) ?? [];
  return parts.map(unquote);
}

function unquote(part: string): string {
  return /^["'].*["']$/.test(part) ? part.slice(1, -1) : part;
}

function startsWith(path: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= path.length && prefix.every((part, i) => part === path[i]);
}
