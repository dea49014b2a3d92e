import type { AuthSource } from '@x/auth-seam';
import { createCommandTokenSource } from '@x/external-bearer';
import type { ProviderAuthConfig } from '../config/providerInfoSchema.js';

/** The `[auth]` command as a command token source (refreshed on interval, expiry and 401). */
export function commandSource(auth: ProviderAuthConfig): AuthSource {
  return createCommandTokenSource({
    command: auth.command,
    ...(auth.args === undefined ? {} : { args: auth.args }),
    ...(auth.timeout_ms === undefined ? {} : { timeoutMs: auth.timeout_ms }),
    ...(auth.refresh_interval_ms === undefined ? {} : { refreshIntervalMs: auth.refresh_interval_ms }),
    ...(auth.cwd === undefined ? {} : { cwd: auth.cwd }),
  });
}
