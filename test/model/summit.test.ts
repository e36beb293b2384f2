import { describe, expect, it } from 'vitest';
import type { Params } from '../../src/model/params.js';
import type { MoveName } from '../../src/model/moves.js';
import { beijingReceivesKim, courtBeijing, settleKimAccountWithXi, summitPledged, testMissile } from '../../src/model/kim-moves.js';
import { beginNextRound } from '../../src/model/round-end.js';
import { bestKimMove, kimMoveUtility, kimWeightsFrom, summitGain } from '../../src/model/kim-utility.js';
import { kimView } from '../../src/model/views.js';
import { GAME_TABLE } from '../../src/model/game-table.js';
import { playFast } from '../../src/engine/batch/fast-game.js';
import { resolveScenario } from '../../src/scenario/catalog.js';
import { defaultParams } from '../../src/scenario/fields.js';
import { ctxWith } from '../helpers.js';
import { profileOf } from '../fixtures/dynamics/fingerprint.js';
import { withoutSummits } from '../fixtures/dynamics/off.js';

// Issue 19, item 3's last part: Kim courts Beijing (a summit with Xi, C7), with its gains
// (the lifeline, Beijing's cover from sanctions) and its costs (standing as Beijing's client,
// a pledge of calm that a test then breaks).

function withDynamics(p: Params, over: Partial<Params['dynamics']>): Params {
  const q = structuredClone(p);
  Object.assign(q.dynamics, over);
  return q;
}
const calm = { tension: 0.2, round: 3, escalationLevel: 3 };
const weights = { standing: 1, economy: 1, war: 1, deference: 0 };

describe('courting Beijing: the move (C7)', () => {
  it('reopens the lifeline (the economy gains by its dependence), ends Beijing backing sanctions, and costs standing', () => {
    const ctx = ctxWith({ ...calm, lifeline: 0.5, nkEconomy: 0.4, kimStanding: 0.6, kimStandingPublic: 0.6, chinaSanctionStance: 1 });
    const d = ctx.params.dynamics;
    courtBeijing(ctx);
    expect(ctx.lifeline).toBeCloseTo(0.5 + d.summitLifeline, 12);
    expect(ctx.nkEconomy).toBeCloseTo(0.4 + d.summitLifeline * ctx.params.kim.lifelineDependence, 12);
    expect(ctx.chinaSanctionStance).toBe(0);
    const cost = d.summitStandingCost * ctx.params.kim.obeyStandingCost;
    expect(cost).toBeGreaterThan(0);
    expect(ctx.kimStanding).toBeCloseTo(0.6 - cost, 12);
    expect(ctx.kimStandingPublic).toBeCloseTo(0.6 - cost, 12);
    expect([ctx.summitRound, ctx.summitsHeld]).toEqual([3, 1]);
    // A Beijing that blocks sanctions keeps blocking them.
    const blocking = ctxWith({ ...calm, chinaSanctionStance: -1 });
    courtBeijing(blocking);
    expect(blocking.chinaSanctionStance).toBe(-1);
  });

  it('Beijing receives Kim only in a calm, not while a pledge runs, and never with the move switched off', () => {
    const p = defaultParams();
    expect(beijingReceivesKim(ctxWith(calm))).toBe(true);
    expect(beijingReceivesKim(ctxWith({ ...calm, tension: p.pressure.offerMinTension }))).toBe(false);
    const pledge = p.dynamics.summitPledge;
    expect(beijingReceivesKim(ctxWith({ ...calm, summitRound: 2, round: 2 + pledge }))).toBe(false);
    expect(beijingReceivesKim(ctxWith({ ...calm, summitRound: 2, round: 3 + pledge }))).toBe(true);
    expect(beijingReceivesKim(ctxWith(calm, withSummitsOff()))).toBe(false);
  });

  it('a test within the pledge defies Xi (the lifeline is cut); after it, or with no pledge, it does not', () => {
    const tested = (summitRound: number, round: number, p = defaultParams()) => {
      const ctx = ctxWith({ ...calm, round, summitRound, lifeline: 0.8, chinaInfluence: 0.6 }, p);
      testMissile(ctx, 1);
      settleKimAccountWithXi(ctx);
      return { answer: ctx.kimAnswer, lifeline: ctx.lifeline };
    };
    const pledge = defaultParams().dynamics.summitPledge;
    expect(pledge).toBeGreaterThan(0);
    expect(tested(2, 3).answer).toBe('defied');
    expect(tested(2, 3).lifeline).toBeLessThan(0.8);
    expect(tested(2, 2 + pledge).answer).toBe('defied');
    expect(tested(2, 3 + pledge)).toEqual({ answer: 'none', lifeline: 0.8 });
    expect(tested(2, 3, withDynamics(defaultParams(), { summitPledge: 0 }))).toEqual({ answer: 'none', lifeline: 0.8 });
    // The pledge is read by round: it runs out as rounds pass.
    const ctx = ctxWith({ ...calm, summitRound: 3 });
    for (let r = 0; r < pledge; r++) {
      beginNextRound(ctx);
      expect(summitPledged(ctx.params, ctx.round, ctx.summitRound)).toBe(true);
    }
    beginNextRound(ctx);
    expect(summitPledged(ctx.params, ctx.round, ctx.summitRound)).toBe(false);
  });
});

function withSummitsOff(): Params {
  return withoutSummits(defaultParams());
}

describe("courting Beijing: Kim's weighing (C7)", () => {
  it('is worth more with the lifeline squeezed, and more again while Beijing backs sanctions', () => {
    const gain = (over: Parameters<typeof ctxWith>[0]) => summitGain(kimView(ctxWith({ ...calm, sanctions: 0.5, ...over })), 6);
    expect(gain({ lifeline: 0.4 })).toBeGreaterThan(gain({ lifeline: 0.9 }));
    expect(gain({ lifeline: 1 })).toBe(0);
    expect(gain({ lifeline: 1, chinaSanctionStance: 1 })).toBeGreaterThan(0);
  });

  it('a Kim with a squeezed lifeline courts Xi rather than hold; with a full lifeline and nothing to shield he holds', () => {
    const choose = (over: Parameters<typeof ctxWith>[0]) => {
      const v = kimView(ctxWith({ ...calm, ...over }));
      return bestKimMove(v, ['holdTests', 'courtBeijing'] as MoveName[], kimWeightsFrom(v, weights));
    };
    expect(choose({ lifeline: 0.4 })).toBe('courtBeijing');
    expect(choose({ lifeline: 1, chinaSanctionStance: 0 })).toBe('holdTests');
  });

  it('weighs a test within the pledge as defying Xi', () => {
    const testWorth = (summitRound: number) => {
      const v = kimView(ctxWith({ ...calm, summitRound, chinaInfluence: 0.6 }));
      return kimMoveUtility(v, 'testShortRange', kimWeightsFrom(v, weights));
    };
    expect(testWorth(2)).toBeLessThan(testWorth(0));
  });
});

describe('courting Beijing in play (2018, the summits year)', () => {
  const counts = (p: Params, games = 60) => {
    const c = new Map<string, number>();
    const profile = profileOf({ us: 'columns', china: 'opportunist', kim: 'regimeFirst' });
    for (let i = 0; i < games; i++) playFast(p, '2018', 'summit-test', i, profile, (m: MoveName) => c.set(m, (c.get(m) ?? 0) + 1));
    return c;
  };
  const tests = (c: Map<string, number>) => ['testShortRange', 'missileOverJapan', 'testIcbm', 'nuclearTest'].reduce((n, m) => n + (c.get(m) ?? 0), 0);

  it('Kim courts Xi and tests less; switched off, he never courts and tests more', () => {
    const p = resolveScenario('2018').params;
    const on = counts(p);
    const off = counts(withoutSummits(p));
    expect(on.get('courtBeijing') ?? 0).toBeGreaterThan(60);
    expect(off.get('courtBeijing') ?? 0).toBe(0);
    expect(tests(on)).toBeLessThan(tests(off) / 2);
  });
});

describe('courting Beijing in words', () => {
  it('tells the summit in public, and the lifeline only to Beijing and Pyongyang', () => {
    const before = ctxWith({ ...calm, lifeline: 0.5, chinaSanctionStance: 1 });
    const after = structuredClone(before);
    courtBeijing(after);
    const notes = GAME_TABLE.courtBeijing.narrate(before, after);
    expect(notes[0]!.text).toMatch(/courts Xi/);
    expect(notes[0]!.text).toMatch(/promising 2 quiet months/);
    expect(notes[0]!.seenBy).toBeUndefined();
    const lifeline = notes.find((n) => /lifeline/.test(n.text))!;
    expect(lifeline.seenBy).toEqual(['china', 'kim']);
    expect(notes.some((n) => /stops enforcing/.test(n.text))).toBe(true);
  });
});
