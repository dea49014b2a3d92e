import { inspect } from 'node:util';

/** The error and every `cause` below it (an `AggregateError`'s `errors` too), cycles cut. */
export function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  const pending: unknown[] = [error];
  while (pending.length > 0) {
    const next = pending.shift();
    if (next === undefined || next === null || chain.includes(next)) continue;
    chain.push(next);
    if (typeof next === 'object') {
      const { cause, errors } = next as { cause?: unknown; errors?: unknown };
      pending.push(cause);
      if (Array.isArray(errors)) pending.push(...errors);
    }
  }
  return chain;
}

/**
 * Every way a value can end up printed or logged: `util.inspect` at full depth with hidden fields,
 * `JSON.stringify`, `String()`, and for each error in its cause chain the same again plus its
 * message and stack. A planted secret must appear in none of them.
 */
export function renderings(value: unknown): string[] {
  const texts: string[] = [];
  for (const item of causeChain(value)) {
    texts.push(inspect(item, { depth: Number.POSITIVE_INFINITY, showHidden: true }));
    try {
      texts.push(JSON.stringify(item) ?? '');
    } catch {
      // a cycle: inspect above already shows everything
    }
    texts.push(String(item));
    if (item instanceof Error) texts.push(item.message, String(item.stack));
  }
  return texts;
}
