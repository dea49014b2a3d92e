// The README example of @x/model-provider, run against the package as npm installed it: a provider
// from config.toml whose token comes from a command, and one request through its fetch to the
// loopback server the test started (PROVIDER_URL).
import { createProviderRegistry, loadConfig } from '@x/model-provider';

const toml = `
[model_providers.local]
name = "Local"
base_url = "${process.env.PROVIDER_URL}"
auth = { command = ${JSON.stringify(process.execPath)}, args = ["-e", "console.log('tok-provider')"], timeout_ms = 60000 }
`;
const registry = createProviderRegistry({ config: await loadConfig({ toml }) });
const provider = await registry.resolve('local');
const response = await provider.fetch(`${provider.baseUrl}/responses`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ model: 'm', input: 'Hello' }),
});
console.log(JSON.stringify({ status: response.status, body: await response.json() }));
