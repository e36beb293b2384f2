import { describe, expect, it } from 'vitest';
import type { Params } from '../../src/model/params.js';
import type { FactId } from '../../src/analysis/calibrate.js';
import { bonferroniZ, calibrate, FACT_IDS, zFor } from '../../src/analysis/calibrate.js';
import { resolveScenario } from '../../src/scenario/catalog.js';

// Issue 18 item 6: every row of `leverage calibrate` can fail. For each fact, the mechanism
// or parameter that carries it is switched off (or pushed far), in every scenario, and the
// row must then fail. A row with no such case is a row that cannot be shown to fail: the
// first test refuses it. 1000 games a cell, in this thread.

const SCENARIOS = ['2020', '2022', '2023', 'baseline'];

const BREAKS: Record<FactId, { what: string; perturb: (p: Params) => void }> = {
  'war.perGame': { what: 'war at full tension certain each round (crisis.warRiskAtFullTension 1)', perturb: (p) => (p.crisis.warRiskAtFullTension = 1) },
  'ending.regimeCrisis.rare': {
    // With issue 19's dynamics Kim's standing has sources besides the entrenched hold, so
    // removing that hold alone no longer breaks the row: the regime is made fragile instead.
    what: 'a fragile regime: crisis when standing or economy falls below 0.5 (kim.regimeCrisisThreshold 0.5), standing only fades (kim.entrenchedStanding 0)',
    perturb: (p) => {
      p.kim.regimeCrisisThreshold = 0.5;
      p.kim.entrenchedStanding = 0;
    },
  },
  'tests.nuclear': { what: 'a nuclear test buys all the standing there is (kim.rungPrestige[3] 1)', perturb: (p) => (p.kim.rungPrestige[3] = 1) },
  'kim.holds': {
    what: 'tests five times as prestigious and free (kim.rungPrestige x5, kim.testCost 0)',
    perturb: (p) => {
      p.kim.rungPrestige = p.kim.rungPrestige.map((x) => x * 5) as Params['kim']['rungPrestige'];
      p.kim.testCost = 0;
    },
  },
  'tension.pegged': {
    what: 'tension never drains, tests at the brink undamped and three times as tense (kim.tensionDecay 0, kim.brinkDampsPrestige 0, kim.rungTension x3)',
    perturb: (p) => {
      p.kim.tensionDecay = 0;
      p.kim.brinkDampsPrestige = 0;
      p.kim.rungTension = p.kim.rungTension.map((x) => Math.min(1, 3 * x)) as Params['kim']['rungTension'];
    },
  },
  'columns.beat.appeaser': {
    what: 'concessions cost the US nothing (us.credibilityLossPerConcession 0, every price 0)',
    perturb: (p) => {
      p.us.credibilityLossPerConcession = 0;
      p.pressure.priceOfTaiwan = 0;
      p.pressure.priceOfChips = 0;
      p.pressure.priceOfAid = 0;
    },
  },
  'columns.beat.asksBeijing': {
    what: 'asking Beijing is free and works (us.credibilityLossPerAsk 0, us.askReadsAsPayment 0, us.helpRestraintPower 1)',
    perturb: (p) => {
      p.us.credibilityLossPerAsk = 0;
      p.us.askReadsAsPayment = 0;
      p.us.helpRestraintPower = 1;
    },
  },
  'kim.defies': { what: 'nothing of the economy rides on the lifeline (kim.lifelineDependence 0)', perturb: (p) => (p.kim.lifelineDependence = 0) },
  'kim.sweep.lifelineDependence': { what: 'defying Xi cuts no lifeline (kim.defyLifelineCut 0)', perturb: (p) => (p.kim.defyLifelineCut = 0) },
  'kim.sweep.obeyStandingCost': { what: 'Kim does not value standing (payoffs.kim.standing 0)', perturb: (p) => (p.payoffs.kim.standing = 0) },
  'ending.regimeCrisis.graded': { what: "Beijing's enforcing adds no bite (pressure.chinaTradeShare 0)", perturb: (p) => (p.pressure.chinaTradeShare = 0) },
  'c1.estimate': {
    what: 'asking Beijing does nothing (us.helpRestraintPower 0, us.askReadsAsPayment 0, us.credibilityLossPerAsk 0); the row fails as is too',
    perturb: (p) => {
      p.us.helpRestraintPower = 0;
      p.us.askReadsAsPayment = 0;
      p.us.credibilityLossPerAsk = 0;
    },
  },
  'weights.kimWar.rate': { what: 'Kim gives war no weight, so doubling it changes nothing (payoffs.kim.war 0)', perturb: (p) => (p.payoffs.kim.war = 0) },
  'weights.kimWar.rungs': { what: 'the same (payoffs.kim.war 0)', perturb: (p) => (p.payoffs.kim.war = 0) },
  'ending.settlement': { what: 'talks make no progress (us.diplomacyStep 0)', perturb: (p) => (p.us.diplomacyStep = 0) },
  'ending.regimeCrisis': { what: 'no threshold to fall below (kim.regimeCrisisThreshold 0)', perturb: (p) => (p.kim.regimeCrisisThreshold = 0) },
  'c2.stoking': {
    what: 'the opportunist never asks Kim to escalate (pressure.requestBaseLikelihood 0, requestTensionSlope 0)',
    perturb: (p) => {
      p.pressure.requestBaseLikelihood = 0;
      p.pressure.requestTensionSlope = 0;
    },
  },
  'c3.chips': { what: 'chips are worth nothing to China (pressure.priceOfChips 0)', perturb: (p) => (p.pressure.priceOfChips = 0) },
  'exposure.unearned': { what: 'an unproven charge lands in full (us.exposeUnprovenShare 1)', perturb: (p) => (p.us.exposeUnprovenShare = 1) },
};

describe('every calibrate row can fail', () => {
  const scenarios = SCENARIOS.map((n) => resolveScenario(n));

  it('each distinct fact has a case that breaks it, and no case names a removed row', () => {
    expect(Object.keys(BREAKS).sort()).toEqual([...FACT_IDS].sort());
    for (const gone of ['war.atTop', 'tension.falls', 'exposure.slow', 'exposure.deters']) expect(FACT_IDS as readonly string[]).not.toContain(gone);
  });

  it.each(FACT_IDS.map((id) => [id, BREAKS[id].what] as const))('%s fails when %s', async (id) => {
    const r = await calibrate(scenarios, { runs: 1000, seed: '5', rounds: 12, run: { workers: 0 }, only: [id], perturb: BREAKS[id].perturb });
    expect(r.facts.map((f) => f.id)).toEqual([id]);
    expect(r.facts[0]!.pass, r.facts[0]!.subject).toBe(false);
    expect(r.failed).toBe(1);
  }, 60_000);
});

describe('the multiple-comparison correction', () => {
  it('z of a two-sided 95% interval is 1.96; Bonferroni over 8 cells widens it to about 2.73', () => {
    expect(zFor(0.05)).toBeCloseTo(1.96, 2);
    expect(bonferroniZ(8)).toBeCloseTo(2.734, 2);
    expect(bonferroniZ(1)).toBeCloseTo(zFor(0.05), 9);
  });
});
