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

/** C7: China widens the lifeline again; the economy gains in proportion to dependence, as a cut costs it. */
export function restoreLifeline(ctx: GameContext, amount: number): void {
  const before = ctx.lifeline;
  ctx.lifeline = clamp01(ctx.lifeline + amount);
  ctx.nkEconomy = clamp01(ctx.nkEconomy + (ctx.lifeline - before) * ctx.params.kim.lifelineDependence);
}

/** C7: a deliberate squeeze, as hard as China's influence allows. */
export function squeezeLifeline(ctx: GameContext): void {
  cutLifeline(ctx, ctx.params.kim.defyLifelineCut * ctx.chinaInfluence);
}

/** C7: there is a lifeline left to squeeze. */
export function lifelineLeftToSqueeze(ctx: GameContext): boolean {
  return ctx.lifeline > 0;
}

/**
 * C7, C11, C12: Beijing backs sanctions on Pyongyang (as with the UN resolutions of 2016-17).
 * It carries most of North Korea's trade, so enforcing them multiplies their bite
 * (sanctionsBiteFactor, `pressure.chinaTradeShare`), and standing with the world against
 * Kim sheds some of the stigma of sponsoring him (`pressure.sanctionStigma`).
 */
export function backSanctions(ctx: GameContext): void {
  ctx.chinaSanctionStance = 1;
  ctx.exposure = clamp01(ctx.exposure - ctx.params.pressure.sanctionStigma);
}

/**
 * C11, C13: Beijing blocks new sanctions and lets the old ones leak (as with its and
 * Russia's veto of 2022): they bite less (`pressure.blockedSanctionsShare`), and shielding
 * Kim ties Beijing to him in public (C12).
 */
export function blockSanctions(ctx: GameContext): void {
  ctx.chinaSanctionStance = -1;
  ctx.exposure = clamp01(ctx.exposure + ctx.params.pressure.sanctionStigma);
}

/** C7, C11: Beijing can back sanctions it does not already back. */
export function chinaCanBackSanctions(ctx: GameContext): boolean {
  return ctx.chinaSanctionStance <= 0;
}

/** C11, C13: Beijing can block sanctions it does not already block. */
export function chinaCanBlockSanctions(ctx: GameContext): boolean {
  return ctx.chinaSanctionStance >= 0;
}

/** C5: a friendly public letter, silent on the tests: emboldens Kim and shows Beijing's comfort. */
export function sendWarmSignal(ctx: GameContext): void {
  const c = ctx.params.covert;
  ctx.warmSignal = true;
  ctx.kimStanding = clamp01(ctx.kimStanding + c.warmSignalStanding);
  ctx.kimStandingPublic = clamp01(ctx.kimStandingPublic + c.warmSignalStanding);
  ctx.evidence = clamp01(ctx.evidence + c.evidencePerWarmSignal);
}
