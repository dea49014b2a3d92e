import { type AuthSource, untilAborted } from '@x/auth-seam';
import type { AuthManager } from '@x/auth-store';
import { ProviderConfigError } from '../errors.js';
import { lazySource } from './lazySource.js';

/** Codex's wording for a Bedrock key used with any other provider. */
const BEDROCK_KEY_ONLY_MESSAGE =
  'Bedrock API key auth is only supported by the Amazon Bedrock model provider';

/**
 * OpenAI auth from the auth store (`requires_openai_auth`): the store's bearer plus
 * `ChatGPT-Account-ID` for ChatGPT modes, or an Agent Identity's per-request assertion, with the
 * store's 401 recovery. A stored Bedrock API key is refused with Codex's message.
 */
export function openAiLoginSource(manager: AuthManager, providerId: string): AuthSource {
  // The store's source, made when first used: the caller's signal reaches it as well. The caller
  // made `manager` with @x/auth-store, so importing it again costs nothing.
  const inner = lazySource(async () =>
    (await import('@x/auth-store')).createOpenAiAuthSource(manager),
  ).source;
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
    recover: inner.recover,
    describe: async () => ({ method: 'openai-login', ...(await inner.describe()) }),
  };
}
