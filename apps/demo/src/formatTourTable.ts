import type { TourRow } from './tourAsk.js';

/** The compact table the tour prints. */
export function formatTourTable(rows: readonly TourRow[]): string {
  const header = ['provider', 'auth method', 'verified by server', 'retries', 'latency', 'note'];
  const lines = rows.map((r) => [
    r.provider,
    r.authMethod,
    r.ok ? `yes (${r.verifiedBy})` : `NO (${r.verifiedBy ?? 'rejected'})`,
    String(r.retries),
    `${r.latencyMs} ms`,
    r.note ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const format = (cells: string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [format(header), format(widths.map((w) => '-'.repeat(w))), ...lines.map(format)].join('\n');
}
