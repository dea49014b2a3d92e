/** One row of the benchmark report. Higher is better for every unit. */
export interface BenchResult {
  name: string;
  unit: string;
  ours: number;
  peers: Record<string, number>;
  floor?: number;
  /** Extra words for the table (a target, a direction). */
  note?: string;
}
