import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { MoveName } from '../../src/model/moves.js';
import { App } from '../../src/ui/App.js';
import { GameController } from '../../src/ui/game-controller.js';
import { getStrategy } from '../../src/strategies/registry.js';
import { listBuiltIn, resolveScenario } from '../../src/scenario/catalog.js';
import { makeRng } from '../../src/rng/rng.js';

const tick = (ms = 30) => new Promise((r) => setTimeout(r, ms));

/** A whole game as Kim, Kim's moves chosen by a strategy; returns the moves and every tension the meter showed. */
function kimGame(seed: string) {
  const scenario = resolveScenario('2022');
  const ctl = new GameController(scenario, seed, 0, 'kim', { us: getStrategy('us', 'columns'), china: getStrategy('china', 'opportunist'), kim: 'human' });
  const kim = getStrategy('kim', 'independent');
  const rng = makeRng(seed, 'kim');
  const moves: MoveName[] = [];
  while (!ctl.session.isOver()) {
    const m = kim.choose(ctl.session.view('kim') as never, ctl.legalMoves(), rng);
    moves.push(m);
    ctl.play(m);
  }
  const shown = [scenario.params.start.tension, ...ctl.session.steps.map((s) => s.state.tension)];
  return { scenario, moves, highest: Math.max(...shown) };
}

describe("the end screen's peak tension (issue 10 item 11)", () => {
  it('is the highest tension the meter showed during the game, for games where tension peaks mid-round', async () => {
    let checked = 0;
    for (let seed = 0; seed < 12 && checked < 3; seed++) {
      const g = kimGame(String(seed));
      const r = render(<App scenarios={listBuiltIn()} start={{ scenario: g.scenario, side: 'kim', seed: String(seed), index: 0, opponents: { us: 'columns', china: 'opportunist' }, moves: g.moves }} newSeed={() => '1'} save={() => 'x'} />);
      const until = Date.now() + 3000;
      while (!/Game over/.test(r.lastFrame() ?? '') && Date.now() < until) await tick();
      const frame = r.lastFrame() ?? '';
      r.unmount();
      // A round at tension 0 draws a blank block, so the bar may hold spaces.
      const peak = /Tension by round +(.*?) +peak (\d\.\d\d)/.exec(frame);
      expect(peak, frame).not.toBeNull();
      expect(peak![2]).toBe(g.highest.toFixed(2));
      // The tallest block of the bar is the peak's block.
      const blocks = ' ▁▂▃▄▅▆▇█';
      const tallest = Math.max(...[...peak![1]!].map((ch) => blocks.indexOf(ch)));
      expect(tallest).toBe(Math.max(1, Math.round(g.highest * 8)));
      checked++;
    }
    expect(checked).toBe(3);
  });
});
