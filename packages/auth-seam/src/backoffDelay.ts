/**
 * How long to wait before retry number `retry` (1 for the first retry): exponential from
 * `initialMs`, capped at `maxMs`, with "equal jitter" (half fixed, half random) so that many
 * clients failing at once spread out. `random` is injectable for tests.
 * @public
 */
export function backoffDelay(
  retry: number,
  initialMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(retry - 1, 0), 30);
  const ceiling = Math.min(maxMs, initialMs * 2 ** exponent);
  return Math.round(ceiling / 2 + (ceiling / 2) * Math.min(Math.max(random(), 0), 1));
}
