import { describe, expect, it } from 'vitest';
import { AuthStoreError } from './index.js';

describe('AuthStoreError', () => {
  it('carries a stable code, its own name and the cause', () => {
    const cause = new Error('underlying');
    const error = new AuthStoreError('EXAMPLE_CODE', 'something named went wrong', { cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('AuthStoreError');
    expect(error.code).toBe('EXAMPLE_CODE');
    expect(error.message).toBe('something named went wrong');
    expect(error.cause).toBe(cause);
  });
});
