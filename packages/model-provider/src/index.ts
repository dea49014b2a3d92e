export { ProviderConfigError } from './providerConfigError.js';
