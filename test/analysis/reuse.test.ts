import { describe, expect, it } from 'vitest';
import type { BatchProgress, BatchSpec, ProfileIds } from '../../src/engine/batch/batch.js';
import type { AnalysisRun } from '../../src/analysis/experiment.js';
import { pairedSettings, planReuse, runOnce, withValues } from '../../src/analysis/experiment.js';
import { robustness } from '../../src/analysis/robustness.js';
import { parseParamRange, sweep } from '../../src/analysis/sweep.js';
import { runBatch } from '../../src/engine/batch/batch.js';
import { resolveScenario } from '../../src/scenario/catalog.js';

// Analyses play each distinct game once: a setting with the same inputs as another (name,
// so seeds, and params) is the same games; one that moves only payoff weights its profile's
// strategies do not read is the same games rescored. Either way the result must be exactly
// what playing every cell gives, with fewer games played.

/** The run options, and how many games the batch engine was asked to play. */
function counted(workers: number, reuse = true): { run: AnalysisRun; played: () => number } {
  let total = 0;
  const onProgress = (p: BatchProgress) => {
    if (p.gamesDone === p.gamesTotal) total += p.gamesTotal;
  };
  return { run: { workers, reuse, onProgress }, played: () => total };
}

const s2022 = resolveScenario('2022');
const profiles: ProfileIds[] = [
  { us: 'columns', china: 'opportunist', kim: 'regimeFirst' },
  { us: 'pragmatist', china: 'restrained', kim: 'kimRandom' },
];

function specOf(runs: number): BatchSpec {
  const p = s2022.params;
  const settings = [
    { id: 'as-is', params: p },
    { id: 'copy', params: structuredClone(p) },
    { id: 'us-war-x4', params: withValues(p, { 'payoffs.us.war': p.payoffs.us.war * 4 }) },
    // The pragmatist reads this weight: played for its profile, rescored for the other.
    { id: 'credibility', params: withValues(p, { 'payoffs.us.credibility': 1 }) },
    { id: 'rule', params: withValues(p, { 'start.chinaInfluence': 0.2 }) },
    { id: 'rule+weight', params: withValues(p, { 'start.chinaInfluence': 0.2, 'payoffs.china.rivalry': 7 }) },
  ];
  return { command: 'test', seed: '9', runs, scenarios: pairedSettings(s2022, settings), profiles };
}

describe('planning reuse', () => {
  it('copies same inputs, rescores weights nobody in the profile reads, plays the rest', () => {
    const plan = planReuse(specOf(10).scenarios, profiles);
    expect(plan.at).toEqual([0, 0, 1, 2, 3, 4]);
    expect(plan.distinct.map((s) => s.scoredFrom ?? null)).toEqual([null, [0, 0], [0, null], null, [3, 3]]);
  });

  it('does not rescore across scenario names (other seeds)', () => {
    const other = { ...pairedSettings(s2022, [{ id: 'x', params: withValues(s2022.params, { 'payoffs.us.war': 1 }) }])[0]!, name: 'other' };
    const plan = planReuse([pairedSettings(s2022, [{ id: 'a', params: s2022.params }])[0]!, other], profiles);
    expect(plan.distinct[1]!.scoredFrom).toBeUndefined();
  });
});

describe('runOnce', () => {
  for (const workers of [0, 2]) {
    it(`gives exactly the cells of playing every one, with fewer games (${workers} workers)`, async () => {
      const spec = specOf(1200);
      const all = counted(workers, false);
      const once = counted(workers);
      const expected = await runBatch(spec, all.run);
      const got = await runOnce(spec, once.run);
      expect(got).toEqual(expected);
      expect(all.played()).toBe(6 * 2 * 1200);
      // Played: as-is and rule for both profiles, and credibility for the pragmatist's.
      expect(once.played()).toBe(5 * 1200);
    });
  }
});

describe('sweep plays each distinct setting once', () => {
  const profile: ProfileIds = { us: 'columns', china: 'opportunist', kim: 'regimeFirst' };

  /** The sweep with every setting played, and with reuse: both reports and the games each played. */
  async function bothWays(param: string, runs: number, workers: number) {
    const ranges = [parseParamRange(param)];
    const all = counted(workers, false);
    const once = counted(workers);
    const expected = await sweep(s2022, ranges, profile, 'payoffUs', '4', runs, all.run);
    const got = await sweep(s2022, ranges, profile, 'payoffUs', '4', runs, once.run);
    return { expected, got, settings: ranges[0]!.values.length + 1, playedAll: all.played(), playedOnce: once.played() };
  }

  it('a payoff-weight sweep plays once and rescores: the same report, 11x fewer games', async () => {
    const r = await bothWays('payoffs.us.war=0:100:10', 400, 2);
    expect(r.got).toEqual(r.expected);
    expect(r.settings).toBe(12);
    expect(r.playedAll).toBe(12 * 400);
    expect(r.playedOnce).toBe(400);
    // Rescoring is not copying: the payoff moves with the weight.
    expect(new Set(r.got.oneAtATime[0]!.points.map((x) => x.mean)).size).toBe(11);
  });

  it('a rule-parameter sweep does not play the base point twice', async () => {
    expect([0.1, 0.3, 0.5, 0.7, 0.9]).toContain(s2022.params.start.chinaInfluence);
    const r = await bothWays('start.chinaInfluence=0.1:0.9:0.2', 200, 0);
    expect(r.got).toEqual(r.expected);
    expect(r.playedAll).toBe(6 * 200);
    expect(r.playedOnce).toBe(5 * 200);
  });
});

describe('robustness reuses cells that replay the as-is games', () => {
  it('2022: the same report, fewer games', { timeout: 120_000 }, async () => {
    const all = counted(2, false);
    const once = counted(2);
    const expected = await robustness(s2022, '2', 100, all.run);
    const got = await robustness(s2022, '2', 100, once.run);
    expect(got).toEqual(expected);
    // 19 variants x 7 profiles; the four value variants move weights none of them reads.
    expect(all.played()).toBe(19 * 7 * 100);
    expect(once.played()).toBe(15 * 7 * 100);
  });
});
