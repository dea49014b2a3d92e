// Preload (node --import) for cross-process lock tests: each time this process tries to create a
// `*.lock` file and finds it taken (EEXIST), it appends its pid to the file named by LOCK_PROBE, so a
// test can see that a process is waiting for a lock another one holds.
import { appendFileSync } from 'node:fs';
import fsPromises from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';

const probe = process.env.LOCK_PROBE;
const open = fsPromises.open;
fsPromises.open = async function probedOpen(path, flags, ...rest) {
  try {
    return await open.call(this, path, flags, ...rest);
  } catch (error) {
    if (probe && flags === 'wx' && String(path).endsWith('.lock') && error?.code === 'EEXIST') {
      appendFileSync(probe, `${process.pid}\n`);
    }
    throw error;
  }
};
// Named imports of node:fs/promises (`import { open } ...`) see the wrapper too.
syncBuiltinESMExports();
