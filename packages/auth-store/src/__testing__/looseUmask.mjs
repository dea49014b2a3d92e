// Preloaded (`node --import`) into a child process: umask 0, and chmod that does nothing. Every file
// then keeps exactly the mode it was created with, so a file made readable and tightened afterwards
// stays readable and shows it.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

process.umask(0);
fs.promises.chmod = async () => undefined;
fs.chmod = (_path, _mode, callback) => callback?.(null);
fs.chmodSync = () => undefined;
syncBuiltinESMExports();
