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
