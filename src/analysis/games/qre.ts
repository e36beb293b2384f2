import type { Mixed, NormalForm } from './normal-form.js';
import { payoffRange, regret, sizes, strategyValues, valueSlopes } from './normal-form.js';
import { solveLinear } from './mixed.js';

// Logit quantal response equilibria (McKelvey and Palfrey 1995), traced over the precision
// lambda as Gambit's `logit` does: at lambda = 0 every side plays uniformly; as lambda grows
// each side answers the others' play with a softmax of its payoffs, and the branch starting at
// the centre leads to one Nash equilibrium. Gambit follows the branch by arc-length
// continuation; here lambda rises on a geometric grid and each point is corrected by Newton's
// method on the fixed-point equations in log-probabilities, started from the previous point.
// That loses the branch where it folds back in lambda (then the trace stops and says so).

export interface QrePoint {
  lambda: number;
  sigma: Mixed;
  regret: number;
}

export interface QreTrace {
  points: QrePoint[];
  /** True when the last step's corrector failed (a fold in lambda, or the grid too coarse). */
  stopped: boolean;
  /** Lambda is in units of 1 / (the table's payoff range). */
  payoffScale: number;
}

function softmax(v: readonly number[], lambda: number): number[] {
  const m = Math.max(...v);
  const e = v.map((x) => Math.exp(lambda * (x - m)));
  const t = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / t);
}

function flatten(s: Mixed): number[] {
  return s.flat();
}

function unflatten(x: readonly number[], sz: readonly number[]): Mixed {
  let k = 0;
  return sz.map((n) => Array.from({ length: n }, () => x[k++] as number));
}

/** Each side's payoff from each of its strategies against the others' play in `sigma`. */
function valuesOf(g: NormalForm, sigma: Mixed): number[][] {
  return sigma.map((_, i) => strategyValues(g, sigma, i));
}

/**
 * F(log sigma) = log sigma - log softmax(lambda * values): zero at a logit QRE. `values` may
 * be passed in (a side's values do not depend on its own play, so a step that moves only one
 * side's play keeps that side's values: the very same numbers, computed once).
 */
function residual(sz: readonly number[], sigma: Mixed, values: readonly number[][], lambda: number): number[] {
  const out: number[] = [];
  sz.forEach((_, i) => {
    const q = softmax(values[i] as number[], lambda);
    (sigma[i] as number[]).forEach((p, s) => out.push(Math.log(p) - Math.log(q[s] as number)));
  });
  return out;
}

/**
 * The Jacobian of the residual in y = log sigma, written out: dF[i,s]/dy[k,t] is 1 on the
 * diagonal, and for another side k, -lambda * sigma[k,t] * (slope[s][t] - sum_r q[r] slope[r][t]),
 * where slope is how i's values move with k's play and q i's logit reply.
 */
function jacobian(g: NormalForm, sz: readonly number[], sigma: Mixed, values: readonly number[][], lambda: number): number[][] {
  const n = sz.reduce((a, b) => a + b, 0);
  const start = sz.map((_, i) => sz.slice(0, i).reduce((a, b) => a + b, 0));
  const J = Array.from({ length: n }, (_, r) => Array.from({ length: n }, (__, c) => (r === c ? 1 : 0)));
  sz.forEach((ni, i) => {
    const q = softmax(values[i] as number[], lambda);
    sz.forEach((nk, k) => {
      if (k === i) return;
      const slope = valueSlopes(g, sigma, i, k);
      for (let t = 0; t < nk; t++) {
        let mean = 0;
        for (let r = 0; r < ni; r++) mean += (q[r] as number) * ((slope[r] as number[])[t] as number);
        const sk = (sigma[k] as number[])[t] as number;
        for (let s = 0; s < ni; s++) (J[(start[i] as number) + s] as number[])[(start[k] as number) + t] = -lambda * sk * (((slope[s] as number[])[t] as number) - mean);
      }
    });
  });
  return J;
}

function correct(g: NormalForm, sz: readonly number[], y0: readonly number[], lambda: number): number[] | null {
  let y = [...y0];
  for (let it = 0; it < 40; it++) {
    const sigma = unflatten(y.map(Math.exp), sz);
    const values = valuesOf(g, sigma);
    const F = residual(sz, sigma, values, lambda);
    if (Math.max(...F.map(Math.abs)) < 1e-10) return y;
    const dy = solveLinear(jacobian(g, sz, sigma, values, lambda), F.map((f) => -f));
    if (!dy) return null;
    // Damped: log-probabilities move at most 2 per step.
    const big = Math.max(...dy.map(Math.abs));
    const damp = big > 2 ? 2 / big : 1;
    y = y.map((v, c) => v + damp * (dy[c] as number));
    if (y.some((v) => !Number.isFinite(v))) return null;
  }
  const sigma = unflatten(y.map(Math.exp), sz);
  const F = residual(sz, sigma, valuesOf(g, sigma), lambda);
  return Math.max(...F.map(Math.abs)) < 1e-8 ? y : null;
}

export function logitTrace(g: NormalForm, opts: { maxLambda?: number; steps?: number } = {}): QreTrace {
  const sz = sizes(g);
  const { lo, scale } = payoffRange(g);
  // Normalise payoffs to a range of 1, so lambda means the same in every table.
  const norm: NormalForm = { ...g, payoffs: g.payoffs.map((v) => (v - lo) / scale) };
  const maxLambda = opts.maxLambda ?? 1000;
  const steps = opts.steps ?? 120;
  let y = flatten(sz.map((n) => new Array<number>(n).fill(1 / n))).map(Math.log);
  const points: QrePoint[] = [];
  const sigma0 = unflatten(y.map(Math.exp), sz);
  points.push({ lambda: 0, sigma: sigma0, regret: regret(g, sigma0) });
  let stopped = false;
  for (let k = 1; k <= steps; k++) {
    const lambda = 0.1 * Math.pow(maxLambda / 0.1, (k - 1) / (steps - 1));
    const next = correct(norm, sz, y, lambda);
    if (!next) {
      stopped = true;
      break;
    }
    y = next;
    const sigma = unflatten(y.map(Math.exp), sz);
    points.push({ lambda, sigma, regret: regret(g, sigma) });
  }
  return { points, stopped, payoffScale: scale };
}
