import type { ManagerState } from './managerState.js';
import { warn } from './managerState.js';
import { notify } from './notifications.js';

/**
 * Removes credentials from every store, and host-supplied tokens; resolves whether anything was
 * removed. Logging out removes every copy of the secrets: an unreadable auth.json is deleted, not
 * kept, and so are the copies earlier logins kept of one. Warnings name the files, never content.
 */
export async function logout(state: ManagerState): Promise<boolean> {
  const { file, storeMode } = state;
  const removed = await state.lock.run(async () => {
    const broken = storeMode !== 'ephemeral' && (await file.unreadable());
    const deleted = await state.store.delete();
    if (broken)
      warn(state, { code: 'AUTH_FILE_CORRUPT', message: `removed the unreadable auth file ${file.path}` });
    const copies = storeMode === 'ephemeral' ? [] : await file.removeCopies();
    if (copies.length > 0) {
      const list = copies.join(', ');
      warn(state, {
        code: 'AUTH_FILE_CORRUPT',
        message: `removed copies of an unreadable auth file: ${list}`,
      });
    }
    return deleted || copies.length > 0;
  });
  const hadExternal = state.external !== null;
  state.external = null;
  const had = state.stored?.dot != null;
  state.stored = { dot: null, auth: null };
  if (removed || hadExternal || had) notify(state);
  return removed || hadExternal;
}
