// Test settings every workspace package shares. The suites spawn real processes, keyring daemons
// and loopback servers, and CI runs all packages at once on a 2-core machine: tests assert
// behaviour and counts, never speed, so their time limits only catch hangs.
export const sharedTestOptions = {
  testTimeout: 60_000,
  hookTimeout: 60_000,
  expect: { poll: { timeout: 15_000, interval: 50 } },
};
