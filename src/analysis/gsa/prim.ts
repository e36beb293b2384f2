import type { Rng } from '../../rng/rng.js';

// PRIM (Friedman and Fisher 1999), as scenario discovery uses it (Bryant and Lempert 2010; the
// EMA Workbench): find a box of input space where a stated outcome is dense. Peeling cuts a
// small share (alpha) of the points off one face at a time, choosing the cut that leaves the
// densest box, down to a minimum mass; each step is a point on the peeling trajectory, the
// trade-off between coverage (how much of all the cases of interest the box holds) and
// density (how pure the box is). Pasting then widens a chosen box where that raises density.

export interface Limit {
  low: number;
  high: number;
}

/** A box: one [low, high] per input (inclusive). */
export type Box = Limit[];

export interface BoxStats {
  box: Box;
  /** Points inside, cases of interest inside. */
  mass: number;
  coverage: number;
  density: number;
  /** Inputs the box restricts (a limit tighter than the data's range). */
  restricted: number[];
}

export interface PrimResult {
  trajectory: BoxStats[];
  /** The box chosen on the trajectory (see choose), after pasting. */
  chosen: BoxStats;
  /** For each restricted input of the chosen box, a one-sided binomial p-value for its limits. */
  quasiP: { input: number; p: number }[];
}

export interface PrimOptions {
  /** Share of the box's points peeled per step. */
  alpha?: number;
  /** Stop peeling when the box would hold fewer than this share of all points. */
  minMass?: number;
  /** Pick the last box on the trajectory whose density is at least this (else the densest). */
  minDensity?: number;
}

const inside = (x: readonly number[], box: Box) => box.every((l, i) => (x[i] as number) >= l.low && (x[i] as number) <= l.high);

function stats(X: readonly number[][], y: readonly boolean[], box: Box, full: Box, totalInterest: number): BoxStats {
  let mass = 0;
  let hits = 0;
  X.forEach((x, j) => {
    if (inside(x, box)) {
      mass++;
      if (y[j]) hits++;
    }
  });
  const restricted = box.flatMap((l, i) => ((l.low > (full[i] as Limit).low || l.high < (full[i] as Limit).high) ? [i] : []));
  return { box: box.map((l) => ({ ...l })), mass: mass / X.length, coverage: totalInterest ? hits / totalInterest : 0, density: mass ? hits / mass : 0, restricted };
}

function quantile(sorted: readonly number[], q: number): number {
  const at = Math.min(sorted.length - 1, Math.max(0, Math.floor(q * (sorted.length - 1))));
  return sorted[at] as number;
}

/** The box covering all points. */
export function fullBox(X: readonly number[][]): Box {
  const k = (X[0] as number[]).length;
  return Array.from({ length: k }, (_, i) => ({ low: Math.min(...X.map((x) => x[i] as number)), high: Math.max(...X.map((x) => x[i] as number)) }));
}

export function peel(X: readonly number[][], y: readonly boolean[], opts: PrimOptions = {}): BoxStats[] {
  const alpha = opts.alpha ?? 0.05;
  const minMass = opts.minMass ?? 0.05;
  const full = fullBox(X);
  const total = y.filter(Boolean).length;
  let box = full.map((l) => ({ ...l }));
  const trajectory = [stats(X, y, box, full, total)];
  // The points in the box: after a peel, exactly the ones the peel kept (the new limit is the
  // smallest or largest value kept), so they are carried over rather than found again.
  let inBox = X.map((_, j) => j);
  for (;;) {
    let best: { box: Box; density: number; mass: number; keep: number[]; hits: number } | null = null;
    for (let i = 0; i < box.length; i++) {
      const vals = inBox.map((j) => (X[j] as number[])[i] as number).sort((a, b) => a - b);
      for (const side of ['low', 'high'] as const) {
        const cut = side === 'low' ? quantile(vals, alpha) : quantile(vals, 1 - alpha);
        const next = box.map((l) => ({ ...l }));
        // Peel strictly past the cut so ties at the edge go with it and each step removes points.
        const keep = inBox.filter((j) => (side === 'low' ? ((X[j] as number[])[i] as number) > cut : ((X[j] as number[])[i] as number) < cut));
        if (keep.length === inBox.length || keep.length === 0) continue;
        const vs = keep.map((j) => (X[j] as number[])[i] as number);
        if (side === 'low') (next[i] as Limit).low = Math.min(...vs);
        else (next[i] as Limit).high = Math.max(...vs);
        const hits = keep.filter((j) => y[j]).length;
        const density = hits / keep.length;
        const mass = keep.length / X.length;
        if (mass < minMass) continue;
        if (!best || density > best.density || (density === best.density && mass > best.mass)) best = { box: next, density, mass, keep, hits };
      }
    }
    if (!best) break;
    box = best.box;
    inBox = best.keep;
    const restricted = box.flatMap((l, i) => (l.low > (full[i] as Limit).low || l.high < (full[i] as Limit).high ? [i] : []));
    trajectory.push({ box: box.map((l) => ({ ...l })), mass: best.mass, coverage: total ? best.hits / total : 0, density: best.density, restricted });
  }
  return trajectory;
}

/** Widen one limit at a time back toward the data's range while that raises density. */
export function paste(X: readonly number[][], y: readonly boolean[], start: Box, alpha = 0.05): Box {
  const full = fullBox(X);
  const total = y.filter(Boolean).length;
  let box = start.map((l) => ({ ...l }));
  let current = stats(X, y, box, full, total);
  for (;;) {
    let best: BoxStats | null = null;
    for (let i = 0; i < box.length; i++) {
      for (const side of ['low', 'high'] as const) {
        const l = box[i] as Limit;
        const f = full[i] as Limit;
        const outside = X.map((x) => x[i] as number).filter((v) => (side === 'low' ? v < l.low && v >= f.low : v > l.high && v <= f.high)).sort((a, b) => a - b);
        if (!outside.length) continue;
        const step = Math.max(1, Math.ceil(alpha * current.mass * X.length));
        const next = box.map((b) => ({ ...b }));
        if (side === 'low') (next[i] as Limit).low = outside[Math.max(0, outside.length - step)] as number;
        else (next[i] as Limit).high = outside[Math.min(outside.length - 1, step - 1)] as number;
        const s = stats(X, y, next, full, total);
        if (s.density > current.density && (!best || s.density > best.density)) best = s;
      }
    }
    if (!best) return box;
    box = best.box;
    current = best;
  }
}

/** P(X >= k) for X ~ Binomial(n, p). */
export function binomialTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  let logTerm = n * Math.log(1 - p); // P(X = 0)
  let sum = 0;
  for (let i = 0; i <= n; i++) {
    if (i >= k) sum += Math.exp(logTerm);
    logTerm += Math.log(p / (1 - p)) + Math.log((n - i) / (i + 1));
  }
  return Math.min(1, sum);
}

/**
 * The quasi-p-value of a restricted input (as the EMA Workbench computes it): drop that
 * input's limits; if the cases the wider box holds were drawn at the wider box's density, how
 * likely is it to see at least as many cases of interest as the chosen box holds?
 */
export function quasiPValues(X: readonly number[][], y: readonly boolean[], chosen: BoxStats): { input: number; p: number }[] {
  const full = fullBox(X);
  return chosen.restricted.map((i) => {
    const wider = chosen.box.map((l, c) => (c === i ? { ...(full[c] as Limit) } : { ...l }));
    let widerMass = 0;
    let widerHits = 0;
    let boxMass = 0;
    let boxHits = 0;
    X.forEach((x, j) => {
      if (inside(x, wider)) {
        widerMass++;
        if (y[j]) widerHits++;
      }
      if (inside(x, chosen.box)) {
        boxMass++;
        if (y[j]) boxHits++;
      }
    });
    return { input: i, p: binomialTail(boxHits, boxMass, widerMass ? widerHits / widerMass : 0) };
  });
}

export function prim(X: readonly number[][], y: readonly boolean[], opts: PrimOptions = {}): PrimResult {
  const trajectory = peel(X, y, opts);
  // The box must be dense enough and clearly purer than the whole space (at least halfway
  // from the base density to 1): where the outcome holds almost everywhere, the whole space
  // would otherwise pass as the box.
  const base = (trajectory[0] as BoxStats).density;
  const minDensity = Math.max(opts.minDensity ?? 0.8, base + (1 - base) / 2);
  const dense = trajectory.filter((s) => s.density >= minDensity);
  // The widest box that is dense enough (most coverage), else the densest box peeled.
  const pick = dense.length ? (dense[0] as BoxStats) : [...trajectory].sort((a, b) => b.density - a.density)[0] as BoxStats;
  const full = fullBox(X);
  const total = y.filter(Boolean).length;
  const chosen = stats(X, y, paste(X, y, pick.box, opts.alpha ?? 0.05), full, total);
  return { trajectory, chosen, quasiP: quasiPValues(X, y, chosen) };
}

/** How often each input is restricted by PRIM's chosen box over bootstrap resamples of the points. */
export function resamplingStability(X: readonly number[][], y: readonly boolean[], rng: Rng, resamples = 20, opts: PrimOptions = {}): number[] {
  const k = (X[0] as number[]).length;
  const counts = new Array<number>(k).fill(0);
  for (let b = 0; b < resamples; b++) {
    const rows = Array.from({ length: X.length }, () => Math.floor(rng.next() * X.length));
    const r = prim(rows.map((j) => X[j] as number[]), rows.map((j) => y[j] as boolean), opts);
    for (const i of r.chosen.restricted) counts[i] = (counts[i] as number) + 1;
  }
  return counts.map((c) => c / resamples);
}
