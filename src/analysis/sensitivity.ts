import type { ClaimId } from '../model/claims.js';
import type { Params } from '../model/params.js';
import type { BatchScenario, Cell, ProfileIds } from '../engine/batch/batch.js';
import type { MetricChoice } from './reports.js';
import type { AnalysisRun, AnalysisScenario } from './experiment.js';
import type { Interval, SobolIndices } from './gsa/sobol.js';
import type { MorrisResult } from './gsa/morris.js';
import { makeRng } from '../rng/rng.js';
import { CLAIMS } from '../model/claims.js';
import { applyAssumptions } from '../scenario/load.js';
import { fieldAt, getPath } from '../scenario/fields.js';
import { InputError } from '../input-error.js';
import { runOnce, withValues } from './experiment.js';
import { measureOf } from './reports.js';
import { payoffUs, summarizeAcc } from './summary.js';
import { designPoints, jansen, saltelliDesign, sobolIndices } from './gsa/sobol.js';
import { morrisDesign, morrisEffects } from './gsa/morris.js';

// Global sensitivity of one output to many assumptions at once: which scenario values,
// payoff weights and claim switches decide it, alone and in interaction, and how much is luck.
// Each factor is a coordinate of the unit cube mapped onto its range; "luck" is a factor of its
// own, choosing which block of seeds a point's games are played on, so its share of the
// variance is how much of the output chance alone decides at this many games per point.

export type Factor =
  | { kind: 'param'; name: string; path: string; low: number; high: number; int: boolean }
  | { kind: 'claim'; name: string; claim: ClaimId }
  | { kind: 'luck'; name: string };

/** What is measured at each point: a measure of one profile, or the US payoff of one US strategy minus another's on the same games. */
export type Output = { kind: 'metric'; metric: MetricChoice; profile: ProfileIds } | { kind: 'versus'; plus: ProfileIds; minus: ProfileIds };

const LUCK_BLOCKS = 1_000_000;

/**
 * --param PATH or PATH=LOW:HIGH. Without a range: half to double the scenario's value (its
 * documented bounds where it is 0), kept within the field's documented bounds.
 */
export function parseFactor(text: string, params: Params): Factor {
  if (/^C\d+$/.test(text.trim())) {
    const claim = text.trim() as ClaimId;
    if (!(claim in CLAIMS)) throw new InputError(`--param ${text}: no claim ${claim}. Fix: use C1 to C13.`);
    return { kind: 'claim', name: `${claim} on/off`, claim };
  }
  if (text.trim() === 'luck') return { kind: 'luck', name: 'luck (the seed)' };
  const m = /^([A-Za-z.]+)(?:=(-?[\d.]+):(-?[\d.]+))?$/.exec(text.trim());
  if (!m) throw new InputError(`--param ${text}: write PATH, PATH=LOW:HIGH or a claim (C10). Example: --param payoffs.us.credibility=1:8.`);
  const path = m[1] as string;
  const field = fieldAt(path);
  if (!field) throw new InputError(`--param ${text}: '${path}' is not a scenario field. Fix: use a path from scenarios/README.md, such as start.chinaInfluence.`);
  if (field.kind !== 'number') throw new InputError(`--param ${text}: '${path}' is a list; choose a single number.`);
  const at = getPath(params, path.split('.')) as number;
  let low = m[2] !== undefined ? Number(m[2]) : at > 0 ? at / 2 : field.min;
  let high = m[3] !== undefined ? Number(m[3]) : at > 0 ? at * 2 : field.max;
  if (m[2] === undefined) {
    low = Math.max(field.min, low);
    high = Math.min(field.max, high);
  }
  if (!(low < high)) throw new InputError(`--param ${text}: need LOW < HIGH.`);
  if (low < field.min || high > field.max) throw new InputError(`--param ${text}: ${path} must stay within ${field.min} to ${field.max}.`);
  return { kind: 'param', name: path, path, low, high, int: !!field.int };
}

/** The scenario at one point of the unit cube. */
export function scenarioAt(base: AnalysisScenario, factors: readonly Factor[], u: readonly number[]): BatchScenario {
  const values: Record<string, number> = {};
  const off: Partial<Record<ClaimId, 'off'>> = {};
  let name = base.name;
  factors.forEach((f, i) => {
    const x = u[i] as number;
    if (f.kind === 'param') {
      const v = f.low + x * (f.high - f.low);
      values[f.path] = f.int ? Math.round(v) : v;
    } else if (f.kind === 'claim') {
      if (x < 0.5) off[f.claim] = 'off';
    } else {
      name = `${base.name}#luck${Math.floor(x * LUCK_BLOCKS)}`;
    }
  });
  const params = withValues(base.params, values);
  applyAssumptions(params, off, (claim, _k, msg) => {
    throw new InputError(`${claim}: ${msg}`);
  });
  return { name, source: base.source, sha256: base.sha256, params };
}

function profilesOf(out: Output): ProfileIds[] {
  return out.kind === 'metric' ? [out.profile] : [out.plus, out.minus];
}

/** Play every point (each distinct game once, in one pool) and read the output at each. */
export async function evaluate(base: AnalysisScenario, factors: readonly Factor[], points: readonly number[][], out: Output, seed: string, runs: number, run: AnalysisRun): Promise<number[]> {
  const scenarios = points.map((u) => scenarioAt(base, factors, u));
  const profiles = profilesOf(out);
  const cells = await runOnce({ command: 'sensitivity', seed, runs, scenarios, profiles }, run);
  const P = profiles.length;
  return scenarios.map((_, s) => {
    const at = (p: number) => summarizeAcc((cells[s * P + p] as Cell).acc);
    if (out.kind === 'metric') return measureOf(at(0), out.metric).mean;
    return payoffUs((cells[s * P] as Cell).acc).mean - payoffUs((cells[s * P + 1] as Cell).acc).mean;
  });
}

export interface SobolReport {
  kind: 'leverage-sensitivity';
  method: 'sobol';
  scenario: string;
  output: Output;
  factors: Factor[];
  seed: string;
  runs: number;
  n: number;
  evaluations: number;
  indices: SobolIndices;
  /** The indices estimated on the first n points, for growing n: do they settle? */
  convergence: { n: number; first: number[]; total: number[] }[];
  /** The output's mean and spread over the points. */
  mean: number;
  sd: number;
}

export interface MorrisReport {
  kind: 'leverage-sensitivity';
  method: 'morris';
  scenario: string;
  output: Output;
  factors: Factor[];
  seed: string;
  runs: number;
  trajectories: number;
  evaluations: number;
  effects: MorrisResult;
}

export async function sobolSensitivity(base: AnalysisScenario, factors: Factor[], out: Output, n: number, seed: string, runs: number, run: AnalysisRun): Promise<SobolReport> {
  const k = factors.length;
  const design = saltelliDesign(k, n, makeRng(`sensitivity|design|${seed}`, 'chance'));
  const y = await evaluate(base, factors, designPoints(design), out, seed, runs, run);
  const indices = sobolIndices(y, k, n, makeRng(`sensitivity|bootstrap|${seed}`, 'chance'));
  const sizes = [...new Set([n / 8, n / 4, n / 2, n].map((x) => Math.floor(x)).filter((x) => x >= 8))];
  const convergence = sizes.map((m) => {
    // The first m rows of A and B and of each AB matrix: a design of size m of its own.
    const sub = [0, 1, ...Array.from({ length: k }, (_, i) => 2 + i)].flatMap((blk) => y.slice(blk * n, blk * n + m));
    const e = jansen(sub, k, m);
    return { n: m, first: e.first, total: e.total };
  });
  const ab = y.slice(0, 2 * n);
  const mean = ab.reduce((a, b) => a + b, 0) / ab.length;
  const sd = Math.sqrt(indices.variance);
  return { kind: 'leverage-sensitivity', method: 'sobol', scenario: base.name, output: out, factors, seed, runs, n, evaluations: y.length, indices, convergence, mean, sd };
}

export async function morrisSensitivity(base: AnalysisScenario, factors: Factor[], out: Output, trajectories: number, seed: string, runs: number, run: AnalysisRun): Promise<MorrisReport> {
  const design = morrisDesign(factors.length, trajectories, makeRng(`sensitivity|morris|${seed}`, 'chance'));
  const y = await evaluate(base, factors, design.points, out, seed, runs, run);
  return { kind: 'leverage-sensitivity', method: 'morris', scenario: base.name, output: out, factors, seed, runs, trajectories, evaluations: y.length, effects: morrisEffects(design, y) };
}

/** Factors ranked by total index, each with its share in words. */
export function ranked(r: SobolReport): { factor: Factor; first: Interval; total: Interval }[] {
  return r.factors
    .map((factor, i) => ({ factor, first: r.indices.first[i] as Interval, total: r.indices.total[i] as Interval }))
    .sort((a, b) => b.total.estimate - a.total.estimate);
}
