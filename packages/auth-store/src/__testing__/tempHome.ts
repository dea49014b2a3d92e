import { join } from 'node:path';
import { tempDir } from '@x/test-kit';

/**
 * A `home` path that does not exist yet, inside a fresh temp folder removed when the test finishes:
 * auth-store must create the home itself, so tests start from a missing one.
 */
export async function tempHome(): Promise<string> {
  return join(await tempDir('auth-store-'), 'home');
}
