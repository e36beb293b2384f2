import type { GameContext } from '../model/context.js';
import type { Outcome } from '../model/outcomes.js';
import { newTermArray, payoffTermsInto, sumTerms } from '../model/outcomes.js';

// What a batch keeps of each game, read off its final state.

/** What a batch keeps of each game. */
export interface GameSummary {
  outcome: Outcome;
  payoffUs: number;
  payoffChina: number;
  payoffKim: number;
  concededTaiwan: number;
  concededChips: number;
  aidToKim: number;
  peakTension: number;
  exposure: number;
  europeAlignment: number;
  kimStanding: number;
  rounds: number;
  /** C8: China's pressure moves (requests to Kim plus offers to sell restraint). */
  chinaPressure: number;
  /** C7: how often Kim did, or refused, what Beijing asked. */
  kimObeyed: number;
  kimDefied: number;
  /** C4: Beijing's requests to Kim, and how many US intelligence caught. */
  requestsMade: number;
  requestsDetected: number;
  /** Each payoff component's value, in PAYOFF_TERMS order (they sum to the payoffs). */
  payoffParts: number[];
  // Calibration tallies (scenarios/CALIBRATION.md).
  roundsAtTop: number;
  roundsTensionFell: number;
  /** 1 if tension fell in at least one round. */
  anyTensionFall: number;
  kimHolds: number;
  kimTests: number;
  nuclearTests: number;
  rungsTested: number;
  requestsDefied: number;
  rollsAtTop: number;
  warsAtTop: number;
  /** 1 if the game ended as "leverage exposed" before round 6. */
  exposedEarly: number;
}

/** A summary to fill (the batch path fills one per unit, game after game). */
export function newSummary(): GameSummary {
  // The fields in the order summaries always had (JSON output keeps it).
  return {
    outcome: 'stalemate',
    payoffUs: 0,
    payoffChina: 0,
    payoffKim: 0,
    concededTaiwan: 0,
    concededChips: 0,
    aidToKim: 0,
    peakTension: 0,
    exposure: 0,
    europeAlignment: 0,
    kimStanding: 0,
    rounds: 0,
    chinaPressure: 0,
    kimObeyed: 0,
    kimDefied: 0,
    requestsMade: 0,
    requestsDetected: 0,
    payoffParts: newTermArray(),
    roundsAtTop: 0,
    roundsTensionFell: 0,
    anyTensionFall: 0,
    kimHolds: 0,
    kimTests: 0,
    nuclearTests: 0,
    rungsTested: 0,
    requestsDefied: 0,
    rollsAtTop: 0,
    warsAtTop: 0,
    exposedEarly: 0,
  };
}

export function summarize(ctx: GameContext, outcome: Outcome): GameSummary {
  return summarizeInto(ctx, outcome, newSummary());
}

/** Write the summary of a game that ended in `outcome` into `o`, reusing its payoff parts: no allocation. */
export function summarizeInto(ctx: GameContext, outcome: Outcome, o: GameSummary): GameSummary {
  const parts = payoffTermsInto(ctx, outcome, o.payoffParts);
  const p = sumTerms(parts);
  o.outcome = outcome;
  o.payoffUs = p.us;
  o.payoffChina = p.china;
  o.payoffKim = p.kim;
  o.concededTaiwan = ctx.concededTaiwan;
  o.concededChips = ctx.concededChips;
  o.aidToKim = ctx.aidToKim;
  o.peakTension = ctx.peakTension;
  o.exposure = ctx.exposure;
  o.europeAlignment = ctx.europeAlignment;
  o.kimStanding = ctx.kimStanding;
  o.rounds = ctx.roundsPlayed;
  o.chinaPressure = ctx.requestsMade + ctx.offersMade;
  o.kimObeyed = ctx.kimObeyedCount;
  o.kimDefied = ctx.kimDefiedCount;
  o.requestsMade = ctx.requestsMade;
  o.requestsDetected = ctx.requestsDetected;
  o.payoffParts = parts;
  o.roundsAtTop = ctx.roundsAtTop;
  o.roundsTensionFell = ctx.roundsTensionFell;
  o.anyTensionFall = ctx.roundsTensionFell > 0 ? 1 : 0;
  o.kimHolds = ctx.kimHolds;
  o.kimTests = ctx.kimTests;
  o.nuclearTests = ctx.nuclearTests;
  o.rungsTested = ctx.rungsTested;
  o.requestsDefied = ctx.requestsDefied;
  o.rollsAtTop = ctx.rollsAtTop;
  o.warsAtTop = ctx.warsAtTop;
  o.exposedEarly = outcome === 'leverageExposed' && ctx.roundsPlayed < 6 ? 1 : 0;
  return o;
}

