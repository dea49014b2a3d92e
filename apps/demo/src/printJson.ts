/** `--json` output: the value alone on stdout, pretty-printed, with a final newline. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
