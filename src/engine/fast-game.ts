import type { Actor, GameContext } from '../model/context.js';
import type { Outcome } from '../model/outcomes.js';
import type { Params } from '../model/params.js';
import type { Strategy } from '../strategies/types.js';
import type { MoveName } from '../model/moves.js';
import { newTermArray, payoffTermsInto, sumTerms } from '../model/outcomes.js';
import type { GameStreams } from './streams.js';
import type { LoopHooks } from './loop.js';
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
    roundsAtTop: ctx.roundsAtTop,
    roundsTensionFell: ctx.roundsTensionFell,
    anyTensionFall: ctx.roundsTensionFell > 0 ? 1 : 0,
    kimHolds: ctx.kimHolds,
    kimTests: ctx.kimTests,
    nuclearTests: ctx.nuclearTests,
    rungsTested: ctx.rungsTested,
    requestsDefied: ctx.requestsDefied,
    rollsAtTop: ctx.rollsAtTop,
    warsAtTop: ctx.warsAtTop,
    exposedEarly: outcome === 'leverageExposed' && ctx.roundsPlayed < 6 ? 1 : 0,
  };
}

export function playFast(
  params: Params,
  scenarioName: string,
  masterSeed: string,
  index: number,
  profile: Profile,
  onMove?: (move: MoveName) => void,
): GameSummary {
  return finishGame(leverageGame.initial(params), gameStreams(masterSeed, scenarioName, index), profile, onMove);
}

/**
 * Play a game on from `state` (updated in place) to its end, drawing from streams of the game seed `seed`.
 * `onMove` sees every move made (calibration compares the courses of paired games).
 */
export function finishFast(state: GameState, seed: string, profile: Profile, onMove?: (move: MoveName) => void): GameSummary {
  return finishGame(state, streamsOfSeed(seed), profile, onMove);
}

function finishGame(state: GameState, streams: GameStreams, profile: Profile, onMove?: (move: MoveName) => void): GameSummary {
  const hooks: LoopHooks = onMove
    ? {
        apply(event) {
          if (event.type !== 'chance') onMove(event.type);
          leverageGame.apply(state, event);
        },
      }
    : {};
  runGame(leverageGame, state, streams, profile, hooks);
  const outcome = leverageGame.outcome(state);
  if (!outcome) throw new Error(`game ended outside an outcome state: ${state.phase}`);
  return summarize(state.ctx, outcome);
}
