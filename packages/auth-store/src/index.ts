export type { AuthorizeOptions, FailedResponse, HttpRequest } from '@x/auth-seam';
export type {
  Infer,
  SafeParseResult,
  Schema,
  SchemaDef,
  SchemaIssue,
  SchemaMeta,
} from '@x/config-schema';
export type { AuthStoreErrorCode } from './errors.js';
export { AuthStoreError } from './errors.js';
export type { AuthManager } from './manager/authManager.js';
export { createAuthManager } from './manager/authManager.js';
export type { AuthManagerOptions, ExternalChatgptTokens } from './manager/authManagerOptions.js';
export type { LoginRestrictions } from './manager/loginRestrictions.js';
export { maskSecret } from './manager/maskSecret.js';
export type { OpenAiAuthSource } from './manager/openAiAuthSource.js';
export { createOpenAiAuthSource } from './manager/openAiAuthSource.js';
export type { RecoveryStep, UnauthorizedRecovery } from './manager/recovery.js';
export type { AuthStatus } from './manager/status.js';
export { decodeAgentIdentityJwt } from './model/agentIdentityJwt.js';
export type {
  AgentIdentityAuth,
  AgentTask,
  ApiKeyAuth,
  Auth,
  BedrockApiKeyAuth,
  ChatgptAuth,
  PersonalAccessTokenAuth,
} from './model/auth.js';
export type { AgentIdentity, AgentIdentityRecord, AuthDotJson, TokenData } from './model/authDotJson.js';
export {
  AgentIdentityRecordSchema,
  AgentIdentitySchema,
  AuthDotJsonSchema,
  parseAuthDotJson,
  resolveAuthMode,
  serializeAuthDotJson,
  TokenDataSchema,
} from './model/authDotJson.js';
export type { AccountUpdatedNotification, AuthMode, PlanType } from './model/authMode.js';
export {
  AccountUpdatedNotificationSchema,
  AUTH_MODES,
  AuthModeSchema,
  PlanTypeSchema,
} from './model/authMode.js';
export { generateAuthJsonSchemas } from './model/jsonSchemas.js';
export type { ChatgptTokens } from './model/loginRecords.js';
export { needsProactiveRefresh } from './refresh/needsProactiveRefresh.js';
export { DEFAULT_AGENT_AUTHAPI_BASE_URL } from './refresh/registerAgentTask.js';
export { DEFAULT_CLIENT_ID, DEFAULT_REFRESH_TOKEN_URL } from './refresh/requestTokenRefresh.js';
export type { AuthStore, AuthStoreOptions, AuthWarning, StoreMode } from './storage/authStore.js';
export { createAuthStore } from './storage/authStore.js';
export type { KeyringLoader, KeyringModule } from './storage/keyringBackend.js';
export { DEFAULT_KEYRING_SERVICE } from './storage/keyringStore.js';
