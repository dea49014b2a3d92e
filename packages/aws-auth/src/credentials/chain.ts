import { AwsAuthError } from '../errors.js';
import type { CredentialSource } from './credentialSource.js';
import { concealed, labelled } from './credentialSource.js';

/**
 * Tries each source in order. A source that finds nothing (CREDENTIALS_NOT_FOUND) passes to the
 * next; any other failure stops the chain. When all find nothing the error lists every source tried.
 * @public
 */
export function chain(...sources: CredentialSource[]): CredentialSource {
  const label = sources.map((s) => s.source).join(', ');
  return labelled(label, async (options) => {
    const causes: unknown[] = [];
    for (const source of sources) {
      try {
        return concealed(await source(options));
      } catch (error) {
        if (!(error instanceof AwsAuthError) || error.code !== 'CREDENTIALS_NOT_FOUND') throw error;
        causes.push(error);
      }
    }
    throw new AwsAuthError('CREDENTIALS_NOT_FOUND', `no AWS credentials found; tried: ${label}`, {
      cause: new AggregateError(causes, 'every credential source found nothing'),
    });
  });
}
