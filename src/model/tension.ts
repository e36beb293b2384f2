import type { GameContext } from './context.js';
import { clamp01 } from './math.js';

/**
 * C12: something raises tension (a test, a show of force). The peak is the highest the meter
 * showed at any moment, as a reader of the crisis would remember it, not the level left after
 * the round's settling (which only ever fell below it).
 */
export function raiseTension(ctx: GameContext, by: number): void {
  ctx.tension = clamp01(ctx.tension + by);
  if (ctx.tension > ctx.peakTension) ctx.peakTension = ctx.tension;
}
