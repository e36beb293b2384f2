import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { App, logLines } from '../../src/ui/App.js';
import { GameController } from '../../src/ui/game-controller.js';
import { getStrategy } from '../../src/strategies/registry.js';
import { Meters, MoveList } from '../../src/ui/components.js';
import { listBuiltIn, resolveScenario } from '../../src/scenario/catalog.js';
import { press } from './press-keys.js';

const ENTER = '\r';
const DOWN = '\u001B[B';

function app(start = true) {
  const saved: string[] = [];
  const scenario = resolveScenario('2022');
  const r = render(
    <App
      scenarios={listBuiltIn()}
      start={start ? { scenario, side: 'us', seed: '7', index: 0, opponents: {} } : undefined}
      newSeed={() => '7'}
      save={(stem, jsonl) => {
        saved.push(jsonl);
        return `${stem}.jsonl`;
      }}
    />,
  );
  return { ...r, saved };
}

describe('components', () => {
  it('meters show a bar, the value and the change this round', () => {
    const { lastFrame } = render(<Meters width={40} meters={[{ label: 'Tension', value: 0.6, before: 0.4, claim: 'C12', danger: true }]} />);
    expect(lastFrame()).toMatch(/Tension +█+░* 0\.60 +\+0\.20/);
  });
  it('the move list numbers the moves and marks the advised one', () => {
    const { lastFrame } = render(<MoveList width={50} moves={['exposeBeijing', 'sanction']} selected={0} advised="sanction" />);
    expect(lastFrame()).toMatch(/1 Expose Beijing's role/);
    expect(lastFrame()).toMatch(/2 Sanction.*\*/);
  });
});

describe('the game screen', () => {
  it('shows round, side, the view, the moves, the advisor and a claim-citing log', () => {
    const { lastFrame } = app();
    const f = lastFrame() ?? '';
    expect(f).toMatch(/2022 · you: United States · round 1\/12 · seed 7/);
    expect(f).toMatch(/Influence \(US est\.\)/);
    expect(f).not.toMatch(/Influence \(true\)/);
    expect(f).toMatch(/1 Concede: less support for Taiwan/);
    expect(f).toMatch(/The columns' advice: /);
    // The recalibrated 2022 game (issue 13): Beijing opens by selling restraint for chips.
    expect(f).toMatch(/R1 +China Offer restraint; price: chip controls — Beijing offers/);
    // Kim's move is named, then its effect (issue 10 item 3); the line's claims are cited
    // (wrapped under the text at this width: issue 10 item 10).
    expect(f).toMatch(/R1 +Kim +Offer to suspend tests, for payment — Kim offers to suspend his tests/);
    expect(f).toMatch(/\[C6\]/);
  });

  it('plays a move by number, undoes it, toggles teacher view and help', async () => {
    const r = app();
    const { lastFrame } = r;
    await press(r, ['5']);
    expect(lastFrame()).toMatch(/round 2\/12/);
    expect(lastFrame()).toMatch(/Washington exposes Beijing's role/);
    await press(r, ['u']);
    expect(lastFrame()).toMatch(/round 1\/12/);
    expect(lastFrame()).toMatch(/Undone/);
    await press(r, ['t']);
    expect(lastFrame()).toMatch(/teacher view/);
    expect(lastFrame()).toMatch(/Influence \(true\)/);
    await press(r, ['?']);
    expect(lastFrame()).toMatch(/Keys/);
    await press(r, ['x']);
    expect(lastFrame()).not.toMatch(/Keys/);
    await press(r, ['c']);
    expect(lastFrame()).toMatch(/C6: Kim has leverage of his own/);
  });

  it('plays a whole game by key presses to the end screen, with the comparison', async () => {
    const r = app();
    const { lastFrame, saved } = r;
    for (let i = 0; i < 12 && !/Game over/.test(lastFrame() ?? ''); i++) await press(r, [i % 2 ? '6' : '5']);
    const f = lastFrame() ?? '';
    expect(f).toMatch(/Game over: /);
    expect(f).toMatch(/Payoffs: US -?\d+\.\d\d · China/);
    expect(f).toMatch(/You ended in .*; Exposer would have ended in/);
    expect(f).toMatch(/Appeaser +\S/);
    await press(r, ['s']);
    expect(saved[0]).toMatch(/"type":"outcome"/);
    await press(r, ['q']);
    expect(lastFrame()).toMatch(/Quit this game\? y to quit/);
  });

  it('moves with arrows and Enter, too', async () => {
    const r = app();
    const { lastFrame } = r;
    await press(r, [DOWN, DOWN, DOWN, DOWN, ENTER]);
    expect(lastFrame()).toMatch(/Washington exposes Beijing's role/);
  });
});

describe('what each side may know', () => {
  const start = (side: 'us' | 'kim') =>
    render(
      <App
        scenarios={listBuiltIn()}
        start={{ scenario: resolveScenario('2023'), side, seed: '1', index: 0, opponents: { china: 'covertFirst' } }}
        newSeed={() => '1'}
        save={() => ''}
      />,
    );
  it("Kim sees Beijing's courier; Washington does not, until the teacher view shows it", async () => {
    const kim = start('kim');
    expect(kim.lastFrame()).toMatch(/R1 +China Ask Kim to escalate \(by courier\) — A courier carries Xi's request/);
    const us = start('us');
    // Washington observed nothing of the request: the log says so, and names no move China did not make.
    expect(us.lastFrame()).not.toMatch(/courier/);
    expect(us.lastFrame()).toMatch(/R1 +China Nothing observed/);
    expect(us.lastFrame()).not.toMatch(/R1 +China Wait/);
  });
  it('the teacher view adds what the side cannot know', () => {
    const ctl = new GameController(resolveScenario('2023'), '1', 0, 'us', { us: 'human', china: getStrategy('china', 'covertFirst'), kim: getStrategy('kim', 'regimeFirst') });
    const texts = (teacher: boolean) => logLines(ctl.session.steps, 'us', teacher).map((l) => `${l.who} ${l.text}`);
    expect(texts(false)).toContain('China Nothing observed');
    expect(texts(false)).not.toContain('China Wait');
    expect(texts(true).some((t) => t.startsWith("China Ask Kim to escalate (by courier) — A courier carries Xi's request"))).toBe(true);
    expect(logLines(ctl.session.steps, 'us', true).find((l) => l.text.includes('courier'))?.hidden).toBe(true);
  });
});

describe('the setup screen', () => {
  it('chooses a scenario, a side and the AI sides, then starts', async () => {
    const r = app(false);
    const { lastFrame } = r;
    expect(lastFrame()).toMatch(/1\. Scenario/);
    expect(lastFrame()).toMatch(/> baseline/);
    await press(r, [ENTER, DOWN, ENTER]);
    expect(lastFrame()).toMatch(/3\. The AI sides/);
    expect(lastFrame()).toMatch(/United States +< The columns' advice >/);
    // The chosen row's description is shown whole, not cut.
    expect(lastFrame()).not.toMatch(/…/);
    expect(lastFrame()).toMatch(/Regime first: Weighs every move by standing, economy and war risk; nobody's tool./);
    await press(r, [ENTER]);
    expect(lastFrame()).toMatch(/baseline · you: China · round 1\/12/);
  });
});
