import type { ClaimId } from './claims.js';
import { instalmentsAsAid } from './deals.js';
import type { Actor, GameContext, StateField } from './context.js';
import type { Params } from './params.js';
import { writeTerms } from './state-code.generated.js';

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
  /** The scenario weight that scales it, as a path (`payoffs.us.war`). */
  weight: string;
  /** The claims behind it; empty means our own modelling assumption. */
  claims: ClaimId[];
}

/**
 * What the payoff terms read beyond the state fields, worked out once per scoring
 * (scoringFacts). Also the scratch object they are worked out into.
 */
const scoring = {
  /** Tension endured: its average over the rounds played (the current tension before any). */
  avgTension: 0,
  /** 1 when the game ended that way, else 0. */
  war: 0,
  crisis: 0,
  settled: 0,
  /** C3: what China took, in the scenario's own prices. */
  chinaTake: 0,
  /** C6 (issue 19): aid Kim received, in payments: one-off payments and a deal's instalments (deals.ts). */
  aidPaid: 0,
  /** C3, C6: all the US paid out (China's take and aid to Kim). */
  paidOut: 0,
  /** C6: what one payment of aid is worth. */
  priceOfAid: 0,
};
export type ScoringFacts = typeof scoring;
/** The names a term may multiply its weight by: a scoring fact or a state field. */
export type Factor = keyof ScoringFacts | StateField;
export const SCORING_FACTS = Object.keys(scoring) as (keyof ScoringFacts)[];

/** A term with the formula that gives its value: sign x weight x each factor, in that order. */
export interface TermRow extends PayoffTerm {
  /** The weight's name within the actor's payoff group (`payoffs.<actor>.<weightName>`). */
  weightName: string;
  /** -1 for a cost. */
  sign: 1 | -1;
  of: readonly Factor[];
}

/** A term of actor A, weighted by `payoffs.<A>.<weight>`: the weight is checked by name against the parameter table. */
function term<A extends Actor>(actor: A, id: string, label: string, weight: keyof Params['payoffs'][A] & string, claims: ClaimId[], sign: 1 | -1, ...of: Factor[]): TermRow {
  return { id, actor, label, weight: `payoffs.${actor}.${weight}`, claims, weightName: weight, sign, of };
}

/**
 * Every payoff component, in the order it is summed, each with its weight and formula:
 * declared once, here; writeTerms (state-code.generated.ts) is written from it by
 * `npm run gen`. The order is part of the result: floating-point sums depend on it, and it
 * is the order the terms always had, so payoffs are bit for bit what they were before they
 * were broken down. A new term is a row appended here, its weight a row of PARAM_TABLE's
 * `payoffs` group; a quantity that is not a state field becomes a scoring fact first
 * (`scoring`, scoringFacts); then `npm run gen`.
 */
export const PAYOFF_TERMS: readonly TermRow[] = [
  term('us', 'concessions', 'concessions paid', 'concessionCost', ['C3', 'C6'], -1, 'paidOut'),
  term('us', 'credibility', 'credibility kept', 'credibility', ['C8'], 1, 'usCredibility'),
  // Our assumption: enduring a crisis costs.
  term('us', 'tension', 'tension endured', 'averageTension', [], -1, 'avgTension'),
  term('us', 'war', 'war', 'war', ['C12'], -1, 'war'),
  term('us', 'settlement', 'settlement', 'settlement', ['C11'], 1, 'settled'),
  term('us', 'europe', "Europe's alignment", 'europe', ['C10'], 1, 'europeAlignment'),
  term('us', 'regimeCrisis', 'regime crisis', 'regimeCrisis', [], -1, 'crisis'),
  term('china', 'concessions', 'concessions won', 'concessionGain', ['C2', 'C3'], 1, 'chinaTake'),
  // C10, C12: the stigma of sponsoring Kim.
  term('china', 'exposure', 'exposure (stigma)', 'exposure', ['C10', 'C12'], -1, 'exposure'),
  term('china', 'war', 'war', 'war', [], -1, 'war'),
  term('china', 'europe', "Europe's alignment", 'europe', ['C10'], -1, 'europeAlignment'),
  term('china', 'regimeCrisis', 'regime crisis', 'regimeCrisis', [], -1, 'crisis'),
  term('china', 'rivalry', 'US-China rivalry', 'rivalry', ['C13'], -1, 'usChinaTension'),
  term('kim', 'standing', 'standing at home', 'standing', ['C7'], 1, 'kimStanding'),
  term('kim', 'economy', 'economy', 'economy', ['C7'], 1, 'nkEconomy'),
  term('kim', 'aid', 'aid received', 'aid', ['C6'], 1, 'aidPaid', 'priceOfAid'),
  term('kim', 'war', 'war', 'war', [], -1, 'war'),
  term('kim', 'regimeCrisis', 'regime crisis', 'regimeCrisis', ['C7'], -1, 'crisis'),
  term('kim', 'settlement', 'settlement', 'settlement', ['C11'], 1, 'settled'),
  // Issue 19, appended so the older terms keep their places (and payoffs their bits): C2 the
  // strain Kim's pressure puts on Washington (the tension it endures), and C7, C12 stability
  // on Beijing's border: big tests it did not ask for.
  term('china', 'strain', 'strain on Washington', 'usStrain', ['C2'], 1, 'avgTension'),
  term('china', 'unwantedTests', 'tests it did not want', 'unwantedTests', ['C7', 'C12'], -1, 'unwantedTests'),
];

/** The facts the terms read, for a game that ended in `outcome` (into one reused object: batches score every game). */
function scoringFacts(ctx: GameContext, outcome: Outcome): ScoringFacts {
  const pr = ctx.params.pressure;
  const s = scoring;
  s.avgTension = ctx.roundsPlayed > 0 ? ctx.tensionSum / ctx.roundsPlayed : ctx.tension;
  s.war = outcome === 'war' ? 1 : 0;
  s.crisis = outcome === 'regimeCrisis' ? 1 : 0;
  s.settled = outcome === 'settlement' ? 1 : 0;
  s.chinaTake = ctx.concededTaiwan * pr.priceOfTaiwan + ctx.concededChips * pr.priceOfChips;
  s.aidPaid = ctx.aidToKim + instalmentsAsAid(ctx);
  s.paidOut = s.chinaTake + s.aidPaid * pr.priceOfAid;
  s.priceOfAid = pr.priceOfAid;
  return s;
}

/**
 * Write each term's value into `out`, in PAYOFF_TERMS order. No allocation: batches call it
 * per game. The terms are straight-line code generated from PAYOFF_TERMS (a loop over
 * formulas measured ~10x slower, a megamorphic call per term).
 */
export function payoffTermsInto(ctx: GameContext, outcome: Outcome, out: number[]): number[] {
  return writeTerms(ctx, scoringFacts(ctx, outcome), out);
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

/** Where sumTermsToArray puts each actor's payoff. */
export const PAYOFF_SLOT = { us: 0, china: 1, kim: 2 } as const;

/** sumOf, stored into `out[slot]`: it returns no number, so a call V8 does not inline boxes none. */
function sumOfInto(terms: readonly number[], index: readonly number[], out: Float64Array, slot: number): void {
  let total = terms[index[0] as number] as number;
  for (let k = 1; k < index.length; k++) total += terms[index[k] as number] as number;
  out[slot] = total;
}

/**
 * sumTerms into a typed array (PAYOFF_SLOT): the batch path's per-game sums. Written into an
 * object's fields they allocated 48 bytes a game (three numbers boxed), measured.
 */
export function sumTermsToArray(terms: readonly number[], out: Float64Array): Float64Array {
  sumOfInto(terms, TERM_INDEX.us, out, PAYOFF_SLOT.us);
  sumOfInto(terms, TERM_INDEX.china, out, PAYOFF_SLOT.china);
  sumOfInto(terms, TERM_INDEX.kim, out, PAYOFF_SLOT.kim);
  return out;
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
  PAYOFF_TERMS.forEach(({ id, actor, label, weight, claims }, i) => out[actor].push({ id, actor, label, weight, claims, value: values[i] as number }));
  return out;
}

/** Payoffs from the scenario's weights: the sum of each actor's components. */
export function payoffs(ctx: GameContext, outcome: Outcome): Payoffs {
  return sumTerms(payoffTermsInto(ctx, outcome, newTermArray()));
}
