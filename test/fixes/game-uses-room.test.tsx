import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/ui/App.js';
import { GameController } from '../../src/ui/game-controller.js';
import { MOVES } from '../../src/model/moves.js';
import { getStrategy } from '../../src/strategies/registry.js';
import { listBuiltIn, resolveScenario } from '../../src/scenario/catalog.js';

const tick = (ms = 30) => new Promise((r) => setTimeout(r, ms));
const squash = (s: string) => s.replace(/\s+/g, ' ');

describe('the game uses the room the terminal has (issue 10 item 10)', () => {
  it.each([80, 100, 120])('at %i columns and 40 rows the hint, the advice and the claims are whole, not cut with "…"', async (cols) => {
    const scenario = resolveScenario('2022');
    const r = render(<App scenarios={listBuiltIn()} start={{ scenario, side: 'us', seed: '7', index: 0, opponents: {} }} newSeed={() => '7'} save={() => ''} />);
    Object.defineProperty(r.stdout, 'columns', { value: cols, configurable: true });
    Object.defineProperty(r.stdout, 'rows', { value: 40, configurable: true });
    r.stdin.write('c'); // show the claims under the log
    const until = Date.now() + 2000;
    while (!/C2: /.test(r.lastFrame() ?? '') && Date.now() < until) await tick();
    const frame = r.lastFrame() ?? '';
    r.unmount();
    for (const line of frame.split('\n')) expect(line.length, line).toBeLessThanOrEqual(cols);
    expect(frame).not.toContain('…');
    const ctl = new GameController(scenario, '7', 0, 'us', { us: 'human', china: getStrategy('china', 'opportunist'), kim: getStrategy('kim', 'regimeFirst') });
    const advice = ctl.advice()!;
    const flat = squash(frame);
    // The advice may sit in the panel's right column, under the move list (when the meters
    // leave rows there): read that column on its own, where the panel's title starts.
    const lines = frame.split('\n');
    const rightAt = (lines[1] ?? '').indexOf('Your move');
    const rightColumn = squash(lines.map((l) => l.slice(rightAt)).join(' '));
    expect(`${flat} ${rightColumn}`).toContain(squash(advice.why));
    expect(flat).toContain(squash(MOVES.concedeTaiwan.hint));
  });
});
