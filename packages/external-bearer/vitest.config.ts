import { defineConfig } from 'vitest/config';

// The tests spawn real processes on a shared 2-core machine: allow for slow process start-up.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    expect: { poll: { timeout: 10_000 } },
  },
});
