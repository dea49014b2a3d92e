import { inspect } from 'node:util';

/** Each error in `error`'s cause chain, starting with `error` itself (at most 20). */
export function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let current = error; current !== undefined && chain.length < 20; ) {
    chain.push(current);
    current =
      typeof current === 'object' && current !== null ? (current as { cause?: unknown }).cause : undefined;
  }
  return chain;
}

/**
 * Everything a user could see of an outcome: for it and every cause below it, the string, message,
 * stack, `util.inspect` with every depth and hidden property, and `JSON.stringify` (errors expanded
 * with message, stack and cause).
 */
export function errorSurfaces(value: unknown): string {
  return causeChain(value)
    .flatMap((item) => [
      String(item),
      item instanceof Error ? `${item.message}\n${item.stack}` : '',
      inspect(item, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
      JSON.stringify(item, (_key, v: unknown) =>
        v instanceof Error ? { ...v, name: v.name, message: v.message, stack: v.stack, cause: v.cause } : v,
      ),
    ])
    .join('\n');
}
