// The README example of @x/auth-store, run against the package as npm installed it: log in with an API
// key in a temporary home (file storage, so no keyring is needed) and read the status back.
import { createAuthManager } from '@x/auth-store';

const manager = createAuthManager({ home: process.env.EXAMPLE_HOME, storeMode: 'file' });
await manager.loginWithApiKey('sk-proj-release-check-abcde');
const status = await manager.status();
console.log(JSON.stringify({ mode: status.mode, loggedIn: status.loggedIn, maskedKey: status.maskedKey }));
