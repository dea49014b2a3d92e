// The README example of @x/external-bearer, run against the package as npm installed it: a token
// printed by a command, cached, and refreshed after a 401.
import { createCommandTokenSource } from '@x/external-bearer';

const source = createCommandTokenSource({
  command: process.execPath,
  args: ['-e', "console.log('tok')"],
  timeoutMs: 60_000,
});
const tokens = await Promise.all([source.getToken(), source.getToken(), source.getToken()]);
const refreshed = await source.refresh({ staleToken: tokens[0] });
console.log(JSON.stringify({ tokens, refreshed }));
