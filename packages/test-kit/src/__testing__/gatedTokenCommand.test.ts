import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { gatedTokenCommand } from './gatedTokenCommand.js';
import { tempDir } from './tempDir.js';

describe('gatedTokenCommand', () => {
  it('starts, holds at the gate until the test opens it, then prints the token', async () => {
    const gated = await gatedTokenCommand(await tempDir('test-kit-gated-'), 'gated', 'gated-token');
    expect(gated.started()).toBe(false);
    const child = spawn(gated.command, [], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    await expect.poll(() => gated.started()).toBe(true);
    expect(gated.done()).toBe(false);
    expect(stdout).toBe('');
    await gated.open();
    expect(await exited).toBe(0);
    expect(stdout).toBe('gated-token\n');
    expect(gated.done()).toBe(true);
  });
});
