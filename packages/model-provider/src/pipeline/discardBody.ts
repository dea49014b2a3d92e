/** Up to this many bytes of a discarded body are read, so that its connection can be reused. */
export const DRAIN_LIMIT_BYTES = 1024 * 1024;
/** ...for at most this long; a body that is slower than that is cancelled. */
export const DRAIN_TIME_LIMIT_MS = 1000;

/**
 * Disposes of the body of a response that will not be returned (a retried 5xx, a recovered 401). The
 * body is read to its end when it is modest and arrives promptly, which keeps the keep-alive
 * connection usable for the retry (cancelling a body still in flight closes the connection); anything
 * larger or slower is cancelled. Never throws and leaves no timer behind.
 */
export async function discardBody(response: Response): Promise<void> {
  if (!response.body || response.bodyUsed) return;
  const reader = response.body.getReader();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<'expired'>((resolve) => {
    timer = setTimeout(() => resolve('expired'), DRAIN_TIME_LIMIT_MS);
  });
  try {
    for (let bytes = 0; bytes <= DRAIN_LIMIT_BYTES; ) {
      const next = await Promise.race([reader.read(), expired]);
      if (next === 'expired') break;
      if (next.done) return;
      bytes += next.value.byteLength;
    }
  } catch {
    return; // the body failed: its connection is gone anyway
  } finally {
    clearTimeout(timer);
  }
  await reader.cancel().catch(() => {});
}
