import { readFile } from 'node:fs/promises';
import { parse, TomlError } from 'smol-toml';
import { ProviderConfigError } from '../errors.js';
import type { ProviderConfig } from './providerConfig.js';
import { validateConfig } from './validateConfig.js';

/**
 * Where {@link loadConfig} reads from: a file path, or TOML text (with `file` naming it in errors).
 * @public
 */
export interface ConfigSource {
  /** Path of the `config.toml` to read; with `toml` it only names the text in errors. */
  file?: string | undefined;
  /** The TOML text itself, read instead of any file; neither given means an empty configuration. */
  toml?: string | undefined;
  /** The profile to apply, instead of the file's `profile` key (as Codex's `--profile`). */
  profile?: string | undefined;
}

/**
 * Reads and validates a Codex-style `config.toml` and applies the active profile. A missing file is
 * an empty configuration only when `toml` is given too; otherwise it is an error naming the file.
 * @public
 */
export async function loadConfig(source: ConfigSource): Promise<ProviderConfig> {
  let toml = source.toml;
  if (toml === undefined) {
    if (source.file === undefined) return validateConfig({}, { profile: source.profile });
    try {
      toml = await readFile(source.file, 'utf8');
    } catch (cause) {
      const reason = (cause as NodeJS.ErrnoException).code ?? 'unreadable';
      throw new ProviderConfigError(
        'CONFIG_READ_FAILED',
        `${source.file}: cannot read config file (${reason})`,
        {
          file: source.file,
          cause,
        },
      );
    }
  }
  let document: unknown;
  try {
    document = parse(toml);
  } catch (cause) {
    if (!(cause instanceof TomlError)) throw cause;
    const where = [source.file ?? 'config.toml', cause.line, cause.column].join(':');
    // The parser's first line says what is wrong; its code frame would quote the file (and maybe a secret).
    const what = cause.message.split('\n')[0] ?? 'invalid TOML';
    throw new ProviderConfigError('TOML_SYNTAX', `${where}: invalid TOML: ${what}`, {
      file: source.file,
      line: cause.line,
      cause: new Error('TOML parse error (details withheld: they may quote the file)'),
    });
  }
  return validateConfig(document, { file: source.file, toml, profile: source.profile });
}
