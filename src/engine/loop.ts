import type { Actor } from '../model/context.js';
import type { ChanceEvent, GameEvent, MoveEvent } from '../model/events.js';
import type { MoveName } from '../model/moves.js';
import type { Strategy } from '../strategies/types.js';
import type { GameStreams } from './streams.js';
import type { Game, GameState } from './stepper.js';
import { viewFor } from '../model/views.js';
import { drawChanceInto } from './streams.js';

// The one game loop (after OpenSpiel: every algorithm drives the same State API). Whose
// turn it is, chance's draws and an AI side's decision are made here and nowhere else;
// session, batch, replay, fork, the screen's controller and the bench all run games
// through it, and differ only in what they do with each step (the hooks).

/** Each side's decider: an AI strategy, or null for a side whose moves come from outside (a person, a script). */
export type Deciders = { [A in Actor]: Strategy<A> | null };

/** A decision of `who`, from its own view only: typed per side, no cast. */
export function decide<A extends Actor>(who: A, deciders: { [K in Actor]: Strategy<K> }, game: Game, state: GameState, legal: MoveName[], streams: GameStreams, into?: object): MoveName {
  game.legalMovesInto(state, legal);
  return deciders[who].choose(viewFor(state.ctx, who, into), legal, streams[who]);
}

/** What the loop does with each event; by default it applies it to the state. */
export interface LoopHooks {
  apply?(event: GameEvent): void;
}

/** Scratch the loop reuses within one game: the batch path allocates as little as it can. */
interface Scratch {
  chance: ChanceEvent;
  move: MoveEvent;
  legal: MoveName[];
  views: Record<Actor, object>;
}

function scratch(): Scratch {
  return { chance: { type: 'chance', detection: 0, war: 0, drift: 0 }, move: { type: 'chinaWaits' }, legal: [], views: { us: {}, china: {}, kim: {} } };
}

/**
 * The next event of the game, or null when the game is over or a side without a decider
 * must move. Events may be reused objects: apply them before asking again.
 */
function nextEvent(game: Game, state: GameState, streams: GameStreams, deciders: Deciders, s: Scratch): GameEvent | null {
  const who = game.actorToMove(state);
  if (who === null) return null;
  if (who === 'chance') return drawChanceInto(streams.chance, s.chance);
  if (deciders[who] === null) return null;
  s.move.type = decide(who, deciders as { [K in Actor]: Strategy<K> }, game, state, s.legal, streams, s.views[who]);
  return s.move;
}

/**
 * Run the game from `state` until it ends or a side without a decider is to move; returns
 * that side, or null when the game is over. `maxSteps` stops it early (one step at a time).
 */
export function runGame(game: Game, state: GameState, streams: GameStreams, deciders: Deciders, hooks: LoopHooks = {}, maxSteps = Infinity): Actor | null {
  const s = scratch();
  const apply = hooks.apply;
  for (let n = 0; n < maxSteps; n++) {
    const event = nextEvent(game, state, streams, deciders, s);
    if (event === null) break;
    if (apply) apply(event);
    else game.apply(state, event);
  }
  const who = game.actorToMove(state);
  return who === 'chance' ? null : who;
}
