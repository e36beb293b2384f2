import { describe, expect, it } from 'vitest';
import type { Params } from '../../src/model/params.js';
import type { ChanceEvent } from '../../src/model/events.js';
import type { GameContext } from '../../src/model/context.js';
import { contractsHold, dealForfeit, drawLeftOver, instalmentsAsAid, walkoutChance } from '../../src/model/deals.js';
import { kimHasPauseToSell } from '../../src/model/kim-moves.js';
import { payoffBreakdown } from '../../src/model/outcomes.js';
import { narrate } from '../../src/model/narrate.js';
import { kimLearnsWhetherUsPays } from '../../src/model/chance.js';
import { kimBeliefUsPays } from '../../src/model/beliefs.js';
import { openDiplomaticTrack, payKim } from '../../src/model/us-moves.js';
import { settlementReached } from '../../src/model/round-end.js';
import { kimMoveUtility, kimWeightsFrom } from '../../src/model/kim-utility.js';
import { kimView } from '../../src/model/views.js';
import { CompiledPlayer } from '../../src/engine/batch/compiled-game.js';
import { resolveScenario } from '../../src/scenario/catalog.js';
import { defaultParams } from '../../src/scenario/fields.js';
import { ctxWith } from '../helpers.js';
import { profileOf } from '../fixtures/dynamics/fingerprint.js';

// Issue 19, item 4 (agreements as contracts) and item 1's second half (Kim reading US
// resolve): each mechanism changes what happens, and at 0 does not.

function withDynamics(p: Params, over: Partial<Params['dynamics']>): Params {
  const q = structuredClone(p);
  Object.assign(q.dynamics, over);
  return q;
}
/** A draw that decides nothing: no detection, no war, no drift, no walkout, no verification. */
const quiet: ChanceEvent = { type: 'chance', detection: 0.999, war: 0.999, drift: 0.5 };
const unlucky: ChanceEvent = { type: 'chance', detection: 0.001, war: 0.999, drift: 0.5 };

/** A freeze signed last round (Kim offered a pause, the US paid), now in its first owed round. */
function inFreeze(p: Params = defaultParams(), over: Partial<GameContext> = {}): GameContext {
  const ctx = ctxWith({ escalationLevel: 2, kimOfferedPause: true }, p);
  payKim(ctx);
  return { ...ctx, kimOfferedPause: false, dealSignedThisRound: false, usMoveThisRound: 'usWaits', ...over };
}

describe('a paid pause as a freeze that holds (C6, C11)', () => {
  it('is signed by a paid pause and pays an instalment after each round of restraint; at 0 nothing is in force', () => {
    const ctx = inFreeze();
    expect(ctx.deal).toBe('freeze');
    expect(ctx.freezesReached).toBe(1);
    const economy = ctx.nkEconomy;
    contractsHold(ctx, quiet);
    expect(ctx.deal).toBe('freeze');
    expect(ctx.dealRoundsHeld).toBe(1);
    expect(ctx.dealInstalmentsPaid).toBe(1);
    expect(ctx.nkEconomy).toBeCloseTo(economy + ctx.params.dynamics.dealInstalment, 12);
    const off = inFreeze(withDynamics(defaultParams(), { dealInstalment: 0 }));
    expect(off.deal).toBe('none');
    expect(off.freezesReached).toBe(0);
  });

  it('collapses when Kim tests openly, and the track it stood on starts again', () => {
    const ctx = inFreeze(defaultParams(), { testedRung: 2, diplomacy: 0.5 });
    contractsHold(ctx, quiet);
    expect(ctx.deal).toBe('none');
    expect(ctx.freezesCollapsed).toBe(1);
    expect(ctx.diplomacy).toBe(0);
  });

  it('a short-range test is a covert breach, caught by verification; at 0 it never is', () => {
    const caught = inFreeze(defaultParams(), { testedRung: 1 });
    contractsHold(caught, unlucky);
    expect(caught.deal).toBe('none');
    const missed = inFreeze(defaultParams(), { testedRung: 1 });
    contractsHold(missed, quiet);
    expect(missed.deal).toBe('freeze');
    expect(missed.covertBreaches).toBe(1);
    const blind = inFreeze(withDynamics(defaultParams(), { dealVerification: 0, dealFragility: 0 }), { testedRung: 1 });
    contractsHold(blind, unlucky);
    expect(blind.deal).toBe('freeze');
  });

  it('the US breaks it by resuming exercises, and Kim has paused for nothing (the unpaid pause\'s cost)', () => {
    const ctx = inFreeze(defaultParams(), { usMoveThisRound: 'posture' });
    const standing = ctx.kimStanding;
    contractsHold(ctx, quiet);
    expect(ctx.deal).toBe('none');
    expect(ctx.kimStanding).toBeCloseTo(standing - ctx.params.kim.unpaidPauseStandingCost, 12);
  });

  it('either side walks away more readily the less the deal pays it; at 0 only a breach ends it', () => {
    const p = defaultParams();
    const ready = walkoutChance({ params: p, programmeProgress: 1 });
    expect(ready).toBeGreaterThan(walkoutChance({ params: p, programmeProgress: 0 }));
    expect(ready).toBeLessThanOrEqual(p.dynamics.dealFragility);
    // A richer instalment pays Kim more to stay.
    expect(walkoutChance({ params: withDynamics(p, { dealInstalment: 0.08 }), programmeProgress: 1 })).toBeLessThan(
      walkoutChance({ params: withDynamics(p, { dealInstalment: 0.01 }), programmeProgress: 1 }) + 1e-12,
    );
    expect(walkoutChance({ params: withDynamics(p, { dealFragility: 0 }), programmeProgress: 1 })).toBe(0);
    // The draw below the walkout chance ends the deal; with fragility 0 the same draw does not.
    const draw = { ...quiet, detection: ready / 2 };
    const walked = inFreeze(p, { programmeProgress: 1 });
    contractsHold(walked, draw);
    expect(walked.deal).toBe('none');
    const held = inFreeze(withDynamics(p, { dealFragility: 0 }), { programmeProgress: 1 });
    contractsHold(held, draw);
    expect(held.deal).toBe('freeze');
  });

  it('sells its pause once: no new pause is on offer while it holds; its instalments are charged to the US as aid', () => {
    const ctx = inFreeze();
    expect(kimHasPauseToSell(ctx)).toBe(false);
    expect(kimHasPauseToSell({ ...ctx, deal: 'none' })).toBe(true);
    const paidBefore = payoffBreakdown(ctx, 'stalemate').us.find((c) => c.id === 'concessions')!.value;
    contractsHold(ctx, quiet);
    contractsHold(ctx, quiet);
    expect(instalmentsAsAid(ctx)).toBeCloseTo((2 * ctx.params.dynamics.dealInstalment) / ctx.params.kim.suspensionAid, 12);
    const paidAfter = payoffBreakdown(ctx, 'stalemate').us.find((c) => c.id === 'concessions')!.value;
    expect(paidAfter).toBeLessThan(paidBefore);
  });

  it('is told in the log: an instalment paid, a collapse and its cause', () => {
    const held = inFreeze();
    const heldAfter = { ...held };
    contractsHold(heldAfter, quiet);
    expect(narrate(held, quiet, heldAfter).map((n) => n.text).join(' ')).toMatch(/The freeze holds: Kim has delivered 1 month of restraint/);
    const broken = inFreeze(defaultParams(), { usMoveThisRound: 'posture' });
    const brokenAfter = { ...broken };
    contractsHold(brokenAfter, quiet);
    expect(narrate(broken, quiet, brokenAfter).map((n) => n.text).join(' ')).toMatch(/The freeze collapses: Washington resumes exercises/);
  });

  it('reuses what is left of the detection draw, uniform again whatever the detection decided', () => {
    expect(drawLeftOver(0.35, 0.7)).toBeCloseTo(0.5, 12);
    expect(drawLeftOver(0.85, 0.7)).toBeCloseTo(0.5, 12);
    expect(drawLeftOver(0.42, 0)).toBe(0.42);
  });
});

describe('a deal on the diplomatic track must hold before it settles (C11)', () => {
  it('the track at its threshold signs a deal; the crisis is settled only after dealProbation rounds; at 0 at once', () => {
    const p = defaultParams();
    const ctx = ctxWith({ diplomacy: 0.99, tension: 0 }, p);
    openDiplomaticTrack(ctx);
    expect(ctx.deal).toBe('settlement');
    expect(settlementReached(ctx)).toBe(false);
    for (let r = 0; r < p.dynamics.dealProbation; r++) {
      ctx.dealSignedThisRound = false;
      contractsHold(ctx, quiet);
    }
    expect(settlementReached(ctx)).toBe(true);
    const old = ctxWith({ diplomacy: 0.99, tension: 0 }, withDynamics(p, { dealProbation: 0 }));
    openDiplomaticTrack(old);
    expect(old.deal).toBe('none');
    expect(settlementReached(old)).toBe(true);
  });

  it('in play, the 2020 track\'s deals collapse in some games, where before every deal settled', () => {
    const p = resolveScenario('2020').params;
    const tally = (q: Params) => {
      const player = new CompiledPlayer(profileOf({ us: 'columns', china: 'covertFirst', kim: 'regimeFirst' }));
      let collapsed = 0;
      let settled = 0;
      for (let i = 0; i < 200; i++) {
        if (player.play(q, '2020', 'deals-test', i).outcome === 'settlement') settled += 1;
        collapsed += (player.lastContext as GameContext).freezesCollapsed;
      }
      return { collapsed, settled };
    };
    const off = tally(withDynamics(p, { dealInstalment: 0, dealProbation: 0 }));
    const on = tally(p);
    expect(off.collapsed).toBe(0);
    expect(on.collapsed).toBeGreaterThan(0);
    expect(on.settled).toBeLessThan(off.settled);
    expect(on.settled).toBeGreaterThan(0);
  });
});

describe("Kim weighs the deal he would lose, and reads US resolve (C6, C8)", () => {
  const weights = (ctx: GameContext) => kimWeightsFrom(kimView(ctx), { standing: 1, economy: 1, war: 1, deference: 0 });

  it('a test under a deal forfeits the instalments to come, as far as he believes the US pays; none without a deal', () => {
    const ctx = inFreeze(defaultParams(), { round: 4 });
    const v = kimView(ctx);
    expect(dealForfeit(v, 2, weights(ctx))).toBeGreaterThan(0);
    expect(dealForfeit(v, 1, weights(ctx))).toBeCloseTo(dealForfeit(v, 2, weights(ctx)) * ctx.params.dynamics.dealVerification, 12);
    const sure = kimView({ ...ctx, kimSawPay: 9, kimSawRefuse: 1 });
    expect(dealForfeit(sure, 2, weights(ctx))).toBeGreaterThan(dealForfeit(v, 2, weights(ctx)));
    const noDeal = kimView({ ...ctx, deal: 'none' });
    expect(dealForfeit(noDeal, 2, weights(ctx))).toBe(0);
    // And it is in the utility he chooses by.
    const free = { ...ctx, deal: 'none' as const };
    expect(kimMoveUtility(v, 'missileOverJapan', weights(ctx))).toBeLessThan(kimMoveUtility(kimView(free), 'missileOverJapan', weights(ctx)));
  });

  it('a concession to Beijing raises his belief that the US pays, pressure unprompted lowers it; at 0 neither moves it', () => {
    const after = (over: Partial<GameContext>, p: Params = defaultParams()) => {
      const ctx = ctxWith(over, p);
      kimLearnsWhetherUsPays(ctx);
      return kimBeliefUsPays(ctx);
    };
    const before = kimBeliefUsPays(ctxWith());
    expect(after({ usPaidChina: true })).toBeGreaterThan(before);
    expect(after({ usMoveThisRound: 'sanction' })).toBeLessThan(before);
    const counter = withDynamics(defaultParams(), { kimReadsResolve: 0 });
    expect(after({ usPaidChina: true }, counter)).toBe(before);
    expect(after({ usMoveThisRound: 'sanction' }, counter)).toBe(before);
  });

  it('an instalment kept teaches him the US pays; a deal the US breaks, that it does not', () => {
    const kept = inFreeze();
    const b0 = kimBeliefUsPays(kept);
    contractsHold(kept, quiet);
    expect(kimBeliefUsPays(kept)).toBeGreaterThan(b0);
    const broken = inFreeze(defaultParams(), { usMoveThisRound: 'sanction' });
    contractsHold(broken, quiet);
    expect(kimBeliefUsPays(broken)).toBeLessThan(b0);
  });
});
