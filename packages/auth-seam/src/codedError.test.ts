import { describe, expect, it } from 'vitest';
import { CodedError } from './codedError.js';

class SampleError extends CodedError<'ONE' | 'TWO'> {
  override readonly name = 'SampleError';
}

describe('CodedError', () => {
  it('carries the code, the message, the subclass name and the native cause', () => {
    const cause = new Error('underneath');
    const error = new SampleError('TWO', 'what went wrong', { cause });
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(SampleError);
    expect([error.code, error.message, error.name, error.cause]).toEqual([
      'TWO',
      'what went wrong',
      'SampleError',
      cause,
    ]);
    expect(String(error)).toBe('SampleError: what went wrong');
  });

  it('has no cause property at all when none is given', () => {
    expect('cause' in new SampleError('ONE', 'm')).toBe(false);
    expect('cause' in new SampleError('ONE', 'm', { cause: undefined })).toBe(false);
  });
});
