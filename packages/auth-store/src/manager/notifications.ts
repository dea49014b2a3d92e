import type { AccountUpdatedNotification } from '../model/authMode.js';
import type { ManagerState } from './managerState.js';
import { cachedAuth } from './managerState.js';

/** Tells every listener which account is now in use. */
export function notify(state: ManagerState): void {
  const auth = cachedAuth(state);
  const notification: AccountUpdatedNotification = {
    authMode: auth?.mode ?? null,
    planType: auth && 'planType' in auth ? auth.planType : null,
  };
  for (const listener of state.listeners) listener(notification);
}

/** Adds a listener; the returned function removes it. */
export function subscribe(
  state: ManagerState,
  listener: (notification: AccountUpdatedNotification) => void,
): () => void {
  state.listeners.add(listener);
  return () => state.listeners.delete(listener);
}
