// What both limit loops (v1, limit-loop.ts, and v2, tight-loop.ts) report of the games they
// play: one game's summary as numbers, and a batch's statistics in typed arrays (the numbers
// stats.ts's Acc holds, folded chunk by chunk as the batch engine does). Shared so that v2's
// statistics can be checked number for number against v1's.
import { HIST_BINS, METRICS } from '../src/engine/batch/stats.js';
import { OUTCOME_NAMES, PAYOFF_TERMS } from '../src/model/outcomes.js';

/** The summary fields of one game, in this order (GameSummary's numbers; outcome as its OUTCOME_NAMES index). */
export const LIMIT_FIELDS = [
  'outcome', 'payoffUs', 'payoffChina', 'payoffKim', 'concededTaiwan', 'concededChips', 'aidToKim', 'peakTension', 'exposure',
  'europeAlignment', 'kimStanding', 'rounds', 'chinaPressure', 'kimObeyed', 'kimDefied', 'requestsMade', 'requestsDetected',
  'roundsAtTop', 'roundsTensionFell', 'anyTensionFall', 'kimHolds', 'kimTests', 'nuclearTests', 'rungsTested', 'requestsDefied',
  'rollsAtTop', 'warsAtTop', 'exposedEarly',
] as const;
export const F = Object.fromEntries(LIMIT_FIELDS.map((f, i) => [f, i])) as Record<(typeof LIMIT_FIELDS)[number], number>;
export const TERMS = PAYOFF_TERMS.length;
export const NM = METRICS.length;

/** Statistics of a batch, as typed arrays (the same numbers stats.ts's Acc holds). */
export interface LimitStats {
  n: number;
  outcomes: Float64Array;
  payoffParts: Float64Array;
  mean: Float64Array;
  m2: Float64Array;
  min: Float64Array;
  max: Float64Array;
  /** METRICS.length x HIST_BINS, row-major. */
  hist: Float64Array;
  count: Float64Array;
  rounds: number;
}

export function emptyStats(): LimitStats {
  return {
    n: 0,
    outcomes: new Float64Array(OUTCOME_NAMES.length),
    payoffParts: new Float64Array(TERMS),
    mean: new Float64Array(NM),
    m2: new Float64Array(NM),
    min: new Float64Array(NM).fill(Infinity),
    max: new Float64Array(NM).fill(-Infinity),
    hist: new Float64Array(NM * HIST_BINS),
    count: new Float64Array(NM),
    rounds: 0,
  };
}

export function resetStats(s: LimitStats): void {
  s.n = 0;
  s.outcomes.fill(0);
  s.payoffParts.fill(0);
  s.mean.fill(0);
  s.m2.fill(0);
  s.min.fill(Infinity);
  s.max.fill(-Infinity);
  s.hist.fill(0);
  s.count.fill(0);
}

/** stats.ts mergeAcc (Chan et al.), on typed arrays. */
export function mergeStats(a: LimitStats, b: LimitStats): void {
  a.n += b.n;
  for (let i = 0; i < a.outcomes.length; i++) a.outcomes[i] = (a.outcomes[i] as number) + (b.outcomes[i] as number);
  for (let i = 0; i < TERMS; i++) a.payoffParts[i] = (a.payoffParts[i] as number) + (b.payoffParts[i] as number);
  for (let i = 0; i < NM; i++) {
    const bn = b.count[i] as number;
    if (bn === 0) continue;
    const an = a.count[i] as number;
    if (an === 0) {
      a.count[i] = bn;
      a.mean[i] = b.mean[i] as number;
      a.m2[i] = b.m2[i] as number;
      a.min[i] = b.min[i] as number;
      a.max[i] = b.max[i] as number;
      for (let k = 0; k < HIST_BINS; k++) a.hist[i * HIST_BINS + k] = b.hist[i * HIST_BINS + k] as number;
      continue;
    }
    const n = an + bn;
    const d = (b.mean[i] as number) - (a.mean[i] as number);
    a.mean[i] = (a.mean[i] as number) + (d * bn) / n;
    a.m2[i] = (a.m2[i] as number) + ((b.m2[i] as number) + (d * d * an * bn) / n);
    a.count[i] = n;
    a.min[i] = Math.min(a.min[i] as number, b.min[i] as number);
    a.max[i] = Math.max(a.max[i] as number, b.max[i] as number);
    for (let k = 0; k < HIST_BINS; k++) a.hist[i * HIST_BINS + k] = (a.hist[i * HIST_BINS + k] as number) + (b.hist[i * HIST_BINS + k] as number);
  }
}
