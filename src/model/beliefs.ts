import type { GameContext } from './context.js';

// C8: beliefs are prior-plus-evidence counts, so "paying invites more pressure"
// falls out of learning: every observed payment raises the expected return of
// the next round of pressure. No penalty for paying is written anywhere.

/** The counts a belief is kept as (a structural type, so the state table can name these readers). */
export interface ChinaBeliefCounts {
  chinaSawPay: number;
  chinaSawRefuse: number;
}
export interface KimBeliefCounts {
  kimSawPay: number;
  kimSawRefuse: number;
}

export function chinaBeliefUsPays(ctx: ChinaBeliefCounts): number {
  return ctx.chinaSawPay / (ctx.chinaSawPay + ctx.chinaSawRefuse);
}

export function kimBeliefUsPays(ctx: KimBeliefCounts): number {
  return ctx.kimSawPay / (ctx.kimSawPay + ctx.kimSawRefuse);
}

/** C8/C9: China watches how Washington answers pressure. `weight` scales one observation. */
export function chinaObserves(ctx: GameContext, usPaid: boolean, weight: number): void {
  const w = weight * ctx.params.repetition.learningRate;
  if (usPaid) ctx.chinaSawPay += w;
  else ctx.chinaSawRefuse += w;
}

/** C6: Kim watches whether a pause or a test earns money. */
export function kimObserves(ctx: GameContext, usPaid: boolean): void {
  const w = ctx.params.repetition.learningRate;
  if (usPaid) ctx.kimSawPay += w;
  else ctx.kimSawRefuse += w;
}

/**
 * C6, C8 (issue 19, item 1): Kim reads US resolve from what Washington does, not only from
 * the answer to his own pauses and tests: a concession to Beijing or an instalment kept
 * counts as paying, exercises or sanctions shown unprompted (or a deal broken) as refusing.
 * Each such observation weighs `dynamics.kimReadsResolve` times the learning rate. At 0 the
 * counter-view holds for these (resolve is read from present power and interests, Press
 * 2005): they move nothing, and Kim learns only from the answers to his own moves, as before.
 */
export function kimReadsResolve(ctx: GameContext, usPaid: boolean): void {
  const w = ctx.params.dynamics.kimReadsResolve * ctx.params.repetition.learningRate;
  if (w <= 0) return;
  if (usPaid) ctx.kimSawPay += w;
  else ctx.kimSawRefuse += w;
}
