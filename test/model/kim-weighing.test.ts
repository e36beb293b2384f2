import { describe, expect, it } from 'vitest';
import type { Params } from '../../src/model/params.js';
import type { KimMove, MoveName } from '../../src/model/moves.js';
import { bestKimMove, kimMoveUtility, kimWeightsFrom, roundsTestLingers } from '../../src/model/kim-utility.js';
import { kimView } from '../../src/model/views.js';
import { ctxWith } from '../helpers.js';

// Kim's weighing works out per scenario what the rules alone decide (how long a test's tension
// lingers, per rung) and per decision what every move shares, in one reused scratch: neither
// may leak from one scenario or one decision into the next.

function withRules(p: Params, edit: (q: Params) => void): Params {
  const q = structuredClone(p);
  edit(q);
  return q;
}

const weights = { standing: 1, economy: 1, war: 1, deference: 0 };
const TESTS: KimMove[] = ['testShortRange', 'missileOverJapan', 'testIcbm', 'nuclearTest'];

describe('how long a test weighs on the war risk (C12)', () => {
  it('lasts longer for a bigger rung and with momentum, shorter with faster decay, at least one round, and for ever with no decay', () => {
    const p = ctxWith({}).params;
    const fast = withRules(p, (q) => (q.kim.tensionDecay = p.kim.tensionDecay * 2));
    const driven = withRules(p, (q) => (q.dynamics.tensionMomentum = 0.5));
    const still = withRules(p, (q) => (q.dynamics.tensionMomentum = 0));
    const noDecay = withRules(p, (q) => (q.kim.tensionDecay = 0));
    expect(p.kim.tensionDecay).toBeGreaterThan(0);
    expect(roundsTestLingers(p, 4)).toBeGreaterThan(roundsTestLingers(p, 1));
    expect(roundsTestLingers(fast, 4)).toBeLessThan(roundsTestLingers(p, 4));
    expect(roundsTestLingers(driven, 4)).toBeGreaterThan(roundsTestLingers(still, 4));
    for (let rung = 1; rung <= 4; rung++) expect(roundsTestLingers(p, rung)).toBeGreaterThanOrEqual(1);
    expect(roundsTestLingers(noDecay, 2)).toBe(Infinity);
  });
});

describe("Kim's weighing keeps nothing between scenarios or decisions", () => {
  it('a scenario weighed after another reads its own rules, not the first one’s table', () => {
    const base = ctxWith({ tension: 0.5, round: 2, escalationLevel: 3 });
    const slowDecay = withRules(base.params, (q) => (q.kim.tensionDecay = base.params.kim.tensionDecay / 4));
    const utility = (params: Params) => {
      const v = kimView(ctxWith({ tension: 0.5, round: 2, escalationLevel: 3 }, params));
      return kimMoveUtility(v, 'nuclearTest', kimWeightsFrom(v, weights));
    };
    const first = utility(slowDecay);
    const other = utility(base.params);
    expect(other).not.toBe(first);
    expect(utility(slowDecay)).toBe(first);
    expect(utility(base.params)).toBe(other);
  });

  it('a move weighs the same alone as after a decision in another state', () => {
    const quiet = kimView(ctxWith({ tension: 0.1, round: 2, escalationLevel: 1, nkEconomy: 0.9 }));
    const tense = kimView(ctxWith({ tension: 0.8, round: 7, escalationLevel: 4, nkEconomy: 0.2, requestChannel: 'overt', chinaInfluence: 0.7 }));
    const alone = TESTS.map((m) => kimMoveUtility(quiet, m, kimWeightsFrom(quiet, weights)));
    bestKimMove(tense, [...TESTS, 'holdTests'] as MoveName[], kimWeightsFrom(tense, weights));
    expect(TESTS.map((m) => kimMoveUtility(quiet, m, kimWeightsFrom(quiet, weights)))).toEqual(alone);
    expect(new Set(alone).size).toBe(TESTS.length);
  });
});

describe("Kim's weighing of the regime's survival (C7) is left out only where it adds nothing", () => {
  const p = ctxWith({}).params;
  const safe = p.kim.regimeCrisisThreshold + p.kim.regimeDangerMargin;
  const utility = (fields: Parameters<typeof ctxWith>[0], move: KimMove, regimeCrisis: number) => {
    const v = kimView(ctxWith({ round: 2, escalationLevel: 2, ...fields }));
    return kimMoveUtility(v, move, { ...kimWeightsFrom(v, weights), regimeCrisis });
  };

  it('far from the edge, before and after the move, its weight changes nothing, bit for bit', () => {
    expect(p.kim.regimeDangerMargin).toBeGreaterThan(0);
    for (const move of [...TESTS, 'holdTests'] as KimMove[]) {
      const far = { nkEconomy: 0.9, kimStanding: 0.9 };
      expect(Object.is(utility(far, move, 10), utility(far, move, 0))).toBe(true);
    }
  });

  it('a test that takes a safe economy into danger costs more the more the regime weighs', () => {
    // Safe now (no danger before the move), in danger after it: the case a skip must not drop.
    const edge = { nkEconomy: safe + 1e-3, kimStanding: 0.9 };
    expect(p.kim.testCost).toBeGreaterThan(1e-3);
    expect(utility(edge, 'testShortRange', 10)).toBeLessThan(utility(edge, 'testShortRange', 0));
    const standingEdge = { nkEconomy: 0.9, kimStanding: safe + 1e-3, requestChannel: 'overt' as const };
    // Obeying an overt request costs standing: from just above the edge, into danger.
    expect(utility(standingEdge, 'nuclearTest', 10)).toBeLessThan(utility(standingEdge, 'nuclearTest', 0));
  });
});
