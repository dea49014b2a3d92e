import { describe, expect, it } from 'vitest';
import { AwsAuthError } from './index.js';

describe('AwsAuthError', () => {
  it('carries a stable code, its own name and the cause', () => {
    const cause = new Error('underlying');
    const error = new AwsAuthError('CREDENTIALS_NOT_FOUND', 'something named went wrong', { cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('AwsAuthError');
    expect(error.code).toBe('CREDENTIALS_NOT_FOUND');
    expect(error.message).toBe('something named went wrong');
    expect(error.cause).toBe(cause);
  });
});
