import { describe, expect, it } from 'vitest';
import type { MoveName } from '../../src/model/moves.js';
import { playInterpreted } from '../../src/engine/batch/fast-game.js';
import { scenarioProfile, seriesFromMoves, simulateGame, simulateGameFast, simulateSeries } from '../../src/analysis/series.js';
import { computeMoments, recordTargets } from '../../src/analysis/moments.js';
import { checkAgainstRecord, scenarioTargets } from '../../src/analysis/record-check.js';
import { loadRecord, recordYears } from '../../src/record/load.js';
import { resolveScenario } from '../../src/scenario/catalog.js';

// The simulated side of the moments: each game's moves, counted another way (the engine's
// own move hook on the interpreted path), must match the monthly rows built from them.

describe('simulated games as monthly series', () => {
  it.each(['2020', '2022', '2023'])('%s: rows hold exactly the tests, freezes and sanctions stands the game made, one row a round played', (name) => {
    const sc = resolveScenario(name);
    const profile = scenarioProfile(sc);
    for (let i = 0; i < 40; i++) {
      const moves: MoveName[] = [];
      const summary = playInterpreted(sc.params, sc.name, 's', i, profile, (m) => moves.push(m));
      const series = simulateGame(sc.params, sc.name, 's', i, profile);
      const count = (m: MoveName) => moves.filter((x) => x === m).length;
      const sum = (f: (r: (typeof series)[number]) => number) => series.reduce((a, r) => a + f(r), 0);
      expect(series.length).toBe(summary.rounds);
      expect(series.map((r) => r.month)).toEqual(series.map((_, k) => `r${k + 1}`));
      expect(sum((r) => r.launches.short)).toBe(count('testShortRange'));
      expect(sum((r) => r.launches.medium)).toBe(count('missileOverJapan'));
      expect(sum((r) => r.launches.icbm)).toBe(count('testIcbm'));
      expect(sum((r) => r.nuclearTests)).toBe(count('nuclearTest'));
      expect(sum((r) => r.launches.slbm + r.launches.satellite)).toBe(0);
      expect(sum((r) => r.chinaBacksSanctions ?? 0)).toBe(count('backSanctions'));
      expect(sum((r) => r.chinaBlocksSanctions ?? 0)).toBe(count('blockSanctions'));
      expect(sum((r) => r.exercises ?? 0)).toBe(count('posture'));
      expect(sum((r) => r.summitsWithBeijing ?? 0)).toBe(count('courtBeijing'));
      expect(sum((r) => r.dealsCollapsed ?? 0)).toBeLessThanOrEqual(sum((r) => r.dealsReached ?? 0));
      // Kim moves once a round: at most one test a month.
      for (const r of series) expect(r.launches.short + r.launches.medium + r.launches.icbm + r.nuclearTests).toBeLessThanOrEqual(1);
    }
  });

  it.each(['2020', '2022', '2023', 'baseline'])('%s: the batch path (rows from the move stream) gives the reference path rows, game for game', (name) => {
    const sc = resolveScenario(name);
    for (const china of ['opportunist', 'covertFirst', 'seller', 'chinaRandom']) {
      const profile = scenarioProfile(sc, { china, us: 'reciprocator' });
      for (let i = 0; i < 60; i++) expect(simulateGameFast(sc.params, sc.name, 'p', i, profile)).toEqual(simulateGame(sc.params, sc.name, 'p', i, profile));
    }
  });

  it('reads a hand-written move stream: a paid pause, then a test that ends it', () => {
    const rows = seriesFromMoves(['chinaWaits', 'suspendTestsForPayment', 'payKim', 'askEscalationByCourier', 'nuclearTest', 'posture', 'askEscalationOvertly', 'testIcbm', 'usWaits']);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ dealsReached: 1, dealsCollapsed: 0 });
    expect(rows[1]).toMatchObject({ nuclearTests: 1, testsAgainstBeijing: 1, unaskedTests: 0, dealsCollapsed: 1, exercises: 1 });
    expect(rows[2]).toMatchObject({ nuclearTests: 0, testsAgainstBeijing: 0, dealsCollapsed: 0 });
    expect(rows[2]!.launches.icbm).toBe(1);
    // Paying without an offered pause is aid, not a deal.
    expect(seriesFromMoves(['chinaWaits', 'holdTests', 'payKim'])[0]).toMatchObject({ dealsReached: 0 });
  });

  it('is seeded: the same seed gives the same series, another seed other games', () => {
    const sc = resolveScenario('2022');
    const a = simulateSeries(sc, { games: 30, seed: 5 });
    expect(simulateSeries(sc, { games: 30, seed: 5 })).toEqual(a);
    expect(simulateSeries(sc, { games: 30, seed: 6 })).not.toEqual(a);
  });

  it('follows the strategies and parameters it is given', () => {
    const sc = resolveScenario('2022');
    const base = computeMoments(simulateSeries(sc, { games: 200, seed: 1 }));
    // 2022's default China only blocks sanctions; the enforcer only backs them.
    const enforcer = computeMoments(simulateSeries(sc, { games: 200, seed: 1, strategies: { china: 'enforcer' } }));
    expect(base['sanctions.blockShare']).toBe(1);
    expect(enforcer['sanctions.blockShare']).toBe(0);
    // A Kim who cannot yet test beyond short range tests no nuclear weapon in the year.
    const params = structuredClone(sc.params);
    params.start.escalationLevel = 0;
    const low = computeMoments(simulateSeries(sc, { games: 200, seed: 1, params }));
    expect(low['nuclear.perYear']).toBeLessThan(base['nuclear.perYear']!);
  });
});

describe('targets for a scenario', () => {
  it("are the record's months on the scenario's clock, the same as the calendar year's targets", () => {
    const events = loadRecord();
    const t = scenarioTargets(resolveScenario('2022'), events);
    expect(t).toEqual(recordTargets(recordYears(events), [2022]));
    expect(t.find((x) => x.momentId === 'months.anyTest')!.value).toBeCloseTo(10 / 12);
    expect(() => scenarioTargets(resolveScenario('baseline'), events)).toThrow(/no clock\.firstMonth/);
  });
});

describe('the record view', () => {
  it("reads Beijing's stance by period: every sanctions vote backed before 2018, a quarter of its stands blocking since", () => {
    const report = checkAgainstRecord([resolveScenario('2020')], loadRecord(), { games: 10, seed: '1' });
    const [before, rivalry] = report.periods;
    const block = (p: typeof before) => p!.targets.find((t) => t.momentId === 'sanctions.blockShare')!;
    expect(block(before)).toMatchObject({ value: 0, lo: 0 });
    expect(block(rivalry).value).toBe(0.25);
    expect(block(rivalry).lo).toBeGreaterThan(block(before).value);
    expect(before!.targets.find((t) => t.momentId === 'sanctions.afterNuclear')!.value).toBe(1);
    expect(report.rows.every((r) => r.set === 'fit' && r.scenario === '2020')).toBe(true);
    expect(report.strategies['2020']).toEqual({ us: 'columns', china: 'covertFirst', kim: 'regimeFirst' });
  });
});
