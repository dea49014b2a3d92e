/** Distinct exit codes, so scripts can tell what went wrong. */
export const ExitCode = {
  ok: 0,
  /** Not logged in, a failed tour, another HTTP error (a 429, say), anything unexpected. */
  failure: 1,
  /** Bad arguments, options or config. */
  usage: 2,
  /** Missing or unusable credentials, or the provider refused them (401, 403). */
  auth: 3,
  /** The provider could not be reached, or stopped answering. */
  network: 4,
  /** The provider answered with a server error (5xx). */
  server: 5,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];
