import type { Actor } from '../model/context.js';
import type { Params } from '../model/params.js';
import type { ClaimId } from '../model/claims.js';
import type { BatchSpec, Cell, ProfileIds } from '../engine/batch/batch.js';
import type { MetricKey } from '../engine/batch/stats.js';
import type { AnalysisRun, AnalysisScenario } from './experiment.js';
import { CLAIM_IDS, CLAIMS } from '../model/claims.js';
import { pairedSettings, runOnce } from './experiment.js';
import { METRICS, meanInterval } from '../engine/batch/stats.js';
import { applyAssumptions } from '../scenario/load.js';
import { DEFAULT_STRATEGY, defaultStrategyId } from '../strategies/registry.js';

// Where the columns' conclusions hold and where they break: each conclusion is a comparison
// of two strategy profiles on one measure; each assumption (claim) is switched off in turn,
// and each value weight changed, and every comparison rerun on the same seeds.

/**
 * One measure compared across profiles: the effect is the sum of the `plus` profiles' means
 * minus the sum of the `minus` profiles' means. One pair is a plain difference; two pairs
 * make a difference of differences (an interaction), e.g. how much exposure changes
 * what China gains from the leverage game.
 */
export interface Comparison {
  plus: Partial<ProfileIds>[];
  minus: Partial<ProfileIds>[];
  metric: MetricKey;
  /** In words, for tables and hand-outs. */
  reads: string;
  /** What the number is, in a word or two, when a conclusion has more than one. */
  short?: string;
}

export interface Conclusion {
  id: string;
  label: string;
  claims: ClaimId[];
  comparisons: Comparison[];
  /** What a cell says when every comparison is exactly zero (nothing varies at all). */
  noEffect?: string;
}

const vsSanctioner = (us: string, reads: string): Comparison => ({ plus: [{ us: 'sanctioner' }], minus: [{ us }], metric: 'payoffUs', reads });

export const CONCLUSIONS: Conclusion[] = [
  {
    id: 'dontConcede',
    label: "Don't concede",
    claims: ['C3', 'C8'],
    comparisons: [vsSanctioner('appeaser', 'US payoff: refusing (sanctioner) minus paying (appeaser)')],
  },
  {
    id: 'dontAskBeijing',
    label: "Don't ask Beijing",
    claims: ['C9'],
    comparisons: [vsSanctioner('asksBeijing', 'US payoff: refusing (sanctioner) minus asking Beijing for help')],
  },
  {
    id: 'exposeAndPressure',
    label: 'Expose + pressure > conceding',
    claims: ['C10', 'C11', 'C12'],
    comparisons: [{ plus: [{ us: 'columns' }], minus: [{ us: 'appeaser' }], metric: 'payoffUs', reads: "US payoff: the columns' advice minus the appeaser" }],
  },
  {
    id: 'chinaGainsUnlessExposed',
    label: 'China gains unless exposed',
    claims: ['C1', 'C2', 'C3', 'C10'],
    noEffect: 'no gain',
    comparisons: [
      {
        plus: [{ china: 'opportunist', us: 'asksBeijing' }],
        minus: [{ china: 'restrained', us: 'asksBeijing' }],
        metric: 'payoffChina',
        reads: 'China payoff against a US that asks for help: the leverage game (opportunist) minus restraint',
        short: 'gain',
      },
      {
        plus: [{ china: 'opportunist', us: 'sanctioner' }, { china: 'restrained', us: 'columns' }],
        minus: [{ china: 'restrained', us: 'sanctioner' }, { china: 'opportunist', us: 'columns' }],
        metric: 'payoffChina',
        reads: "how much less the leverage game pays China when the US also exposes it (sanctioner vs the columns' advice)",
        short: 'exposure cuts',
      },
    ],
  },
];

export interface Variant {
  id: string;
  label: string;
  params: Params;
}

/**
 * Values, not facts: how much each side cares about war, credibility, tension is a
 * judgement the scenario's payoff weights make. Each variant scales one weight, so a
 * conclusion that rests on a value rather than on a claim shows it.
 */
export interface ValueVariant {
  id: string;
  /** A few words, for table rows. */
  short: string;
  label: string;
  /** A payoff weight, as `payoffs.us.war`. */
  weight: `payoffs.${'us' | 'china' | 'kim'}.${string}`;
  factor: number;
}

export const VALUE_VARIANTS: ValueVariant[] = [
  { id: 'us-war-x4', short: 'war costs the US x4', label: 'war costs the US four times what the scenario says', weight: 'payoffs.us.war', factor: 4 },
  { id: 'us-war-x0.25', short: 'war costs the US x0.25', label: 'war costs the US a quarter of what the scenario says', weight: 'payoffs.us.war', factor: 0.25 },
  { id: 'us-credibility-x0.25', short: 'credibility worth x0.25', label: 'credibility is worth a quarter as much to the US', weight: 'payoffs.us.credibility', factor: 0.25 },
  { id: 'us-tension-x0', short: 'tension costs nothing', label: 'enduring tension costs the US nothing', weight: 'payoffs.us.averageTension', factor: 0 },
];

/** The scenario's params with one payoff weight scaled. */
export function scaleWeight(base: Params, weight: ValueVariant['weight'], factor: number): Params {
  const p = structuredClone(base);
  const [, actor, key] = weight.split('.') as ['payoffs', 'us' | 'china' | 'kim', string];
  const w = p.payoffs[actor] as unknown as Record<string, number>;
  if (typeof w[key] !== 'number') throw new Error(`no payoff weight ${weight}`);
  w[key] = (w[key] as number) * factor;
  return p;
}

/**
 * The scenario as it is, then with each claim switched off in turn, then played once,
 * then (with `values`) with each value weight of VALUE_VARIANTS changed.
 */
export function variants(base: Params, claims: readonly ClaimId[] = CLAIM_IDS, values: readonly ValueVariant[] = []): Variant[] {
  const out: Variant[] = [{ id: 'as-is', label: 'the scenario as written', params: base }];
  for (const id of claims) {
    const p = structuredClone(base);
    applyAssumptions(p, { [id]: 'off' }, (claim, _key, message) => {
      throw new Error(`switching ${claim} off: ${message}`);
    });
    out.push({ id: `${id}-off`, label: CLAIMS[id].offMeans, params: p });
  }
  out.push({ id: 'one-shot', label: 'played once (1 round): no repetition', params: { ...structuredClone(base), rounds: 1 } });
  for (const v of values) out.push({ id: v.id, label: `${v.label} (${v.weight} x${v.factor})`, params: scaleWeight(base, v.weight, v.factor) });
  return out;
}

export interface Effect {
  /** better minus worse: positive means the conclusion's direction. */
  diff: number;
  low: number;
  high: number;
}

export type Verdict = 'holds' | 'breaks' | 'unclear';

export interface ConclusionResult {
  conclusion: string;
  effects: Effect[];
  verdict: Verdict;
}

export interface RobustnessRow {
  variant: string;
  label: string;
  results: ConclusionResult[];
}

export interface RobustnessReport {
  kind: 'leverage-robustness';
  scenario: string;
  seed: string;
  runs: number;
  conclusions: { id: string; label: string; claims: ClaimId[]; reads: string[]; shorts: string[]; noEffect: string }[];
  rows: RobustnessRow[];
}

function fullProfile(p: Partial<ProfileIds>, defaults: ProfileIds): ProfileIds {
  return { ...defaults, ...p };
}

const key = (p: ProfileIds) => `${p.us}|${p.china}|${p.kim}`;

type Stat = { mean: number; sd: number; n: number };

/** Sum of independent means minus another sum, with a 95% interval. */
export function contrast(plus: Stat[], minus: Stat[]): Effect {
  const diff = plus.reduce((t, s) => t + s.mean, 0) - minus.reduce((t, s) => t + s.mean, 0);
  const variance = [...plus, ...minus].reduce((t, s) => t + (s.sd * s.sd) / s.n, 0);
  const half = 1.959963984540054 * Math.sqrt(variance);
  return { diff, low: diff - half, high: diff + half };
}

/**
 * One cell of a robustness table: the verdict (as given) and each effect, labelled when a
 * conclusion has several; "no gain" (or "no effect") when the means are exactly equal, rather
 * than an "unclear" row of zeros.
 */
export function resultText(c: RobustnessReport['conclusions'][number], x: ConclusionResult, verdict: string): string {
  // Exactly equal means on the same seeds: the profiles played the same games.
  if (x.effects.every((e) => Math.abs(e.diff) < 1e-9)) return c.noEffect;
  const signed = (d: number) => `${d >= 0 ? '+' : ''}${(Object.is(d, -0) ? 0 : d).toFixed(2)}`;
  const labelled = x.effects.length > 1;
  // A part that is exactly zero says so in words ("no gain"), not as a signed +0.00.
  const part = (e: Effect, i: number) => {
    const short = labelled ? c.shorts[i] : undefined;
    if (short && e.diff === 0) return `no ${short}`;
    return short ? `${short} ${signed(e.diff)}` : signed(e.diff);
  };
  return `${verdict} ${x.effects.map(part).join(', ')}`;
}

export function verdictOf(effects: Effect[]): Verdict {
  if (effects.every((e) => e.low > 0)) return 'holds';
  if (effects.some((e) => e.high < 0)) return 'breaks';
  return 'unclear';
}

/** The profiles every conclusion needs, with the scenario's other sides at their defaults. */
export function neededProfiles(defaults: ProfileIds): ProfileIds[] {
  const seen = new Map<string, ProfileIds>();
  for (const c of CONCLUSIONS)
    for (const cmp of c.comparisons)
      for (const p of [...cmp.plus, ...cmp.minus]) {
        const full = fullProfile(p, defaults);
        seen.set(key(full), full);
      }
  return [...seen.values()];
}

export async function robustness(
  scenario: AnalysisScenario & { strategies: Partial<Record<Actor, string>> },
  seed: string,
  runs: number,
  opts: AnalysisRun,
  claims: readonly ClaimId[] = CLAIM_IDS,
  values: readonly ValueVariant[] = VALUE_VARIANTS,
): Promise<RobustnessReport> {
  const defaults: ProfileIds = {
    us: DEFAULT_STRATEGY.us,
    china: defaultStrategyId('china', scenario.strategies),
    kim: defaultStrategyId('kim', scenario.strategies),
  };
  const profiles = neededProfiles(defaults);
  const vs = variants(scenario.params, claims, values);
  // Paired across assumptions (the same seeds); a variant that leaves the games as they are
  // (a claim already off in this scenario, say) is not played again.
  const spec: BatchSpec = { command: 'robustness', seed, runs, scenarios: pairedSettings(scenario, vs), profiles };
  const cells: Cell[] = await runOnce(spec, opts);
  const stat = (variant: number, profile: ProfileIds, metric: MetricKey) => {
    const p = profiles.findIndex((x) => key(x) === key(profile));
    const cell = cells[variant * profiles.length + p] as Cell;
    const m = cell.acc.metrics[METRICS.findIndex((x) => x.key === metric)];
    if (!m) throw new Error(`no metric ${metric}`);
    return { ...meanInterval(m), n: m.n };
  };
  const rows: RobustnessRow[] = vs.map((v, i) => ({
    variant: v.id,
    label: v.label,
    results: CONCLUSIONS.map((c) => {
      const effects = c.comparisons.map((cmp) =>
        contrast(
          cmp.plus.map((p) => stat(i, fullProfile(p, defaults), cmp.metric)),
          cmp.minus.map((p) => stat(i, fullProfile(p, defaults), cmp.metric)),
        ),
      );
      return { conclusion: c.id, effects, verdict: verdictOf(effects) };
    }),
  }));
  return {
    kind: 'leverage-robustness',
    scenario: scenario.name,
    seed,
    runs,
    conclusions: CONCLUSIONS.map((c) => ({
      id: c.id,
      label: c.label,
      claims: c.claims,
      reads: c.comparisons.map((x) => x.reads),
      shorts: c.comparisons.map((x) => x.short ?? ''),
      noEffect: c.noEffect ?? 'no effect',
    })),
    rows,
  };
}
