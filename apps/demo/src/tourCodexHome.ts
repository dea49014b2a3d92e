import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openCodexHome, type ProviderRegistryOptions } from '@x/model-provider';
import type { TourAsk } from './tourAsk.js';

/** The profile, provider and model the tour's Codex home selects. */
const PROFILE = 'xdemo';
const PROVIDER = 'xdemo-codex';
const MODEL = 'demo-echo-1';

/**
 * A Codex home as a Codex user keeps one: top-level `model` and `model_provider` that the active
 * profile overrides, settings only Codex uses beside them, and the provider the profile selects.
 */
export function codexHomeConfigToml(openaiBaseUrl: string): string {
  return `# A Codex-style home written by xdemo tour: the profile "${PROFILE}" selects the demo provider.
model = "gpt-5.1-codex"
model_provider = "openai"
profile = "${PROFILE}"
approval_policy = "on-request"
sandbox_mode = "workspace-write"
model_reasoning_effort = "medium"

[profiles.${PROFILE}]
model = "${MODEL}"
model_provider = "${PROVIDER}"
approval_policy = "never"

[profiles.elsewhere]
model = "gpt-5.1-codex"
model_provider = "openai"

[model_providers.${PROVIDER}]
name = "xdemo (through a Codex home)"
base_url = ${JSON.stringify(openaiBaseUrl)}
requires_openai_auth = true

[history]
persistence = "none"
`;
}

/**
 * The tour's Codex home row: writes a Codex-style home under `parent`, opens it with
 * `openCodexHome` as Codex reads it (the profile picks the provider and the model), logs in through
 * that home's auth manager and asks once with the provider and model the profile chose. The row
 * passes only when the server verified the key and the profile's choices were the ones applied.
 */
export async function tourCodexHome(
  parent: string,
  options: {
    openaiBaseUrl: string;
    apiKey: string;
    env: Record<string, string | undefined>;
    registryOptions: Omit<ProviderRegistryOptions, 'config' | 'authManager' | 'env'>;
    ask: TourAsk;
  },
): Promise<void> {
  const home = join(parent, 'codex');
  await mkdir(home, { recursive: true, mode: 0o700 });
  await writeFile(join(home, 'config.toml'), codexHomeConfigToml(options.openaiBaseUrl));
  const codex = await openCodexHome({ home, env: options.env, registryOptions: options.registryOptions });
  await codex.authManager.loginWithApiKey(options.apiKey);
  const provider = await codex.registry.resolve(codex.providerId);
  const note = `Codex home, profile ${PROFILE}: ${codex.providerId}, ${codex.model ?? 'no model'}`;
  const row = await options.ask(provider, 'api-key', note, {
    registry: codex.registry,
    model: codex.model ?? '',
  });
  if (codex.providerId !== PROVIDER || codex.model !== MODEL) {
    row.ok = false;
    row.note = `${note} (expected ${PROVIDER}, ${MODEL})`;
  }
}
