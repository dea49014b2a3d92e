import { describe, expect, it } from 'vitest';
import { AuthStoreError } from './index.js';

describe('AuthStoreError', () => {
  it('carries a stable code, its own name and the cause', () => {
    const cause = new Error('underlying');
    const error = new AuthStoreError('AUTH_FILE_IO', 'something named went wrong', { cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('AuthStoreError');
    expect(error.code).toBe('AUTH_FILE_IO');
    expect(error.message).toBe('something named went wrong');
    expect(error.cause).toBe(cause);
  });

  it('takes only the codes it documents', () => {
    // @ts-expect-error: the code union is closed
    expect(new AuthStoreError('EXAMPLE_CODE', 'm').code).toBe('EXAMPLE_CODE');
  });
});
