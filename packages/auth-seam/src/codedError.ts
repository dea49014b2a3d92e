/**
 * The base of every error class the packages throw: `code` is one value of the class's closed union,
 * stable and safe to branch on; `message` names the field, file, variable or command at fault but
 * never a secret; the underlying error, if any, is the native `cause` (absent when there is none).
 * Each subclass sets its own `name`, so that logs and code that cannot use `instanceof` (two copies
 * of a package in one program) still tell the classes apart.
 * @public
 */
export abstract class CodedError<Code extends string> extends Error {
  /** Which failure this is: stable across releases and safe to branch on. */
  readonly code: Code;

  /**
   * @param code - the failure, one of the subclass's codes
   * @param message - what went wrong, naming what is at fault and never a secret value
   * @param options - `cause`: the underlying error, kept as the native `cause`
   */
  constructor(code: Code, message: string, options?: { cause?: unknown } | undefined) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
  }
}
