import type { Auth } from '../model/auth.js';
import type { AuthDotJson } from '../model/authDotJson.js';
import { buildAuth } from '../model/buildAuth.js';
import type { ManagerState } from './managerState.js';
import { notify } from './notifications.js';

/** Builds the auth of a stored record; `source` names where it came from in errors. */
export function authOf(dot: AuthDotJson, source: string): Auth {
  return buildAuth(dot, source);
}

/**
 * Makes `dot` the cached stored record; resolves whether it changed. The first load (from `auth()`)
 * sets the initial state silently; `announce` (used by `reload()`) notifies for that first load
 * too, so whenever `reload()` resolves true the listeners have heard.
 */
export async function adopt(
  state: ManagerState,
  dot: AuthDotJson | null,
  announce = false,
): Promise<boolean> {
  const changed = JSON.stringify(dot) !== JSON.stringify(state.stored?.dot ?? null);
  const source = state.storeMode === 'file' ? state.file.path : `${state.storeMode} store`;
  const auth = dot ? authOf(dot, source) : null;
  const before = state.stored;
  state.stored = { dot, auth };
  if (changed && (before !== undefined || announce)) notify(state);
  return changed;
}

/** Reads the store the first time it is needed. */
export async function loadOnce(state: ManagerState): Promise<void> {
  if (state.stored === undefined) await adopt(state, await state.store.load());
}

/** Re-reads the store; resolves whether anything changed (listeners are notified). */
export async function reload(state: ManagerState): Promise<boolean> {
  return adopt(state, await state.store.load(), true);
}
