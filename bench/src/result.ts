/** One row of the benchmark report. Higher is better unless the row's note says lower is. */
export interface BenchResult {
  name: string;
  unit: string;
  /** null when the case could not be measured here (see `unavailable`). */
  ours: number | null;
  peers: Record<string, number>;
  floor?: number;
  /** Extra words for the table (a target, a direction). */
  note?: string | undefined;
  /** Why `ours` is null (printed as n/a), e.g. the npm registry could not be reached. */
  unavailable?: string;
}
