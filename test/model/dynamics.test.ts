import { describe, expect, it } from 'vitest';
import type { Params } from '../../src/model/params.js';
import type { MoveName } from '../../src/model/moves.js';
import type { ChanceEvent } from '../../src/model/events.js';
import { alliesAnswerTests, programmeAdvances, rollForWar, tensionSettles } from '../../src/model/chance.js';
import { beginNextRound } from '../../src/model/round-end.js';
import { settleKimAccountWithXi, testMissile } from '../../src/model/kim-moves.js';
import type { GameContext } from '../../src/model/context.js';
import { payoffBreakdown, payoffs } from '../../src/model/outcomes.js';
import { bestChinaMove, xiRequestLikelihood } from '../../src/model/china-calculus.js';
import { pausePrice } from '../../src/model/us-moves.js';
import { kimMoveUtility, kimWeightsFrom } from '../../src/model/kim-utility.js';
import { chinaView, kimView } from '../../src/model/views.js';
import { playFast } from '../../src/engine/batch/fast-game.js';
import { resolveScenario } from '../../src/scenario/catalog.js';
import { defaultParams } from '../../src/scenario/fields.js';
import { ctxWith, paramsWith } from '../helpers.js';
import { fingerprints, profileOf, scenarioParams } from '../fixtures/dynamics/fingerprint.js';
import oldGames from '../fixtures/dynamics/old-games.json' with { type: 'json' };
import { withoutContracts, withoutSummits } from '../fixtures/dynamics/off.js';

// Issue 19: each new dynamic is a parameter whose 0 switches it off and gives back the games
// played before it existed; and each, switched on, changes what happens.

type Dyn = Params['dynamics'];
const DYNAMICS = Object.keys(defaultParams().dynamics) as (keyof Dyn)[];

function withDynamics(p: Params, over: Partial<Dyn>): Params {
  const q = structuredClone(p);
  Object.assign(q.dynamics, over);
  return q;
}
/** Every issue-19 mechanism off: the dynamics, and the two terms it added to China's payoff. */
function allOff(p: Params): Params {
  const q = withDynamics(p, Object.fromEntries(DYNAMICS.map((k) => [k, 0])) as Partial<Dyn>);
  q.payoffs.china.usStrain = 0;
  q.payoffs.china.unwantedTests = 0;
  return q;
}
const quiet: ChanceEvent = { type: 'chance', detection: 0.999, war: 0.999, drift: 0.5 };

/** Moves of `games` games of a scenario under one profile, as counts by move. */
function moveCounts(params: Params, scenario: string, games: number, ids = { us: 'columns', china: 'opportunist', kim: 'regimeFirst' }): Map<string, number> {
  const counts = new Map<string, number>();
  const profile = profileOf(ids);
  for (let i = 0; i < games; i++) playFast(params, scenario, 'dyn-test', i, profile, (m: MoveName) => counts.set(m, (counts.get(m) ?? 0) + 1));
  return counts;
}

describe('issue 19 dynamics switched off', () => {
  it('give back the games played before them, move for move, in every shipped scenario', () => {
    expect(fingerprints((s) => allOff(scenarioParams(s)))).toEqual(oldGames);
  });

  it('are on in the shipped scenarios (so the test above is not comparing a no-op)', () => {
    expect(fingerprints(scenarioParams)).not.toEqual(oldGames);
    for (const k of DYNAMICS) expect(defaultParams().dynamics[k], k).toBeGreaterThan(0);
  });
});

describe('escalation with memory (C12)', () => {
  it('momentum makes one test raise tension over two rounds before it subsides; at 0 it drains at once', () => {
    const rise = (momentum: number) => {
      const ctx = ctxWith({ tension: 0.4, tensionAtRoundStart: 0.4 }, withDynamics(defaultParams(), { tensionMomentum: momentum, alliesAnswerTests: 0 }));
      testMissile(ctx, 3);
      const levels: number[] = [];
      for (let r = 0; r < 3; r++) {
        tensionSettles(ctx);
        levels.push(ctx.tension);
        beginNextRound(ctx);
      }
      return levels;
    };
    const [a, b, c] = rise(0.6) as [number, number, number];
    expect(a).toBeGreaterThan(0.4);
    expect(b).toBeGreaterThan(a); // still building
    expect(c).toBeLessThan(b); // then subsides
    const [a0, b0] = rise(0) as [number, number];
    expect(b0).toBeLessThan(a0);
  });

  it('the allies answer a real test with exercises, which Kim answers next round; at 0 neither', () => {
    const on = ctxWith({ tension: 0.4 });
    testMissile(on, 3);
    const before = on.tension;
    alliesAnswerTests(on);
    expect(on.tension).toBeCloseTo(before + on.params.dynamics.alliesAnswerTests * 3, 12);
    beginNextRound(on);
    expect(on.kimProvoked).toBe(true);
    const off = ctxWith({ tension: 0.4 }, withDynamics(defaultParams(), { alliesAnswerTests: 0 }));
    testMissile(off, 3);
    const b = off.tension;
    alliesAnswerTests(off);
    beginNextRound(off);
    expect(off.tension).toBe(b);
    expect(off.kimProvoked).toBe(false);
  });

  it('a test answering exercises or sanctions buys Kim more standing and weighs more in his choice', () => {
    const base = { kimStanding: 0.5, tension: 0.3, deterrence: 0.3, escalationLevel: 3 };
    const gain = (provoked: boolean, answer: number) => {
      const ctx = ctxWith({ ...base, kimProvoked: provoked }, withDynamics(defaultParams(), { answerPrestige: answer }));
      const v = kimView(ctx);
      const u = kimMoveUtility(v, 'testShortRange', kimWeightsFrom(v, { standing: 1, economy: 1, war: 1, deference: 0 }));
      testMissile(ctx, 1);
      return { standing: ctx.kimStanding, u };
    };
    expect(gain(true, 0.03).standing - gain(false, 0.03).standing).toBeCloseTo(0.03, 12);
    expect(gain(true, 0.03).u).toBeGreaterThan(gain(false, 0.03).u);
    expect(gain(true, 0).standing).toBe(gain(false, 0).standing);
  });

  it('sanctions and exercises provoke more tests in play than with nothing to answer', () => {
    const p = resolveScenario('2022').params;
    const tests = (c: Map<string, number>) => ['testShortRange', 'missileOverJapan', 'testIcbm', 'nuclearTest'].reduce((n, m) => n + (c.get(m) ?? 0), 0);
    const ids = { us: 'sanctioner', china: 'opportunist', kim: 'regimeFirst' };
    expect(tests(moveCounts(p, '2022', 60, ids))).toBeGreaterThan(tests(moveCounts(withDynamics(p, { answerPrestige: 0, alliesAnswerTests: 0 }), '2022', 60, ids)));
  });

  it('incidents climb a ladder to war even when the plain roll on tension spares the round; at 0 they do not', () => {
    const climb = (chance: number) => {
      const ctx = ctxWith({ tension: 0.9, deterrence: 0 }, withDynamics(defaultParams(), { incidentChance: chance, incidentRungsToWar: 3 }));
      // A draw above the plain war risk (0.006 * 0.81) but below the incident chance (0.1 * 0.81).
      const draw: ChanceEvent = { ...quiet, war: 0.03 };
      const wars: boolean[] = [];
      for (let r = 0; r < 3; r++) {
        rollForWar(ctx, draw);
        wars.push(ctx.warBroke);
      }
      return { wars, ctx };
    };
    const on = climb(0.1);
    expect(on.wars).toEqual([false, false, true]);
    expect(on.ctx.warsFromIncidents).toBe(1);
    expect(climb(0).wars).toEqual([false, false, false]);
    // A quiet round steps the ladder down.
    const ctx = climb(0.1).ctx;
    const before = ctx.incidentRung;
    rollForWar(ctx, quiet);
    expect(ctx.incidentRung).toBe(before - 1);
  });
});

describe("Kim's programme (C6)", () => {
  it('a capability comes ready on its own calendar; showing it with an ICBM buys standing and starts the next', () => {
    const ctx = ctxWith({ kimStanding: 0.4, tension: 0.3, escalationLevel: 3 });
    const pace = ctx.params.dynamics.programmePace;
    for (let r = 0; r < Math.ceil(1 / pace); r++) programmeAdvances(ctx);
    expect(ctx.programmeProgress).toBe(1);
    const plain = ctxWith({ kimStanding: 0.4, tension: 0.3, escalationLevel: 3 });
    testMissile(ctx, 3);
    testMissile(plain, 3);
    expect(ctx.kimStanding - plain.kimStanding).toBeCloseTo(ctx.params.dynamics.milestonePrestige, 12);
    expect(ctx.programmeProgress).toBe(0);
    // A smaller test does not show it.
    const small = ctxWith({ programmeProgress: 1 });
    testMissile(small, 1);
    expect(small.programmeProgress).toBe(1);
  });

  it('gives Kim ICBM tests nobody asked for in 2022, where he made none without it', () => {
    const p = resolveScenario('2022').params;
    const icbm = (q: Params) => moveCounts(q, '2022', 60).get('testIcbm') ?? 0;
    expect(icbm(withDynamics(p, { programmePace: 0 }))).toBe(0);
    expect(icbm(p)).toBeGreaterThan(10);
  });

  it('escalate, then sell the freeze: a pause fetches more at the brink, and a test gains by raising its price', () => {
    const p = defaultParams();
    expect(pausePrice(p, 0.9)).toBeGreaterThan(pausePrice(p, 0.2));
    const flat = withDynamics(p, { freezePriceRises: 0 });
    expect(pausePrice(flat, 0.9)).toBe(p.kim.suspensionAid);
    expect(pausePrice(flat, 0.2)).toBe(p.kim.suspensionAid);
    const testWorth = (q: Params) => {
      const v = kimView(ctxWith({ tension: 0.4, escalationLevel: 3, kimSawPay: 3, kimSawRefuse: 1 }, q));
      return kimMoveUtility(v, 'missileOverJapan', kimWeightsFrom(v, { standing: 1, economy: 1, war: 1, deference: 0 }));
    };
    expect(testWorth(p)).toBeGreaterThan(testWorth(flat));
  });
});

describe('China best-responds (C2, C7, C13)', () => {
  it("scores the strain on Washington and the big tests it did not ask for; at 0 its payoff is the old sum", () => {
    const ctx = ctxWith({ tension: 0.6, tensionSum: 3, roundsPlayed: 6, unwantedTests: 2 });
    const parts = payoffBreakdown(ctx, 'stalemate').china;
    const part = (id: string) => parts.find((c) => c.id === id)?.value;
    expect(part('strain')).toBeCloseTo(ctx.params.payoffs.china.usStrain * 0.5, 12);
    expect(part('unwantedTests')).toBeCloseTo(-ctx.params.payoffs.china.unwantedTests * 2, 12);
    const zero = ctxWith({ tension: 0.6, tensionSum: 3, roundsPlayed: 6, unwantedTests: 2 }, paramsWith({ payoffs: { ...defaultParams().payoffs, china: { ...defaultParams().payoffs.china, usStrain: 0, unwantedTests: 0 } } }));
    const old = payoffBreakdown(zero, 'stalemate').china.filter((c) => c.id !== 'strain' && c.id !== 'unwantedTests');
    expect(payoffs(zero, 'stalemate').china).toBe(old.reduce((a, c) => a + c.value, 0));
  });

  it('counts a big test Kim made unasked against its border, not one Xi asked for or a small one', () => {
    const counted = (over: Partial<GameContext>, rung: number) => {
      const ctx = ctxWith({ escalationLevel: 3, ...over });
      testMissile(ctx, rung);
      settleKimAccountWithXi(ctx);
      beginNextRound(ctx);
      return [ctx.unwantedTests, ctx.lastTestUnwanted];
    };
    expect(counted({}, 3)).toEqual([1, true]);
    expect(counted({ requestChannel: 'covert' }, 3)).toEqual([0, false]);
    expect(counted({}, 2)).toEqual([0, false]);
  });

  it("backs sanctions after a test it did not want while rivalry is low, blocks them when rivalry and sanctions run high", () => {
    const legal: MoveName[] = ['chinaWaits', 'backSanctions', 'blockSanctions'];
    const choice = (over: Partial<GameContext>, p: Params = defaultParams()) => bestChinaMove(chinaView(ctxWith(over, p)), legal);
    expect(choice({ lastTestUnwanted: true, usChinaTension: 0.45, sanctions: 0.3 })).toBe('backSanctions');
    expect(choice({ lastTestUnwanted: false, usChinaTension: 0.8, sanctions: 0.6 })).toBe('blockSanctions');
    // Switched off: rivalry no longer shields Kim, and unwanted tests no longer count.
    expect(choice({ lastTestUnwanted: false, usChinaTension: 0.8, sanctions: 0.6 }, withDynamics(defaultParams(), { rivalryShieldsKim: 0 }))).not.toBe('blockSanctions');
    const noBorder = paramsWith({ payoffs: { ...defaultParams().payoffs, china: { ...defaultParams().payoffs.china, unwantedTests: 0 } } });
    expect(choice({ lastTestUnwanted: true, usChinaTension: 0.45, sanctions: 0.3 }, noBorder)).not.toBe('backSanctions');
  });

  it('in play, the best responder both backs and blocks sanctions, as tests and rivalry make it pay', () => {
    const ids = { us: 'asksBeijing', china: 'bestResponder', kim: 'regimeFirst' };
    const c = moveCounts(resolveScenario('2022').params, '2022', 60, ids);
    expect(c.get('backSanctions') ?? 0).toBeGreaterThan(10);
    expect(c.get('blockSanctions') ?? 0).toBeGreaterThan(10);
    const off = moveCounts(withDynamics(resolveScenario('2022').params, { rivalryShieldsKim: 0 }), '2022', 60, ids);
    expect(off.get('blockSanctions') ?? 0).toBe(0);
  });
});

describe('credibility as belief (C8)', () => {
  it("a Beijing surer that Washington pays presses more often; at 0 (the counter-view) its belief moves nothing", () => {
    const rules = (d: number) => {
      const { start: _s, ...r } = withDynamics(defaultParams(), { demandFollowsBelief: d });
      return r;
    };
    const at = (belief: number, d: number) => xiRequestLikelihood({ usChinaTension: 0.5, exposure: 0.05, chinaBeliefUsPays: belief, rules: rules(d) });
    expect(at(0.8, 2)).toBeGreaterThan(at(0.3, 2));
    expect(at(0.8, 0)).toBe(at(0.3, 0));
  });

  it('in play, what a paying US faces beyond a firm one (C8: paying invites more) grows with the belief switched on', () => {
    // Contracts off (item 4): they calm a paying US's crisis, which this does not isolate; so do
    // summits (item 3), whose pledge of calm follows a paid-for quiet (withoutSummits).
    const p = withoutSummits(withoutContracts(resolveScenario('2022').params));
    const pressure = (q: Params, us: string) => {
      const c = moveCounts(q, '2022', 150, { us, china: 'opportunist', kim: 'regimeFirst' });
      return ['askEscalationOvertly', 'askEscalationByCourier', 'offerRestraintForTaiwan', 'offerRestraintForChips'].reduce((n, m) => n + (c.get(m) ?? 0), 0);
    };
    const gap = (q: Params) => pressure(q, 'appeaser') - pressure(q, 'columns');
    const on = gap(p);
    expect(on).toBeGreaterThan(0);
    expect(on).toBeGreaterThan(gap(withDynamics(p, { demandFollowsBelief: 0 })));
  });
});
