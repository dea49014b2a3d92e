/** The platform's fetch, counting how often the pipeline hands it a request (sent or refused). */
export function countingFetch(): { fetch: typeof fetch; calls: { count: number } } {
  const calls = { count: 0 };
  const counted = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    calls.count++;
    return globalThis.fetch(input, init);
  };
  return { fetch: counted as typeof fetch, calls };
}
