import type { GameContext, SummaryFields } from '../../model/context.js';
import type { Outcome } from '../../model/outcomes.js';
import { newTermArray, PAYOFF_SLOT, payoffTermsInto, sumTerms, sumTermsToArray } from '../../model/outcomes.js';
import { copySummary } from '../../model/state-code.generated.js';

// What a batch keeps of each game, read off its final state.

/** What a batch keeps of each game: the state fields tagged `summary`, and these. */
export interface GameSummary extends SummaryFields {
  outcome: Outcome;
  payoffUs: number;
  payoffChina: number;
  payoffKim: number;
  /** C8: China's pressure moves (requests to Kim plus offers to sell restraint). */
  chinaPressure: number;
  /** Each payoff component's value, in PAYOFF_TERMS order (they sum to the payoffs). */
  payoffParts: number[];
  /** 1 if tension fell in at least one round. */
  anyTensionFall: number;
  /** 1 if the game ended as "leverage exposed" before round 6. */
  exposedEarly: number;
}

export function summarize(ctx: GameContext, outcome: Outcome): GameSummary {
  const parts = payoffTermsInto(ctx, outcome, newTermArray());
  const p = sumTerms(parts);
  const out: Record<string, unknown> = {
    outcome,
    payoffUs: p.us,
    payoffChina: p.china,
    payoffKim: p.kim,
    chinaPressure: ctx.requestsMade + ctx.offersMade,
    payoffParts: parts,
    anyTensionFall: ctx.roundsTensionFell > 0 ? 1 : 0,
    exposedEarly: outcome === 'leverageExposed' && ctx.roundsPlayed < 6 ? 1 : 0,
  };
  copySummary(ctx, out as unknown as GameSummary);
  return out as unknown as GameSummary;
}

/** summarizeInto's payoff sums, read right after they are written (never re-entered). */
const SUMS = new Float64Array(3);

/**
 * The same summary, written over `o` (one summarize made earlier), reusing its payoff parts:
 * the batch path fills one summary per unit, game after game, allocating nothing.
 */
export function summarizeInto(ctx: GameContext, outcome: Outcome, o: GameSummary): GameSummary {
  const parts = payoffTermsInto(ctx, outcome, o.payoffParts);
  const p = sumTermsToArray(parts, SUMS);
  o.outcome = outcome;
  o.payoffUs = p[PAYOFF_SLOT.us] as number;
  o.payoffChina = p[PAYOFF_SLOT.china] as number;
  o.payoffKim = p[PAYOFF_SLOT.kim] as number;
  o.chinaPressure = ctx.requestsMade + ctx.offersMade;
  o.anyTensionFall = ctx.roundsTensionFell > 0 ? 1 : 0;
  o.exposedEarly = outcome === 'leverageExposed' && ctx.roundsPlayed < 6 ? 1 : 0;
  copySummary(ctx, o);
  return o;
}
