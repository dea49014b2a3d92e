import type { AuthSource } from '@x/auth-seam';
import type { ProviderAuthConfig } from '../config/modelProviderInfo.js';
import { lazySource } from './lazySource.js';

/**
 * The `[auth]` command as a command token source (refreshed on interval, expiry and 401).
 * `@x/external-bearer` (and the process runner it brings) is imported when the source is first used.
 */
export function commandSource(auth: ProviderAuthConfig): AuthSource {
  return lazySource(async () => {
    const { createCommandTokenSource } = await import('@x/external-bearer');
    return createCommandTokenSource({
      command: auth.command,
      args: auth.args,
      timeoutMs: auth.timeout_ms,
      refreshIntervalMs: auth.refresh_interval_ms,
      cwd: auth.cwd,
    });
  }).source;
}
