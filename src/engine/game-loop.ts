import type { Actor } from '../model/context.js';
import type { ChanceEvent, GameEvent, MoveEvent } from '../model/events.js';
import type { MoveName } from '../model/moves.js';
import type { Strategy } from '../strategies/types.js';
import type { GameStreams } from './streams.js';
import type { Game, GameState } from './reference/stepper.js';
import { chinaView, kimView, usView } from '../model/views.js';
import { drawChanceInto } from './streams.js';

// The one game loop (after OpenSpiel: every algorithm drives the same State API). Whose
// turn it is, chance's draws and an AI side's decision are made here and nowhere else;
// session, batch, replay, fork, the screen's controller and the bench all run games
// through it, and differ only in what they do with each step (the hooks).

/** Each side's decider: an AI strategy, or null for a side whose moves come from outside (a person, a script). */
export type Deciders = { [A in Actor]: Strategy<A> | null };

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

function noSuchActor(who: never): never {
  throw new Error(`no decision branch for actor '${String(who)}'`);
}

/**
 * Run the game from `state` until it ends or a side without a decider is to move; returns
 * that side, or null when the game is over. `maxSteps` stops it early (one step at a time).
 */
export function runGame(game: Game, state: GameState, streams: GameStreams, deciders: Deciders, hooks: LoopHooks = {}, maxSteps = Infinity): Actor | null {
  const s = scratch();
  const apply = hooks.apply;
  const { legal, views } = s;
  for (let n = 0; n < maxSteps; n++) {
    const who = game.actorToMove(state);
    if (who === null) return null;
    let event: GameEvent;
    if (who === 'chance') {
      event = drawChanceInto(streams.chance, s.chance);
    } else {
      const ctx = state.ctx;
      // Written out per side (not through viewFor): this is the batch path's hottest code,
      // and a direct call per side keeps each call site monomorphic.
      if (who === 'us') {
        if (deciders.us === null) return who;
        s.move.type = deciders.us.choose(usView(ctx, views.us), game.legalMovesInto(state, legal), streams.us);
      } else if (who === 'china') {
        if (deciders.china === null) return who;
        s.move.type = deciders.china.choose(chinaView(ctx, views.china), game.legalMovesInto(state, legal), streams.china);
      } else if (who === 'kim') {
        if (deciders.kim === null) return who;
        s.move.type = deciders.kim.choose(kimView(ctx, views.kim), game.legalMovesInto(state, legal), streams.kim);
      } else {
        // A new actor needs its own branch here: without one this fails to compile.
        return noSuchActor(who);
      }
      event = s.move;
    }
    if (apply) apply(event);
    else game.apply(state, event);
  }
  const who = game.actorToMove(state);
  return who === 'chance' ? null : who;
}
