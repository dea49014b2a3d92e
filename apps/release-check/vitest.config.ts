import { defineConfig } from 'vitest/config';
import { sharedTestOptions } from '../../vitest.shared.js';

// One suite that versions, publishes and installs for real: its hooks and tests get the time a loaded
// 2-core machine needs for npm and pnpm, as hang limits only.
export default defineConfig({
  test: { ...sharedTestOptions, testTimeout: 900_000, hookTimeout: 1_200_000 },
});
