import type { GameSummary } from './fast-game.js';
import type { Outcome } from '../../model/outcomes.js';
import { OUTCOME_NAMES, PAYOFF_TERMS } from '../../model/outcomes.js';

// Streaming statistics for batches. Games are grouped in fixed chunks of CHUNK_SIZE by
// their index; each chunk is summed in index order and chunks are combined in chunk order.
// Floating-point sums depend on their order, so fixing it is what makes a batch give the
// same bits on 1 or 8 workers, in one run or in shards merged later.

export const CHUNK_SIZE = 1000;

export interface MetricInfo {
  key: keyof GameSummary | 'concessions';
  label: string;
  /** Histogram range (values outside are put in the end bins). */
  lo: number;
  hi: number;
}

export const METRICS: MetricInfo[] = [
  { key: 'payoffUs', label: 'US payoff', lo: -40, hi: 20 },
  { key: 'payoffChina', label: 'China payoff', lo: -20, hi: 40 },
  { key: 'payoffKim', label: 'Kim payoff', lo: -30, hi: 10 },
  { key: 'concessions', label: 'concessions paid', lo: 0, hi: 16 },
  { key: 'concededTaiwan', label: 'Taiwan concessions', lo: 0, hi: 16 },
  { key: 'concededChips', label: 'chip concessions', lo: 0, hi: 16 },
  { key: 'aidToKim', label: 'aid to Kim', lo: 0, hi: 16 },
  { key: 'peakTension', label: 'peak tension', lo: 0, hi: 1 },
  { key: 'exposure', label: "exposure of China's role", lo: 0, hi: 1 },
  { key: 'europeAlignment', label: "Europe's alignment", lo: 0, hi: 1 },
  { key: 'kimStanding', label: "Kim's standing", lo: 0, hi: 1 },
  { key: 'chinaPressure', label: "China's pressure moves", lo: 0, hi: 24 },
  { key: 'rounds', label: 'rounds played', lo: 0, hi: 24 },
  { key: 'kimObeyed', label: 'times Kim obeyed Beijing', lo: 0, hi: 24 },
  { key: 'kimDefied', label: 'times Kim defied Beijing', lo: 0, hi: 24 },
  { key: 'requestsMade', label: "Beijing's requests to Kim", lo: 0, hi: 24 },
  { key: 'requestsDetected', label: 'requests caught by the US', lo: 0, hi: 24 },
  { key: 'kimTests', label: "Kim's tests", lo: 0, hi: 24 },
  { key: 'nuclearTests', label: 'nuclear tests', lo: 0, hi: 24 },
  { key: 'rungsTested', label: 'rungs tested (sum)', lo: 0, hi: 48 },
  { key: 'kimHolds', label: 'rounds Kim held or paused', lo: 0, hi: 24 },
  { key: 'requestsDefied', label: 'requests Kim refused', lo: 0, hi: 24 },
  { key: 'roundsAtTop', label: 'rounds at tension >= 0.9', lo: 0, hi: 24 },
  { key: 'roundsTensionFell', label: 'rounds tension fell', lo: 0, hi: 24 },
  { key: 'anyTensionFall', label: 'games with a calmer round', lo: 0, hi: 1 },
  { key: 'rollsAtTop', label: 'war rolls at tension >= 0.9', lo: 0, hi: 24 },
  { key: 'warsAtTop', label: 'wars at tension >= 0.9', lo: 0, hi: 1 },
  { key: 'exposedEarly', label: 'exposed before round 6', lo: 0, hi: 1 },
];
export type MetricKey = MetricInfo['key'];
export const HIST_BINS = 40;

export interface MetricAcc {
  n: number;
  mean: number;
  m2: number;
  min: number;
  max: number;
  hist: number[];
}

export interface Acc {
  n: number;
  /** Counts per outcome, in OUTCOME_NAMES order. */
  outcomes: number[];
  metrics: MetricAcc[];
  /** Sum of each payoff component over the games, in PAYOFF_TERMS order (means only). */
  payoffParts: number[];
}

export function emptyAcc(): Acc {
  return {
    n: 0,
    outcomes: OUTCOME_NAMES.map(() => 0),
    metrics: METRICS.map(() => ({ n: 0, mean: 0, m2: 0, min: Infinity, max: -Infinity, hist: new Array<number>(HIST_BINS).fill(0) })),
    payoffParts: new Array<number>(PAYOFF_TERMS.length).fill(0),
  };
}

export function metricValue(g: GameSummary, key: MetricKey): number {
  return key === 'concessions' ? g.concededTaiwan + g.concededChips + g.aidToKim : (g[key] as number);
}


/**
 * Every metric's value of a game, in METRICS order, read field by field: the batch path's
 * hot loop (a lookup by key per metric measured ~3% of a batch). A test checks it agrees
 * with metricValue for every metric, so a new metric cannot be left out.
 */
export function metricValuesInto(g: GameSummary, out: Float64Array): Float64Array {
  out[0] = g.payoffUs;
  out[1] = g.payoffChina;
  out[2] = g.payoffKim;
  out[3] = g.concededTaiwan + g.concededChips + g.aidToKim;
  out[4] = g.concededTaiwan;
  out[5] = g.concededChips;
  out[6] = g.aidToKim;
  out[7] = g.peakTension;
  out[8] = g.exposure;
  out[9] = g.europeAlignment;
  out[10] = g.kimStanding;
  out[11] = g.chinaPressure;
  out[12] = g.rounds;
  out[13] = g.kimObeyed;
  out[14] = g.kimDefied;
  out[15] = g.requestsMade;
  out[16] = g.requestsDetected;
  out[17] = g.kimTests;
  out[18] = g.nuclearTests;
  out[19] = g.rungsTested;
  out[20] = g.kimHolds;
  out[21] = g.requestsDefied;
  out[22] = g.roundsAtTop;
  out[23] = g.roundsTensionFell;
  out[24] = g.anyTensionFall;
  out[25] = g.rollsAtTop;
  out[26] = g.warsAtTop;
  out[27] = g.exposedEarly;
  return out;
}
// Filled and read within one addGame call (synchronous, never re-entered): no state survives it.
const VALUES = new Float64Array(METRICS.length);
// Each metric's histogram range, read out of METRICS once: the same lo and hi - lo the bin
// formula used when it read them off the metric's record at every game.
const LO = Float64Array.from(METRICS, (m) => m.lo);
const SPAN = Float64Array.from(METRICS, (m) => m.hi - m.lo);

/** The histogram bin of value x of metric i (values outside the range go to the end bins). */
function binOf(i: number, x: number): number {
  const bin = Math.floor(((x - (LO[i] as number)) / (SPAN[i] as number)) * HIST_BINS);
  return bin < 0 ? 0 : bin >= HIST_BINS ? HIST_BINS - 1 : bin;
}

/**
 * Bins of the small whole numbers most metrics are (counts of moves, rounds, tests, 0/1
 * flags), worked out once by binOf itself: a lookup instead of a division and a floor per
 * metric per game. Entry i * SMALL + k is metric i's bin for value k; other values use binOf.
 */
const SMALL = 64;
const SMALL_BINS = Int32Array.from({ length: METRICS.length * SMALL }, (_, j) => binOf(Math.floor(j / SMALL), j % SMALL));

/** The game's outcome's index in OUTCOME_NAMES: a scan of a few interned names (a Map hashed the string). */
function outcomeIndex(outcome: Outcome): number {
  for (let i = 0; i < OUTCOME_NAMES.length; i++) if (OUTCOME_NAMES[i] === outcome) return i;
  throw new Error(`unknown outcome '${String(outcome)}'`);
}

/** Welford's update: one game into the accumulator. */
export function addGame(acc: Acc, g: GameSummary): void {
  acc.n += 1;
  const o = outcomeIndex(g.outcome);
  acc.outcomes[o] = (acc.outcomes[o] as number) + 1;
  const parts = acc.payoffParts;
  for (let i = 0; i < parts.length; i++) parts[i] = (parts[i] as number) + (g.payoffParts[i] as number);
  const values = metricValuesInto(g, VALUES);
  const metrics = acc.metrics;
  for (let i = 0; i < values.length; i++) {
    const m = metrics[i] as MetricAcc;
    const x = values[i] as number;
    m.n += 1;
    const d = x - m.mean;
    m.mean += d / m.n;
    m.m2 += d * (x - m.mean);
    if (x < m.min) m.min = x;
    if (x > m.max) m.max = x;
    // x >>> 0 === x: a whole number from 0 up (and not -0, whose bin binOf works out the same).
    const b = (x >>> 0) === x && x < SMALL ? (SMALL_BINS[i * SMALL + x] as number) : binOf(i, x);
    m.hist[b] = (m.hist[b] as number) + 1;
  }
}

/** Chan et al.'s combination of two accumulators; `into` absorbs `from`. */
export function mergeAcc(into: Acc, from: Acc): void {
  into.n += from.n;
  for (let i = 0; i < into.outcomes.length; i++) into.outcomes[i] = (into.outcomes[i] as number) + (from.outcomes[i] as number);
  // Partial results written before components existed have none: they count as zeros.
  const parts = from.payoffParts ?? [];
  for (let i = 0; i < into.payoffParts.length; i++) into.payoffParts[i] = (into.payoffParts[i] as number) + ((parts[i] as number | undefined) ?? 0);
  for (let i = 0; i < into.metrics.length; i++) {
    const a = into.metrics[i] as MetricAcc;
    const b = from.metrics[i] as MetricAcc;
    if (b.n === 0) continue;
    if (a.n === 0) {
      // Field by field and bins in place: a spread and a copied list for each metric made garbage.
      a.n = b.n;
      a.mean = b.mean;
      a.m2 = b.m2;
      a.min = b.min;
      a.max = b.max;
      for (let k = 0; k < HIST_BINS; k++) a.hist[k] = b.hist[k] as number;
      continue;
    }
    const n = a.n + b.n;
    const d = b.mean - a.mean;
    a.mean += (d * b.n) / n;
    a.m2 += b.m2 + (d * d * a.n * b.n) / n;
    a.n = n;
    a.min = Math.min(a.min, b.min);
    a.max = Math.max(a.max, b.max);
    for (let k = 0; k < HIST_BINS; k++) a.hist[k] = (a.hist[k] as number) + (b.hist[k] as number);
  }
}

/** Numbers in a packed accumulator (packAcc): n, outcomes, payoff parts, then per metric n, mean, m2, min, max and its bins. */
const METRIC_WIDTH = 5 + HIST_BINS;
export const PACKED_ACC_LENGTH = 1 + OUTCOME_NAMES.length + PAYOFF_TERMS.length + METRICS.length * METRIC_WIDTH;

/**
 * An accumulator as one array of doubles, to post from a worker thread: the structured clone of
 * an Acc (28 metrics, each an object with a 40-number list) cost the receiving thread tens of
 * microseconds a unit, on the thread that with 2 workers shares their 2 cores; an array of
 * doubles is moved whole. Every number is copied as it is (doubles to doubles), so unpackAcc
 * gives back the same bits.
 */
export function packAcc(acc: Acc): Float64Array {
  const out = new Float64Array(PACKED_ACC_LENGTH);
  let k = 0;
  out[k++] = acc.n;
  for (const x of acc.outcomes) out[k++] = x;
  for (let i = 0; i < PAYOFF_TERMS.length; i++) out[k++] = acc.payoffParts[i] ?? 0;
  for (const m of acc.metrics) {
    out[k++] = m.n;
    out[k++] = m.mean;
    out[k++] = m.m2;
    out[k++] = m.min;
    out[k++] = m.max;
    for (let b = 0; b < HIST_BINS; b++) out[k++] = m.hist[b] as number;
  }
  return out;
}

/** `count` numbers of `p` from `at`, as a list (a loop: Array.from on a typed array walks an iterator). */
function listOf(p: Float64Array, at: number, count: number): number[] {
  const out = new Array<number>(count);
  for (let i = 0; i < count; i++) out[i] = p[at + i] as number;
  return out;
}

/** The accumulator packAcc packed. */
export function unpackAcc(p: Float64Array): Acc {
  if (p.length !== PACKED_ACC_LENGTH) throw new Error(`a packed accumulator has ${p.length} numbers, not ${PACKED_ACC_LENGTH}`);
  const outcomes = listOf(p, 1, OUTCOME_NAMES.length);
  const payoffParts = listOf(p, 1 + OUTCOME_NAMES.length, PAYOFF_TERMS.length);
  const first = 1 + OUTCOME_NAMES.length + PAYOFF_TERMS.length;
  const metrics = new Array<MetricAcc>(METRICS.length);
  for (let i = 0; i < METRICS.length; i++) {
    const at = first + i * METRIC_WIDTH;
    metrics[i] = { n: p[at] as number, mean: p[at + 1] as number, m2: p[at + 2] as number, min: p[at + 3] as number, max: p[at + 4] as number, hist: listOf(p, at + 5, HIST_BINS) };
  }
  return { n: p[0] as number, outcomes, metrics, payoffParts };
}

export interface Interval {
  mean: number;
  sd: number;
  low: number;
  high: number;
}

/** Mean with a 95% normal-approximation confidence interval. */
export function meanInterval(m: MetricAcc): Interval {
  const sd = m.n > 1 ? Math.sqrt(m.m2 / (m.n - 1)) : 0;
  const half = m.n > 0 ? (1.959963984540054 * sd) / Math.sqrt(m.n) : 0;
  return { mean: m.mean, sd, low: m.mean - half, high: m.mean + half };
}

/** Wilson's 95% interval for a frequency: honest near 0 and 1, where outcomes often sit. */
export function proportionInterval(count: number, n: number): { p: number; low: number; high: number } {
  if (n === 0) return { p: 0, low: 0, high: 0 };
  const z = 1.959963984540054;
  const p = count / n;
  const denom = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denom;
  return { p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;
const isFiniteNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/**
 * What is wrong with an accumulator read back from a file, or null when it is whole: `games`
 * games, every outcome and histogram count a whole number summing to them (so shares lie in
 * [0,1] and sum to one), every mean and spread finite. A hand-edited or damaged unit would
 * otherwise merge into impossible shares or a NaN mean.
 */
export function accProblem(acc: unknown, games: number): string | null {
  if (typeof acc !== 'object' || acc === null) return 'no accumulator';
  const a = acc as Partial<Record<keyof Acc, unknown>>;
  if (!isCount(a.n) || a.n === 0) return `n is ${JSON.stringify(a.n)}, not a positive whole number`;
  if (a.n !== games) return `n is ${a.n}, but the unit has ${games} games`;
  if (!Array.isArray(a.outcomes) || a.outcomes.length !== OUTCOME_NAMES.length || !a.outcomes.every(isCount)) return 'outcome counts are missing or not whole numbers';
  const outcomeSum = (a.outcomes as number[]).reduce((t, x) => t + x, 0);
  if (outcomeSum !== games) return `outcome counts sum to ${outcomeSum}, not ${games} games`;
  if (!Array.isArray(a.payoffParts) || a.payoffParts.length !== PAYOFF_TERMS.length || !a.payoffParts.every(isFiniteNumber)) return 'payoff parts are missing or not finite';
  if (!Array.isArray(a.metrics) || a.metrics.length !== METRICS.length) return 'metrics are missing';
  for (let i = 0; i < METRICS.length; i++) {
    const m = a.metrics[i] as Partial<MetricAcc> | null;
    const label = (METRICS[i] as MetricInfo).label;
    if (typeof m !== 'object' || m === null) return `metric '${label}' is missing`;
    if (m.n !== games) return `metric '${label}' counts ${JSON.stringify(m.n)} games, not ${games}`;
    if (![m.mean, m.m2, m.min, m.max].every(isFiniteNumber)) return `metric '${label}' has a mean, spread, min or max that is not a finite number`;
    if ((m.m2 as number) < 0 || (m.min as number) > (m.max as number)) return `metric '${label}' has a negative spread or min above max`;
    if (!Array.isArray(m.hist) || m.hist.length !== HIST_BINS || !m.hist.every(isCount)) return `metric '${label}' has a damaged histogram`;
    const histSum = m.hist.reduce((t: number, x: number) => t + x, 0);
    if (histSum !== games) return `metric '${label}' histogram counts ${histSum} games, not ${games}`;
  }
  return null;
}
