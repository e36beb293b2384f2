import { describe, expect, it } from 'vitest';
import { GameController } from '../../src/ui/game-controller.js';
import { resolveScenario } from '../../src/scenario/catalog.js';
import { getStrategy } from '../../src/strategies/registry.js';
import { makeRng } from '../../src/rng/rng.js';

const scenario = resolveScenario('2022');
const sides = () => ({ us: 'human' as const, china: getStrategy('china', 'opportunist'), kim: getStrategy('kim', 'regimeFirst') });

describe('the game controller', () => {
  it('undo restores exactly the game before the move', () => {
    const ctl = new GameController(scenario, '3', 0, 'us', sides());
    const before = ctl.session.toJsonl();
    ctl.play('sanction');
    expect(ctl.session.toJsonl()).not.toBe(before);
    ctl.undo();
    expect(ctl.session.toJsonl()).toBe(before);
    expect(ctl.canUndo()).toBe(false);
  });

  it('a person who plays exactly as a strategy would ends where that strategy\'s counterfactual ends', () => {
    const columns = getStrategy('us', 'columns');
    const ctl = new GameController(scenario, '11', 0, 'us', sides());
    const rng = makeRng('unused', 'us');
    while (!ctl.session.isOver()) ctl.play(columns.choose(ctl.session.view('us'), ctl.legalMoves(), rng));
    const cf = ctl.counterfactuals().find((c) => c.id === 'columns')!;
    expect(cf.outcome).toBe(ctl.session.outcome());
    expect(cf.payoff).toBe(ctl.session.payoffs()!.us);
  });

  it('advises the columns\' move when playing the US', () => {
    const ctl = new GameController(scenario, '3', 0, 'us', sides());
    const advice = ctl.advice()!;
    expect(advice.who).toBe("The columns' advice");
    expect(ctl.legalMoves()).toContain(advice.move);
    expect(['concedeTaiwan', 'concedeChips', 'payKim', 'askBeijingForHelp']).not.toContain(advice.move);
  });
});
