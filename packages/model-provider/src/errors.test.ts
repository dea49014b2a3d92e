import { describe, expect, it } from 'vitest';
import { ProviderConfigError, ProviderRequestError } from './index.js';

describe('ProviderConfigError', () => {
  it('carries a stable code, its own name, where it happened and the cause', () => {
    const cause = new Error('underlying');
    const error = new ProviderConfigError('INVALID_FIELD', 'something named went wrong', {
      cause,
      file: 'config.toml',
      line: 3,
      field: 'model_providers.a.name',
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ProviderConfigError');
    expect(error.code).toBe('INVALID_FIELD');
    expect(error.message).toBe('something named went wrong');
    expect(error.cause).toBe(cause);
    expect([error.file, error.line, error.field]).toEqual(['config.toml', 3, 'model_providers.a.name']);
    expect('cause' in new ProviderConfigError('UNKNOWN_PROVIDER', 'no cause')).toBe(false);
  });
});

describe('ProviderRequestError', () => {
  it('carries a stable code, its own name and the cause', () => {
    const cause = new Error('underlying');
    const error = new ProviderRequestError('TRANSPORT', 'GET /models failed', { cause });
    expect(error.name).toBe('ProviderRequestError');
    expect(error.code).toBe('TRANSPORT');
    expect(error.cause).toBe(cause);
  });
});
