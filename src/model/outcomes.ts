import { instalmentsAsAid } from './deals.js';
import type { ClaimId } from './claims.js';
import type { Actor, GameContext } from './context.js';

/** The named ways a game ends. Each is a final state of the machine. */
export const OUTCOMES = {
  war: 'War: the crisis spun out of control',
  regimeCrisis: 'Regime crisis in Pyongyang',
  settlement: 'A durable diplomatic settlement',
  leverageExposed: 'Leverage exposed: Beijing tied to Kim, Europe lined up',
  concessionsExtracted: 'Concessions extracted: the US paid for quiet',
  stalemate: 'Stalemate at the round limit',
} as const;

export type Outcome = keyof typeof OUTCOMES;

/** Two or three words each, for tables and sentences. */
export const OUTCOME_SHORT: Record<Outcome, string> = {
  war: 'war',
  regimeCrisis: 'regime crisis',
  settlement: 'settlement',
  leverageExposed: 'leverage exposed',
  concessionsExtracted: 'concessions extracted',
  stalemate: 'stalemate',
};
export const OUTCOME_NAMES = Object.keys(OUTCOMES) as Outcome[];

export function isOutcome(name: string): name is Outcome {
  return Object.prototype.hasOwnProperty.call(OUTCOMES, name);
}

export type Payoffs = Record<Actor, number>;

/**
 * One named part of a payoff. A payoff is the sum of its components, so a teacher can say
 * why a strategy won. Each weight is a scenario parameter (`payoffs.<actor>.<weight>`).
 */
export interface PayoffTerm {
  /** Stable key, e.g. `concessions`; unique per actor. */
  id: string;
  actor: Actor;
  /** A few words for tables. */
  label: string;
  /** The scenario weight that scales it. */
  weight: string;
  /** The claims behind it; empty means our own modelling assumption. */
  claims: ClaimId[];
}

/**
 * Every payoff component, in the order it is summed. The order is part of the result:
 * floating-point sums depend on it, and it is the order the terms always had, so payoffs
 * are bit for bit what they were before they were broken down.
 */
export const PAYOFF_TERMS: readonly PayoffTerm[] = [
  { id: 'concessions', actor: 'us', label: 'concessions paid', weight: 'payoffs.us.concessionCost', claims: ['C3', 'C6'] },
  { id: 'credibility', actor: 'us', label: 'credibility kept', weight: 'payoffs.us.credibility', claims: ['C8'] },
  { id: 'tension', actor: 'us', label: 'tension endured', weight: 'payoffs.us.averageTension', claims: [] },
  { id: 'war', actor: 'us', label: 'war', weight: 'payoffs.us.war', claims: ['C12'] },
  { id: 'settlement', actor: 'us', label: 'settlement', weight: 'payoffs.us.settlement', claims: ['C11'] },
  { id: 'europe', actor: 'us', label: "Europe's alignment", weight: 'payoffs.us.europe', claims: ['C10'] },
  { id: 'regimeCrisis', actor: 'us', label: 'regime crisis', weight: 'payoffs.us.regimeCrisis', claims: [] },
  { id: 'concessions', actor: 'china', label: 'concessions won', weight: 'payoffs.china.concessionGain', claims: ['C2', 'C3'] },
  { id: 'exposure', actor: 'china', label: 'exposure (stigma)', weight: 'payoffs.china.exposure', claims: ['C10', 'C12'] },
  { id: 'war', actor: 'china', label: 'war', weight: 'payoffs.china.war', claims: [] },
  { id: 'europe', actor: 'china', label: "Europe's alignment", weight: 'payoffs.china.europe', claims: ['C10'] },
  { id: 'regimeCrisis', actor: 'china', label: 'regime crisis', weight: 'payoffs.china.regimeCrisis', claims: [] },
  { id: 'rivalry', actor: 'china', label: 'US-China rivalry', weight: 'payoffs.china.rivalry', claims: ['C13'] },
  { id: 'standing', actor: 'kim', label: 'standing at home', weight: 'payoffs.kim.standing', claims: ['C7'] },
  { id: 'economy', actor: 'kim', label: 'economy', weight: 'payoffs.kim.economy', claims: ['C7'] },
  { id: 'aid', actor: 'kim', label: 'aid received', weight: 'payoffs.kim.aid', claims: ['C6'] },
  { id: 'war', actor: 'kim', label: 'war', weight: 'payoffs.kim.war', claims: [] },
  { id: 'regimeCrisis', actor: 'kim', label: 'regime crisis', weight: 'payoffs.kim.regimeCrisis', claims: ['C7'] },
  { id: 'settlement', actor: 'kim', label: 'settlement', weight: 'payoffs.kim.settlement', claims: ['C11'] },
  // Issue 19, appended so the older terms keep their places (and payoffs their bits).
  { id: 'strain', actor: 'china', label: 'strain on Washington', weight: 'payoffs.china.usStrain', claims: ['C2'] },
  { id: 'unwantedTests', actor: 'china', label: 'tests it did not want', weight: 'payoffs.china.unwantedTests', claims: ['C7', 'C12'] },
];

/**
 * Write each term's value into `out`, in PAYOFF_TERMS order. No allocation: batches call it
 * per game. Index i here is row i of PAYOFF_TERMS: a new payoff term adds both, together
 * (the payoff-breakdown test checks every row is written).
 */
export function payoffTermsInto(ctx: GameContext, outcome: Outcome, out: number[]): number[] {
  const p = ctx.params;
  const w = p.payoffs;
  const pr = p.pressure;
  const avgTension = ctx.roundsPlayed > 0 ? ctx.tensionSum / ctx.roundsPlayed : ctx.tension;
  const war = outcome === 'war' ? 1 : 0;
  const crisis = outcome === 'regimeCrisis' ? 1 : 0;
  const settled = outcome === 'settlement' ? 1 : 0;
  // C3: what was paid, in the scenario's own prices.
  const chinaTake = ctx.concededTaiwan * pr.priceOfTaiwan + ctx.concededChips * pr.priceOfChips;
  // C6 (issue 19): a deal's instalments are paid aid too, in payments' worth (deals.ts).
  const aidPaid = ctx.aidToKim + instalmentsAsAid(ctx);
  const paidOut = chinaTake + aidPaid * pr.priceOfAid;
  // United States.
  out[0] = -w.us.concessionCost * paidOut; // C3, C6
  out[1] = w.us.credibility * ctx.usCredibility; // C8
  out[2] = -(w.us.averageTension * avgTension); // our assumption: enduring a crisis costs
  out[3] = -(w.us.war * war); // C12
  out[4] = w.us.settlement * settled; // C11
  out[5] = w.us.europe * ctx.europeAlignment; // C10
  out[6] = -(w.us.regimeCrisis * crisis);
  // China.
  out[7] = w.china.concessionGain * chinaTake; // C2, C3
  out[8] = -(w.china.exposure * ctx.exposure); // C10, C12: the stigma of sponsoring Kim
  out[9] = -(w.china.war * war);
  out[10] = -(w.china.europe * ctx.europeAlignment); // C10
  out[11] = -(w.china.regimeCrisis * crisis);
  out[12] = -(w.china.rivalry * ctx.usChinaTension); // C13
  // Kim.
  out[13] = w.kim.standing * ctx.kimStanding; // C7
  out[14] = w.kim.economy * ctx.nkEconomy; // C7
  out[15] = w.kim.aid * aidPaid * pr.priceOfAid; // C6
  out[16] = -(w.kim.war * war);
  out[17] = -(w.kim.regimeCrisis * crisis); // C7
  out[18] = w.kim.settlement * settled; // C11
  // China, issue 19: C2 the strain Kim's pressure puts on Washington (the tension it endures),
  // and C7, C12 stability on its border: big tests Beijing did not ask for.
  out[19] = w.china.usStrain * avgTension;
  out[20] = -(w.china.unwantedTests * ctx.unwantedTests);
  return out;
}

/** Where each actor's terms sit in PAYOFF_TERMS, worked out once. */
const TERM_INDEX: Record<Actor, number[]> = { us: [], china: [], kim: [] };
PAYOFF_TERMS.forEach((t, i) => TERM_INDEX[t.actor].push(i));

function sumOf(terms: readonly number[], index: readonly number[]): number {
  let total = terms[index[0] as number] as number;
  for (let k = 1; k < index.length; k++) total += terms[index[k] as number] as number;
  return total;
}

/**
 * Sum each actor's terms in table order, starting from its first term. `x - y` is exactly
 * `x + -y`, so this is bit for bit the formula written as one expression.
 */
export function sumTerms(terms: readonly number[]): Payoffs {
  return { us: sumOf(terms, TERM_INDEX.us), china: sumOf(terms, TERM_INDEX.china), kim: sumOf(terms, TERM_INDEX.kim) };
}

/** A fresh, packed array for the terms (not a holey `new Array(n)`, slower to fill and read). */
export function newTermArray(): number[] {
  const out: number[] = [];
  for (let i = 0; i < PAYOFF_TERMS.length; i++) out.push(0);
  return out;
}

export interface PayoffComponent extends PayoffTerm {
  value: number;
}

/** Each actor's payoff as its named components; they add up to `payoffs()`. */
export function payoffBreakdown(ctx: GameContext, outcome: Outcome): Record<Actor, PayoffComponent[]> {
  const values = payoffTermsInto(ctx, outcome, newTermArray());
  const out: Record<Actor, PayoffComponent[]> = { us: [], china: [], kim: [] };
  PAYOFF_TERMS.forEach((t, i) => out[t.actor].push({ ...t, value: values[i] as number }));
  return out;
}

/** Payoffs from the scenario's weights: the sum of each actor's components. */
export function payoffs(ctx: GameContext, outcome: Outcome): Payoffs {
  return sumTerms(payoffTermsInto(ctx, outcome, newTermArray()));
}
