import { enumOf, type Infer, nullish, object, xor } from '@x/config-schema';

// Descriptions follow Codex's generated app-server schema, word for word.
const modeValue = <const T extends string>(value: T, description: string) => enumOf([value], { description });

/**
 * Every auth mode, one description per value; the JSON Schema `AuthMode` is generated from this.
 * @public
 */
export const AuthModeSchema = xor(
  [
    modeValue('apikey', 'OpenAI API key provided by the caller and stored by Codex.'),
    modeValue('chatgpt', 'ChatGPT OAuth managed by Codex (tokens persisted and refreshed by Codex).'),
    modeValue(
      'chatgptAuthTokens',
      '[UNSTABLE] FOR OPENAI INTERNAL USE ONLY - DO NOT USE.\n\nChatGPT auth tokens are supplied by an external host app and are only stored in memory. Token refresh must be handled by the external host app.',
    ),
    modeValue('agentIdentity', 'Programmatic Codex auth backed by a registered Agent Identity.'),
    modeValue('personalAccessToken', 'Programmatic Codex auth backed by a personal access token.'),
    modeValue('bedrockApiKey', 'Amazon Bedrock bearer token managed by Codex.'),
  ],
  { id: 'AuthMode', description: 'Authentication mode for OpenAI-backed providers.' },
);

/**
 * One of `apikey`, `chatgpt`, `chatgptAuthTokens`, `agentIdentity`, `personalAccessToken`, `bedrockApiKey`.
 * @public
 */
export type AuthMode = Infer<typeof AuthModeSchema>;

/**
 * Every auth mode as a list, in schema order.
 * @public
 */
export const AUTH_MODES: readonly AuthMode[] = [
  'apikey',
  'chatgpt',
  'chatgptAuthTokens',
  'agentIdentity',
  'personalAccessToken',
  'bedrockApiKey',
];

/**
 * ChatGPT plan types as Codex reports them.
 * @public
 */
export const PlanTypeSchema = enumOf(
  [
    'free',
    'go',
    'plus',
    'pro',
    'prolite',
    'team',
    'self_serve_business_usage_based',
    'business',
    'enterprise_cbp_usage_based',
    'enterprise',
    'edu',
    'unknown',
  ],
  { id: 'PlanType' },
);

/**
 * A ChatGPT plan type; unknown values read from tokens map to `unknown`.
 * @public
 */
export type PlanType = Infer<typeof PlanTypeSchema>;

/**
 * Sent to listeners when the signed-in account changes (`{authMode, planType}`, both nullable).
 * @public
 */
export const AccountUpdatedNotificationSchema = object(
  { authMode: nullish(AuthModeSchema), planType: nullish(PlanTypeSchema) },
  { title: 'AccountUpdatedNotification' },
);

/**
 * The payload of an account-updated notification.
 * @public
 */
export type AccountUpdatedNotification = Infer<typeof AccountUpdatedNotificationSchema>;

/** Maps any plan string (as found in an id token) to a {@link PlanType}. */
export function toPlanType(value: unknown): PlanType | null {
  if (typeof value !== 'string') return null;
  const parsed = PlanTypeSchema.safeParse(value);
  return parsed.success ? parsed.data : 'unknown';
}
