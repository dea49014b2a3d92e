import type { Env } from '../env.js';
import { envValue, resolveEnv } from '../env.js';
import { AwsAuthError } from '../errors.js';
import type { AwsCredentials } from './awsCredentials.js';
import { type CredentialSource, concealed, labelled } from './credentialSource.js';
import { headerSafe } from './headerSafe.js';

/**
 * Options of {@link fromEnv}.
 * @public
 */
export interface FromEnvOptions {
  /** Where the `AWS_*` variables are read on each call (default `process.env`). */
  env?: Env | undefined;
}

const KEY = 'AWS_ACCESS_KEY_ID';
const SECRET = 'AWS_SECRET_ACCESS_KEY';
const TOKEN = 'AWS_SESSION_TOKEN';
const EXPIRATION = 'AWS_CREDENTIAL_EXPIRATION';

/**
 * Keys from `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY`, with `AWS_SESSION_TOKEN` and
 * `AWS_CREDENTIAL_EXPIRATION` when set. The variables are read on every call.
 * @public
 */
export function fromEnv(options: FromEnvOptions = {}): CredentialSource {
  return labelled(`environment (${KEY}, ${SECRET})`, async () => {
    const env = resolveEnv(options.env);
    const accessKeyId = envValue(env, KEY);
    const secretAccessKey = envValue(env, SECRET);
    if (!accessKeyId && !secretAccessKey) {
      throw new AwsAuthError('CREDENTIALS_NOT_FOUND', `${KEY} and ${SECRET} are not set`);
    }
    if (!accessKeyId || !secretAccessKey) {
      const missing = accessKeyId ? SECRET : KEY;
      throw new AwsAuthError('ENV_CREDENTIALS_INCOMPLETE', `${missing} is not set but its pair is`);
    }
    const credentials: AwsCredentials = { accessKeyId: headerSafe(accessKeyId, KEY), secretAccessKey };
    const sessionToken = envValue(env, TOKEN);
    if (sessionToken) credentials.sessionToken = headerSafe(sessionToken, TOKEN);
    const expiration = envValue(env, EXPIRATION);
    if (expiration) {
      const date = new Date(expiration);
      if (Number.isNaN(date.getTime())) {
        throw new AwsAuthError('INVALID_CREDENTIALS', `${EXPIRATION} is not a valid date`);
      }
      credentials.expiration = date;
    }
    return concealed(credentials);
  });
}
