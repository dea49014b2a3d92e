import { CommandTokenError, type CommandTokenErrorCode } from '../errors.js';

/** Throws the error refusing what the command `label` produced: "provider auth command `<label>` <text>". */
export function refuse(code: CommandTokenErrorCode, label: string, text: string): never {
  throw new CommandTokenError(code, `provider auth command \`${label}\` ${text}`);
}
