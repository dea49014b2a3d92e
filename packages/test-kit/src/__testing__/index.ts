export { causeChain } from './causeChain.js';
export { MISSING_KEYRING_PROGRAM } from './missingKeyringProgram.js';
export { type LoadedModules, type ModulesLoadedByOptions, modulesLoadedBy } from './modulesLoadedBy.js';
export { renderings } from './renderings.js';
export { type SecretServiceHandle, startSecretService } from './secretService.js';
export { secretTool } from './secretTool.js';
