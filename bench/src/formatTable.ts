import type { BenchResult } from './result.js';

function fmt(value: number): string {
  if (value >= 100) return Math.round(value).toLocaleString('en-US');
  return value.toFixed(value >= 10 ? 1 : 2);
}

/** A Markdown table: one row per case, ours, each peer and the floor with ours as a ratio of each. */
export function formatTable(report: {
  node: string;
  cpu: string;
  date: string;
  results: BenchResult[];
}): string {
  const lines = [
    `Node ${report.node}, ${report.cpu}, ${report.date.slice(0, 10)}. Higher is better unless the note says lower is; ratios are ours / theirs.`,
    '',
    '| case | unit | ours | peers (ours / peer) | floor (ours / floor) | note |',
    '| --- | --- | ---: | --- | --- | --- |',
  ];
  for (const r of report.results) {
    const ours = r.ours;
    if (ours === null) {
      lines.push(`| ${r.name} | ${r.unit} | n/a | | | ${r.unavailable ?? ''} |`);
      continue;
    }
    const peers = Object.entries(r.peers)
      .map(([name, value]) => `${name}: ${fmt(value)} (${(ours / value).toFixed(2)}x)`)
      .join('<br>');
    const floor = r.floor === undefined ? '' : `${fmt(r.floor)} (${(ours / r.floor).toFixed(2)}x)`;
    lines.push(`| ${r.name} | ${r.unit} | ${fmt(ours)} | ${peers} | ${floor} | ${r.note ?? ''} |`);
  }
  return lines.join('\n');
}
