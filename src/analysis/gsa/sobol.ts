import type { Rng } from '../../rng/rng.js';

// Global sensitivity by Sobol indices: how much of an output's variance each input explains
// alone (first order, S1) and with all its interactions (total, ST). Saltelli's design: two
// independent N x k sample matrices A and B, and for each input i the matrix A_B^i, which is
// A with column i taken from B, so N (k + 2) evaluations in all. Estimators are Jansen's
// (1999): both read squared differences of paired runs, which keeps them non-negative in
// expectation and steadier than the product forms at small N.

/** Points in the unit hypercube [0, 1)^k, one row a point. */
export type Design = number[][];

export interface SaltelliDesign {
  k: number;
  n: number;
  A: Design;
  B: Design;
  /** AB[i] is A with column i taken from B. */
  AB: Design[];
}

/** Saltelli's design with plain seeded uniform draws (not a low-discrepancy sequence). */
export function saltelliDesign(k: number, n: number, rng: Rng): SaltelliDesign {
  const draw = (): Design => Array.from({ length: n }, () => Array.from({ length: k }, () => rng.next()));
  const A = draw();
  const B = draw();
  const AB = Array.from({ length: k }, (_, i) => A.map((row, j) => row.map((x, c) => (c === i ? (B[j] as number[])[c] as number : x))));
  return { k, n, A, B, AB };
}

/** Every point of a design in evaluation order: A, B, then AB[0..k-1]. */
export function designPoints(d: SaltelliDesign): Design {
  return [...d.A, ...d.B, ...d.AB.flat()];
}

export interface SobolEstimate {
  first: number[];
  total: number[];
  variance: number;
}

function variance(xs: readonly number[]): number {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return xs.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, xs.length - 1);
}

/**
 * Jansen's estimators from outputs in designPoints order, over the rows `rows` (all rows by
 * default; the bootstrap passes a resample). V is the variance of f(A) and f(B) pooled.
 *   ST_i = mean((f(A) - f(AB_i))^2) / 2V
 *   S1_i = 1 - mean((f(B) - f(AB_i))^2) / 2V
 */
export function jansen(y: readonly number[], k: number, n: number, rows?: readonly number[]): SobolEstimate {
  const idx = rows ?? Array.from({ length: n }, (_, j) => j);
  const fA = (j: number) => y[j] as number;
  const fB = (j: number) => y[n + j] as number;
  const fAB = (i: number, j: number) => y[(2 + i) * n + j] as number;
  const V = variance([...idx.map(fA), ...idx.map(fB)]);
  const first: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < k; i++) {
    let sumT = 0;
    let sumF = 0;
    for (const j of idx) {
      sumT += (fA(j) - fAB(i, j)) ** 2;
      sumF += (fB(j) - fAB(i, j)) ** 2;
    }
    // With no variance at all there is nothing to attribute: every index is 0.
    total.push(V > 0 ? sumT / idx.length / (2 * V) : 0);
    first.push(V > 0 ? 1 - sumF / idx.length / (2 * V) : 0);
  }
  return { first, total, variance: V };
}

export interface Interval {
  estimate: number;
  low: number;
  high: number;
}

export interface SobolIndices {
  first: Interval[];
  total: Interval[];
  variance: number;
  n: number;
}

function percentile(sorted: readonly number[], q: number): number {
  const at = Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))));
  return sorted[at] as number;
}

/** Jansen's indices with 95% percentile-bootstrap intervals (rows resampled with replacement). */
export function sobolIndices(y: readonly number[], k: number, n: number, rng: Rng, resamples = 200): SobolIndices {
  const point = jansen(y, k, n);
  const firsts: number[][] = Array.from({ length: k }, () => []);
  const totals: number[][] = Array.from({ length: k }, () => []);
  for (let b = 0; b < resamples; b++) {
    const rows = Array.from({ length: n }, () => Math.floor(rng.next() * n));
    const e = jansen(y, k, n, rows);
    for (let i = 0; i < k; i++) {
      (firsts[i] as number[]).push(e.first[i] as number);
      (totals[i] as number[]).push(e.total[i] as number);
    }
  }
  const interval = (est: number, xs: number[]): Interval => {
    const s = [...xs].sort((a, b) => a - b);
    return { estimate: est, low: percentile(s, 0.025), high: percentile(s, 0.975) };
  };
  return {
    first: point.first.map((e, i) => interval(e, firsts[i] as number[])),
    total: point.total.map((e, i) => interval(e, totals[i] as number[])),
    variance: point.variance,
    n,
  };
}

/** The Ishigami function (a = 7, b = 0.1) on [-pi, pi]^3, from unit-cube coordinates: the standard test of a Sobol estimator. */
export function ishigami(u: readonly number[]): number {
  const [x1, x2, x3] = u.map((v) => -Math.PI + 2 * Math.PI * v) as [number, number, number];
  return Math.sin(x1) + 7 * Math.sin(x2) ** 2 + 0.1 * x3 ** 4 * Math.sin(x1);
}

/** Its indices in closed form: S1 = (.314, .442, 0), ST = (.558, .442, .244). */
export const ISHIGAMI_EXACT = (() => {
  const a = 7;
  const b = 0.1;
  const pi4 = Math.PI ** 4;
  const V1 = 0.5 * (1 + (b * pi4) / 5) ** 2;
  const V2 = a ** 2 / 8;
  const V13 = ((b ** 2 * Math.PI ** 8) / 18 - (b ** 2 * Math.PI ** 8) / 50);
  const V = V1 + V2 + V13;
  return { first: [V1 / V, V2 / V, 0], total: [(V1 + V13) / V, V2 / V, V13 / V] };
})();
