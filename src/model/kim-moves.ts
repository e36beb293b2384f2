import type { GameContext } from './context.js';
import { cutLifeline, restoreLifeline } from './china-moves.js';
import type { PublicRules } from './views.js';
import { clamp01 } from './math.js';
import { raiseTension } from './tension.js';

// Kim answers China, by his own utility (C7). These are the consequences; the choice
// is made by a Kim strategy from kim-utility.ts.

/** C6, C12: a test raises tension and buys prestige, less of it under strong deterrence. */
export function testMissile(ctx: GameContext, rung: number): void {
  const k = ctx.params.kim;
  const i = rung - 1;
  ctx.testedRung = rung;
  const prestige = testPrestige(ctx.params, rung, ctx.escalationLevel, ctx.deterrence, ctx.tension) + testBonus(ctx.params, ctx.programmeProgress, ctx.kimProvoked, rung);
  if (milestoneReady(ctx.params, ctx.programmeProgress, rung)) {
    ctx.programmeProgress = 0;
    ctx.milestonesShown += 1;
  }
  raiseTension(ctx, k.rungTension[i] ?? 0);
  ctx.kimStanding = clamp01(ctx.kimStanding + prestige);
  ctx.kimStandingPublic = clamp01(ctx.kimStandingPublic + prestige);
  // C7: and it costs a creaking economy (`kim.testCost` per rung).
  ctx.nkEconomy = clamp01(ctx.nkEconomy - k.testCost * rung);
  if (rung > ctx.escalationLevel) ctx.escalationLevel = rung;
  // C7: a big enough test ends any detente.
  if (rung >= ctx.params.us.detenteBreakingRung) ctx.diplomacy = 0;
}

/** C6: the programme has a capability ready and a test at this rung is big enough to show it. */
export function milestoneReady(rules: PublicRules, programmeProgress: number, rung: number): boolean {
  return programmeProgress >= 1 && rung >= rules.dynamics.milestoneRung;
}

/**
 * Issue 19: what a test buys beyond its rung's prestige: C6, C12 answering last round's
 * exercises or sanctions (`dynamics.answerPrestige`), and C6 showing a capability the
 * programme has ready (`dynamics.milestonePrestige`). 0 when neither applies.
 */
export function testBonus(rules: PublicRules, programmeProgress: number, kimProvoked: boolean, rung: number): number {
  let bonus = 0;
  if (kimProvoked) bonus += rules.dynamics.answerPrestige;
  if (milestoneReady(rules, programmeProgress, rung)) bonus += rules.dynamics.milestonePrestige;
  return bonus;
}

/**
 * C12: what a test buys Kim at home. Deterrence discounts it; a rung already reached
 * impresses less than a new one (`kim.repeatPrestige`); and a test made at the brink adds
 * little to a crisis already at its height (`kim.brinkDampsPrestige`, read at the tension
 * before the test), so campaigns break calms and pause at the top.
 */
export function testPrestige(rules: PublicRules, rung: number, reached: number, deterrence: number, tension: number): number {
  return testPrestigeDamped(rules, rung, reached, prestigeDeterred(rules, deterrence), prestigeAtBrink(rules, tension));
}

// testPrestige in three parts, so that Kim's weighing works out the two damping factors (the
// same for every rung) once a decision: the same product in the same order, so the same bits.

/** C12: testPrestige given its two damping factors (prestigeDeterred, prestigeAtBrink). */
export function testPrestigeDamped(rules: PublicRules, rung: number, reached: number, deterred: number, atBrink: number): number {
  const base = rules.kim.rungPrestige[rung - 1] ?? 0;
  const novelty = rung > reached ? 1 : rules.kim.repeatPrestige;
  return base * novelty * deterred * atBrink;
}

/** C12: what deterrence leaves of a test's prestige. */
export function prestigeDeterred(rules: PublicRules, deterrence: number): number {
  return 1 - deterrence * rules.crisis.deterrenceDampsPrestige;
}

/** C12: what a crisis at its height leaves of a test's prestige (read at the tension before the test). */
export function prestigeAtBrink(rules: PublicRules, tension: number): number {
  return 1 - Math.min(1, tension) * rules.kim.brinkDampsPrestige;
}

/** C6, C12: the ladder is climbed one new rung at a time; any rung already reached may be repeated. */
export function rungWithinReach(ctx: GameContext, rung: number): boolean {
  return rung <= ctx.escalationLevel + 1;
}

/** C6: Kim offers a pause he can sell only once he has shown what he can do. */
export function offerPause(ctx: GameContext): void {
  ctx.kimOfferedPause = true;
}

/** C6: a pause is only worth selling once Kim has tested. */
export function kimHasTestsToSuspend(ctx: GameContext): boolean {
  return ctx.escalationLevel >= 1;
}

/**
 * C6, C11 (issue 19): and not while a freeze or deal he sold is in force: its pause is already
 * paid for in instalments (model/deals.ts). With contracts off no deal is ever in force.
 */
export function kimHasPauseToSell(ctx: Pick<GameContext, 'escalationLevel' | 'deal'>): boolean {
  return ctx.escalationLevel >= 1 && ctx.deal === 'none';
}

/**
 * C7 (issue 19): Kim courts Beijing: a summit with Xi buys its cover. Beijing reopens the
 * lifeline (`dynamics.summitLifeline`) and, if it was backing sanctions, stands aside again;
 * at home Kim is seen as Beijing's client (`dynamics.summitStandingCost`); and he has pledged
 * calm for `dynamics.summitPledge` rounds (summitPledged). No test this round.
 */
export function courtBeijing(ctx: GameContext): void {
  const d = ctx.params.dynamics;
  restoreLifeline(ctx, d.summitLifeline);
  if (ctx.chinaSanctionStance > 0) ctx.chinaSanctionStance = 0;
  const clientCost = summitStandingCost(ctx.params);
  ctx.kimStanding = clamp01(ctx.kimStanding - clientCost);
  ctx.kimStandingPublic = clamp01(ctx.kimStandingPublic - clientCost);
  ctx.summitRound = ctx.round;
  ctx.summitsHeld += 1;
}

/** C7 (issue 19): the standing Kim loses holding his tests under Beijing's order: `dynamics.heedingRestraintCost` of what being seen obeying Xi costs. */
export function heedingCost(rules: Pick<PublicRules, 'dynamics' | 'kim'>): number {
  return rules.dynamics.heedingRestraintCost * rules.kim.obeyStandingCost;
}

/** C7: the standing a summit costs Kim, as Beijing's client: `dynamics.summitStandingCost` of what being seen obeying Xi costs. */
export function summitStandingCost(rules: Pick<PublicRules, 'dynamics' | 'kim'>): number {
  return rules.dynamics.summitStandingCost * rules.kim.obeyStandingCost;
}

/**
 * C7: Beijing receives Kim: the move exists (`dynamics.summitLifeline` > 0), no earlier
 * summit's pledge still runs, and the peninsula is calm: below the tension at which Beijing
 * has restraint to sell (`pressure.offerMinTension`, C2). With a crisis on, Xi bills
 * Washington for calming it rather than be seen hosting the man who made it.
 */
export function beijingReceivesKim(ctx: Pick<GameContext, 'params' | 'round' | 'summitRound' | 'tension'>): boolean {
  return ctx.params.dynamics.summitLifeline > 0 && ctx.tension < ctx.params.pressure.offerMinTension && !summitPledged(ctx.params, ctx.round, ctx.summitRound);
}

/** C7: this round lies within the pledge of calm Kim gave at his last summit (the rounds after it, `dynamics.summitPledge`). */
export function summitPledged(rules: Pick<PublicRules, 'dynamics'>, round: number, summitRound: number): boolean {
  return summitRound > 0 && round > summitRound && round <= summitRound + rules.dynamics.summitPledge;
}

/**
 * C7: whatever Kim did is read against what Xi wanted. Obeying a request makes him look
 * like Xi's tool at home (less so when the request came covertly and cannot be seen);
 * defying a request, or defying restraint, costs him trade in proportion to China's influence.
 */
export function settleKimAccountWithXi(ctx: GameContext): void {
  const k = ctx.params.kim;
  const tested = ctx.testedRung > 0;
  if (tested) ctx.kimTests += 1;
  else ctx.kimHolds += 1;
  if (ctx.testedRung === 4) ctx.nuclearTests += 1;
  ctx.rungsTested += ctx.testedRung;
  // C7, C12 (issue 19): a big test Beijing did not ask for strains its border (China's payoff).
  if (ctx.requestChannel === 'none' && tested && ctx.testedRung >= ctx.params.dynamics.unwantedTestRung) {
    ctx.unwantedTests += 1;
    ctx.testUnwanted = true;
  }
  // Each answer is a function of the context alone: in a round where it is rare, V8 leaves it a
  // call, and a call passing or returning numbers would box them (~170 bytes a game, all scenarios).
  if (ctx.requestChannel !== 'none') {
    // C7: only a real escalation (`kim.obeyMinRung` or more) does what Xi asked; a token
    // short-range test, or none, is a refusal, and Beijing reads it as one.
    if (ctx.testedRung >= k.obeyMinRung) doAsXiAsked(ctx);
    else {
      defyXi(ctx);
      ctx.requestsDefied += 1;
    }
  } else if (ctx.restraintOrdered || ctx.testedRung >= k.redLineRung || (tested && summitPledged(ctx.params, ctx.round, ctx.summitRound))) {
    // C7: defying restraint (an order, or the calm pledged at a summit), or crossing Beijing's
    // red line unasked (a nuclear test: in 2016-17 China answered with UN sanctions), costs
    // trade in proportion to its influence.
    if (tested) defyXi(ctx);
    else heedXi(ctx);
  }
}

/** C7: Kim escalated as Xi asked, and looks like Xi's tool at home (less so when the request came covertly and cannot be seen). */
function doAsXiAsked(ctx: GameContext): void {
  const k = ctx.params.kim;
  const seen = ctx.requestChannel === 'overt' ? 1 : 0.5;
  ctx.kimStanding = clamp01(ctx.kimStanding - k.obeyStandingCost * seen);
  // C4: only an overt request is on the record; a courier's cost stays out of the public figure.
  if (ctx.requestChannel === 'overt') ctx.kimStandingPublic = clamp01(ctx.kimStandingPublic - k.obeyStandingCost);
  ctx.kimAnswer = 'obeyed';
  ctx.kimObeyedCount += 1;
}

/** C7: Kim refused Xi, or defied his restraint: Beijing cuts the lifeline in proportion to its influence. */
function defyXi(ctx: GameContext): void {
  cutLifeline(ctx, ctx.params.kim.defyLifelineCut * ctx.chinaInfluence);
  ctx.kimAnswer = 'defied';
  ctx.kimDefiedCount += 1;
}

/** C7: Kim held his tests as Beijing wanted. */
function heedXi(ctx: GameContext): void {
  ctx.kimAnswer = 'obeyed';
  ctx.kimObeyedCount += 1;
  // C7 (issue 19): holding because Beijing ordered it is seen at home as doing Xi's bidding
  // (a red line crossed unasked is not an order: only `restraintOrdered` counts).
  const heedCost = heedingCost(ctx.params);
  if (ctx.restraintOrdered && heedCost > 0) {
    ctx.kimStanding = clamp01(ctx.kimStanding - heedCost);
    ctx.kimStandingPublic = clamp01(ctx.kimStandingPublic - heedCost);
  }
}
