import type { Cell, ProfileIds } from '../engine/batch/batch.js';
import type { MetricChoice } from './reports.js';
import type { NumberField } from '../scenario/fields.js';
import type { AnalysisRun, AnalysisScenario } from './experiment.js';
import { closest } from '../closest-name.js';
import { InputError } from '../input-error.js';
import { allFields, fieldAt, getPath } from '../scenario/fields.js';
import { pairedSettings, runOnce, withValues } from './experiment.js';
import { measureOf } from './reports.js';
import { summarizeAcc } from './summary.js';

// One-at-a-time sensitivity of one measure to scenario parameters, and a grid for two.
// Every setting is played on the same seeds; a setting that equals another (a value equal to
// the scenario's own, a grid point on a one-at-a-time line) is played once, and one that
// moves only a scores-only payoff weight is the base games rescored (experiment.ts).

export interface ParamRange {
  path: string;
  values: number[];
}

const MAX_VALUES = 50;

/** The nearest scenario field to a mistyped path, else where the paths are listed. */
function sweepPathFix(path: string): string {
  const guess = closest(path, allFields().map((f) => f.path));
  return guess ? `Did you mean '${guess}'?` : 'Fix: use a path from scenarios/README.md, such as start.chinaInfluence.';
}

/** PATH=FROM:TO:STEP, checked against the field table (the flag is named in errors). */
export function parseParamRange(text: string): ParamRange {
  const m = /^([A-Za-z.]+)=(-?[\d.]+):(-?[\d.]+):([\d.]+)$/.exec(text.trim());
  if (!m) throw new InputError(`--param ${text}: write it as PATH=FROM:TO:STEP, for example --param start.chinaInfluence=0:1:0.25.`);
  const [, path, a, b, st] = m as unknown as [string, string, string, string, string];
  const field = fieldAt(path);
  if (!field) throw new InputError(`--param ${text}: '${path}' is not a scenario field. ${sweepPathFix(path)}`);
  if (field.kind !== 'number') throw new InputError(`--param ${text}: '${path}' is a list; sweep a single number.`);
  const [from, to, step] = [Number(a), Number(b), Number(st)];
  if (!(step > 0) || from > to) throw new InputError(`--param ${text}: need FROM <= TO and STEP > 0.`);
  const f = field as NumberField;
  if (from < f.min || to > f.max) throw new InputError(`--param ${text}: ${path} must stay within ${f.min} to ${f.max}.`);
  const values: number[] = [];
  for (let i = 0; ; i++) {
    // Multiply rather than add, so 0.1 steps do not drift.
    const v = Number((from + i * step).toFixed(10));
    if (v > to + 1e-12) break;
    values.push(f.int ? Math.round(v) : v);
    if (values.length > MAX_VALUES) throw new InputError(`--param ${text}: more than ${MAX_VALUES} values. Fix: use a larger STEP.`);
  }
  return { path, values: [...new Set(values)] };
}

export interface SweepPoint {
  values: Record<string, number>;
  mean: number;
  low: number;
  high: number;
}

export interface SweepReport {
  kind: 'leverage-sweep';
  scenario: string;
  metric: MetricChoice;
  profile: ProfileIds;
  seed: string;
  runs: number;
  /** The metric with the scenario as written. */
  base: SweepPoint;
  /** One-at-a-time: each parameter moved alone, the others as written. */
  oneAtATime: { path: string; baseValue: number; points: SweepPoint[] }[];
  /** With exactly two parameters: every combination. */
  grid: SweepPoint[] | null;
}

export async function sweep(scenario: AnalysisScenario, ranges: ParamRange[], profile: ProfileIds, metric: MetricChoice, seed: string, runs: number, opts: AnalysisRun): Promise<SweepReport> {
  const settings: Record<string, number>[] = [{}];
  for (const r of ranges) for (const v of r.values) settings.push({ [r.path]: v });
  const a = ranges[0];
  const b = ranges[1];
  const gridStart = settings.length;
  if (ranges.length === 2 && a && b) for (const x of a.values) for (const y of b.values) settings.push({ [a.path]: x, [b.path]: y });
  const scenarios = pairedSettings(scenario, settings.map((values, i) => ({ id: String(i), params: withValues(scenario.params, values) })));
  const cells = await runOnce({ command: 'sweep', seed, runs, scenarios, profiles: [profile] }, opts);
  const point = (i: number): SweepPoint => {
    const { mean, low, high } = measureOf(summarizeAcc((cells[i] as Cell).acc), metric);
    return { values: settings[i] as Record<string, number>, mean, low, high };
  };
  let i = 1;
  const oneAtATime = ranges.map((r) => {
    const baseValue = getPath(scenario.params, r.path.split('.')) as number;
    return { path: r.path, baseValue, points: r.values.map(() => point(i++)) };
  });
  const grid = ranges.length === 2 ? settings.slice(gridStart).map((_, k) => point(gridStart + k)) : null;
  return { kind: 'leverage-sweep', scenario: scenario.name, metric, profile, seed, runs, base: point(0), oneAtATime, grid };
}
