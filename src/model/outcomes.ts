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

/** Payoffs from the scenario's weights; each term names the claim behind it. */
export function payoffs(ctx: GameContext, outcome: Outcome): Payoffs {
  const p = ctx.params;
  const w = p.payoffs;
  const pr = p.pressure;
  const avgTension = ctx.roundsPlayed > 0 ? ctx.tensionSum / ctx.roundsPlayed : ctx.tension;
  const war = outcome === 'war' ? 1 : 0;
  const crisis = outcome === 'regimeCrisis' ? 1 : 0;
  const settled = outcome === 'settlement' ? 1 : 0;
  // C3: what was paid, in the scenario's own prices.
  const chinaTake = ctx.concededTaiwan * pr.priceOfTaiwan + ctx.concededChips * pr.priceOfChips;
  const paidOut = chinaTake + ctx.aidToKim * pr.priceOfAid;
  const us =
    -w.us.concessionCost * paidOut + // C3, C6
    w.us.credibility * ctx.usCredibility - // C8
    w.us.averageTension * avgTension -
    w.us.war * war +
    w.us.settlement * settled + // C11
    w.us.europe * ctx.europeAlignment - // C10
    w.us.regimeCrisis * crisis;
  const china =
    w.china.concessionGain * chinaTake - // C2, C3
    w.china.exposure * ctx.exposure - // C10, C12: the stigma of sponsoring Kim
    w.china.war * war -
    w.china.europe * ctx.europeAlignment - // C10
    w.china.regimeCrisis * crisis -
    w.china.rivalry * ctx.usChinaTension; // C13
  const kim =
    w.kim.standing * ctx.kimStanding + // C7
    w.kim.economy * ctx.nkEconomy + // C7
    w.kim.aid * ctx.aidToKim * pr.priceOfAid - // C6
    w.kim.war * war -
    w.kim.regimeCrisis * crisis +
    w.kim.settlement * settled;
  return { us, china, kim };
}

