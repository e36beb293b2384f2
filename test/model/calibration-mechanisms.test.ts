import { describe, expect, it } from 'vitest';
import type { Params } from '../../src/model/params.js';
import type { GameContext } from '../../src/model/context.js';
import { settleKimAccountWithXi } from '../../src/model/kim-moves.js';
import { kimMoveUtility, kimWeightsFrom } from '../../src/model/kim-utility.js';
import { ladderWarRisk } from '../../src/model/crisis.js';
import { kimView } from '../../src/model/views.js';
import { playFast } from '../../src/engine/batch/fast-game.js';
import { resolveScenario } from '../../src/scenario/catalog.js';
import { defaultParams } from '../../src/scenario/fields.js';
import { enforcer } from '../../src/strategies/china.js';
import { ctxWith } from '../helpers.js';
import { profileOf } from '../fixtures/dynamics/fingerprint.js';
import { decide } from '../strategies/decide.js';

// Issue 19's calibration failures, fixed by mechanisms: each test below fails when the
// mechanism it names is switched off (or, for the enforcer, when its rule is the old one).

function withDynamics(p: Params, over: Partial<Params['dynamics']>): Params {
  const q = structuredClone(p);
  Object.assign(q.dynamics, over);
  return q;
}
const regimeFirstScale = { standing: 1, economy: 1, war: 1, deference: 0 };
const utility = (ctx: GameContext, move: Parameters<typeof kimMoveUtility>[1]) => {
  const v = kimView(ctx);
  return kimMoveUtility(v, move, kimWeightsFrom(v, regimeFirstScale));
};

describe('heeding Beijing costs Kim at home (C7, dynamics.heedingRestraintCost)', () => {
  it('holding under a restraint order costs standing, as obeying a request does; no order, or 0, costs nothing', () => {
    const held = (order: boolean, share: number) => {
      const ctx = ctxWith({ kimStanding: 0.6, kimStandingPublic: 0.6, restraintOrdered: order, testedRung: 0 }, withDynamics(defaultParams(), { heedingRestraintCost: share }));
      settleKimAccountWithXi(ctx);
      return ctx.kimStanding;
    };
    const cost = defaultParams().kim.obeyStandingCost;
    expect(held(true, 1)).toBeCloseTo(0.6 - cost, 12);
    expect(held(true, 0.5)).toBeCloseTo(0.6 - 0.5 * cost, 12);
    expect(held(true, 0)).toBe(0.6);
    expect(held(false, 1)).toBe(0.6);
  });

  it('Kim weighs it: holding under an order is worth less to him than holding with none', () => {
    const p = withDynamics(defaultParams(), { heedingRestraintCost: 1 });
    const hold = (order: boolean, params: Params) => utility(ctxWith({ restraintOrdered: order }, params), 'holdTests');
    expect(hold(true, p)).toBeLessThan(hold(false, p));
    expect(hold(true, withDynamics(p, { heedingRestraintCost: 0 }))).toBe(hold(false, p));
  });

  it("in play, 2017's Kim tests through an enforcing Beijing (the record has 8 test months); at 0 he never does", () => {
    const p = resolveScenario('2017').params;
    const profile = profileOf({ us: 'columns', china: 'enforcer', kim: 'regimeFirst' });
    const tests = (q: Params) => {
      let n = 0;
      for (let i = 0; i < 40; i++) n += playFast(q, '2017', 'calib-test', i, profile).kimTests;
      return n / 40;
    };
    expect(tests(p)).toBeGreaterThanOrEqual(2);
    expect(tests(withDynamics(p, { heedingRestraintCost: 0 }))).toBe(0);
  });
});

describe('the enforcer punishes a test once (C7)', () => {
  it('squeezes the lifeline after a test made with no order in force, not after one already punished as defiance', () => {
    const after = (answer: GameContext['lastKimAnswer']) => decide(enforcer, { chinaSanctionStance: 1, lastKimMove: 'testShortRange', lastKimAnswer: answer });
    expect(after('none')).toBe('squeezeLifeline');
    expect(after('defied')).toBe('restrainKim');
  });
});

describe('Kim reads the incident ladder (C12, dynamics.ladderFear)', () => {
  it("the ladder's risk is p on the last rung and p squared one below, nothing when switched off", () => {
    const p = defaultParams();
    const chance = p.dynamics.incidentChance * 0.9 * 0.9 * (1 - 0.3 * p.crisis.deterrenceDampsWar);
    const top = p.dynamics.incidentRungsToWar - 1;
    expect(ladderWarRisk(0.9, 0.3, top, p)).toBeCloseTo(chance, 12);
    expect(ladderWarRisk(0.9, 0.3, top - 1, p)).toBeCloseTo(chance * chance, 12);
    expect(ladderWarRisk(0.9, 0.3, top, withDynamics(p, { ladderFear: 0 }))).toBe(0);
  });

  it('a test near the top of the ladder is worth less to Kim than the same test with no incidents behind it', () => {
    const p = defaultParams();
    const at = (rung: number, params: Params) => utility(ctxWith({ tension: 0.8, incidentRung: rung, escalationLevel: 2 }, params), 'missileOverJapan');
    const top = p.dynamics.incidentRungsToWar - 1;
    expect(at(top, p)).toBeLessThan(at(0, p));
    const off = withDynamics(p, { ladderFear: 0 });
    expect(at(top, off)).toBe(at(0, off));
  });
});
