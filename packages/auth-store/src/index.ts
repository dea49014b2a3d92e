export { AuthStoreError } from './authStoreError.js';
