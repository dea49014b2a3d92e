import { gatedTokenCommand } from '@x/test-kit';
import { describe, expect, it } from 'vitest';
import { scriptDirPerTest } from '../__testing__/testScripts.js';
import { type CommandTokenEvent, createCommandTokenSource } from '../index.js';

const scripts = scriptDirPerTest();

describe('aborting a wait while the command runs', () => {
  it('getToken rejects with the abort reason while the shared run goes on for the others', async () => {
    const gated = await gatedTokenCommand(scripts.dir, 'gated', 'shared-token');
    const events: CommandTokenEvent[] = [];
    const source = createCommandTokenSource({ command: gated.command, onEvent: (e) => events.push(e) });
    const controller = new AbortController();
    const reason = new Error('caller A gave up');
    const a = source.getToken({ signal: controller.signal });
    const b = source.getToken();
    await expect.poll(() => gated.started()).toBe(true);
    controller.abort(reason);
    await expect(a).rejects.toBe(reason);
    // A settled while the command was still held at its gate
    expect(gated.done()).toBe(false);
    await gated.open();
    expect(await b).toBe('shared-token');
    expect(gated.done()).toBe(true);
    expect(await scripts.runs()).toBe(1);
    expect(events.filter((event) => event.type === 'run-start')).toHaveLength(1);
  });

  it('authorize rejects with the abort reason, and a later caller reuses the shared run', async () => {
    const gated = await gatedTokenCommand(scripts.dir, 'gated', 'shared-token');
    const source = createCommandTokenSource({ command: gated.command });
    const controller = new AbortController();
    const request = { method: 'GET', url: 'https://example.test', headers: {} };
    const a = source.authorize(request, { signal: controller.signal });
    await expect.poll(() => gated.started()).toBe(true);
    controller.abort();
    await expect(a).rejects.toBe(controller.signal.reason);
    expect(gated.done()).toBe(false);
    const b = source.authorize(request);
    await gated.open();
    expect((await b).headers.authorization).toBe('Bearer shared-token');
    expect(await scripts.runs()).toBe(1);
  });

  it('an already aborted signal rejects with its reason, even on a warm cache', async () => {
    const gated = await gatedTokenCommand(scripts.dir, 'gated', 'warm-token');
    await gated.open();
    const source = createCommandTokenSource({ command: gated.command });
    expect(await source.getToken()).toBe('warm-token');
    const signal = AbortSignal.abort(new Error('already gone'));
    await expect(source.getToken({ signal })).rejects.toBe(signal.reason);
    await expect(
      source.authorize({ method: 'GET', url: 'https://x.test', headers: {} }, { signal }),
    ).rejects.toBe(signal.reason);
    expect(await scripts.runs()).toBe(1);
  });
});
