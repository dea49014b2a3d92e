// Kept apart from the config schemas so that the registry can read them without loading the validator.

/** Codex's limits: values above the cap are clamped to it, as Codex does. */
export const MAX_REQUEST_MAX_RETRIES = 100;
export const MAX_STREAM_MAX_RETRIES = 100;
export const DEFAULT_REQUEST_MAX_RETRIES = 4;
export const DEFAULT_STREAM_MAX_RETRIES = 5;
export const DEFAULT_STREAM_IDLE_TIMEOUT_MS = 300_000;
