import type { Params } from '../model/params.js';
import type { Scenario } from '../scenario/load.js';
import type { BatchScenario, ProfileIds, RunOptions } from '../engine/batch/batch.js';
import { WorkerPool } from '../engine/batch/pool.js';
import type { Acc, MetricKey } from '../engine/batch/stats.js';
import { resolveProfile, runBatch } from '../engine/batch/batch.js';
import { playFast } from '../engine/batch/fast-game.js';
import { METRICS, meanInterval, proportionInterval } from '../engine/batch/stats.js';
import { OUTCOME_NAMES } from '../model/outcomes.js';
import { defaultStrategyId, strategyIds } from '../strategies/registry.js';

// The stylized facts of the peninsula's record (scenarios/CALIBRATION.md), measured by a
// fixed battery of seeded batches. Each fact has a target; the report gives the measured
// value with its 95% interval and whether it passes. Shares of rounds pool the rounds of
// all games (their intervals treat rounds as independent, so they are a little narrow).

export interface FactResult {
  /** Stable key, e.g. `war.perGame`. */
  id: string;
  claims: string[];
  fact: string;
  scenario: string;
  /** What is measured, e.g. "sanctioner" or "2020 sweep". */
  subject: string;
  target: string;
  value: number;
  low: number;
  high: number;
  /** How to print the value. */
  unit: 'share' | 'count';
  pass: boolean;
  /** Reported, not a target (e.g. whether the columns beat pure exposure). */
  reportOnly?: boolean;
}

export interface CalibrationReport {
  seed: string;
  runs: number;
  rounds: number;
  scenarios: string[];
  facts: FactResult[];
  passed: number;
  failed: number;
}

export interface CalibrateOptions {
  runs: number;
  seed: string;
  rounds: number;
  run: RunOptions;
  /** Applied to every scenario's params first (the can-fail test switches a mechanism off). */
  perturb?: (p: Params) => void;
  /** Measure only these facts (default: all of FACT_IDS). */
  only?: readonly string[];
}

/** The battery's distinct facts: one row each, however many cells it is measured on. */
export const FACT_IDS = [
  'war.perGame',
  'ending.regimeCrisis.rare',
  'tests.nuclear',
  'kim.holds',
  'tension.pegged',
  'columns.beat.appeaser',
  'columns.beat.asksBeijing',
  'kim.defies',
  'kim.sweep.lifelineDependence',
  'kim.sweep.obeyStandingCost',
  'ending.regimeCrisis.graded',
  'c1.estimate',
  'weights.kimWar.rate',
  'weights.kimWar.rungs',
  'ending.settlement',
  'ending.regimeCrisis',
  'c2.stoking',
  'c3.chips',
  'exposure.unearned',
] as const;
export type FactId = (typeof FACT_IDS)[number];

/** Two-sided normal quantile z with P(|Z| > z) = alpha (bisection on erfc; ample for intervals). */
export function zFor(alpha: number): number {
  // Abramowitz and Stegun 7.1.26: |error| < 1.5e-7.
  const erfc = (x: number) => {
    const t = 1 / (1 + 0.3275911 * x);
    return t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.exp(-x * x);
  };
  let lo = 0;
  let hi = 10;
  for (let i = 0; i < 80; i++) {
    const mid = (lo + hi) / 2;
    if (erfc(mid / Math.SQRT2) > alpha) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Bonferroni: the z of a 95% interval that holds for all of `m` cells at once. */
export const bonferroniZ = (m: number) => zFor(0.05 / Math.max(1, m));

/** Wilson's interval at a given z. */
function wilson(count: number, n: number, z: number) {
  if (n === 0) return { p: 0, low: 0, high: 0 };
  const p = count / n;
  const denom = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denom;
  return { p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

const KIM = 'regimeFirst';

/**
 * C7, C11: the most games a regime crisis may end under a scenario's own China. The regime
 * outlasted every sanctions campaign from 2006 to 2024, about eighteen campaign years; at 5%
 * a game (a game standing for a year or so of crisis) eighteen years without a crisis has a
 * chance of 0.95^18 = 0.40, while the 23-73% measured before would make it under 1%.
 */
export const CRISIS_CEILING = 0.05;

/** The named US strategies: every one but the random yardstick. */
export function namedUsStrategies(): string[] {
  return strategyIds('us').filter((id) => id !== 'usRandom');
}

function metric(acc: Acc, key: MetricKey) {
  return acc.metrics[METRICS.findIndex((m) => m.key === key)]!;
}

function outcomeShare(acc: Acc, outcome: string) {
  return proportionInterval(acc.outcomes[OUTCOME_NAMES.indexOf(outcome as never)] ?? 0, acc.n);
}

/** A ratio of two per-game totals (e.g. holds over moves), as a share of pooled rounds. */
function pooledShare(acc: Acc, part: MetricKey, whole: MetricKey | MetricKey[]) {
  const wholes = Array.isArray(whole) ? whole : [whole];
  const num = metric(acc, part).mean * acc.n;
  const den = wholes.reduce((t, k) => t + metric(acc, k).mean * acc.n, 0);
  return proportionInterval(Math.round(num), Math.max(1, Math.round(den)));
}

function withParams(s: Scenario, rounds: number, name: string, edit?: (p: Params) => void): BatchScenario {
  const params = structuredClone(s.params);
  params.rounds = rounds;
  edit?.(params);
  return { name, source: `${s.source}#${name}`, sha256: s.sha256, params };
}

function diffInterval(a: Acc, b: Acc, key: MetricKey, z = 1.959963984540054) {
  const x = meanInterval(metric(a, key));
  const y = meanInterval(metric(b, key));
  const se = Math.sqrt((x.sd * x.sd) / Math.max(1, a.n) + (y.sd * y.sd) / Math.max(1, b.n));
  const d = x.mean - y.mean;
  return { value: d, low: d - z * se, high: d + z * se };
}

/**
 * Share of paired games (same seed, same strategies) whose ending differs: a changed course
 * that matters, not any one move shifted (a different draw can move a move and nothing else).
 */
function pairedEndingChange(a: Params, b: Params, name: string, seed: string, runs: number, ids: ProfileIds) {
  const profile = resolveProfile(ids);
  let changed = 0;
  for (let g = 0; g < runs; g++) {
    // Read at once: the fast player reuses its summary object.
    const first = playFast(a, name, seed, g, profile).outcome;
    if (playFast(b, name, seed, g, profile).outcome !== first) changed++;
  }
  return proportionInterval(changed, runs);
}

interface Cellwise {
  where: string;
  value: number;
  low: number;
  high: number;
  pass: boolean;
}

/**
 * One fact measured on several cells (scenarios, strategies). `every`: the fact claims it of
 * each cell, so it passes only if every cell does, and the worst cell is shown (no correction
 * needed: a conjunction). `some`: the fact claims it somewhere, so the cells' intervals were
 * widened by Bonferroni before judging (the caller), and the best cell is shown.
 */
function pooledFact(cells: Cellwise[], mode: 'every' | 'some', worse: (a: Cellwise, b: Cellwise) => boolean) {
  if (cells.length === 0) return undefined;
  const pass = mode === 'every' ? cells.every((c) => c.pass) : cells.some((c) => c.pass);
  // every: show the first failing cell, else the worst; some: the first passing, else the best.
  const pick = mode === 'every' ? (cells.find((c) => !c.pass) ?? cells.reduce((a, b) => (worse(b, a) ? b : a))) : (cells.find((c) => c.pass) ?? cells.reduce((a, b) => (worse(a, b) ? b : a)));
  // The cells that decide it: the failing ones of an `every` fact, the passing ones of a `some` fact.
  const deciding = cells.filter((c) => (mode === 'every' ? !c.pass : c.pass)).map((c) => c.where);
  return { pick, pass, deciding };
}

export async function calibrate(scenarioList: Scenario[], o: CalibrateOptions): Promise<CalibrationReport> {
  const want = (id: FactId) => !o.only || o.only.includes(id);
  const scenarios = scenarioList.map((s) => {
    if (!o.perturb) return s;
    const params = structuredClone(s.params);
    o.perturb(params);
    return { ...s, params };
  });
  // One pool for the whole battery: its many small batches reuse warmed-up workers.
  const pool = o.run.pool ?? (o.run.workers > 0 ? new WorkerPool(o.run.workers) : undefined);
  try {
    return await measure(scenarios, o, want, { ...o.run, pool });
  } finally {
    if (pool && !o.run.pool) pool.close();
  }
}

async function measure(scenarios: Scenario[], o: CalibrateOptions, want: (id: FactId) => boolean, run: RunOptions): Promise<CalibrationReport> {
  const facts: FactResult[] = [];
  const batch = (list: BatchScenario[], profiles: ProfileIds[]) => runBatch({ command: 'calibrate', seed: o.seed, runs: o.runs, scenarios: list, profiles }, run);
  const usIds = namedUsStrategies();
  const names = scenarios.map((s) => s.name);
  const cellsOf = new Map<FactId, Cellwise[]>();
  const push = (id: FactId, c: Cellwise) => {
    if (!cellsOf.has(id)) cellsOf.set(id, []);
    cellsOf.get(id)!.push(c);
  };
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  // Cells of the "somewhere" facts, judged after every scenario is in (Bonferroni over all of them).
  const settlementCells: { scenario: string; us: string; count: number; n: number }[] = [];
  const squeezeCells: { where: string; count: number; n: number }[] = [];
  const stokeCells: { where: string; a: Acc; b: Acc }[] = [];
  const chipsCells: { where: string; acc: Acc }[] = [];
  const outcomeCount = (acc: Acc, outcome: string) => acc.outcomes[OUTCOME_NAMES.indexOf(outcome as never)] ?? 0;

  for (const s of scenarios) {
    const china = defaultStrategyId('china', s.strategies);
    const us0 = defaultStrategyId('us', s.strategies);
    const base = withParams(s, o.rounds, s.name);

    // 1. Every named US strategy against the scenario's own China and Kim.
    const needs1 = (['war.perGame', 'ending.regimeCrisis.rare', 'tests.nuclear', 'kim.holds', 'tension.pegged', 'columns.beat.appeaser', 'columns.beat.asksBeijing', 'kim.defies', 'ending.settlement', 'c3.chips'] as FactId[]).some(want);
    if (needs1) {
      const profiles = usIds.map((us) => ({ us, china, kim: KIM }));
      const cells = await batch([base], profiles);
      const byUs = new Map(usIds.map((us, i) => [us, cells[i]!.acc]));
      for (const us of usIds) {
        const acc = byUs.get(us)!;
        // C12: no war on the peninsula since 1953; a game is a crisis year.
        const w = outcomeShare(acc, 'war');
        push('war.perGame', { where: `${s.name}/${us}`, value: w.p, low: w.low, high: w.high, pass: w.p <= 0.03 });
        // C7, C11: the regime outlasted every campaign under its own China's lifeline.
        const c = outcomeShare(acc, 'regimeCrisis');
        push('ending.regimeCrisis.rare', { where: `${s.name}/${us} v ${china}`, value: c.p, low: c.low, high: c.high, pass: c.p <= CRISIS_CEILING });
        settlementCells.push({ scenario: s.name, us, count: outcomeCount(acc, 'settlement'), n: acc.n });
      }
      const d = byUs.get(us0) ?? byUs.get('columns')!;
      if (s.name !== 'baseline') {
        const nuc = meanInterval(metric(d, 'nuclearTests'));
        push('tests.nuclear', { where: `${s.name}/${us0}`, value: nuc.mean, low: nuc.low, high: nuc.high, pass: nuc.mean <= 1 });
      }
      const holds = pooledShare(d, 'kimHolds', ['kimHolds', 'kimTests']);
      push('kim.holds', { where: `${s.name}/${us0}`, value: holds.p, low: holds.low, high: holds.high, pass: holds.p >= 0.3 });
      const pegged = pooledShare(d, 'roundsAtTop', 'rounds');
      push('tension.pegged', { where: `${s.name}/${us0}`, value: pegged.p, low: pegged.low, high: pegged.high, pass: pegged.p <= 0.2 });
      // C7: Kim defies some of Xi's requests, and obeys most: scored in every scenario where Xi asks.
      if (metric(d, 'requestsMade').mean > 0) {
        const def = pooledShare(d, 'requestsDefied', 'requestsMade');
        push('kim.defies', { where: `${s.name}/${us0}`, value: def.p, low: def.low, high: def.high, pass: def.p >= 0.15 && def.p <= 0.6 });
      }
      if (s.name === '2022' || s.name === '2023') {
        const cols = byUs.get('columns')!;
        for (const other of ['appeaser', 'asksBeijing'] as const) {
          const diff = diffInterval(cols, byUs.get(other)!, 'payoffUs');
          push(`columns.beat.${other}`, { where: `${s.name}: columns - ${other}`, value: diff.value, low: diff.low, high: diff.high, pass: diff.low > 0 });
        }
      }
      const chips = byUs.get('appeaser');
      if (chips) chipsCells.push({ where: `${s.name}/appeaser v ${china}`, acc: chips });
    }

    // Exposure is earned (C10, C4): exposing a China that never asks Kim to escalate, with
    // no evidence to show, rarely ends the game as "leverage exposed".
    if (want('exposure.unearned')) {
      const [exp] = await batch([base], [{ us: 'exposer', china: 'restrained', kim: KIM }]);
      const ex = outcomeShare(exp!.acc, 'leverageExposed');
      push('exposure.unearned', { where: `${s.name}: exposer v restrained`, value: ex.p, low: ex.low, high: ex.high, pass: ex.p <= 0.05 });
    }

    // 2. Kim's dilemma (C7): the share of requests obeyed moves with what obeying and defying cost him.
    if (s.name === '2020') {
      const sweep = async (id: FactId, label: string, values: number[], set: (p: Params, x: number) => void, rising: boolean) => {
        const list = values.map((x) => withParams(s, o.rounds, `${s.name}-${label}-${x}`, (p) => set(p, x)));
        const sc = await batch(list, [{ us: us0, china, kim: KIM }]);
        const obeyed = sc.map((c) => {
          const d = pooledShare(c.acc, 'requestsDefied', 'requestsMade');
          return { p: 1 - d.p, low: 1 - d.high, high: 1 - d.low };
        });
        // The ends' intervals apart, in the claimed direction: a step that is noise cannot pass.
        const first = obeyed[0]!;
        const last = obeyed[obeyed.length - 1]!;
        const ok = rising ? last.low > first.high : last.high < first.low;
        push(id, { where: `${s.name}: ${values.map((x, i) => `${x}:${pct(obeyed[i]!.p)}`).join(' ')}`, value: last.p - first.p, low: last.low - first.high, high: last.high - first.low, pass: ok });
      };
      if (want('kim.sweep.lifelineDependence')) await sweep('kim.sweep.lifelineDependence', 'lifelineDependence', [0.3, 0.6, 0.9], (p, x) => (p.kim.lifelineDependence = x), true);
      if (want('kim.sweep.obeyStandingCost')) await sweep('kim.sweep.obeyStandingCost', 'obeyStandingCost', [0.02, 0.07, 0.15], (p, x) => (p.kim.obeyStandingCost = x), false);
    }

    // 3. Regime crisis under sustained sanctions and a squeezed lifeline (C7, C11).
    if (want('ending.regimeCrisis')) {
      const squeezeKims = [KIM, 'independent'];
      const rc = await batch([base], squeezeKims.map((kim) => ({ us: 'sanctioner', china: 'enforcer', kim })));
      squeezeKims.forEach((kim, i) => squeezeCells.push({ where: `${s.name}: sanctioner v enforcer, Kim ${kim}`, count: outcomeCount(rc[i]!.acc, 'regimeCrisis'), n: rc[i]!.acc.n }));
    }
    if (want('ending.regimeCrisis.graded')) {
      const ladder = [
        { us: 'appeaser', china },
        { us: 'sanctioner', china },
        { us: 'sanctioner', china: 'enforcer' },
      ];
      const graded = await batch([base], ladder.map((l) => ({ ...l, kim: 'independent' })));
      const shares = graded.map((c) => outcomeShare(c.acc, 'regimeCrisis'));
      // Each step higher with the intervals apart: a tie, or a step within noise (which a
      // different seed can reverse), is not a rise.
      let rising = true;
      for (let i = 1; i < shares.length; i++) rising &&= shares[i]!.low > shares[i - 1]!.high;
      const first = shares[0]!;
      const last = shares[shares.length - 1]!;
      push('ending.regimeCrisis.graded', { where: `${s.name}: ${ladder.map((l, i) => `${l.us}/${l.china} ${pct(shares[i]!.p)}`).join(' -> ')}`, value: last.p - first.p, low: last.low - first.high, high: last.high - first.low, pass: rising && last.low > first.high });
    }

    // 4. Hidden information (C1): the asker's starting estimate of China's sway, 0.3 v 0.9.
    if (want('c1.estimate')) {
      const lowEst = withParams(s, o.rounds, s.name, (p) => (p.start.usEstimateOfInfluence = 0.3));
      const highEst = withParams(s, o.rounds, s.name, (p) => (p.start.usEstimateOfInfluence = 0.9));
      const c = pairedEndingChange(lowEst.params, highEst.params, s.name, o.seed, o.runs, { us: 'asksBeijing', china, kim: KIM });
      push('c1.estimate', { where: `${s.name}/asksBeijing`, value: c.p, low: c.low, high: c.high, pass: c.p >= 0.1 });
    }

    // 5. Both halves of C2: stoking as well as selling, against a paying US.
    if (want('c2.stoking')) {
      for (const us of ['appeaser', 'asksBeijing']) {
        const sc = await batch([base], [{ us, china: 'opportunist', kim: KIM }, { us, china: 'seller', kim: KIM }]);
        stokeCells.push({ where: `${s.name}/${us}`, a: sc[0]!.acc, b: sc[1]!.acc });
      }
    }

    // 6. Value weights act on choices: a Kim who fears war more tests less, and less hard.
    if (want('weights.kimWar.rate') || want('weights.kimWar.rungs')) {
      const fearful = withParams(s, o.rounds, `${s.name}-kim-war-x2`, (p) => (p.payoffs.kim.war *= 2));
      const vw = await batch([base, fearful], [{ us: us0, china, kim: KIM }]);
      const t0 = pooledShare(vw[0]!.acc, 'kimTests', ['kimHolds', 'kimTests']);
      const t1 = pooledShare(vw[1]!.acc, 'kimTests', ['kimHolds', 'kimTests']);
      push('weights.kimWar.rate', { where: `${s.name}: tests/round ${pct(t0.p)} -> ${pct(t1.p)}`, value: t1.p - t0.p, low: t1.low - t0.high, high: t1.high - t0.low, pass: t1.high < t0.low });
      const rungs = diffInterval(vw[1]!.acc, vw[0]!.acc, 'rungsTested');
      push('weights.kimWar.rungs', { where: `${s.name}/${us0}`, value: rungs.value, low: rungs.low, high: rungs.high, pass: rungs.high < 0 });
    }
  }

  // The "somewhere" facts: each cell's interval widened by Bonferroni over the cells searched.
  {
    const doorOpeners = ['reciprocator', 'appeaser', 'asksBeijing', 'columns', 'pragmatist'];
    const cells = settlementCells.filter((c) => doorOpeners.includes(c.us));
    const z = bonferroniZ(cells.length);
    const needed = Math.min(2, names.length);
    for (const us of doorOpeners) {
      const mine = cells.filter((c) => c.us === us).map((c) => ({ ...c, ...wilson(c.count, c.n, z) }));
      const clears = mine.filter((c) => c.low >= 0.05);
      push('ending.settlement', { where: `${us}: ${mine.map((c) => `${c.scenario} ${pct(c.p)} [${pct(c.low)}, ${pct(c.high)}]`).join(', ')}`, value: clears.length, low: NaN, high: NaN, pass: clears.length >= needed });
    }
  }
  {
    const z = bonferroniZ(squeezeCells.length);
    for (const c of squeezeCells) {
      const w = wilson(c.count, c.n, z);
      push('ending.regimeCrisis', { where: c.where, value: w.p, low: w.low, high: w.high, pass: w.low >= 0.01 });
    }
  }
  {
    const z = bonferroniZ(stokeCells.length);
    for (const c of stokeCells) {
      const d = diffInterval(c.a, c.b, 'payoffChina', z);
      push('c2.stoking', { where: c.where, value: d.value, low: d.low, high: d.high, pass: d.low > 0 });
    }
  }
  {
    const z = bonferroniZ(chipsCells.length);
    for (const c of chipsCells) {
      const m = metric(c.acc, 'concededChips');
      const sd = m.n > 1 ? Math.sqrt(m.m2 / (m.n - 1)) : 0;
      const half = (z * sd) / Math.sqrt(Math.max(1, m.n));
      push('c3.chips', { where: c.where, value: m.mean, low: m.mean - half, high: m.mean + half, pass: m.mean - half > 0 });
    }
  }

  const spec: Record<FactId, { claims: string[]; fact: string; target: string; unit: 'share' | 'count'; mode: 'every' | 'some'; larger: 'worse' | 'better' }> = {
    'war.perGame': { claims: ['C12'], fact: 'war ends at most 3% of games, under every named US strategy in every scenario', target: '<= 3% in every cell', unit: 'share', mode: 'every', larger: 'worse' },
    'ending.regimeCrisis.rare': { claims: ['C7', 'C11'], fact: `regime crisis ends at most ${(CRISIS_CEILING * 100).toFixed(0)}% of games under each scenario's own China, for every named US strategy`, target: `<= ${(CRISIS_CEILING * 100).toFixed(0)}% in every cell`, unit: 'share', mode: 'every', larger: 'worse' },
    'tests.nuclear': { claims: ['C12'], fact: 'at most 1 nuclear test a game (default strategies, every crisis scenario)', target: '<= 1 in every scenario', unit: 'count', mode: 'every', larger: 'worse' },
    'kim.holds': { claims: ['C6', 'C12'], fact: 'Kim holds or pauses in at least 30% of rounds (every scenario)', target: '>= 30% in every scenario', unit: 'share', mode: 'every', larger: 'better' },
    'tension.pegged': { claims: ['C12'], fact: 'rounds at tension >= 0.9 are at most 20% of rounds (every scenario)', target: '<= 20% in every scenario', unit: 'share', mode: 'every', larger: 'worse' },
    'columns.beat.appeaser': { claims: ['C3', 'C8'], fact: "the columns' advice beats the appeaser on the US payoff (2022 and 2023)", target: '> 0, interval, in both', unit: 'count', mode: 'every', larger: 'better' },
    'columns.beat.asksBeijing': { claims: ['C9'], fact: "the columns' advice beats asking Beijing on the US payoff (2022 and 2023)", target: '> 0, interval, in both', unit: 'count', mode: 'every', larger: 'better' },
    'kim.defies': { claims: ['C7'], fact: "Kim defies 15-60% of Xi's requests to escalate (every scenario where Xi asks)", target: '15%..60% in every scenario', unit: 'share', mode: 'every', larger: 'better' },
    'kim.sweep.lifelineDependence': { claims: ['C7'], fact: 'the share of requests obeyed rises with kim.lifelineDependence (0.3 to 0.9)', target: 'rising, ends apart', unit: 'share', mode: 'every', larger: 'better' },
    'kim.sweep.obeyStandingCost': { claims: ['C7'], fact: 'the share of requests obeyed falls with kim.obeyStandingCost (0.02 to 0.15)', target: 'falling, ends apart', unit: 'share', mode: 'every', larger: 'worse' },
    'ending.regimeCrisis.graded': { claims: ['C7', 'C11'], fact: 'regime crisis rises with pressure and squeeze (Kim independent): appeaser, sanctioner, sanctioner v enforcer, in every scenario', target: 'rising, each step interval apart', unit: 'share', mode: 'every', larger: 'better' },
    'c1.estimate': { claims: ['C1'], fact: "the asker's estimate of China's sway (0.3 v 0.9) changes how at least 10% of games end, in every scenario", target: '>= 10% in every scenario', unit: 'share', mode: 'every', larger: 'better' },
    'weights.kimWar.rate': { claims: ['C12'], fact: "doubling payoffs.kim.war lowers Kim's test rate, in every scenario", target: 'lower, intervals apart', unit: 'share', mode: 'every', larger: 'worse' },
    'weights.kimWar.rungs': { claims: ['C12'], fact: 'doubling payoffs.kim.war lowers the rungs Kim tests a game, in every scenario', target: '< 0, interval', unit: 'count', mode: 'every', larger: 'worse' },
    'ending.settlement': { claims: ['C11'], fact: 'settlement >= 5% of games for a door-opening US strategy in at least two scenarios (Bonferroni over the cells searched)', target: '>= 5% (corrected low) in 2', unit: 'count', mode: 'some', larger: 'better' },
    'ending.regimeCrisis': { claims: ['C7', 'C11'], fact: 'regime crisis >= 1% somewhere under sustained sanctions and a squeezed lifeline (Bonferroni over the cells)', target: '>= 1%, corrected low', unit: 'share', mode: 'some', larger: 'better' },
    'c2.stoking': { claims: ['C2'], fact: "stoking raises China's payoff over selling alone somewhere (Bonferroni over the cells)", target: '> 0, corrected interval', unit: 'count', mode: 'some', larger: 'better' },
    'exposure.unearned': { claims: ['C10', 'C4'], fact: 'exposing a China that never asks ends at most 5% of games as "leverage exposed" (every scenario)', target: '<= 5% in every scenario', unit: 'share', mode: 'every', larger: 'worse' },
    'c3.chips': { claims: ['C3'], fact: 'chips are a price China names: an appeaser concedes chips somewhere (Bonferroni over the cells)', target: '> 0, corrected interval', unit: 'count', mode: 'some', larger: 'better' },
  };
  for (const id of FACT_IDS) {
    if (!want(id)) continue;
    const f = spec[id];
    const cells = cellsOf.get(id) ?? [];
    // "worse" orders cells so the one shown is the one nearest failing (every) or passing (some).
    const worse = (a: Cellwise, b: Cellwise) => (f.larger === 'worse' ? a.value > b.value : a.value < b.value);
    const r = pooledFact(cells, f.mode, worse);
    if (!r) continue;
    const decidingLabel = f.mode === 'every' ? 'failing' : 'passing';
    const subject = `${r.pick.where}${cells.length > 1 ? ` (${cells.length} cells${r.deciding.length ? `; ${decidingLabel}: ${r.deciding.length}` : ''})` : ''}`;
    facts.push({ id, claims: f.claims, fact: f.fact, scenario: f.mode === 'every' && cells.length > 1 ? 'all' : names.join(' '), subject, target: f.target, value: r.pick.value, low: r.pick.low, high: r.pick.high, unit: f.unit, pass: r.pass });
  }
  return {
    seed: o.seed,
    runs: o.runs,
    rounds: o.rounds,
    scenarios: names,
    facts,
    passed: facts.filter((f) => f.pass).length,
    failed: facts.filter((f) => !f.pass).length,
  };
}
