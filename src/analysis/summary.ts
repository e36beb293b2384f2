import type { Acc, Interval, MetricKey } from '../engine/batch/stats.js';
import type { Outcome } from '../model/outcomes.js';
import { METRICS, meanInterval, proportionInterval } from '../engine/batch/stats.js';
import type { Actor } from '../model/context.js';
import { OUTCOME_NAMES, PAYOFF_TERMS } from '../model/outcomes.js';

export interface MetricSummary extends Interval {
  min: number;
  max: number;
  hist: number[];
}

export interface CellSummary {
  n: number;
  outcomes: Record<Outcome, { count: number; p: number; low: number; high: number }>;
  metrics: Record<MetricKey, MetricSummary>;
  /** Mean of each payoff component, per actor (they add up to the mean payoffs). */
  payoffComponents: Record<Actor, Record<string, number>>;
}

/**
 * Every metric and outcome of a cell with its interval. Built by assignment, not by spreading
 * the intervals: with 28 metrics and 40-bin histograms the spreads made the 168 cells of
 * equilibria's table cost 35-45 ms on the main thread after the games, assigned 4-10 ms
 * (same fields in the same order, same numbers).
 */
export function summarizeAcc(acc: Acc): CellSummary {
  const outcomes = {} as CellSummary['outcomes'];
  OUTCOME_NAMES.forEach((o, i) => {
    const count = acc.outcomes[i] as number;
    const share = proportionInterval(count, acc.n);
    outcomes[o] = { count, p: share.p, low: share.low, high: share.high };
  });
  const metrics = {} as CellSummary['metrics'];
  METRICS.forEach((m, i) => {
    const a = acc.metrics[i];
    if (!a) return;
    const v = meanInterval(a);
    metrics[m.key] = { mean: v.mean, sd: v.sd, low: v.low, high: v.high, min: a.min, max: a.max, hist: a.hist.slice() };
  });
  const payoffComponents: CellSummary['payoffComponents'] = { us: {}, china: {}, kim: {} };
  PAYOFF_TERMS.forEach((t, i) => {
    payoffComponents[t.actor][t.id] = acc.n > 0 ? ((acc.payoffParts?.[i] ?? 0) as number) / acc.n : 0;
  });
  return { n: acc.n, outcomes, metrics, payoffComponents };
}

const PAYOFF_US = METRICS.findIndex((m) => m.key === 'payoffUs');

/**
 * A cell's mean US payoff and its 95% interval, the very numbers summarizeAcc gives, without
 * summarizing the other metrics: discover and sensitivity read only this of hundreds of cells.
 */
export function payoffUs(acc: Acc): Interval {
  return meanInterval(acc.metrics[PAYOFF_US] as Acc['metrics'][number]);
}

/** Do two 95% intervals overlap? Overlap is read as "not significantly different". */
export function overlaps(a: { low: number; high: number }, b: { low: number; high: number }): boolean {
  return a.low <= b.high && b.low <= a.high;
}

/** A tidy row: one scenario x profile x metric, as Axelrod and Mesa write results. */
export interface TidyRow {
  scenario: string;
  us: string;
  china: string;
  kim: string;
  metric: string;
  n: number;
  mean: number;
  ci_low: number;
  ci_high: number;
  sd: number;
}

export function tidyRows(scenario: string, profile: { us: string; china: string; kim: string }, s: CellSummary): TidyRow[] {
  const rows: TidyRow[] = [];
  for (const m of METRICS) {
    const v = s.metrics[m.key];
    rows.push({ scenario, ...profile, metric: m.key, n: s.n, mean: v.mean, ci_low: v.low, ci_high: v.high, sd: v.sd });
  }
  for (const o of OUTCOME_NAMES) {
    const v = s.outcomes[o];
    rows.push({ scenario, ...profile, metric: `outcome.${o}`, n: s.n, mean: v.p, ci_low: v.low, ci_high: v.high, sd: Math.sqrt(v.p * (1 - v.p)) });
  }
  return rows;
}
