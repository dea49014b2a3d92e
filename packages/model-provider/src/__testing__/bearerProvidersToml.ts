import { tokenScript } from './commandScripts.js';

/**
 * TOML for two providers on `baseUrl` that both send a bearer: `bearer` with the inline token
 * `inline-bearer`, and `command` whose token command (a Node script written into `dir`) prints
 * `command-bearer`. Tests append their other providers after it.
 */
export async function bearerProvidersToml(baseUrl: string, dir: string): Promise<string> {
  const { script } = await tokenScript(dir, ['command-bearer']);
  return `
[model_providers.bearer]
name = "Bearer"
base_url = "${baseUrl}"
experimental_bearer_token = "inline-bearer"

[model_providers.command]
name = "Command"
base_url = "${baseUrl}"
auth = { command = ${JSON.stringify(process.execPath)}, args = [${JSON.stringify(script)}] }
`;
}
