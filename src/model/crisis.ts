import type { Params } from './params.js';
import { clamp01 } from './math.js';

/** C12: the chance a round ends in war, rising with the square of tension; C11: deterrence damps it. */
export function warRisk(tension: number, deterrence: number, params: Pick<Params, 'crisis'>): number {
  return clamp01(warRiskUncapped(tension, deterrence, params));
}

/** C12: the same curve for any tension, even past the brink: for weighing a move (Kim's utility), not for rolling dice. */
export function warRiskUncapped(tension: number, deterrence: number, params: Pick<Params, 'crisis'>): number {
  const c = params.crisis;
  return c.warRiskAtFullTension * tension * tension * (1 - deterrence * c.deterrenceDampsWar);
}

/** C11/C10: how much of the sanctions' bite lands, given Europe's part (seizures in its banks). */
export function sanctionsReach(europeAlignment: number, params: Pick<Params, 'us'>): number {
  const share = params.us.sanctionEuropeShare;
  return 1 - share + share * europeAlignment;
}

/** C10: exposure gained by one act of exposing, stronger with evidence (C4, C5). */
export function exposureGain(evidence: number, params: Pick<Params, 'us'>): number {
  return params.us.exposeStrength + params.us.exposeEvidenceBonus * evidence;
}
