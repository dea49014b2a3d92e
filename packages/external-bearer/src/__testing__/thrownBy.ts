/** What `run` throws; fails the test when it returns instead, so no assertion is skipped silently. */
export function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure, but nothing was thrown');
}
