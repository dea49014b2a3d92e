import { type AuthSource, untilAborted } from '@x/auth-seam';
import { type AuthManager, createOpenAiAuthSource } from '@x/auth-store';
import { ProviderConfigError } from '../errors.js';

/** Codex's wording for a Bedrock key used with any other provider. */
const BEDROCK_KEY_ONLY_MESSAGE =
  'Bedrock API key auth is only supported by the Amazon Bedrock model provider';

/**
 * OpenAI auth from the auth store (`requires_openai_auth`): the store's bearer plus
 * `ChatGPT-Account-ID` for ChatGPT modes, or an Agent Identity's per-request assertion, with the
 * store's 401 recovery. A stored Bedrock API key is refused with Codex's message.
 */
export function openAiLoginSource(manager: AuthManager, providerId: string): AuthSource {
  // Typed as the seam, so the caller's signal reaches the store's source as well.
  const inner: AuthSource & Pick<ReturnType<typeof createOpenAiAuthSource>, 'recover'> =
    createOpenAiAuthSource(manager);
  return {
    async authorize(request, options) {
      const auth = await untilAborted(manager.auth(), options?.signal);
      if (auth?.mode === 'bedrockApiKey') {
        throw new ProviderConfigError(
          'BEDROCK_KEY_UNSUPPORTED',
          `${BEDROCK_KEY_ONLY_MESSAGE} (provider \`${providerId}\`)`,
        );
      }
      if (!auth) {
        throw new ProviderConfigError(
          'OPENAI_AUTH_REQUIRED',
          `provider \`${providerId}\` requires an OpenAI login; none is stored under ${manager.home}`,
        );
      }
      return inner.authorize(request, options);
    },
    recover: (response, request) => inner.recover(response, request),
    describe: () => ({ method: 'openai-login', ...inner.describe() }),
  };
}
