import type { GameContext } from './context.js';
import { turnRoundFields } from './state-code.generated.js';
import { dealSettles } from './deals.js';
import { usPresses } from './crisis.js';

// How a round ends: one of the named outcomes, or the next round.

/** C12: chance has tipped the crisis into war (rollForWar). */
export function warBrokeOut(ctx: GameContext): boolean {
  return ctx.warBroke;
}

/** C7, C11: the regime cracks when Kim's standing or the economy gives way. */
export function regimeCollapsed(ctx: GameContext): boolean {
  const t = ctx.params.kim.regimeCrisisThreshold;
  return ctx.kimStanding < t || ctx.nkEconomy < t;
}

/** C11: the open door has led to a durable deal (issue 19: one that has held its probation, deals.ts). */
export function settlementReached(ctx: GameContext): boolean {
  return dealSettles(ctx);
}

/** C10, C12: China is publicly tied to Kim and Europe has lined up: the leverage game is over. */
export function leverageExposed(ctx: GameContext): boolean {
  const c = ctx.params.crisis;
  return ctx.exposure >= c.exposureEndsGame && ctx.europeAlignment >= c.europeEndsGame;
}

/** C8: the horizon of the repeated game; with `rounds: 1` nothing is learned. */
export function roundLimitReached(ctx: GameContext): boolean {
  return ctx.round >= ctx.params.rounds;
}

/** C3, C6: everything the US has paid, by count. */
export function totalConcessions(ctx: GameContext): number {
  return ctx.concededTaiwan + ctx.concededChips + ctx.aidToKim;
}

/** C3: the game ran out with the US having paid enough to call it extraction. */
export function roundLimitWithConcessions(ctx: GameContext): boolean {
  return roundLimitReached(ctx) && totalConcessions(ctx) >= ctx.params.crisis.concessionsForExtraction;
}

/**
 * What this round was is remembered as "last round" (what strategies with memory see); the
 * slate is wiped. Which fields are remembered and which wiped is tagged in the state table
 * (`rememberedAs`, `perRound` in STATE_FIELDS), written out by the generator. Among them, C1,
 * C7: restraint the US paid for (restraintOwed) becomes this coming round's restraint order on
 * Kim, which he defies at a price through his fear for the lifeline.
 */
export function beginNextRound(ctx: GameContext): void {
  ctx.round += 1;
  // C6, C12 (issue 19): exercises or sanctions this round are what Kim answers next round
  // (read before the round's fields are reset).
  ctx.kimProvoked =
    ctx.params.dynamics.answerPrestige > 0 && (usPresses(ctx.usMoveThisRound) || ctx.alliesExercised);
  turnRoundFields(ctx);
}
