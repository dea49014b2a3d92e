/** One contestant of a case: a name and an operation to repeat. */
export interface Contestant {
  name: string;
  /** Runs the operation once. */
  run: () => unknown | Promise<unknown>;
}

export interface MeasureOptions {
  /** Rounds; in each round every contestant runs for `sliceMs`, in rotating order. */
  rounds?: number;
  sliceMs?: number;
  /** Operations a contestant may have in flight at once (for I/O cases). */
  concurrency?: number;
  /** Warm-up per contestant before the measured rounds. Default: one slice. */
  warmupMs?: number;
}

/**
 * Measures operations per second of every contestant in the same process, interleaved: each round
 * runs every contestant for a time slice (order rotating per round), so drift in machine load hits
 * all of them alike. Returns the median ops/s of the rounds per contestant.
 */
export async function measureInterleaved(
  contestants: readonly Contestant[],
  options: MeasureOptions = {},
): Promise<Map<string, number>> {
  const rounds = options.rounds ?? 5;
  const sliceMs = options.sliceMs ?? 300;
  const samples = new Map<string, number[]>(contestants.map((c) => [c.name, []]));
  for (const contestant of contestants)
    await runFor(contestant, options.warmupMs ?? sliceMs, options.concurrency ?? 1); // warm up
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < contestants.length; i++) {
      const contestant = contestants[(i + round) % contestants.length] as Contestant;
      (globalThis as { gc?: () => void }).gc?.();
      samples.get(contestant.name)?.push(await runFor(contestant, sliceMs, options.concurrency ?? 1));
    }
  }
  return new Map([...samples].map(([name, values]) => [name, median(values)]));
}

async function runFor(contestant: Contestant, sliceMs: number, concurrency: number): Promise<number> {
  let count = 0;
  const started = performance.now();
  const deadline = started + sliceMs;
  const worker = async (): Promise<void> => {
    while (performance.now() < deadline) {
      await contestant.run();
      count++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return (count * 1000) / (performance.now() - started);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
