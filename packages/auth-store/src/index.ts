export type {
  AgentIdentityAuth,
  AgentTask,
  ApiKeyAuth,
  Auth,
  BedrockApiKeyAuth,
  ChatgptAuth,
  PersonalAccessTokenAuth,
} from './auth.js';
export type { AgentIdentityRecord, AuthDotJson, TokenData } from './authDotJson.js';
export { AuthDotJsonSchema, parseAuthDotJson, resolveAuthMode, serializeAuthDotJson } from './authDotJson.js';
export type { AuthManager, AuthManagerOptions, AuthStatus, ExternalChatgptTokens } from './authManager.js';
export { createAuthManager } from './authManager.js';
export type { AccountUpdatedNotification, AuthMode, PlanType } from './authMode.js';
export { AccountUpdatedNotificationSchema, AUTH_MODES, AuthModeSchema, PlanTypeSchema } from './authMode.js';
export type { AuthStore, AuthStoreOptions, AuthWarning, StoreMode } from './authStore.js';
export { createAuthStore } from './authStore.js';
export type { AuthStoreErrorCode } from './authStoreError.js';
export { AuthStoreError } from './authStoreError.js';
export type { ChatgptTokens } from './internal/loginRecords.js';
export { generateAuthJsonSchemas } from './jsonSchemas.js';
export type { KeyringStoreOptions } from './keyringStore.js';
export { DEFAULT_KEYRING_SERVICE } from './keyringStore.js';
export type { LoginRestrictions } from './loginRestrictions.js';
export { maskSecret } from './maskSecret.js';
export type {
  AuthorizeOptions,
  HttpRequest,
  HttpResponseInfo,
  OpenAiAuthSource,
} from './openAiAuthSource.js';
export { createOpenAiAuthSource } from './openAiAuthSource.js';
export type { RefreshedTokens } from './tokenRefresh.js';
export { DEFAULT_CLIENT_ID, DEFAULT_REFRESH_TOKEN_URL, needsProactiveRefresh } from './tokenRefresh.js';
export type { RecoveryStep, UnauthorizedRecovery } from './unauthorizedRecovery.js';
