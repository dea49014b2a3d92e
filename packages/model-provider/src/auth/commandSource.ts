import type { AuthSource } from '@x/auth-seam';
import { createCommandTokenSource } from '@x/external-bearer';
import type { ProviderAuthConfig } from '../config/modelProviderInfo.js';

/** The `[auth]` command as a command token source (refreshed on interval, expiry and 401). */
export function commandSource(auth: ProviderAuthConfig): AuthSource {
  return createCommandTokenSource({
    command: auth.command,
    args: auth.args,
    timeoutMs: auth.timeout_ms,
    refreshIntervalMs: auth.refresh_interval_ms,
    cwd: auth.cwd,
  });
}
