import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { App, logLines, sinceLastMove, whoWasPaid } from '../../src/ui/App.js';
import { GameController } from '../../src/ui/game-controller.js';
import { helpRows, logRows, Meters, moveKeysText } from '../../src/ui/components.js';
import { lineWarning, meterMeanings } from '../../src/ui/meters.js';
import { findStrategy, getStrategy } from '../../src/strategies/registry.js';
import { listBuiltIn, resolveScenario } from '../../src/scenario/catalog.js';
import { press } from './press-keys.js';

// Issue 21 items 1-7: the game screen as a person sees it at 80x24.

const TAB = '\t';

/** Render the app in an 80x24 terminal (ink-testing-library's is 100 wide with no height). */
async function at80x24(side: 'china' | 'us' | 'kim', seed: string, opponents: Record<string, string> = {}, cols = 80, rows = 24) {
  const r = render(<App scenarios={listBuiltIn()} start={{ scenario: resolveScenario('2022'), side, seed, index: 0, opponents }} newSeed={() => seed} save={() => ''} />);
  Object.defineProperty(r.stdout, 'columns', { value: cols, configurable: true });
  Object.defineProperty(r.stdout, 'rows', { value: rows, configurable: true });
  const before = r.lastFrame();
  (r.stdout as unknown as NodeJS.EventEmitter).emit('resize');
  for (let i = 0; i < 100 && r.lastFrame() === before; i++) await new Promise((ok) => setTimeout(ok, 10));
  return r;
}

/** The same game, alongside, to know what the side may see (the one observation rule). */
function mirror(seed: string, moves: string[]) {
  const sides = { us: findStrategy('us', 'appeaser')!, china: 'human' as const, kim: getStrategy('kim', 'regimeFirst') };
  return new GameController(resolveScenario('2022'), seed, 0, 'china', sides, moves as never);
}

const squash = (s: string) => s.replace(/\s+/g, ' ');

describe('the game screen at 80x24 (issue 21)', () => {
  it('item 1: every line China may see since its last move is on screen when it moves (2022, seed 735079, US appeaser, keys 2,1,2)', async () => {
    // Issue 19 (deals as contracts): seed 735044's game now has a freeze at zero tension in round 3,
    // so no change in tension between rounds to show; this seed's round 3 has one.
    const seed = '735079';
    const r = await at80x24('china', seed, { us: 'appeaser' });
    const played: string[] = [];
    const keys = ['2', '1', '2'];
    const moveOf: Record<string, string> = { '1': 'askEscalationOvertly', '2': 'askEscalationByCourier' };
    for (const k of keys) {
      await press(r, [k]);
      played.push(moveOf[k]!);
      const frame = r.lastFrame() ?? '';
      const rowsOf = frame.split('\n');
      expect(rowsOf.length).toBeLessThanOrEqual(24);
      for (const row of rowsOf) expect(row.length).toBeLessThanOrEqual(80);
      const ctl = mirror(seed, played);
      const lines = logLines(ctl.session.steps, 'china', false);
      // What others did since China's last move (China's own move line may scroll above: it made it).
      const news = lines.slice(sinceLastMove(lines, ctl.session.steps, 'china')).filter((l) => l.who !== 'China');
      expect(news.length).toBeGreaterThan(2);
      // Each line whole (its wrapped rows joined), with its round and side.
      const flat = squash(frame.split('\n').map((l) => l.replace(/^R\d+ +\S+ +|^ {10}/, '')).join(' '));
      for (const l of news) expect(flat, `missing: ${l.text}\n${frame}`).toContain(squash(l.text));
    }
    // Kim's moves of the round before are on screen, and item 2: the change between rounds is told.
    const ctl = mirror(seed, played);
    const frame = squash(r.lastFrame() ?? '');
    expect(frame).toMatch(/round 4\/12/);
    const kimLast = logLines(ctl.session.steps, 'china', false).filter((l) => l.who === 'Kim' && l.round === 3);
    expect(kimLast.length).toBeGreaterThan(0);
    for (const l of kimLast) expect(frame).toContain(squash(l.text));
    expect(frame).toMatch(/Between rounds: tension \d\.\d\d -> \d\.\d\d/);
    // Tab shows the meters; their change runs from before China's own last move.
    await press(r, [TAB]);
    const board = r.lastFrame() ?? '';
    expect(board).toMatch(/Beijing sees \(\+\/- since your move\)/);
    const steps = ctl.session.steps;
    const lastChina = steps.map((x) => (x.type === 'move' && x.actor === 'china' ? 1 : 0)).lastIndexOf(1);
    const before = lastChina > 0 ? steps[lastChina - 1]!.state.tension : steps[0]!.state.tension;
    const now = steps.at(-1)!.state.tension;
    const sign = now - before >= 0 ? '\\+' : '-';
    expect(board).toMatch(new RegExp(`Tension +\\S+ ${now.toFixed(2)} ${sign}${Math.abs(now - before).toFixed(2)}`));
    await press(r, [TAB]);
    expect(r.lastFrame()).toMatch(/since your last move, as Beijing saw it/);
  }, 30_000);

  it('item 2: the meters change from before your own last move, so its effect shows', () => {
    const ctl = mirror('735044', ['askEscalationByCourier']);
    const meters = ctl.meters(false);
    // China moves first in a round: "this round" was always zero at its turn.
    expect(meters.some((m) => Math.abs(m.value - m.before) >= 0.005)).toBe(true);
    const lifeline = meters.find((m) => m.label === 'China lifeline')!;
    // Kim defied the courier's request and Beijing cut the lifeline (0.80 -> 0.70 in the log).
    expect(lifeline.before).toBeCloseTo(0.8, 5);
    expect(lifeline.value).toBeLessThan(lifeline.before - 0.05);
  });

  it("item 3: an ending's line is marked on the meter it reads, with a warning when near", () => {
    const line = { at: 0.12, below: true, ending: 'regime crisis' };
    const near = { label: 'NK economy', value: 0.16, before: 0.3, claim: 'C7', line };
    const far = { label: "Kim's standing", value: 0.6, before: 0.6, claim: 'C7', line };
    const { lastFrame } = render(<Meters width={37} meters={[near, far]} />);
    const [a, b] = (lastFrame() ?? '').split('\n');
    expect(a).toMatch(/^NK economy +.*\|.* 0\.16 -0\.14!$/);
    expect(b).toMatch(/\|/);
    expect(b).not.toMatch(/!$/);
    expect(lineWarning(near)).toBe('NK economy 0.16: regime crisis under 0.12');
    expect(lineWarning(far)).toBeNull();
    // The lines come from the scenario's own rules.
    const ctl = mirror('735044', []);
    const econ = ctl.meters(false).find((m) => m.label === 'NK economy')!;
    expect(econ.line).toEqual({ at: resolveScenario('2022').params.kim.regimeCrisisThreshold, below: true, ending: 'regime crisis' });
  });

  it('item 4: who was paid is said when concessions were extracted', () => {
    expect(whoWasPaid({ concededTaiwan: 0, concededChips: 0, aidToKim: 3 })).toMatch(/paid Kim only.*Beijing got nothing/);
    expect(whoWasPaid({ concededTaiwan: 1, concededChips: 1, aidToKim: 0 })).toMatch(/paid Beijing only/);
  });

  it('item 5: help explains each meter and fits 80 columns; hint and advice wrap, never cut', async () => {
    const meanings = meterMeanings(['Tension', 'US-China tension', 'NK economy']);
    const rows = helpRows(80, meanings);
    for (const row of rows) expect(row.length).toBeLessThanOrEqual(80);
    const text = rows.join('\n');
    expect(text).toMatch(/Tension +the Korean crisis/);
    expect(text).toMatch(/US-China tension +the Washington-Beijing rivalry, not the Korea crisis/);
    const r = await at80x24('us', '735044');
    const frame = r.lastFrame() ?? '';
    expect(frame).not.toMatch(/…/);
    expect(squash(frame)).toMatch(/Buys China's restraint if offered; costs credibility and teaches Beijing you pay\. \[C3 C8\]/);
    await press(r, ['?']);
    const help = r.lastFrame() ?? '';
    expect(help.split('\n').length).toBeLessThanOrEqual(24);
    for (const row of help.split('\n')) expect(row.length).toBeLessThanOrEqual(80);
    expect(help).toMatch(/Influence \(US est\.\) +Washington's estimate/);
  });

  it('item 6: greyed and highlighted moves are marked with characters, not colour alone', async () => {
    const r = await at80x24('china', '735044', { us: 'appeaser' });
    const frame = r.lastFrame() ?? '';
    // Whatever is not open in round 1 is marked '-'.
    const ctl = mirror('735044', []);
    const legal = ctl.legalMoves();
    expect(frame).toMatch(/>1 Ask Kim to escalate \(openly\)/);
    for (const [i, m] of (['askEscalationOvertly', 'askEscalationByCourier', 'restrainKim', 'offerRestraintForTaiwan', 'offerRestraintForChips'] as const).entries()) {
      if (!legal.includes(m)) expect(frame).toMatch(new RegExp(`-${i + 1} `));
    }
    await press(r, ['2']);
    expect(r.lastFrame()).toMatch(/-4 Offer restraint; price: Taiwan support/);
  });

  it('item 7: the footer names key 0, log columns line up past round 9, and a small terminal is told so', async () => {
    expect(moveKeysText(10)).toBe('1-9,0');
    expect(moveKeysText(9)).toBe('1-9');
    const r = await at80x24('china', '735044', { us: 'appeaser' });
    expect(r.lastFrame()).toMatch(/^1-9,0 move/m);
    const rows = logRows(
      [
        { round: 1, who: 'China', text: 'one', claims: [], hidden: false, seq: 1 },
        { round: 10, who: 'China', text: 'ten', claims: [], hidden: false, seq: 2 },
      ],
      80,
      false,
    );
    expect(rows[0]!.text.indexOf('one')).toBe(rows[1]!.text.indexOf('ten'));
    expect(rows[0]!.text.indexOf('China')).toBe(rows[1]!.text.indexOf('China'));
    const small = await at80x24('us', '735044', {}, 70, 20);
    expect(small.lastFrame()).toMatch(/needs a terminal of at least 80x24; this one is 70x20/);
  });
});
