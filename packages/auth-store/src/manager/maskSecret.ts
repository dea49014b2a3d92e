/**
 * Codex's `login status` masking: first 8 chars + `***` + last 5; 13 chars or fewer: `***`.
 * @public
 */
export function maskSecret(value: string): string {
  if (value.length <= 13) return '***';
  return `${value.slice(0, 8)}***${value.slice(-5)}`;
}
