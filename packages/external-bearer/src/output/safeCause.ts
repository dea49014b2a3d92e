/**
 * A stand-in for an error this package did not create, fit to keep as `cause`. Only the original's
 * `code` survives, and only when it looks like an errno or a Node error code (`EACCES`,
 * `ERR_INVALID_ARG_VALUE`). Its message, stack and other fields are dropped: a platform or library
 * error may quote an argument, a header or the command's output.
 */
export function safeCause(error: unknown, what: string): Error {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  const kept = typeof code === 'string' && /^[A-Z][A-Z0-9_]{0,63}$/.test(code) ? code : undefined;
  const cause = new Error(kept === undefined ? what : `${what} (${kept})`);
  if (kept !== undefined) Object.assign(cause, { code: kept });
  return cause;
}
