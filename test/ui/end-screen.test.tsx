import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/ui/App.js';
import { listBuiltIn, resolveScenario } from '../../src/scenario/catalog.js';
import { press } from './press-keys.js';

// The end screen: your payoff part by part, better or worse only outside the noise, and a
// debrief one key away that reveals what your side could not see.

const PAGE_DOWN = '\u001B[6~';

describe('the end screen', () => {
  it('breaks your payoff into parts, compares within noise, and opens the debrief with d', async () => {
    const r = render(
      <App scenarios={listBuiltIn()} start={{ scenario: resolveScenario('2023'), side: 'us', seed: '1', index: 0, opponents: { china: 'covertFirst' } }} newSeed={() => '1'} save={() => ''} />,
    );
    for (let i = 0; i < 14 && !/Game over/.test(r.lastFrame() ?? ''); i++) await press(r, ['6']);
    const end = r.lastFrame() ?? '';
    expect(end).toMatch(/Game over: /);
    expect(end).toMatch(/US +-?\d+\.\d\d = .*credibility kept [+-]\d+\.\d\d \[C8\]/);
    expect(end).not.toMatch(/beat you|no better/);
    expect(end).toMatch(/(better than you|worse than you|within noise)/);
    expect(end).toMatch(/middle 95% of its games/);
    expect(end).toMatch(/d debrief/);
    // One glyph a round in the sparklines, zeros included (issue 21 item 7).
    const rounds = Number(/after (\d+) rounds?/.exec(end)?.[1]);
    expect(/Tension by round +(\S+)/.exec(end)?.[1]?.length).toBe(rounds);
    expect(/Concessions so far +(\S+)/.exec(end)?.[1]?.length).toBe(rounds);
    await press(r, ['d']);
    // The debrief opens at its top, the game in order (issue 21 item 7).
    const top = r.lastFrame() ?? '';
    expect(top).toMatch(/Debrief: the whole game, every hidden move revealed/);
    expect(top).toMatch(/Round 1/);
    expect(top).toMatch(/lines 1-\d+ of \d+ · up\/down/);
    for (let i = 0; i < 40 && !/What drove the result/.test(r.lastFrame() ?? ''); i++) await press(r, [PAGE_DOWN]);
    const d = r.lastFrame() ?? '';
    expect(d).toMatch(/What drove the result/);
    // Counts read as whole numbers.
    expect(d).not.toMatch(/rounds played \d+\.\d/);
    await press(r, ['d']);
    expect(r.lastFrame()).toMatch(/Game over: /);
  }, 60_000);
});
