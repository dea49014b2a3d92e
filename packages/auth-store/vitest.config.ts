import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['src/__testing__/globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
