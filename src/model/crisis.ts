import type { Params } from './params.js';
import type { GameContext } from './context.js';
import type { ChanceEvent } from './events.js';
import { clamp01 } from './math.js';

/** C12: the chance a round ends in war, rising with the square of tension; C11: deterrence damps it. */
export function warRisk(tension: number, deterrence: number, params: Pick<Params, 'crisis'>): number {
  return clamp01(warRiskUncapped(tension, deterrence, params));
}

/**
 * C12: war breaks out this round when its war draw falls under the war risk. The round calls
 * the copy of this that `npm run gen` writes into formulas.generated.ts with warRisk's
 * arithmetic written out (scripts/gen-inlined-formulas.ts): the round is too large for V8 to
 * inline every call in it, and a call it did not inline here boxed the numbers passed and
 * returned, ~500 bytes a game in some processes.
 */
export function warDrawn(s: Pick<GameContext, 'tension' | 'deterrence' | 'params'>, event: Pick<ChanceEvent, 'war'>): boolean {
  return event.war < warRisk(s.tension, s.deterrence, s.params);
}

/** C12: the same curve for any tension, even past the brink: for weighing a move (Kim's utility), not for rolling dice. */
export function warRiskUncapped(tension: number, deterrence: number, params: Pick<Params, 'crisis'>): number {
  const c = params.crisis;
  return c.warRiskAtFullTension * tension * tension * (1 - deterrence * c.deterrenceDampsWar);
}

/**
 * C12: the war risk this round carries through the incident ladder (dynamics.incidentChance), as
 * rollForWar plays it: an incident now is war if the rungs still above it follow in a row, each
 * at about the same chance p, so the risk is p times p to the rungs left: p on the last rung, p^2
 * one below. It rises steeply as the ladder nears the top. Weighed by `dynamics.ladderFear` (1:
 * Kim reads the ladder as it is); 0 when either is switched off.
 */
export function ladderWarRisk(tension: number, deterrence: number, incidentRung: number, params: Pick<Params, 'crisis' | 'dynamics'>): number {
  const d = params.dynamics;
  if (d.ladderFear <= 0 || d.incidentChance <= 0) return 0;
  const p = Math.min(1, d.incidentChance * tension * tension * (1 - deterrence * params.crisis.deterrenceDampsWar));
  const rungsLeft = Math.max(0, d.incidentRungsToWar - incidentRung - 1);
  return d.ladderFear * p * p ** rungsLeft;
}

/** C11/C10: how much of the sanctions' bite lands, given Europe's part (seizures in its banks). */
export function sanctionsReach(europeAlignment: number, params: Pick<Params, 'us'>): number {
  const share = params.us.sanctionEuropeShare;
  return 1 - share + share * europeAlignment;
}

/**
 * C10: exposure gained by one act of exposing. It works when it is true: without evidence
 * (C4, C5) only `exposeUnprovenShare` of the base strength lands; evidence adds the rest.
 */
export function exposureGain(evidence: number, params: Pick<Params, 'us'>): number {
  const u = params.us;
  return u.exposeStrength * u.exposeUnprovenShare + u.exposeEvidenceBonus * evidence;
}

/**
 * C7, C11: how hard sanctions bite given Beijing's stand. China carries most of North
 * Korea's trade: enforcing them (2016-17) multiplies their bite, blocking them (2022) cuts it.
 */
export function sanctionsBiteFactor(stance: number, params: Pick<Params, 'pressure'>): number {
  const p = params.pressure;
  return stance > 0 ? 1 + p.chinaTradeShare : stance < 0 ? 1 - p.blockedSanctionsShare : 1;
}

/** C11, C12: the US shows pressure this round: exercises (posture) or sanctions. What Kim answers, a deal breaks on, and resolve is read from. */
export function usPresses(usMove: string): boolean {
  return usMove === 'posture' || usMove === 'sanction';
}
