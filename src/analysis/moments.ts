import type { LaunchType, MonthRow, Series } from '../record/month-row.js';
import { aleaOf } from '../rng/alea.js';

// Moments: statistics over a set of year-series (a year of the record, or one simulated
// game of 12 monthly rounds), computed by the same code on both sides, so a simulated
// figure reads against the record on the same clock (a round is a month). Targets are
// two-sided intervals from the record (recordTargets); the fit (fit.ts) and the `record`
// view compare the model's moments with them.

export type { LaunchType, MonthRow, Series } from '../record/month-row.js';

/** How a moment's interval is drawn from the record (data/record/README.md explains each). */
export type IntervalKind = 'poisson' | 'binomial' | 'bootstrap';

export interface MomentSpec {
  id: string;
  label: string;
  describe: string;
  /** NaN when the statistic is undefined on these series (e.g. a share of zero tests). */
  compute(series: readonly Series[]): number;
  interval: IntervalKind;
  /** poisson/binomial: the count (and trials) the value is made of, and the scale from count to value. */
  count?(series: readonly Series[]): { k: number; n: number; scale: number };
}

export interface MomentTarget {
  momentId: string;
  years: number[];
  value: number;
  lo: number;
  hi: number;
}

/**
 * The record's launch types on the model's ladder (rung 1 short-range, 2 over Japan,
 * 3 ICBM, 4 nuclear): SLBMs fly medium range and carry the rung-2 signal; a satellite launch
 * uses an ICBM-class rocket and draws the same condemnation, so it counts as rung 3.
 */
export const RUNG_OF_LAUNCH: Readonly<Record<LaunchType, 1 | 2 | 3>> = { short: 1, medium: 2, slbm: 2, icbm: 3, satellite: 3 };

/** The highest rung tested that month, 0 for none (a nuclear test is rung 4). */
export function topRung(m: MonthRow): number {
  if (m.nuclearTests > 0) return 4;
  let top = 0;
  for (const t of Object.keys(RUNG_OF_LAUNCH) as LaunchType[]) if (m.launches[t] > 0) top = Math.max(top, RUNG_OF_LAUNCH[t]);
  return top;
}

/** Did the month reach exactly this rung with at least one launch (a month may count on several rungs)? */
function testedOnRung(m: MonthRow, rung: number): boolean {
  if (rung === 4) return m.nuclearTests > 0;
  return (Object.keys(RUNG_OF_LAUNCH) as LaunchType[]).some((t) => RUNG_OF_LAUNCH[t] === rung && m.launches[t] > 0);
}

const anyTest = (m: MonthRow) => topRung(m) > 0;
const months = (series: readonly Series[]) => series.reduce((n, s) => n + s.length, 0);
const sumOf = (series: readonly Series[], f: (m: MonthRow) => number) => series.reduce((n, s) => n + s.reduce((k, m) => k + f(m), 0), 0);

/** Gaps (in months) between consecutive test months within each series, pooled. */
export function testGaps(series: readonly Series[]): number[] {
  const gaps: number[] = [];
  for (const s of series) {
    let last = -1;
    s.forEach((m, i) => {
      if (!anyTest(m)) return;
      if (last >= 0) gaps.push(i - last);
      last = i;
    });
  }
  return gaps;
}

export function coefficientOfVariation(xs: readonly number[]): number {
  if (xs.length < 2) return NaN;
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length;
  return Math.sqrt(variance) / mean;
}

export function longestQuietRun(s: Series): number {
  let best = 0;
  let run = 0;
  for (const m of s) {
    run = anyTest(m) ? 0 : run + 1;
    best = Math.max(best, run);
  }
  return best;
}

/**
 * A build-up then decline: the month's top rung rises two months running (a < b < c), and
 * some later month falls below the peak reached. Rungs, not missile counts, because the
 * model tests at most once a round; the record is read on the same ladder.
 */
export function hasBuildUpThenDecline(s: Series): boolean {
  const r = s.map(topRung);
  for (let i = 0; i + 2 < r.length; i++) {
    if (!(r[i]! < r[i + 1]! && r[i + 1]! < r[i + 2]!)) continue;
    let peak = r[i + 2]!;
    let j = i + 3;
    while (j < r.length && r[j]! >= peak) peak = Math.max(peak, r[j++]!);
    if (j < r.length) return true;
  }
  return false;
}

/** Within `window` months after a nuclear test (same month included), Beijing backs sanctions. */
function backedAfter(s: Series, i: number, window = 3): boolean {
  for (let j = i; j < Math.min(s.length, i + window + 1); j++) if ((s[j]!.chinaBacksSanctions ?? 0) > 0) return true;
  return false;
}

const share = (k: number, n: number) => (n === 0 ? NaN : k / n);
const perYear = (id: string, label: string, describe: string, f: (m: MonthRow) => number, perYears = 1): MomentSpec => {
  const count = (series: readonly Series[]) => ({ k: sumOf(series, f), n: months(series) / 12, scale: perYears });
  return {
    id,
    label,
    describe,
    interval: 'poisson',
    count,
    compute: (series) => {
      const c = count(series);
      return c.n === 0 ? NaN : (c.k / c.n) * perYears;
    },
  };
};
const binomial = (id: string, label: string, describe: string, count: (series: readonly Series[]) => { k: number; n: number }): MomentSpec => ({
  id,
  label,
  describe,
  interval: 'binomial',
  count: (series) => ({ ...count(series), scale: 1 }),
  compute: (series) => {
    const c = count(series);
    return share(c.k, c.n);
  },
});
const bootstrap = (id: string, label: string, describe: string, compute: (series: readonly Series[]) => number): MomentSpec => ({ id, label, describe, interval: 'bootstrap', compute });

export const MOMENTS: readonly MomentSpec[] = [
  perYear('months.rung1', 'short-range test months a year', 'Months a year with a short-range launch (rung 1).', (m) => +testedOnRung(m, 1)),
  perYear('months.rung2', 'medium-range/SLBM test months a year', 'Months a year with a medium-range, intermediate-range or submarine launch (rung 2; the model: a missile over Japan).', (m) => +testedOnRung(m, 2)),
  perYear('months.rung3', 'ICBM/satellite test months a year', 'Months a year with an ICBM or satellite launch (rung 3).', (m) => +testedOnRung(m, 3)),
  perYear('nuclear.perYear', 'nuclear tests a year', 'Nuclear tests a year (rung 4).', (m) => m.nuclearTests),
  binomial('months.anyTest', 'share of months with a test', 'Share of months with any launch or nuclear test.', (series) => ({
    k: sumOf(series, (m) => +anyTest(m)),
    n: months(series),
  })),
  bootstrap('gaps.cv', 'CV of gaps between test months', 'Coefficient of variation of the gaps between consecutive test months within a year (1 for a memoryless rate, above 1 bursty).', (series) =>
    coefficientOfVariation(testGaps(series)),
  ),
  bootstrap('quiet.longest', 'longest quiet run (months)', 'Longest run of months without a test within a year, averaged over years.', (series) =>
    series.length === 0 ? NaN : series.reduce((a, s) => a + longestQuietRun(s), 0) / series.length,
  ),
  binomial('buildup.share', 'share of years with a build-up then decline', "Share of years in which the month's top rung rises two months running and later falls below the peak.", (series) => ({
    k: series.filter(hasBuildUpThenDecline).length,
    n: series.length,
  })),
  perYear('deals.reached', 'deals reached a decade', 'Deals or freezes reached (the model: Kim offers a pause and Washington pays), per ten years.', (m) => m.dealsReached ?? 0, 10),
  perYear('deals.collapsed', 'deals collapsed a decade', 'Deals or freezes that collapsed (the model: the first test after a paid pause), per ten years.', (m) => m.dealsCollapsed ?? 0, 10),
  perYear('summits.beijing', 'summits with Beijing a year', "Summits a year of North Korea's leader with China's (the model: Kim courts Beijing, C7).", (m) => m.summitsWithBeijing ?? 0),
  binomial('nuclear.againstBeijing', "share of nuclear tests against Beijing's stated wishes", "Share of nuclear tests made while Beijing publicly urged restraint (the record: Beijing's statement after each; the model: a round with no overt request from Beijing).", (series) => ({
    k: sumOf(series, (m) => Math.min(m.testsAgainstBeijing ?? 0, m.nuclearTests)),
    n: sumOf(series, (m) => m.nuclearTests),
  })),
  binomial('sanctions.afterNuclear', 'share of nuclear tests Beijing answers with sanctions', 'Share of nuclear tests followed within three months (same month included) by Beijing backing a sanctions measure.', (series) => {
    let k = 0;
    let n = 0;
    for (const s of series) s.forEach((m, i) => {
      if (m.nuclearTests === 0) return;
      n++;
      if (backedAfter(s, i)) k++;
    });
    return { k, n };
  }),
  binomial('sanctions.blockShare', "share of Beijing's sanctions stands that block", 'Of the months Beijing took a stand on sanctions, the share in which it blocked (vetoed or declined to back) rather than backed them.', (series) => ({
    k: sumOf(series, (m) => +((m.chinaBlocksSanctions ?? 0) > 0)),
    n: sumOf(series, (m) => +((m.chinaBlocksSanctions ?? 0) > 0 || (m.chinaBacksSanctions ?? 0) > 0)),
  })),
];

export function momentById(id: string): MomentSpec {
  const m = MOMENTS.find((x) => x.id === id);
  if (!m) throw new Error(`no moment '${id}'`);
  return m;
}

/** Every moment's value on these series. */
export function computeMoments(series: readonly Series[]): Record<string, number> {
  return Object.fromEntries(MOMENTS.map((m) => [m.id, m.compute(series)]));
}

// ---------------- intervals from the record ----------------

function poissonCdf(k: number, lambda: number): number {
  let term = Math.exp(-lambda);
  let sum = term;
  for (let i = 1; i <= k; i++) sum += (term *= lambda / i);
  return Math.min(1, sum);
}

/** Solve f(λ) = target for f decreasing in λ, by bisection. */
function solveDecreasing(f: (x: number) => number, target: number, hi: number): number {
  let lo = 0;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) > target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Exact (Garwood) 95% interval for a Poisson mean, given k events seen. */
export function poissonInterval(k: number): [number, number] {
  const top = 10 + 4 * k;
  const lo = k === 0 ? 0 : solveDecreasing((l) => poissonCdf(k - 1, l), 0.975, top);
  const hi = solveDecreasing((l) => poissonCdf(k, l), 0.025, top);
  return [lo, hi];
}

/** Wilson 95% interval for a share k/n. */
export function wilsonInterval(k: number, n: number): [number, number] {
  if (n === 0) return [NaN, NaN];
  const z = 1.959964;
  const p = k / n;
  const d = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / d;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

const BOOTSTRAP_DRAWS = 2000;
const BLOCK = 3;

/**
 * 95% percentile bootstrap. With two or more years, whole years are resampled (the record's
 * years are the units it gives us); with one year, its months are resampled in circular
 * blocks of three so a burst stays a burst.
 */
export function bootstrapInterval(series: readonly Series[], stat: (s: readonly Series[]) => number, seed = 'record'): [number, number] {
  const rng = aleaOf(seed);
  const pick = (n: number) => Math.floor(rng.next() * n);
  const draws: number[] = [];
  for (let b = 0; b < BOOTSTRAP_DRAWS; b++) {
    let sample: Series[];
    if (series.length >= 2) sample = series.map(() => series[pick(series.length)]!);
    else {
      const s = series[0] ?? [];
      const out: MonthRow[] = [];
      while (out.length < s.length) {
        const start = pick(s.length);
        for (let i = 0; i < BLOCK && out.length < s.length; i++) out.push(s[(start + i) % s.length]!);
      }
      sample = [out];
    }
    const v = stat(sample);
    if (!Number.isNaN(v)) draws.push(v);
  }
  if (draws.length === 0) return [NaN, NaN];
  draws.sort((a, b) => a - b);
  const at = (q: number) => draws[Math.min(draws.length - 1, Math.max(0, Math.floor(q * draws.length)))]!;
  return [at(0.025), at(0.975)];
}

/** The moment's value on the series and its two-sided 95% interval. */
export function momentInterval(m: MomentSpec, series: readonly Series[]): { value: number; lo: number; hi: number } {
  const value = m.compute(series);
  if (Number.isNaN(value)) return { value, lo: NaN, hi: NaN };
  if (m.interval === 'poisson' && m.count) {
    const c = m.count(series);
    const [lo, hi] = poissonInterval(c.k);
    return { value, lo: (lo / c.n) * c.scale, hi: (hi / c.n) * c.scale };
  }
  if (m.interval === 'binomial' && m.count) {
    const c = m.count(series);
    const [lo, hi] = wilsonInterval(c.k, c.n);
    return { value, lo, hi };
  }
  const [lo, hi] = bootstrapInterval(series, (s) => m.compute(s), `record|${m.id}`);
  return { value, lo: Math.min(lo, value), hi: Math.max(hi, value) };
}

/** The record: one series a calendar year, keyed by the year. */
export type RecordYears = ReadonlyMap<number, Series>;

/**
 * Targets from the record for a group of years: each moment's value and its two-sided 95%
 * interval. A moment undefined on those years (no nuclear test to answer) gives no target.
 */
export function recordTargets(record: RecordYears, years: number[]): MomentTarget[] {
  const series = years.map((y) => {
    const s = record.get(y);
    if (!s) throw new Error(`the record has no year ${y}`);
    return s;
  });
  const out: MomentTarget[] = [];
  for (const m of MOMENTS) {
    const { value, lo, hi } = momentInterval(m, series);
    if (!Number.isNaN(value)) out.push({ momentId: m.id, years: [...years], value, lo, hi });
  }
  return out;
}

/**
 * The declared split of crisis years (issue 18, item 5). The fit may use only FIT_YEARS;
 * HELD_OUT_YEARS are judged on moments no fitted number saw. Held out: 2017 (the sixth
 * nuclear test, ICBMs, maximum pressure) and 2022 (the most launches on record, the first
 * veto): the two years hardest to reach from quieter ones, so a fit that only interpolates
 * shows it. Fit: 2020 and 2023 (shipped scenarios) and 2018 (the freeze; a variant scenario
 * in test/fixtures/variants). Every year has a scenario file with a clock.
 */
export const FIT_YEARS: readonly number[] = [2018, 2020, 2023];
export const HELD_OUT_YEARS: readonly number[] = [2017, 2022];

export type YearSet = 'fit' | 'held-out' | 'other';
export function yearSet(year: number): YearSet {
  return FIT_YEARS.includes(year) ? 'fit' : HELD_OUT_YEARS.includes(year) ? 'held-out' : 'other';
}

/**
 * Periods of the record, to read Beijing's stance across them (record only: no scenario
 * spans them). The rivalry period starts in 2018, the year of the first US tariffs on
 * Chinese goods; before it Beijing voted for every sanctions resolution, within it came
 * its first veto (2022) and its abstention (2024).
 */
export const RECORD_PERIODS: readonly { label: string; years: readonly number[] }[] = [
  { label: '2006-2017 (before)', years: Array.from({ length: 12 }, (_, i) => 2006 + i) },
  { label: '2018-2024 (rivalry)', years: Array.from({ length: 7 }, (_, i) => 2018 + i) },
];
