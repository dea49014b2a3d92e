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
