import { aleaOf } from '../rng/alea.js';

// Simulated method of moments (SMM), generic over where moments come from: `simulate` maps a
// point of the free parameters and a seed set to simulated moments; `targets` are two-sided
// intervals for the same moments (from the record, or from games played at known values in
// the recovery test). Nothing here knows about the game.
//
// Objective: J(theta) = sum_k w_k (m_k(theta) - t_k)^2 with w_k = 1 / sd_k^2, where sd_k is
// read from the target's interval as a 95% normal interval, sd_k = (hi - lo) / (2 * 1.96):
// a moment the record pins down tightly counts more than a loose one. Each evaluation plays
// the same seed set (common random numbers), so J is a deterministic function of theta and
// differences between points are not drowned by fresh noise.
//
// Search: a Latin hypercube of starting points (the best one seeds the simplex), then
// Nelder–Mead on unbounded coordinates u, with theta = lo + (hi - lo) * logistic(u): every
// point the simplex tries lies inside the declared range; restarted from its best point
// while a restart still gains.
//
// Uncertainty (a bootstrap over seeds and targets): each replicate refits, searching afresh,
// with a fresh seed set and each target redrawn from its interval (normal, sd_k);
// a parameter's interval is the 2.5% and 97.5% quantiles of the replicates' estimates. It
// carries both the simulation noise and the record's own uncertainty.

export interface FreeParam {
  /** Dotted path into the scenario's params, e.g. `kim.tensionDecay` or `kim.rungPrestige.3`. */
  path: string;
  lo: number;
  hi: number;
  /** Why this range (claims and record, by locator). */
  why: string;
}

export interface MomentTarget {
  momentId: string;
  value: number;
  lo: number;
  hi: number;
}

export type Theta = Record<string, number>;

/** Simulated moments at `theta` on seed set `seedSet` (0 for the fit, 1.. for bootstrap replicates). */
export type Simulate = (theta: Theta, seedSet: number) => Promise<Record<string, number>>;

export interface FitOptions {
  targets: readonly MomentTarget[];
  simulate: Simulate;
  free: readonly FreeParam[];
  /** Where the search starts (default: the best of the Latin hypercube). */
  start?: Theta;
  /** Latin hypercube points tried before the simplex (0: start from `start` or the middle). */
  scoutPoints?: number;
  /** Most objective evaluations the simplex spends (its restarts included). */
  maxEvaluations?: number;
  /** Restarts of the simplex from its best point (default 3; stops when one gains nothing). */
  restarts?: number;
  /** Simplex searches, one from each of the best scouted points (default 1). */
  starts?: number;
  /** Bootstrap replicates (0: no intervals). */
  bootstrap?: number;
  /** Seeds the hypercube and the redrawn targets. */
  seed?: string;
  onEvaluation?: (e: { evaluations: number; objective: number; phase: string }) => void;
}

export interface MomentFit extends MomentTarget {
  simulated: number;
  /** Weighted squared distance this moment adds to the objective. */
  contribution: number;
  pass: boolean;
}

export interface ParamFit extends FreeParam {
  value: number;
  low: number;
  high: number;
  /** The estimate sits within 1% of the range from a bound: the bound, not the data, holds it. */
  atBound: boolean;
}

export interface FitResult {
  params: ParamFit[];
  theta: Theta;
  objective: number;
  evaluations: number;
  moments: MomentFit[];
  replicates: Theta[];
  method: string;
}

export const FIT_METHOD =
  'simulated method of moments: weights 1/sd^2 with sd = (hi - lo)/3.92 from each target interval; common random numbers; Latin hypercube then Nelder-Mead on logistic-transformed bounds; intervals = 2.5-97.5% quantiles of refits on fresh seed sets with targets redrawn from their intervals';

const Z95 = 1.959963984540054;

/** A target's standard deviation read from its 95% interval (never zero: a floor keeps the weight finite). */
export function targetSd(t: MomentTarget): number {
  const sd = (t.hi - t.lo) / (2 * Z95);
  return Math.max(sd, 1e-6 * Math.max(1, Math.abs(t.value)));
}

export function objective(simulated: Record<string, number>, targets: readonly MomentTarget[]): number {
  let j = 0;
  for (const t of targets) {
    const m = simulated[t.momentId];
    if (m === undefined || !Number.isFinite(m)) return Infinity;
    const d = (m - t.value) / targetSd(t);
    j += d * d;
  }
  return j;
}

const logistic = (u: number) => 1 / (1 + Math.exp(-u));
const logit = (x: number) => Math.log(x / (1 - x));
const EDGE = 1e-6;

export function toTheta(free: readonly FreeParam[], u: readonly number[]): Theta {
  const t: Theta = {};
  free.forEach((f, i) => (t[f.path] = f.lo + (f.hi - f.lo) * logistic(u[i]!)));
  return t;
}

export function toUnbounded(free: readonly FreeParam[], theta: Theta): number[] {
  return free.map((f) => {
    const x = ((theta[f.path] ?? (f.lo + f.hi) / 2) - f.lo) / (f.hi - f.lo);
    return logit(Math.min(1 - EDGE, Math.max(EDGE, x)));
  });
}

export interface NelderMeadOptions {
  maxEvaluations: number;
  /** Initial simplex step on each coordinate. */
  step?: number;
  /** Stop when the simplex's objective values differ by less than this. */
  tolerance?: number;
}

/** Nelder–Mead (standard coefficients 1, 2, 0.5, 0.5) minimising `f` from `x0`. */
export async function nelderMead(
  f: (x: number[]) => Promise<number>,
  x0: readonly number[],
  o: NelderMeadOptions,
): Promise<{ x: number[]; value: number; evaluations: number }> {
  const n = x0.length;
  const step = o.step ?? 0.8;
  const tol = o.tolerance ?? 1e-4;
  let evaluations = 0;
  const ev = async (x: number[]) => {
    evaluations++;
    return f(x);
  };
  const simplex: { x: number[]; v: number }[] = [{ x: [...x0], v: await ev([...x0]) }];
  for (let i = 0; i < n; i++) {
    const x = [...x0];
    x[i] = x[i]! + step;
    simplex.push({ x, v: await ev(x) });
  }
  const along = (a: number[], b: number[], t: number) => a.map((ai, i) => ai + t * (b[i]! - ai));
  while (evaluations < o.maxEvaluations) {
    simplex.sort((a, b) => a.v - b.v);
    const best = simplex[0]!;
    const worst = simplex[n]!;
    if (Math.abs(worst.v - best.v) <= tol * (1 + Math.abs(best.v))) break;
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) centroid[k] = centroid[k]! + simplex[i]!.x[k]! / n;
    const xr = along(centroid, worst.x, -1);
    const vr = await ev(xr);
    if (vr < best.v) {
      const xe = along(centroid, worst.x, -2);
      const ve = await ev(xe);
      simplex[n] = ve < vr ? { x: xe, v: ve } : { x: xr, v: vr };
      continue;
    }
    if (vr < simplex[n - 1]!.v) {
      simplex[n] = { x: xr, v: vr };
      continue;
    }
    const outside = vr < worst.v;
    const xc = along(centroid, outside ? xr : worst.x, 0.5);
    const vc = await ev(xc);
    if (vc < (outside ? vr : worst.v)) {
      simplex[n] = { x: xc, v: vc };
      continue;
    }
    for (let i = 1; i <= n; i++) {
      const x = along(best.x, simplex[i]!.x, 0.5);
      simplex[i] = { x, v: await ev(x) };
    }
  }
  simplex.sort((a, b) => a.v - b.v);
  return { x: simplex[0]!.x, value: simplex[0]!.v, evaluations };
}

/** `count` points of a Latin hypercube in [0,1]^dims: each coordinate hits every stratum once. */
export function latinHypercube(count: number, dims: number, seed: string): number[][] {
  const rng = aleaOf(seed);
  const cols = Array.from({ length: dims }, () => {
    const order = Array.from({ length: count }, (_, i) => i);
    for (let i = count - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    return order.map((k) => (k + rng.next()) / count);
  });
  return Array.from({ length: count }, (_, i) => cols.map((c) => c[i]!));
}

/** Standard normal draw (Box–Muller) from a uniform source. */
function normal(next: () => number): number {
  const u = Math.max(1e-12, next());
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const i = Math.floor(pos);
  const frac = pos - i;
  return sorted[i]! + (sorted[Math.min(i + 1, sorted.length - 1)]! - sorted[i]!) * frac;
}

async function search(
  o: FitOptions,
  targets: readonly MomentTarget[],
  seedSet: number,
  start: Theta | undefined,
  scoutPoints: number,
  phase: string,
): Promise<{ theta: Theta; objective: number; evaluations: number }> {
  let evaluations = 0;
  const f = async (u: number[]) => {
    const j = objective(await o.simulate(toTheta(o.free, u), seedSet), targets);
    evaluations++;
    o.onEvaluation?.({ evaluations, objective: j, phase });
    return j;
  };
  const scouted: { u: number[]; j: number }[] = [];
  if (start || scoutPoints === 0) {
    const u = start ? toUnbounded(o.free, start) : o.free.map(() => 0);
    scouted.push({ u, j: scoutPoints > 0 ? await f(u) : 0 });
  }
  for (const p of scoutPoints > 0 ? latinHypercube(scoutPoints, o.free.length, `${o.seed ?? 'fit'}|scout|${seedSet}`) : []) {
    const theta: Theta = {};
    o.free.forEach((fp, i) => (theta[fp.path] = fp.lo + (fp.hi - fp.lo) * p[i]!));
    const u = toUnbounded(o.free, theta);
    scouted.push({ u, j: await f(u) });
  }
  scouted.sort((a, b) => a.j - b.j);
  // A simplex stops early on a bumpy objective (games are discrete, so J is stepwise): run
  // one from each of the best few starting points, each restarted, full size, from its best
  // point until a restart gains nothing; keep the best. The budget is per start.
  const budget = o.maxEvaluations ?? 60 * o.free.length;
  let best: { x: number[]; value: number } | undefined;
  for (const s of scouted.slice(0, Math.max(1, o.starts ?? 1))) {
    let mine = await nelderMead(f, s.u, { maxEvaluations: budget });
    let spent = mine.evaluations;
    for (let k = 0; k < (o.restarts ?? 3) && spent < budget; k++) {
      const again = await nelderMead(f, mine.x, { maxEvaluations: budget - spent });
      spent += again.evaluations;
      const gained = mine.value - again.value;
      if (again.value < mine.value) mine = again;
      if (gained <= 1e-3 * (1 + mine.value)) break;
    }
    if (!best || mine.value < best.value) best = mine;
  }
  return { theta: toTheta(o.free, best!.x), objective: best!.value, evaluations };
}

export async function fit(o: FitOptions): Promise<FitResult> {
  if (o.free.length === 0) throw new Error('fit: no free parameters');
  if (o.free.length > 12) throw new Error(`fit: ${o.free.length} free parameters; at most 12 (fix the rest with their documented source)`);
  if (o.targets.length < o.free.length) {
    throw new Error(`fit: ${o.targets.length} target moments for ${o.free.length} free parameters; the parameters are not identified`);
  }
  for (const f of o.free) if (!(f.hi > f.lo)) throw new Error(`fit: ${f.path}: range [${f.lo}, ${f.hi}] is empty`);
  const main = await search(o, o.targets, 0, o.start, o.scoutPoints ?? 10 * o.free.length, 'fit');
  let evaluations = main.evaluations;

  const replicates: Theta[] = [];
  const rng = aleaOf(`${o.seed ?? 'fit'}|bootstrap`);
  for (let b = 1; b <= (o.bootstrap ?? 0); b++) {
    const drawn = o.targets.map((t) => ({ ...t, value: t.value + targetSd(t) * normal(() => rng.next()) }));
    // A refit searches afresh (scouting included, the estimate one of its starts): one that
    // only polished the estimate would stay on its step of the objective, and its spread
    // would measure nothing.
    const r = await search(o, drawn, b, main.theta, o.scoutPoints ?? 10 * o.free.length, `bootstrap ${b}`);
    evaluations += r.evaluations;
    replicates.push(r.theta);
  }

  const simulated = await o.simulate(main.theta, 0);
  const moments = o.targets.map((t) => {
    const m = simulated[t.momentId] ?? NaN;
    const d = (m - t.value) / targetSd(t);
    return { ...t, simulated: m, contribution: d * d, pass: m >= t.lo && m <= t.hi };
  });
  const params = o.free.map((f) => {
    const value = main.theta[f.path]!;
    const draws = replicates.map((r) => r[f.path]!).sort((a, b) => a - b);
    const margin = 0.01 * (f.hi - f.lo);
    return {
      ...f,
      value,
      low: draws.length ? Math.min(value, quantile(draws, 0.025)) : NaN,
      high: draws.length ? Math.max(value, quantile(draws, 0.975)) : NaN,
      atBound: value - f.lo < margin || f.hi - value < margin,
    };
  });
  return { params, theta: main.theta, objective: main.objective, evaluations, moments, replicates, method: FIT_METHOD };
}
