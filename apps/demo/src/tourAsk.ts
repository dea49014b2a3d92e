import type { ModelProvider, ProviderRegistry } from '@x/model-provider';

/** One row of the tour: a provider asked once, and what the server verified. */
export interface TourRow {
  provider: string;
  authMethod: string;
  expected: string;
  verifiedBy: string | null;
  retries: number;
  latencyMs: number;
  ok: boolean;
  note?: string | undefined;
}

/**
 * Asks `provider` once and records the row: verified when the server names `expected`. `via` names
 * another registry the provider came from (for its auth method) and the model to ask for.
 */
export type TourAsk = (
  provider: ModelProvider,
  expected: string,
  note?: string,
  via?: { registry: ProviderRegistry; model: string },
) => Promise<TourRow>;
