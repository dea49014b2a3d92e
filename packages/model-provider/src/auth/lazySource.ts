import { type AuthSource, untilAborted } from '@x/auth-seam';

/** An auth source built on first use, and the way to build it afresh. */
export interface LazySource {
  /** Its `recover` is always there: it asks the built source, which may have none (then false). */
  source: AuthSource & Required<Pick<AuthSource, 'recover'>>;
  /** Forgets the built source: the next call builds it again (after a login or logout, say). */
  reset(): void;
}

/**
 * An auth source whose real source is built the first time it is used: `build` (which may import the
 * package that makes it) runs at the first `authorize`, `recover` or `describe`, and every later call
 * goes straight to what it built. A failed build is tried again on the next call. An abort stops
 * this caller's wait for the build; the build goes on for the next request. This keeps the packages
 * a provider may need (the command runner, the auth store's sources, the signer) out of the import.
 */
export function lazySource(build: () => Promise<AuthSource>): LazySource {
  let building: Promise<AuthSource> | undefined;
  // The built source, so that every request after the first skips a promise hop.
  let ready: AuthSource | undefined;
  const built = (): Promise<AuthSource> => {
    if (building) return building;
    const pending = build();
    building = pending;
    pending.then(
      (source) => {
        if (building === pending) ready = source;
      },
      () => {
        if (building === pending) building = undefined;
      },
    );
    return pending;
  };
  const source: LazySource['source'] = {
    authorize: (request, options) =>
      ready
        ? ready.authorize(request, options)
        : untilAborted(built(), options?.signal).then((inner) => inner.authorize(request, options)),
    recover: async (response, request) => (await built()).recover?.(response, request) ?? false,
    describe: async () => (await built()).describe(),
  };
  return {
    source,
    reset: () => {
      building = undefined;
      ready = undefined;
    },
  };
}
