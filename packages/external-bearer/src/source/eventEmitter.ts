import type { CommandTokenEvent } from '../events.js';

/** Hands events to the caller's listener; a listener that throws is ignored. */
export function eventEmitter(
  onEvent: ((event: CommandTokenEvent) => void) | undefined,
): (event: CommandTokenEvent) => void {
  return (event) => {
    try {
      onEvent?.(event);
    } catch {
      // a broken metrics hook must not break authentication
    }
  };
}
