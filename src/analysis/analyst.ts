import type { Params } from '../model/params.js';
import type { BatchSpec, ProfileIds, RunOptions } from '../engine/batch/batch.js';
import type { NumberField } from '../scenario/fields.js';
import type { CompareReport } from './reports.js';
import type { RobustnessReport } from './robustness.js';
import type { SweepReport } from './sweep.js';
import type { Actor } from '../model/context.js';
import { runBatch } from '../engine/batch/batch.js';
import { allFields, getPath } from '../scenario/fields.js';
import { defaultStrategyId, strategyIds } from '../strategies/registry.js';
import { compareReport } from './reports.js';
import { robustness } from './robustness.js';
import { sweep } from './sweep.js';

// `leverage report`: the one page an analyst sends. For each scenario, what differs from
// the baseline; every US strategy compared across the scenarios; which conclusions survive
// each assumption; and a sweep of the parameters the US payoff is most sensitive to, found
// by a quick screen of every numeric parameter at the two ends of its range.

export interface ReportScenario {
  name: string;
  title: string;
  source: string;
  sha256: string;
  params: Params;
  strategies: Partial<Record<Actor, string>>;
}

export interface ParamDifference {
  path: string;
  baseline: unknown;
  value: unknown;
}

export interface ScreenedParam {
  path: string;
  min: number;
  max: number;
  /** US payoff at the field's minimum and maximum, everything else as written. */
  atMin: number;
  atMax: number;
  spread: number;
}

export interface ScenarioSection {
  scenario: string;
  title: string;
  differences: ParamDifference[];
  robustness: RobustnessReport;
  screening: ScreenedParam[];
  sweep: SweepReport;
}

export interface AnalystReport {
  kind: 'leverage-report';
  seed: string;
  runs: { compare: number; robustness: number; screening: number; sweep: number };
  compare: CompareReport;
  scenarios: ScenarioSection[];
}

export interface AnalystRuns {
  compare: number;
  robustness: number;
  screening: number;
  sweep: number;
}

/** Modest defaults: three scenarios finish in well under a minute on two cores. */
export const DEFAULT_ANALYST_RUNS: AnalystRuns = { compare: 300, robustness: 100, screening: 60, sweep: 200 };

const SWEEP_POINTS = 5;
const SWEPT = 3;

/** Every field whose value differs from the baseline's, in field-table order. */
export function differencesFrom(baseline: Params, params: Params): ParamDifference[] {
  return allFields().flatMap(({ path }) => {
    const keys = path.split('.');
    const a = getPath(baseline, keys);
    const b = getPath(params, keys);
    return JSON.stringify(a) === JSON.stringify(b) ? [] : [{ path, baseline: a, value: b }];
  });
}

function profileFor(s: ReportScenario): ProfileIds {
  return { us: defaultStrategyId('us', s.strategies), china: defaultStrategyId('china', s.strategies), kim: defaultStrategyId('kim', s.strategies) };
}

/** US payoff at both ends of every numeric parameter's range (payoff weights aside), most sensitive first. */
export async function screenParameters(s: ReportScenario, seed: string, runs: number, opts: Pick<RunOptions, 'workers' | 'signal'>): Promise<ScreenedParam[]> {
  // Payoff weights are left out: they rescale the measure itself rather than change the game.
  const fields = allFields().filter((f) => f.field.kind === 'number' && !f.path.startsWith('payoffs.')) as { path: string; field: NumberField }[];
  const ranges = fields.map((f) => ({ path: f.path, values: [f.field.min, f.field.max] }));
  // One sweep of every parameter alone (there are far more than two, so no grid).
  const r = await sweep(s, ranges, profileFor(s), 'payoffUs', seed, runs, opts);
  return r.oneAtATime
    .map((p, i) => {
      const f = fields[i] as { path: string; field: NumberField };
      const [lo, hi] = p.points as unknown as [{ mean: number }, { mean: number }];
      return { path: p.path, min: f.field.min, max: f.field.max, atMin: lo.mean, atMax: hi.mean, spread: Math.abs(hi.mean - lo.mean) };
    })
    .sort((a, b) => b.spread - a.spread || a.path.localeCompare(b.path));
}

function evenly(min: number, max: number, n: number, int: boolean): number[] {
  const values = Array.from({ length: n }, (_, i) => Number((min + ((max - min) * i) / (n - 1)).toFixed(6)));
  return [...new Set(int ? values.map(Math.round) : values)];
}

export async function analystReport(
  scenarios: ReportScenario[],
  baseline: Params,
  seed: string,
  runs: AnalystRuns,
  opts: Pick<RunOptions, 'workers' | 'signal'>,
): Promise<AnalystReport> {
  const first = scenarios[0] as ReportScenario;
  const base = profileFor(first);
  const spec: BatchSpec = {
    command: 'report',
    seed,
    runs: runs.compare,
    scenarios: scenarios.map((s) => ({ name: s.name, source: s.source, sha256: s.sha256, params: s.params })),
    profiles: strategyIds('us').map((us) => ({ ...base, us })),
  };
  const compare = compareReport(spec, await runBatch(spec, opts), 'payoffUs');
  const sections: ScenarioSection[] = [];
  for (const s of scenarios) {
    const screening = await screenParameters(s, seed, runs.screening, opts);
    const top = screening.slice(0, SWEPT);
    const ranges = top.map((t) => ({ path: t.path, values: evenly(t.min, t.max, SWEEP_POINTS, (allFields().find((f) => f.path === t.path)?.field as NumberField).int ?? false) }));
    // Three ranges: one at a time (a grid is only made for exactly two).
    const swept = await sweep(s, ranges, profileFor(s), 'payoffUs', seed, runs.sweep, opts);
    sections.push({
      scenario: s.name,
      title: s.title,
      differences: differencesFrom(baseline, s.params),
      robustness: await robustness(s, seed, runs.robustness, opts),
      screening,
      sweep: swept,
    });
  }
  return { kind: 'leverage-report', seed, runs, compare, scenarios: sections };
}
