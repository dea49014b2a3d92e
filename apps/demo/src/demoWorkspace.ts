import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEMO_AWS_PROFILE, DEMO_AWS_REGION, demoAwsFiles } from './demoAws.js';
import { CONTROL_SECRET_HEADER } from './server/controlSecret.js';
import { writeNewFile } from './writeNewFile.js';

/**
 * The token command the demo configures: asks the embedded server to mint a short-lived token. The
 * server's control secret comes from a file, so it never appears on a command line (`ps`).
 */
const MINT_SCRIPT = `// Prints a short-lived bearer token minted by the xdemo server given as the first argument,
// authorized by the control secret in the file given as the second.
import { readFileSync } from 'node:fs';
const secret = readFileSync(process.argv[3], 'utf8').trim();
const response = await fetch(new URL('/demo/mint', process.argv[2]), {
  method: 'POST',
  headers: { '${CONTROL_SECRET_HEADER}': secret },
});
if (!response.ok) {
  console.error('mint failed with status ' + response.status);
  process.exit(1);
}
const { token } = await response.json();
process.stdout.write(token + '\\n');
`;

export interface DemoWorkspace {
  configFile: string;
  /** The server's control secret (mode 0600), read by the token command. */
  controlSecretFile: string;
  awsEnv: { AWS_SHARED_CREDENTIALS_FILE: string; AWS_CONFIG_FILE: string };
}

/**
 * Writes, under `home`, everything a session against the embedded server needs: the demo AWS profile,
 * the token command and the server's control secret for it, and a `config.toml` with one provider per
 * auth path.
 */
export async function writeDemoWorkspace(
  home: string,
  server: { origin: string; controlSecret(): string },
): Promise<DemoWorkspace> {
  await mkdir(join(home, 'aws'), { recursive: true, mode: 0o700 });
  await mkdir(join(home, 'bin'), { recursive: true, mode: 0o700 });
  const aws = demoAwsFiles();
  const awsEnv = {
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'aws', 'credentials'),
    AWS_CONFIG_FILE: join(home, 'aws', 'config'),
  };
  await writeNewFile(awsEnv.AWS_SHARED_CREDENTIALS_FILE, aws.credentials, 0o600);
  await writeNewFile(awsEnv.AWS_CONFIG_FILE, aws.config, 0o600);
  const mintScript = join(home, 'bin', 'mint-token.mjs');
  await writeNewFile(mintScript, MINT_SCRIPT, 0o700);
  const controlSecretFile = join(home, 'bin', 'control-secret');
  await writeNewFile(controlSecretFile, `${server.controlSecret()}\n`, 0o600);
  const configFile = join(home, 'config.toml');
  await writeFile(configFile, demoConfigToml(server.origin, mintScript, controlSecretFile));
  return { configFile, controlSecretFile, awsEnv };
}

/** One provider per auth path, all pointing at the embedded server. */
export function demoConfigToml(origin: string, mintScript: string, controlSecretFile: string): string {
  const q = (value: string): string => JSON.stringify(value);
  return `# Written by xdemo: every provider points at the embedded server on ${origin}.
model = "demo-echo-1"

[model_providers.xdemo-apikey]
name = "xdemo (API key login)"
base_url = ${q(`${origin}/v1`)}
requires_openai_auth = true

[model_providers.xdemo-agent]
name = "xdemo (Agent Identity login)"
base_url = ${q(`${origin}/v1`)}
requires_openai_auth = true

[model_providers.xdemo-command]
name = "xdemo (command token)"
base_url = ${q(`${origin}/v1`)}

[model_providers.xdemo-command.auth]
command = ${q(process.execPath)}
args = [${q(mintScript)}, ${q(origin)}, ${q(controlSecretFile)}]
timeout_ms = 5000

[model_providers.amazon-bedrock]
base_url = ${q(`${origin}/openai/v1`)}
aws = { profile = "${DEMO_AWS_PROFILE}", region = "${DEMO_AWS_REGION}" }

[model_providers.amazon-bedrock-runtime]
base_url = ${q(`${origin}/openai/v1`)}
aws = { region = "${DEMO_AWS_REGION}" }
`;
}
