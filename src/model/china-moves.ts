import type { GameContext, Price, RequestChannel } from './context.js';
import { clamp01 } from './math.js';

// China moves first each round (C1: it can turn pressure up or down).

/** C2, C4, C13: Xi asks Kim to escalate, openly or through couriers. */
export function askKimToEscalate(ctx: GameContext, channel: RequestChannel): void {
  ctx.requestChannel = channel;
  ctx.requestsMade += 1;
}

/** C1: China leans on Kim; how much it calms depends on its real, hidden influence. */
export function restrainKim(ctx: GameContext): void {
  ctx.restraintOrdered = true;
  ctx.tension = clamp01(ctx.tension - 0.5 * ctx.chinaInfluence * ctx.params.pressure.restraintPower);
}

/** C2, C3: China offers to rein Kim in, naming its price. */
export function offerRestraint(ctx: GameContext, price: Price): void {
  ctx.offerPrice = price;
  ctx.offersMade += 1;
}

/** C2: restraint is only for sale while there is pressure worth buying off. */
export function thereIsPressureToSell(ctx: GameContext): boolean {
  return ctx.tension >= ctx.params.pressure.offerMinTension;
}

/** C7: China narrows the trade lifeline; North Korea's economy feels it in proportion to dependence. */
export function cutLifeline(ctx: GameContext, amount: number): void {
  const before = ctx.lifeline;
  ctx.lifeline = clamp01(ctx.lifeline - amount);
  ctx.nkEconomy = clamp01(ctx.nkEconomy - (before - ctx.lifeline) * ctx.params.kim.lifelineDependence);
}

/** C7: a deliberate squeeze, as hard as China's influence allows. */
export function squeezeLifeline(ctx: GameContext): void {
  cutLifeline(ctx, ctx.params.kim.defyLifelineCut * ctx.chinaInfluence);
}

/** C7: there is a lifeline left to squeeze. */
export function lifelineLeftToSqueeze(ctx: GameContext): boolean {
  return ctx.lifeline > 0;
}

/** C5: a friendly public letter, silent on the tests: emboldens Kim and shows Beijing's comfort. */
export function sendWarmSignal(ctx: GameContext): void {
  const c = ctx.params.covert;
  ctx.warmSignal = true;
  ctx.kimStanding = clamp01(ctx.kimStanding + c.warmSignalStanding);
  ctx.evidence = clamp01(ctx.evidence + c.evidencePerWarmSignal);
}
