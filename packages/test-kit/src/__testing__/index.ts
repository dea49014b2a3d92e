export { causeChain } from './causeChain.js';
export { type GatedTokenCommand, gatedTokenCommand } from './gatedTokenCommand.js';
export {
  type LoopbackHandler,
  type LoopbackServer,
  type ReceivedRequest,
  startLoopbackServer,
} from './loopbackServer.js';
export { MISSING_KEYRING_PROGRAM } from './missingKeyringProgram.js';
export { type LoadedModules, type ModulesLoadedByOptions, modulesLoadedBy } from './modulesLoadedBy.js';
export { rejectionOf } from './rejectionOf.js';
export { renderings } from './renderings.js';
export { type SecretServiceHandle, startSecretService } from './secretService.js';
export { secretTool } from './secretTool.js';
export { sendJson } from './sendJson.js';
export { tempDir } from './tempDir.js';
export { type ErrorClass, thrownBy } from './thrownBy.js';
export { withinDeadline } from './withinDeadline.js';
