import { describe, expect, it } from 'vitest';
import { scriptDirPerTest } from '../__testing__/testScripts.js';
import { type CommandTokenEvent, type CommandTokenSource, createCommandTokenSource } from '../index.js';

const scripts = scriptDirPerTest();

/** A source whose `onEvent` calls `reenter` once, on the first event of type `on`. */
async function reentrant(
  on: CommandTokenEvent['type'],
  reenter: (source: CommandTokenSource) => Promise<string>,
): Promise<{ source: CommandTokenSource; events: CommandTokenEvent[]; inner: () => Promise<string> }> {
  const command = await scripts.counting('token.mjs', { stdout: 'token-{n}' });
  const events: CommandTokenEvent[] = [];
  let inner: Promise<string> | undefined;
  let entered = false;
  const source: CommandTokenSource = createCommandTokenSource({
    command,
    onEvent: (event) => {
      events.push(event);
      if (event.type !== on || entered) return;
      entered = true; // set before calling back in, so a recursive event does not re-enter again
      inner = reenter(source);
    },
  });
  return {
    source,
    events,
    inner: () => {
      expect(inner).toBeDefined();
      return inner as Promise<string>;
    },
  };
}

describe('listeners that call back into the source', () => {
  it("a getToken from a 'run-start' listener joins the run under way", async () => {
    const { source, events, inner } = await reentrant('run-start', (s) => s.getToken());
    expect(await source.getToken()).toBe('token-1');
    expect(await inner()).toBe('token-1');
    expect(await scripts.runs()).toBe(1);
    expect(events.filter((event) => event.type === 'run-start')).toHaveLength(1);
  });

  it("a refresh from a 'run-start' listener joins the run under way", async () => {
    const { source, inner } = await reentrant('run-start', (s) => s.refresh());
    expect(await source.getToken()).toBe('token-1');
    expect(await inner()).toBe('token-1');
    expect(await scripts.runs()).toBe(1);
  });

  it("a getToken from a 'cache-miss' listener shares the one run", async () => {
    const { source, events, inner } = await reentrant('cache-miss', (s) => s.getToken());
    expect(await source.getToken()).toBe('token-1');
    expect(await inner()).toBe('token-1');
    expect(await scripts.runs()).toBe(1);
    expect(events.filter((event) => event.type === 'run-start')).toHaveLength(1);
  });
});
