import type { ModelProviderInfo } from './modelProviderInfo.js';

/**
 * Header Bedrock Mantle uses to identify the calling client.
 * @public
 */
export const MANTLE_CLIENT_AGENT_HEADER = 'x-amzn-mantle-client-agent';

/**
 * The providers every registry has (Codex's built-ins). The Bedrock entries have no `base_url`: it is
 * derived from the resolved AWS region unless the user's config overrides it.
 * @public
 */
export const builtInProviders: Readonly<Record<string, Readonly<ModelProviderInfo>>> = Object.freeze({
  openai: {
    name: 'OpenAI',
    base_url: 'https://api.openai.com/v1',
    requires_openai_auth: true,
    env_http_headers: { 'OpenAI-Organization': 'OPENAI_ORGANIZATION', 'OpenAI-Project': 'OPENAI_PROJECT' },
    supports_websockets: true,
  },
  'amazon-bedrock': {
    name: 'Amazon Bedrock',
    aws: {},
    http_headers: { [MANTLE_CLIENT_AGENT_HEADER]: 'x-model-provider' },
  },
  'amazon-bedrock-runtime': {
    name: 'Amazon Bedrock Runtime',
    aws: {},
  },
  ollama: { name: 'Ollama', base_url: 'http://localhost:11434/v1' },
  lmstudio: { name: 'LM Studio', base_url: 'http://localhost:1234/v1' },
});

/**
 * Which Bedrock endpoint a built-in Bedrock provider uses.
 * @public
 */
export const bedrockEndpointKinds: Readonly<Record<string, 'mantle' | 'runtime'>> = Object.freeze({
  'amazon-bedrock': 'mantle',
  'amazon-bedrock-runtime': 'runtime',
});

/** `mantle` or `runtime` for a Bedrock provider (a built-in, or any provider with an `aws` table). */
export function bedrockKindOf(id: string, info: ModelProviderInfo): 'mantle' | 'runtime' | undefined {
  return bedrockEndpointKinds[id] ?? (info.aws === undefined ? undefined : 'mantle');
}
