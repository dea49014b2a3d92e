export { CommandTokenError } from './commandTokenError.js';
