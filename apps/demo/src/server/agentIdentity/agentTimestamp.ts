/** RFC 3339 in UTC with whole seconds and `Z`, as Agent Identity timestamps are written. */
const RFC3339_UTC_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** How far a signed timestamp may be from the server's clock, either way. */
export const AGENT_TIMESTAMP_WINDOW_MS = 5 * 60 * 1000;

/** 'ok', 'malformed', or 'outside' the window around `now`. */
export function checkAgentTimestamp(
  timestamp: string,
  now: number = Date.now(),
): 'ok' | 'malformed' | 'outside' {
  if (!RFC3339_UTC_SECONDS.test(timestamp)) return 'malformed';
  const at = Date.parse(timestamp);
  if (Number.isNaN(at)) return 'malformed';
  return Math.abs(now - at) <= AGENT_TIMESTAMP_WINDOW_MS ? 'ok' : 'outside';
}
