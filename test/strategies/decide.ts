import type { Actor, GameContext } from '../../src/model/context.js';
import type { MoveName } from '../../src/model/moves.js';
import type { Strategy } from '../../src/strategies/types.js';
import { leverageGame } from '../../src/engine/stepper.js';
import { ACTOR_TABLE } from '../../src/model/game-table.js';
import { viewFor } from '../../src/model/views.js';
import { ctxWith } from '../helpers.js';

/** A stream that yields `draws` in turn, then the last one again. */
export function draws(...values: number[]): { next(): number } {
  let i = 0;
  return { next: () => values[Math.min(i++, values.length - 1)] as number };
}

/** The legal moves for `actor` in a state built from the defaults and `over`. */
export function legalIn(actor: Actor, over: Partial<GameContext> = {}): MoveName[] {
  return leverageGame.legalMoves({ phase: ACTOR_TABLE[actor].phase, ctx: ctxWith(over) });
}

/**
 * What `strategy` decides through its public API (its own side's view, the legal moves, its
 * stream), in the default scenario's state changed by `over`.
 */
export function decide<A extends Actor>(strategy: Strategy<A>, over: Partial<GameContext> = {}, rng = draws(0.5)): MoveName {
  const ctx = ctxWith(over);
  const legal = leverageGame.legalMoves({ phase: ACTOR_TABLE[strategy.actor].phase, ctx });
  const move = strategy.choose(viewFor(ctx, strategy.actor), legal, rng);
  if (!legal.includes(move)) throw new Error(`${strategy.id} chose '${move}', not legal (${legal.join(', ')})`);
  return move;
}
