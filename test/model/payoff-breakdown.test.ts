import { describe, expect, it } from 'vitest';
import type { GameContext } from '../../src/model/context.js';
import type { Outcome } from '../../src/model/outcomes.js';
import { OUTCOME_NAMES, PAYOFF_TERMS, payoffBreakdown, payoffs, payoffTermsInto } from '../../src/model/outcomes.js';
import { allFields } from '../../src/scenario/fields.js';
import { playGame } from '../../src/engine/reference/session.js';
import { summarize } from '../../src/engine/batch/fast-game.js';
import { resolveScenario } from '../../src/scenario/catalog.js';
import { STRATEGIES } from '../../src/strategies/registry.js';

// The payoff is the sum of its named parts, and breaking it down changed no number: the
// parts must add up, bit for bit, to the payoff, and to the formula as it was written
// before the breakdown (kept here as the oracle; a deliberate change to the payoff rules
// updates it, as it would the golden games).

function formulaAsItWas(ctx: GameContext, outcome: Outcome) {
  const w = ctx.params.payoffs;
  const pr = ctx.params.pressure;
  const avgTension = ctx.roundsPlayed > 0 ? ctx.tensionSum / ctx.roundsPlayed : ctx.tension;
  const war = outcome === 'war' ? 1 : 0;
  const crisis = outcome === 'regimeCrisis' ? 1 : 0;
  const settled = outcome === 'settlement' ? 1 : 0;
  const chinaTake = ctx.concededTaiwan * pr.priceOfTaiwan + ctx.concededChips * pr.priceOfChips;
  // Issue 19: a deal's instalments count as aid, in payments' worth (model/deals.ts).
  const instalments = ctx.dealInstalmentsPaid > 0 ? (ctx.dealInstalmentsPaid * ctx.params.dynamics.dealInstalment) / ctx.params.kim.suspensionAid : 0;
  const aid = ctx.aidToKim + instalments;
  const paidOut = chinaTake + aid * pr.priceOfAid;
  return {
    us: -w.us.concessionCost * paidOut + w.us.credibility * ctx.usCredibility - w.us.averageTension * avgTension - w.us.war * war + w.us.settlement * settled + w.us.europe * ctx.europeAlignment - w.us.regimeCrisis * crisis,
    china: w.china.concessionGain * chinaTake - w.china.exposure * ctx.exposure - w.china.war * war - w.china.europe * ctx.europeAlignment - w.china.regimeCrisis * crisis - w.china.rivalry * ctx.usChinaTension + w.china.usStrain * avgTension - w.china.unwantedTests * ctx.unwantedTests,
    kim: w.kim.standing * ctx.kimStanding + w.kim.economy * ctx.nkEconomy + w.kim.aid * aid * pr.priceOfAid - w.kim.war * war - w.kim.regimeCrisis * crisis + w.kim.settlement * settled,
  };
}

describe('payoff components', () => {
  it('name a scenario weight each, with claims, unique per side', () => {
    const paths = new Set(allFields().map((f) => f.path));
    for (const t of PAYOFF_TERMS) expect(paths.has(t.weight), t.weight).toBe(true);
    const keys = PAYOFF_TERMS.map((t) => `${t.actor}.${t.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(PAYOFF_TERMS.filter((t) => t.actor === 'us').map((t) => t.id)).toEqual(['concessions', 'credibility', 'tension', 'war', 'settlement', 'europe', 'regimeCrisis']);
  });

  it('every row of the table is written by the formula', () => {
    const g = playGame(resolveScenario('baseline'), '1', 0, { us: STRATEGIES.us[0]!, china: STRATEGIES.china[0]!, kim: STRATEGIES.kim[0]! });
    const out = PAYOFF_TERMS.map(() => Number.NaN);
    payoffTermsInto(g.ctx, 'war', out);
    expect(out.every((x) => Number.isFinite(x))).toBe(true);
  });

  it('add up bit for bit to the payoffs as they were, in real games of every scenario and every ending', () => {
    let games = 0;
    for (const name of ['baseline', '2020', '2022', '2023', 'one-shot']) {
      const s = resolveScenario(name);
      for (const us of STRATEGIES.us)
        for (const seed of ['1', '2', '3']) {
          const g = playGame(s, seed, 0, { us, china: STRATEGIES.china[0]!, kim: STRATEGIES.kim[0]! });
          const end = g.outcome()!;
          // Score the same final state under every ending, so war, crisis and settlement terms are exercised too.
          for (const o of OUTCOME_NAMES) {
            const old = formulaAsItWas(g.ctx, o);
            const now = payoffs(g.ctx, o);
            expect(Object.is(now.us, old.us) && Object.is(now.china, old.china) && Object.is(now.kim, old.kim), `${name} ${us.id} ${seed} ${o}`).toBe(true);
            const parts = payoffBreakdown(g.ctx, o);
            for (const a of ['us', 'china', 'kim'] as const) {
              const summed = parts[a].reduce((t, c, i) => (i ? t + c.value : c.value), 0);
              expect(Object.is(summed, now[a])).toBe(true);
            }
          }
          const fast = summarize(g.ctx, end);
          expect(fast.payoffParts).toEqual(PAYOFF_TERMS.map((t) => payoffBreakdown(g.ctx, end)[t.actor].find((c) => c.id === t.id)!.value));
          games++;
        }
    }
    expect(games).toBeGreaterThan(100);
  });

  it('show what moved a payoff: war costs its weight, a concession its price', () => {
    const g = playGame(resolveScenario('2022'), '7', 0, { us: STRATEGIES.us.find((s) => s.id === 'appeaser')!, china: STRATEGIES.china[0]!, kim: STRATEGIES.kim[0]! });
    const war = payoffBreakdown(g.ctx, 'war').us.find((c) => c.id === 'war')!;
    expect(war.value).toBe(-g.ctx.params.payoffs.us.war);
    expect(war.claims).toEqual(['C12']);
    const paid = payoffBreakdown(g.ctx, 'stalemate').us.find((c) => c.id === 'concessions')!;
    expect(g.ctx.concededTaiwan + g.ctx.concededChips).toBeGreaterThan(0);
    expect(paid.value).toBeLessThan(0);
  });
});
