import { describe, expect, it } from 'vitest';
import { shouldRetryResponse } from './shouldRetryResponse.js';

const statuses = Array.from({ length: 500 }, (_, i) => 100 + i);

describe('shouldRetryResponse', () => {
  it('retries 408, 409, 429 and every 5xx when the server says nothing', () => {
    const retried = statuses.filter((status) => shouldRetryResponse({ status, headers: {} }));
    expect(retried).toEqual([408, 409, 429, ...statuses.filter((s) => s >= 500)]);
  });

  it('obeys x-should-retry: true on any error status and false on any status, in Headers or a record of any case', () => {
    expect(shouldRetryResponse({ status: 404, headers: new Headers({ 'x-should-retry': 'true' }) })).toBe(
      true,
    );
    expect(shouldRetryResponse({ status: 400, headers: { 'X-Should-Retry': ' TRUE ' } })).toBe(true);
    expect(shouldRetryResponse({ status: 503, headers: new Headers({ 'x-should-retry': 'false' }) })).toBe(
      false,
    );
    expect(shouldRetryResponse({ status: 429, headers: { 'x-should-retry': 'false' } })).toBe(false);
    expect(shouldRetryResponse({ status: 503, headers: { 'x-should-retry': 'maybe' } })).toBe(true);
  });

  it('never retries a response below 400, whatever the header says', () => {
    expect(shouldRetryResponse({ status: 200, headers: { 'x-should-retry': 'true' } })).toBe(false);
    expect(shouldRetryResponse({ status: 302, headers: { 'x-should-retry': 'true' } })).toBe(false);
  });
});
