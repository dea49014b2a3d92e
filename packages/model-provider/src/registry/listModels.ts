import { ProviderRequestError } from '../errors.js';
import type { ModelSummary } from './modelProvider.js';

/** `GET <baseUrl>/models` through the provider's fetch; accepts OpenAI's `{ data: [{ id }] }` shape. */
export async function listModels(
  providerFetch: typeof fetch,
  baseUrl: string,
  signal?: AbortSignal,
): Promise<ModelSummary[]> {
  const response = await providerFetch(`${baseUrl.replace(/\/+$/, '')}/models`, { signal: signal ?? null });
  if (!response.ok) {
    await response.body?.cancel();
    throw new ProviderRequestError(
      'MODELS_RESPONSE',
      `GET /models answered ${response.status} ${response.statusText}`.trim(),
    );
  }
  const body = (await response.json().catch(() => undefined)) as { data?: unknown } | undefined;
  if (!body || !Array.isArray(body.data)) {
    throw new ProviderRequestError('MODELS_RESPONSE', 'GET /models did not answer with a `data` list');
  }
  return body.data
    .filter((m): m is { id: string; owned_by?: unknown } => typeof (m as { id?: unknown })?.id === 'string')
    .map((m) => (typeof m.owned_by === 'string' ? { id: m.id, ownedBy: m.owned_by } : { id: m.id }));
}
