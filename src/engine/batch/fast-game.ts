import type { Actor } from '../../model/context.js';
import type { Params } from '../../model/params.js';
import type { Strategy } from '../../strategies/types.js';
import type { MoveName } from '../../model/moves.js';
import type { GameSummary } from './game-summary.js';
import type { GameStreams } from '../streams.js';
import type { LoopHooks } from '../game-loop.js';
import type { GameState } from '../reference/stepper.js';
import { CompiledPlayer } from './compiled-game.js';
import { summarize } from './game-summary.js';
import { runGame } from '../game-loop.js';
import { gameStreams } from '../streams.js';
import { leverageGame } from '../reference/stepper.js';

// One game, as fast as the rules allow, for batches and every analysis built on them: the
// compiled round (compiled-game.ts), no narration, no log. Same seeds and streams as a
// GameSession, so game i of a batch is the game `leverage run --seed S --index i` tells.

export type Profile = { [A in Actor]: Strategy<A> };
export type { GameSummary } from './game-summary.js';
export { summarize, summarizeInto } from './game-summary.js';

/**
 * One player per profile, reused game after game (a player holds only scratch). A game
 * played from inside another (a strategy's rollout) gets a player of its own.
 */
const players = new WeakMap<Profile, CompiledPlayer>();
function playerFor(profile: Profile, onMove: ((move: MoveName) => void) | undefined): CompiledPlayer {
  let p = players.get(profile);
  if (!p) players.set(profile, (p = new CompiledPlayer(profile)));
  if (p.busy) p = new CompiledPlayer(profile);
  p.onMove = onMove;
  return p;
}

/**
 * The profile's player for a run of games (a batch unit), marked busy: the same player unit
 * after unit, so a unit neither builds one nor a first context again. Free it with `busy = false`.
 */
export function takePlayer(profile: Profile): CompiledPlayer {
  const player = playerFor(profile, undefined);
  player.busy = true;
  return player;
}

/** Game `index` of a scenario under a master seed. `onMove` sees every move made (calibration compares the courses of paired games). */
export function playFast(
  params: Params,
  scenarioName: string,
  masterSeed: string,
  index: number,
  profile: Profile,
  onMove?: (move: MoveName) => void,
): GameSummary {
  const player = playerFor(profile, onMove);
  player.busy = true;
  try {
    return player.play(params, scenarioName, masterSeed, index);
  } finally {
    player.busy = false;
    player.onMove = undefined;
  }
}

/** Play a game on from `state` (updated in place) to its end, drawing from streams of the game seed `seed`. */
export function finishFast(state: GameState, seed: string, profile: Profile, onMove?: (move: MoveName) => void): GameSummary {
  const player = playerFor(profile, onMove);
  player.busy = true;
  try {
    return player.finish(state, seed);
  } finally {
    player.busy = false;
    player.onMove = undefined;
  }
}

/**
 * The same game played by the interpreting stepper (stepper.ts) with seedrandom's streams:
 * the path batches took before the compiled round, kept as the reference it is proven against.
 */
export function playInterpreted(
  params: Params,
  scenarioName: string,
  masterSeed: string,
  index: number,
  profile: Profile,
  onMove?: (move: MoveName) => void,
): GameSummary {
  const state = leverageGame.initial(params);
  const streams: GameStreams = gameStreams(masterSeed, scenarioName, index);
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
