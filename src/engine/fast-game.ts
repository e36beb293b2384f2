import type { Actor, GameContext } from '../model/context.js';
import type { MoveEvent } from '../model/events.js';
import type { MoveName } from '../model/moves.js';
import type { Outcome } from '../model/outcomes.js';
import type { Params } from '../model/params.js';
import type { Strategy } from '../strategies/types.js';
import type { Rng } from '../rng/rng.js';
import { newTermArray, payoffTermsInto, sumTerms } from '../model/outcomes.js';
import { chinaView, kimView, usView } from '../model/views.js';
import { gameSeed, makeRng } from '../rng/rng.js';
import type { GameState } from './stepper.js';
import { leverageGame } from './stepper.js';

// One game, as fast as the rules allow: the compiled stepper, no narration, no log.
// Same seeds and streams as a GameSession, so game i of a batch is the game
// `leverage run --seed S --index i` tells.

export type Profile = { [A in Actor]: Strategy<A> };

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
}

export function summarize(ctx: GameContext, outcome: Outcome): GameSummary {
  const parts = payoffTermsInto(ctx, outcome, newTermArray());
  const p = sumTerms(parts);
  return {
    outcome,
    payoffUs: p.us,
    payoffChina: p.china,
    payoffKim: p.kim,
    concededTaiwan: ctx.concededTaiwan,
    concededChips: ctx.concededChips,
    aidToKim: ctx.aidToKim,
    peakTension: ctx.peakTension,
    exposure: ctx.exposure,
    europeAlignment: ctx.europeAlignment,
    kimStanding: ctx.kimStanding,
    rounds: ctx.roundsPlayed,
    chinaPressure: ctx.requestsMade + ctx.offersMade,
    kimObeyed: ctx.kimObeyedCount,
    kimDefied: ctx.kimDefiedCount,
    requestsMade: ctx.requestsMade,
    requestsDetected: ctx.requestsDetected,
    payoffParts: parts,
  };
}

// Reused across games: the batch loop allocates as little as it can, since a high
// allocation rate makes V8 grow its heap (and peak memory) with the length of a batch.
const chance = { type: 'chance' as const, detection: 0, war: 0, drift: 0 };
const move: MoveEvent = { type: 'chinaWaits' };
const legal: MoveName[] = [];
const views = { us: {}, china: {}, kim: {} };

export function playFast(params: Params, scenarioName: string, masterSeed: string, index: number, profile: Profile): GameSummary {
  const seed = gameSeed(masterSeed, scenarioName, index);
  return finishFast(leverageGame.initial(params), seed, profile);
}

/** Play a game on from `state` (updated in place) to its end, drawing from streams of `seed`. */
export function finishFast(state: GameState, seed: string, profile: Profile): GameSummary {
  const rngChance = makeRng(seed, 'chance');
  const rngs: Record<Actor, Rng> = { china: makeRng(seed, 'china'), kim: makeRng(seed, 'kim'), us: makeRng(seed, 'us') };
  for (;;) {
    const who = leverageGame.actorToMove(state);
    if (who === null) break;
    if (who === 'chance') {
      // Same order of draws as drawChance: detection, war, drift.
      chance.detection = rngChance.next();
      chance.war = rngChance.next();
      chance.drift = rngChance.next();
      leverageGame.apply(state, chance);
      continue;
    }
    leverageGame.legalMovesInto(state, legal);
    const ctx = state.ctx;
    move.type =
      who === 'us'
        ? profile.us.choose(usView(ctx, views.us), legal, rngs.us)
        : who === 'china'
          ? profile.china.choose(chinaView(ctx, views.china), legal, rngs.china)
          : profile.kim.choose(kimView(ctx, views.kim), legal, rngs.kim);
    leverageGame.apply(state, move);
  }
  const outcome = leverageGame.outcome(state);
  if (!outcome) throw new Error(`game ended outside an outcome state: ${state.phase}`);
  return summarize(state.ctx, outcome);
}
