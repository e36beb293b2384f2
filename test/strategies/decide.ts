import { describe, expect, it } from 'vitest';
import type { Actor, GameContext } from '../../src/model/context.js';
import type { MoveName } from '../../src/model/moves.js';
import type { Strategy } from '../../src/strategies/types.js';
import { leverageGame } from '../../src/engine/reference/stepper.js';
import { ACTOR_TABLE } from '../../src/model/game-table.js';
import { viewFor } from '../../src/model/views.js';
import { strategyIds } from '../../src/strategies/registry.js';
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

/** A random strategy plays any legal move uniformly: the first at a draw of 0, the last near 1, each one some time. */
export function expectUniform<A extends Actor>(strategy: Strategy<A>): void {
  const legal = legalIn(strategy.actor);
  expect(decide(strategy, {}, draws(0))).toBe(legal[0]);
  expect(decide(strategy, {}, draws(0.9999))).toBe(legal.at(-1));
  const seen = new Set(Array.from({ length: 300 }, (_, i) => decide(strategy, {}, draws((i + 0.5) / 300))));
  expect([...seen].sort()).toEqual([...legal].sort());
}

/** Each strategy's behaviour, by id: what it characteristically does, and the check that it does. */
export type Behaviours = Record<string, [what: string, check: () => void]>;

/** One test per strategy of `actor`, and a test that every registered strategy has one. */
export function behaviourTests(actor: Actor, behaviours: Behaviours): void {
  describe(`${ACTOR_TABLE[actor].label} strategies: one behaviour test each`, () => {
    it(`every ${ACTOR_TABLE[actor].label} strategy in the registry has one`, () => {
      expect(Object.keys(behaviours).sort()).toEqual(strategyIds(actor).sort());
    });
    for (const [id, [what, check]] of Object.entries(behaviours)) it(`${id} ${what}`, check);
  });
}
