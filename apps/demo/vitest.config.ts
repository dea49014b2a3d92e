import { defineConfig } from 'vitest/config';

// End-to-end tests spawn the built CLI many times on a shared 2-core machine.
export default defineConfig({
  test: { testTimeout: 60_000, hookTimeout: 60_000 },
});
