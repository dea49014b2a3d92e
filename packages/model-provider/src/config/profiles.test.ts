import { rejectionOf } from '@x/test-kit';
import { describe, expect, it } from 'vitest';
import { ProviderConfigError } from '../errors.js';
import { loadConfig } from './loadConfig.js';

const withProfiles = `model = "gpt-5"
model_provider = "openai"
cli_auth_credentials_store = "file"
profile = "bedrock"
approval_policy = "never"

[profiles.bedrock]
model = "openai.gpt-oss-120b"
model_provider = "amazon-bedrock"
model_reasoning_effort = "high"   # a Codex profile key this package does not use

[profiles.local]
model_provider = "ollama"
cli_auth_credentials_store = "ephemeral"
forced_login_method = "api"
`;

async function loadError(toml: string, profile?: string): Promise<ProviderConfigError> {
  return rejectionOf(loadConfig({ toml, file: '/home/u/.codex/config.toml', profile }), ProviderConfigError);
}

describe('loadConfig profiles', () => {
  it('apply the profile named by `profile`: its model and provider override the top level', async () => {
    const config = await loadConfig({ toml: withProfiles });
    expect(config).toMatchObject({
      profile: 'bedrock',
      model: 'openai.gpt-oss-120b',
      modelProvider: 'amazon-bedrock',
      cliAuthCredentialsStore: 'file',
    });
    expect(config.forcedLoginMethod).toBeUndefined();
  });

  it('let the caller choose another profile; keys it leaves out keep their top-level values', async () => {
    const config = await loadConfig({ toml: withProfiles, profile: 'local' });
    expect(config).toMatchObject({ profile: 'local', model: 'gpt-5', modelProvider: 'ollama' });
    // As in Codex, where credentials are kept and login restrictions are top-level settings only.
    expect(config.cliAuthCredentialsStore).toBe('file');
    expect(config.forcedLoginMethod).toBeUndefined();
  });

  it('use the top level when no profile is active', async () => {
    const config = await loadConfig({ toml: withProfiles.replace('profile = "bedrock"\n', '') });
    expect(config.profile).toBeUndefined();
    expect(config).toMatchObject({ model: 'gpt-5', modelProvider: 'openai' });
  });

  it('refuse an undefined profile with a coded error naming it and listing the defined ones', async () => {
    const chosen = await loadError(withProfiles, 'wrok');
    expect(chosen.code).toBe('UNKNOWN_PROFILE');
    expect(chosen.message).toBe(
      '/home/u/.codex/config.toml: profile `wrok` is not defined; defined profiles: bedrock, local',
    );
    const inFile = await loadError(withProfiles.replace('profile = "bedrock"', 'profile = "gone"'));
    expect(inFile).toMatchObject({ code: 'UNKNOWN_PROFILE', field: 'profile', line: 4 });
    expect(inFile.message).toContain('`gone`');
    expect(inFile.message).toContain('defined profiles: bedrock, local');
    const none = await loadError('model = "gpt-5"\n', 'work');
    expect(none.message).toContain('no profiles are defined');
  });

  it("check the profile's values: an unknown provider or a wrong type names the profile's key", async () => {
    const provider = await loadError(
      `${withProfiles}\n[profiles.broken]\nmodel_provider = "nope"\n`,
      'broken',
    );
    expect(provider).toMatchObject({ code: 'UNKNOWN_PROVIDER', field: 'profiles.broken.model_provider' });
    const model = await loadError(`${withProfiles}\n[profiles.broken]\nmodel = 5\n`);
    expect(model).toMatchObject({ code: 'INVALID_FIELD', field: 'profiles.broken.model', line: 18 });
    const store = await loadError('cli_auth_credentials_store = "vault"\n');
    expect(store).toMatchObject({ code: 'INVALID_FIELD', field: 'cli_auth_credentials_store', line: 1 });
  });
});
