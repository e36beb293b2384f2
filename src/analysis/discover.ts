import type { ProfileIds } from '../engine/batch/batch.js';
import type { Cell } from '../engine/batch/batch.js';
import type { AnalysisRun, AnalysisScenario } from './experiment.js';
import type { Factor } from './sensitivity.js';
import type { BoxStats, PrimResult } from './gsa/prim.js';
import { makeRng } from '../rng/rng.js';
import { runOnce } from './experiment.js';
import { payoffUs } from './summary.js';
import { scenarioAt } from './sensitivity.js';
import { latinHypercube } from './gsa/latin.js';
import { prim, resamplingStability } from './gsa/prim.js';

// Scenario discovery: where in the space of assumptions does a stated conclusion hold? Points
// are sampled over the factors' ranges (a Latin hypercube), each labelled by whether the
// conclusion holds there over many seeded games, and PRIM finds the box of assumptions in
// which it holds most reliably, with the trade-off between how much of the region the box
// covers and how pure it is.

export interface DiscoverPoint {
  /** Each factor's value (a claim: 1 on, 0 off). */
  values: number[];
  /** US payoff of `plus` minus `minus`, and its 95% interval. */
  diff: number;
  low: number;
  high: number;
  holds: boolean;
}

export interface DiscoverReport {
  kind: 'leverage-discover';
  scenario: string;
  conclusion: string;
  plus: ProfileIds;
  minus: ProfileIds;
  factors: Factor[];
  seed: string;
  runs: number;
  points: DiscoverPoint[];
  /** Share of points where the conclusion holds; share whose interval straddles 0 (undecided at this many games). */
  holdsShare: number;
  undecidedShare: number;
  prim: PrimResult;
  /** How often each factor was restricted over bootstrap resamples of the points. */
  stability: number[];
}

/** A factor's value at a unit coordinate, as scenarioAt sets it. */
export function factorValue(f: Factor, u: number): number {
  if (f.kind === 'param') {
    const v = f.low + u * (f.high - f.low);
    return f.int ? Math.round(v) : v;
  }
  return u < 0.5 ? 0 : 1;
}

export async function discover(base: AnalysisScenario, factors: Factor[], plus: ProfileIds, minus: ProfileIds, conclusion: string, points: number, seed: string, runs: number, run: AnalysisRun, minDensity = 0.8): Promise<DiscoverReport> {
  const design = latinHypercube(factors.length, points, makeRng(`discover|design|${seed}`, 'chance'));
  const scenarios = design.map((u) => scenarioAt(base, factors, u));
  const cells = await runOnce({ command: 'discover', seed, runs, scenarios, profiles: [plus, minus] }, run);
  const pts: DiscoverPoint[] = design.map((u, s) => {
    const a = payoffUs((cells[s * 2] as Cell).acc);
    const b = payoffUs((cells[s * 2 + 1] as Cell).acc);
    const diff = a.mean - b.mean;
    // The two cells are played on the same games, which makes their difference steadier than
    // independent cells; adding the half-widths in quadrature treats them as independent, so
    // the interval is on the wide side.
    const half = Math.hypot((a.high - a.low) / 2, (b.high - b.low) / 2);
    return { values: factors.map((f, i) => factorValue(f, u[i] as number)), diff, low: diff - half, high: diff + half, holds: diff > 0 };
  });
  const X = pts.map((p) => p.values);
  const y = pts.map((p) => p.holds);
  const result = prim(X, y, { minDensity });
  const stability = resamplingStability(X, y, makeRng(`discover|resample|${seed}`, 'chance'), 20, { minDensity });
  return {
    kind: 'leverage-discover',
    scenario: base.name,
    conclusion,
    plus,
    minus,
    factors,
    seed,
    runs,
    points: pts,
    holdsShare: y.filter(Boolean).length / y.length,
    undecidedShare: pts.filter((p) => p.low <= 0 && p.high >= 0).length / pts.length,
    prim: result,
    stability,
  };
}

const fmt = (x: number) => (Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2));

/** The chosen box's limits in words: only the factors it restricts. */
export function boxInWords(factors: readonly Factor[], box: BoxStats): string[] {
  return box.restricted.map((i) => {
    const f = factors[i] as Factor;
    const l = box.box[i] as { low: number; high: number };
    if (f.kind === 'claim') return l.low >= 1 ? `${f.claim} holds` : `${f.claim} is switched off`;
    const [lo, hi] = f.kind === 'param' ? [f.low, f.high] : [0, 1];
    if (l.low > lo && l.high < hi) return `${f.name} between ${fmt(l.low)} and ${fmt(l.high)}`;
    if (l.low > lo) return `${f.name} at least ${fmt(l.low)}`;
    return `${f.name} at most ${fmt(l.high)}`;
  });
}
