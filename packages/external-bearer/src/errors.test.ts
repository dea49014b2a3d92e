import { describe, expect, it } from 'vitest';
import { CommandTokenError } from './index.js';

describe('CommandTokenError', () => {
  it('carries a stable code, its own name and the cause', () => {
    const cause = new Error('underlying');
    const error = new CommandTokenError('SPAWN_FAILED', 'something named went wrong', { cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('CommandTokenError');
    expect(error.code).toBe('SPAWN_FAILED');
    expect(error.message).toBe('something named went wrong');
    expect(error.cause).toBe(cause);
  });
});
