import type { Actor, GameContext } from '../model/context.js';
import type { Outcome } from '../model/outcomes.js';
import type { Params } from '../model/params.js';
import type { Strategy } from '../strategies/types.js';
import { payoffs } from '../model/outcomes.js';
import type { GameStreams } from './streams.js';
import { runGame } from './loop.js';
import { gameStreams, streamsOfSeed } from './streams.js';
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
}

export function summarize(ctx: GameContext, outcome: Outcome): GameSummary {
  const p = payoffs(ctx, outcome);
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
  };
}

export function playFast(params: Params, scenarioName: string, masterSeed: string, index: number, profile: Profile): GameSummary {
  return finishGame(leverageGame.initial(params), gameStreams(masterSeed, scenarioName, index), profile);
}

/** Play a game on from `state` (updated in place) to its end, drawing from streams of the game seed `seed`. */
export function finishFast(state: GameState, seed: string, profile: Profile): GameSummary {
  return finishGame(state, streamsOfSeed(seed), profile);
}

function finishGame(state: GameState, streams: GameStreams, profile: Profile): GameSummary {
  runGame(leverageGame, state, streams, profile);
  const outcome = leverageGame.outcome(state);
  if (!outcome) throw new Error(`game ended outside an outcome state: ${state.phase}`);
  return summarize(state.ctx, outcome);
}
