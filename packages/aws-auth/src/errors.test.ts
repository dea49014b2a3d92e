import { describe, expect, it } from 'vitest';
import { AwsAuthError } from './index.js';

describe('AwsAuthError', () => {
  it('carries a stable code, its own name and the cause', () => {
    const cause = new Error('underlying');
    const error = new AwsAuthError('EXAMPLE_CODE', 'something named went wrong', { cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('AwsAuthError');
    expect(error.code).toBe('EXAMPLE_CODE');
    expect(error.message).toBe('something named went wrong');
    expect(error.cause).toBe(cause);
  });
});
