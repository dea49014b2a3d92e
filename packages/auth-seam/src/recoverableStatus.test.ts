import { describe, expect, it } from 'vitest';
import { isRecoverableStatus } from './recoverableStatus.js';

describe('isRecoverableStatus', () => {
  it('hands 400, 401 and 403 to recovery and nothing else', () => {
    const handed = Array.from({ length: 500 }, (_, i) => 100 + i).filter(isRecoverableStatus);
    expect(handed).toEqual([400, 401, 403]);
  });
});
