/**
 * `promise`, or a rejection once `ms` have passed with it still pending. Only a guard against hangs:
 * give it a deadline far beyond what the awaited work needs, and never assert on time with it.
 */
export function settleWithin<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} still pending after ${ms} ms`)), ms);
  });
  return Promise.race([promise, hung]).finally(() => clearTimeout(timer));
}
