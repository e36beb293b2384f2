import type { Actor, GameContext, SummaryFields } from '../model/context.js';
import { fieldCopier, taggedFields } from '../model/context.js';
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

const copySummary = fieldCopier(taggedFields('summary'));

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
  copySummary(ctx, out);
  return out as unknown as GameSummary;
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
