import type { Params } from '../model/params.js';
import type { BatchSpec, ProfileIds, RunOptions } from '../engine/batch/batch.js';
import type { NumberField } from '../scenario/fields.js';
import type { CompareReport } from './reports.js';
import type { RobustnessReport } from './robustness.js';
import type { SweepReport } from './sweep.js';
import type { Actor } from '../model/context.js';
import type { DiscoverReport } from './discover.js';
import type { EquilibriaReport } from './equilibria-report.js';
import type { SobolReport } from './sensitivity.js';
import { WorkerPool } from '../engine/batch/pool.js';
import { discover } from './discover.js';
import { equilibria } from './equilibria-report.js';
import { parseFactor, sobolSensitivity } from './sensitivity.js';
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
  /** With --where-it-holds: equilibria of the strategy table, PRIM's box for the columns' advice, Sobol indices. */
  where?: WhereItHolds;
}

export interface WhereItHolds {
  /** The table itself is left out: the page shows what was solved on it, not its 100-odd rows. */
  equilibria: Omit<EquilibriaReport, 'table'>;
  discover: DiscoverReport;
  sobol: SobolReport;
}

/** Games and points of the optional analyses: modest, so a scenario adds well under a minute on two cores. */
export interface WhereRuns {
  equilibria: number;
  discoverPoints: number;
  discover: number;
  sobolN: number;
  sobol: number;
}

export const DEFAULT_WHERE_RUNS: WhereRuns = { equilibria: 200, discoverPoints: 100, discover: 100, sobolN: 32, sobol: 100 };

/**
 * The assumptions the columns' conclusion is tested over: the weight the US puts on its
 * credibility (C8's cost of paying), Beijing's sway over Pyongyang at the start (C1), and
 * whether Beijing bills for its help (C10). Each at half to double its scenario value.
 */
export const WHERE_FACTORS = ['payoffs.us.credibility', 'start.chinaInfluence', 'C10'] as const;

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
  given: Pick<RunOptions, 'workers' | 'signal'>,
  where?: WhereRuns,
): Promise<AnalystReport> {
  // One pool of workers for every batch of the page: started and warmed up once.
  const opts = { ...given, pool: given.workers > 0 ? new WorkerPool(given.workers) : undefined };
  try {
    return await analystReportOn(scenarios, baseline, seed, runs, opts, where);
  } finally {
    opts.pool?.close();
  }
}

async function analystReportOn(
  scenarios: ReportScenario[],
  baseline: Params,
  seed: string,
  runs: AnalystRuns,
  opts: Pick<RunOptions, 'workers' | 'signal' | 'pool'>,
  where: WhereRuns | undefined,
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
      ...(where ? { where: await whereItHolds(s, seed, where, opts) } : {}),
    });
  }
  return { kind: 'leverage-report', seed, runs, compare, scenarios: sections };
}

/** Where the columns' advice (against the appeaser) holds in one scenario, and what reasoning sides would play. */
export async function whereItHolds(s: ReportScenario, seed: string, runs: WhereRuns, opts: Pick<RunOptions, 'workers' | 'signal' | 'pool'>): Promise<WhereItHolds> {
  const base = { name: s.name, source: s.source, sha256: s.sha256, params: s.params };
  const named = (a: Actor) => strategyIds(a).filter((id) => id !== `${a}Random`);
  const { table: _table, ...eq } = await equilibria(base, { us: named('us'), china: named('china'), kim: named('kim') }, seed, runs.equilibria, opts);
  const others = profileFor(s);
  const plus = { ...others, us: 'columns' };
  const minus = { ...others, us: 'appeaser' };
  const factors = WHERE_FACTORS.map((f) => parseFactor(f, s.params));
  const found = await discover(base, factors, plus, minus, 'columns earns the US more than appeaser', runs.discoverPoints, seed, runs.discover, opts);
  const luck = parseFactor('luck', s.params);
  const sobol = await sobolSensitivity(base, [...factors, luck], { kind: 'versus', plus, minus }, runs.sobolN, seed, runs.sobol, opts);
  return { equilibria: eq, discover: found, sobol };
}
