import { inspect } from 'node:util';
import { causeChain } from './causeChain.js';

// JSON.stringify drops an error's own message, stack and cause (they are not enumerable): spell them out.
const expandErrors = (_key: string, value: unknown): unknown =>
  value instanceof Error
    ? { ...value, name: value.name, message: value.message, stack: value.stack, cause: value.cause }
    : value;

/**
 * Every way a value can end up printed or logged, for it and each error in its cause chain:
 * `util.inspect` at full depth with hidden fields, `JSON.stringify` (errors expanded), `String()`,
 * and an error's message and stack. A planted secret must appear in none of them.
 */
export function renderings(value: unknown): string[] {
  const texts: string[] = [];
  for (const item of causeChain(value)) {
    texts.push(inspect(item, { depth: Number.POSITIVE_INFINITY, showHidden: true }));
    try {
      texts.push(JSON.stringify(item, expandErrors) ?? '');
    } catch {
      // a cycle: inspect above already shows everything
    }
    texts.push(String(item));
    if (item instanceof Error) texts.push(item.message, String(item.stack));
  }
  return texts;
}
