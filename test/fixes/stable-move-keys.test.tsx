import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/ui/App.js';
import { MOVES, movesOf } from '../../src/model/moves.js';
import { listBuiltIn, resolveScenario } from '../../src/scenario/catalog.js';

const tick = (ms = 20) => new Promise((r) => setTimeout(r, ms));

async function press(r: { stdin: { write(s: string): void }; lastFrame(): string | undefined }, key: string) {
  const before = r.lastFrame();
  r.stdin.write(key);
  const until = Date.now() + 1500;
  while (r.lastFrame() === before && Date.now() < until) await tick(10);
  await tick(10);
}

/** The key printed before each of Kim's moves on this frame. */
function keysOnScreen(frame: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of movesOf('kim')) {
    const label = MOVES[m].label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const hit = new RegExp(`(\\d) ${label}`).exec(frame);
    if (hit) out[m] = hit[1] as string;
  }
  return out;
}

describe("Kim's move keys (issue 10 item 4)", () => {
  it('every move keeps one key all game while Kim climbs the ladder; a greyed move refuses its key', async () => {
    const r = render(
      <App scenarios={listBuiltIn()} start={{ scenario: resolveScenario('baseline'), side: 'kim', seed: '4', index: 0, opponents: { us: 'columns', china: 'opportunist' } }} newSeed={() => '4'} save={() => ''} />,
    );
    const expected = Object.fromEntries(movesOf('kim').map((m, i) => [m, String(i + 1)]));
    const seen: Record<string, string>[] = [];
    // Climb: the short-range test, then each next rung, then hold; keys read every round.
    for (const m of ['testShortRange', 'missileOverJapan', 'testIcbm', 'holdTests', 'holdTests'] as const) {
      const frame = r.lastFrame() ?? '';
      if (/Game over/.test(frame)) break;
      seen.push(keysOnScreen(frame));
      await press(r, expected[m] as string);
    }
    expect(seen.length).toBeGreaterThanOrEqual(4);
    for (const keys of seen) expect(keys).toEqual(expected);

    // The nuclear test, the top rung, is not open in round 1 of a fresh game: its key is refused.
    const fresh = render(
      <App scenarios={listBuiltIn()} start={{ scenario: resolveScenario('baseline'), side: 'kim', seed: '4', index: 0, opponents: { us: 'columns', china: 'opportunist' } }} newSeed={() => '4'} save={() => ''} />,
    );
    expect(fresh.lastFrame()).toMatch(/round 1\/\d+/);
    await press(fresh, expected.nuclearTest as string);
    expect(fresh.lastFrame()).toMatch(/round 1\/\d+/);
    expect(fresh.lastFrame()).toMatch(/not open now/);
    r.unmount();
    fresh.unmount();
  });
});
