import type { GameContext } from './context.js';
import type { Params } from './params.js';
import { raiseTension } from './tension.js';
import { exposureGain, sanctionsReach } from './crisis.js';
import { clamp01 } from './math.js';
import { freezesAreContracts, signDeal, trackReachesDeal } from './deals.js';

// The United States answers last each round.

/** C1: every time the US sees Chinese restraint work, its estimate of China's influence moves toward the truth. */
function usLearnsInfluence(ctx: GameContext, weight: number): void {
  ctx.usEstimateOfInfluence = clamp01(
    ctx.usEstimateOfInfluence + (ctx.chinaInfluence - ctx.usEstimateOfInfluence) * weight,
  );
}

/**
 * C3, C8: a concession on Taiwan or chips. If it is the price China named this round,
 * China delivers restraint in proportion to its real influence (C1). Either way it costs
 * credibility (C8) and China will count it as a payment when it learns (beliefs.ts).
 */
export function concede(ctx: GameContext, kind: 'taiwan' | 'chips'): void {
  const u = ctx.params.us;
  if (kind === 'taiwan') ctx.concededTaiwan += 1;
  else ctx.concededChips += 1;
  ctx.usPaidChina = true;
  ctx.usCredibility = clamp01(ctx.usCredibility - u.credibilityLossPerConcession);
  ctx.usChinaTension = clamp01(ctx.usChinaTension - u.concessionEasesRivalry);
  if (ctx.offerPrice === kind) {
    ctx.tension = clamp01(ctx.tension - ctx.chinaInfluence * ctx.params.pressure.restraintPower);
    // C1, C7: and Beijing holds Kim to it next round (round-end.ts): restraint sold changes
    // what Kim does, not only the tension number.
    ctx.restraintOwed = true;
    usLearnsInfluence(ctx, 0.5);
  }
}

/**
 * C6: what a paid pause brings Kim: a share `dynamics.freezePriceRises` of the aid is paid
 * in proportion to the tension the pause ends (a calm is worth little to buy), so escalating
 * first raises the price of the freeze. At 0 the aid is flat, as before.
 */
export function pausePrice(rules: Pick<Params, 'kim' | 'dynamics'>, tension: number): number {
  const k = rules.dynamics.freezePriceRises;
  return k > 0 ? rules.kim.suspensionAid * (1 - k + k * tension) : rules.kim.suspensionAid;
}

/** C6, C8: aid to Kim. It calms a crisis he offered to pause, and teaches him that tests pay. */
export function payKim(ctx: GameContext): void {
  const u = ctx.params.us;
  ctx.aidToKim += 1;
  ctx.usPaidKim = true;
  ctx.nkEconomy = clamp01(ctx.nkEconomy + pausePrice(ctx.params, ctx.tension));
  ctx.usCredibility = clamp01(ctx.usCredibility - u.credibilityLossPerConcession);
  if (ctx.kimOfferedPause) {
    ctx.tension = clamp01(ctx.tension - u.paidPauseCalms);
    // C6, C11 (issue 19): the paid pause is a freeze that holds, round after round (deals.ts).
    if (freezesAreContracts(ctx.params)) signDeal(ctx, 'freeze');
  }
}

/** C9: Beijing helps a little at once, and files the request as a buyer at the table. */
export function askBeijingForHelp(ctx: GameContext): void {
  const u = ctx.params.us;
  ctx.usAskedHelp = true;
  ctx.usCredibility = clamp01(ctx.usCredibility - u.credibilityLossPerAsk);
  ctx.tension = clamp01(ctx.tension - ctx.chinaInfluence * u.helpRestraintPower);
  usLearnsInfluence(ctx, 0.25);
}

/** C10, C12: tie China to Kim in public; Europe moves toward the US as exposure grows. */
export function exposeBeijing(ctx: GameContext): void {
  const u = ctx.params.us;
  const before = ctx.exposure;
  ctx.exposure = clamp01(ctx.exposure + exposureGain(ctx.evidence, ctx.params));
  ctx.europeAlignment = clamp01(ctx.europeAlignment + u.europeResponsiveness * (ctx.exposure - before));
  ctx.usChinaTension = clamp01(ctx.usChinaTension + u.exposeRaisesRivalry);
  ctx.timesExposed += 1;
}

/** C11: sanctions, the European share of which (seizing money in its banks) depends on Europe (C10). */
export function sanction(ctx: GameContext): void {
  ctx.sanctions = clamp01(ctx.sanctions + ctx.params.us.sanctionStep * sanctionsReach(ctx.europeAlignment, ctx.params));
}

/** C11: exercises, a carrier, Japan engaged: deterrence up, a little tension now. */
export function posture(ctx: GameContext): void {
  const u = ctx.params.us;
  ctx.deterrence = clamp01(ctx.deterrence + u.postureStep);
  raiseTension(ctx, u.postureTension);
}

/**
 * C11: the open door to a durable deal; it moves faster when things are calm, and not at
 * all in a round in which Kim makes a real test (`us.talksStallRung`; short-range tests went on
 * through the 2018-19 talks): talks do not progress under fire.
 */
export function openDiplomaticTrack(ctx: GameContext): void {
  if (ctx.testedRung >= ctx.params.us.talksStallRung) return;
  ctx.diplomacy = clamp01(ctx.diplomacy + ctx.params.us.diplomacyStep * (1 - ctx.tension));
  // C11 (issue 19): a track at its threshold is a deal that must hold (deals.ts).
  trackReachesDeal(ctx);
}
