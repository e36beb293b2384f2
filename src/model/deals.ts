import type { GameContext } from './context.js';
import type { ChanceEvent } from './events.js';
import type { Params } from './params.js';
import type { KimView } from './views.js';
import type { KimWeights } from './kim-utility.js';
import { kimReadsResolve } from './beliefs.js';
import { clamp01 } from './math.js';
import { usPresses } from './crisis.js';

// Issue 19, item 4: agreements as contracts (C6, C8, C11). A paid pause (a freeze) or a
// diplomatic track that reaches its threshold (a deal) no longer settles anything at once:
// it is a state that holds round after round while each side delivers its part, in sequence
// (Kim a round of restraint, verified; then the US an instalment), and that either side can
// break (Kim by testing, openly or covertly; the US by resuming exercises or sanctions) or
// walk away from, the more readily the less the deal pays it. The record has such deals and
// their collapses (2007 to 2009, the Leap Day understanding of 2012, Singapore to Hanoi 2019).

export type DealKind = 'none' | 'freeze' | 'settlement';

/** C6, C11: a paid pause turns into a freeze that holds (`dynamics.dealInstalment` > 0). */
export function freezesAreContracts(rules: Pick<Params, 'dynamics'>): boolean {
  return rules.dynamics.dealInstalment > 0;
}

/** C11: a track at its threshold is a deal on probation, not yet a settlement (`dynamics.dealProbation` > 0). */
export function settlementsAreContracts(rules: Pick<Params, 'dynamics'>): boolean {
  return rules.dynamics.dealProbation > 0;
}

/**
 * A deal comes into force this round, or a freeze in force becomes the track's deal (which
 * keeps the rounds already delivered). A payment under the track's deal does not turn it back into a freeze.
 */
export function signDeal(ctx: GameContext, kind: Exclude<DealKind, 'none'>): void {
  if (ctx.deal === kind || ctx.deal === 'settlement') return;
  if (ctx.deal === 'none') {
    ctx.freezesReached += 1;
    ctx.dealRoundsHeld = 0;
    ctx.dealSignedThisRound = true;
  }
  ctx.deal = kind;
}

/**
 * C11: the diplomatic track has reached its threshold. With contracts on, that signs a deal
 * which must hold `dynamics.dealProbation` rounds before the crisis counts as settled.
 */
export function trackReachesDeal(ctx: GameContext): void {
  if (settlementsAreContracts(ctx.params) && ctx.diplomacy >= ctx.params.us.settlementThreshold) signDeal(ctx, 'settlement');
}

/** C11: the crisis is settled once the track is complete and (with contracts on) the deal has held its probation. */
export function dealSettles(ctx: GameContext): boolean {
  if (ctx.diplomacy < ctx.params.us.settlementThreshold) return false;
  return !settlementsAreContracts(ctx.params) || (ctx.deal === 'settlement' && ctx.dealRoundsHeld >= ctx.params.dynamics.dealProbation);
}

/**
 * A fresh uniform number from a draw already used for a yes/no at chance `p`: within the
 * part of [0, 1) the draw fell in, its place is again uniform and independent of the answer.
 * Deals need draws of their own without a fourth draw per round, which would move every
 * later draw of every game (and so every game played with contracts switched off).
 */
export function drawLeftOver(u: number, p: number): number {
  if (p <= 0 || p >= 1) return u;
  return u < p ? u / p : (u - p) / (1 - p);
}

/**
 * C6, C8, C11: the chance a round of a deal ends in a walkout: `dynamics.dealFragility` times
 * the chance that either side finds the deal worth less than leaving it. Each side's
 * temptation is the share of what is at stake that favours leaving, in the rules' own units
 * (not the payoff weights, which only score: a rule must not read them). Kim's: the standing
 * a capability his programme has readied would buy him if shown (`dynamics.milestonePrestige`,
 * as far as the programme is along) against the economy one instalment brings. The US's: what
 * an instalment costs it (its share of a payment, `pressure.priceOfAid`) against the tension a
 * freeze keeps off (`us.paidPauseCalms`).
 */
export function walkoutChance(ctx: Pick<GameContext, 'params' | 'programmeProgress'>): number {
  const p = ctx.params;
  const d = p.dynamics;
  if (d.dealFragility <= 0) return 0;
  const instalment = d.dealInstalment;
  const kimLeaves = ctx.programmeProgress * d.milestonePrestige;
  const kimStays = instalment;
  const usLeaves = p.pressure.priceOfAid * (p.kim.suspensionAid > 0 ? instalment / p.kim.suspensionAid : 0);
  const usStays = p.us.paidPauseCalms;
  const kimT = share(kimLeaves, kimStays);
  const usT = share(usLeaves, usStays);
  return clamp01(d.dealFragility * (1 - (1 - kimT) * (1 - usT)));
}

const share = (leave: number, stay: number): number => (leave + stay > 0 ? leave / (leave + stay) : 0);

/** C6, C11: the US breaks a freeze by resuming exercises or piling on sanctions (the sanctions relief Hanoi foundered on). */
export function usBreaksDeal(usMove: string): boolean {
  return usPresses(usMove);
}

/**
 * C6, C11: the lowest rung of test that no verification is needed to see: a launch over
 * Japan (rung 2 in the game table) or anything above it breaks a deal openly, while a
 * short-range test (rung 1) is a covert breach caught only with `dynamics.dealVerification`.
 */
export const OPEN_BREACH_RUNG = 2;

/**
 * Chance's step for a deal in force. In the round it is signed nothing is yet owed. After
 * that, in sequence: Kim's round is checked (a test over Japan or above is an open breach; a
 * short-range test is a covert one, caught with chance `dynamics.dealVerification`); then
 * the US's (exercises or sanctions break it; C6: Kim then paused for nothing, which costs him
 * the standing of an unpaid pause); then either side may walk away (walkoutChance). If it
 * holds, Kim has delivered a round and the US pays its instalment (`dynamics.dealInstalment`).
 */
export function contractsHold(ctx: GameContext, event: ChanceEvent): void {
  if (ctx.deal === 'none' || ctx.dealSignedThisRound) return;
  const d = ctx.params.dynamics;
  // The detection draw decided only this round's request, if any; what is left of it is fresh.
  const detectP = ctx.requestChannel === 'none' ? 0 : ctx.requestChannel === 'overt' ? ctx.params.covert.detectOvert : ctx.params.covert.detectCovert;
  let u = drawLeftOver(event.detection, detectP);
  let broken = false;
  if (ctx.testedRung >= OPEN_BREACH_RUNG) broken = true;
  else if (ctx.testedRung > 0) {
    if (u < d.dealVerification) broken = true;
    else ctx.covertBreaches += 1;
    u = drawLeftOver(u, d.dealVerification);
  }
  if (!broken && usBreaksDeal(ctx.usMoveThisRound)) {
    broken = true;
    ctx.kimStanding = clamp01(ctx.kimStanding - ctx.params.kim.unpaidPauseStandingCost);
    ctx.kimStandingPublic = clamp01(ctx.kimStandingPublic - ctx.params.kim.unpaidPauseStandingCost);
    kimReadsResolve(ctx, false);
  }
  if (!broken && u < walkoutChance(ctx)) broken = true;
  if (broken) {
    collapseDeal(ctx);
    return;
  }
  ctx.dealRoundsHeld += 1;
  ctx.dealInstalmentsPaid += 1;
  ctx.nkEconomy = clamp01(ctx.nkEconomy + d.dealInstalment);
  kimReadsResolve(ctx, true);
}

/**
 * C6: the instalments paid so far, counted in payments of aid (an instalment is
 * `dynamics.dealInstalment` of economy, a payment `kim.suspensionAid`): what the payoffs
 * charge the US and credit Kim for them, at `pressure.priceOfAid` each, as for a paid pause.
 */
export function instalmentsAsAid(ctx: Pick<GameContext, 'params' | 'dealInstalmentsPaid'>): number {
  const aid = ctx.params.kim.suspensionAid;
  return ctx.dealInstalmentsPaid > 0 && aid > 0 ? (ctx.dealInstalmentsPaid * ctx.params.dynamics.dealInstalment) / aid : 0;
}

/** The deal is off: the track it stood on starts again from nothing. */
export function collapseDeal(ctx: GameContext): void {
  ctx.deal = 'none';
  ctx.dealRoundsHeld = 0;
  ctx.diplomacy = 0;
  ctx.freezesCollapsed += 1;
}

/**
 * C6, C11: what a test under a deal in force costs Kim in the deal he loses, as he weighs
 * it: the instalments still to come for the rounds left, as far as he believes the US pays
 * (kimBeliefUsPays, which item 1's learning moves), and a deal's progress toward settlement;
 * both times the chance the breach is seen (certain for a test over Japan or above,
 * `dynamics.dealVerification` for a short-range one). 0 with no deal in force.
 */
export function dealForfeit(v: Pick<KimView, 'deal' | 'rules' | 'round' | 'rounds' | 'kimBeliefUsPays' | 'diplomacy'>, rung: number, w: Pick<KimWeights, 'economy' | 'settlement'>): number {
  if (v.deal === 'none' || rung <= 0) return 0;
  const r = v.rules;
  const seen = rung >= OPEN_BREACH_RUNG ? 1 : r.dynamics.dealVerification;
  const roundsAfter = Math.max(0, v.rounds - v.round);
  let loss = w.economy * r.dynamics.dealInstalment * roundsAfter * v.kimBeliefUsPays;
  // A test at the detente-breaking rung already counts the track it ends (kim-utility.ts).
  if (v.deal === 'settlement' && rung < r.us.detenteBreakingRung) loss += w.settlement * (v.diplomacy / r.us.settlementThreshold);
  return seen * loss;
}
