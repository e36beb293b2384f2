import type { Params } from '../model/params.js';
import type { MoveName } from '../model/moves.js';
import type { Scenario } from '../scenario/load.js';
import type { BatchScenario, Cell, ProfileIds, RunOptions } from '../engine/batch/batch.js';
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

function diffInterval(a: Acc, b: Acc, key: MetricKey) {
  const x = meanInterval(metric(a, key));
  const y = meanInterval(metric(b, key));
  const se = Math.sqrt((x.sd * x.sd) / Math.max(1, a.n) + (y.sd * y.sd) / Math.max(1, b.n));
  const d = x.mean - y.mean;
  return { value: d, low: d - 1.96 * se, high: d + 1.96 * se };
}

/** Share of paired games (same seed, same strategies) whose move sequences differ. */
function pairedCourseChange(a: Params, b: Params, name: string, seed: string, runs: number, ids: ProfileIds) {
  const profile = resolveProfile(ids);
  let changed = 0;
  const seqA: MoveName[] = [];
  let i = 0;
  let differs = false;
  const record = (m: MoveName) => {
    seqA.push(m);
  };
  const compare = (m: MoveName) => {
    if (i >= seqA.length || seqA[i] !== m) differs = true;
    i++;
  };
  for (let g = 0; g < runs; g++) {
    seqA.length = 0;
    i = 0;
    differs = false;
    playFast(a, name, seed, g, profile, record);
    playFast(b, name, seed, g, profile, compare);
    if (differs || i !== seqA.length) changed++;
  }
  return proportionInterval(changed, runs);
}

export async function calibrate(scenarios: Scenario[], o: CalibrateOptions): Promise<CalibrationReport> {
  const facts: FactResult[] = [];
  const add = (f: Omit<FactResult, 'pass'> & { pass?: boolean }, pass: boolean) => facts.push({ ...f, pass });
  const batch = (list: BatchScenario[], profiles: ProfileIds[]) =>
    runBatch({ command: 'calibrate', seed: o.seed, runs: o.runs, scenarios: list, profiles }, o.run);
  const cellOf = (cells: Cell[], s: number, p: number, nProfiles: number) => cells[s * nProfiles + p]!.acc;

  const usIds = namedUsStrategies();
  const settlementBy = new Map<string, number>();
  let regimeBest = { value: 0, low: 0, high: 0, where: '' };
  let stokeBest = { value: -Infinity, low: -Infinity, high: -Infinity, where: '' };
  let chipsBest = { value: 0, low: 0, high: 0, where: '' };

  for (const s of scenarios) {
    const china = defaultStrategyId('china', s.strategies);
    const us0 = defaultStrategyId('us', s.strategies);
    const base = withParams(s, o.rounds, s.name);

    // 1. Every named US strategy against the scenario's own China and Kim.
    const profiles = usIds.map((us) => ({ us, china, kim: KIM }));
    const cells = await batch([base], profiles);
    const byUs = new Map(usIds.map((us, i) => [us, cellOf(cells, 0, i, profiles.length)]));
    let rollsAtTop = 0;
    let warsAtTop = 0;
    for (const us of usIds) {
      const acc = byUs.get(us)!;
      const w = outcomeShare(acc, 'war');
      add({ id: 'war.perGame', claims: ['C12'], fact: 'war ends at most 3% of games', scenario: s.name, subject: us, target: '<= 3%', value: w.p, low: w.low, high: w.high, unit: 'share' }, w.p <= 0.03);
      const st = outcomeShare(acc, 'settlement');
      settlementBy.set(`${s.name}/${us}`, st.p);
      rollsAtTop += metric(acc, 'rollsAtTop').mean * acc.n;
      warsAtTop += metric(acc, 'warsAtTop').mean * acc.n;
    }
    // C7, C11: the regime outlasted every sanctions campaign since 2006 with China's trade as
    // its lifeline: under the scenario's own China, no named US strategy cracks it often.
    let crisisMax = { p: -1, low: 0, high: 0, us: '' };
    for (const us of usIds) {
      const c = outcomeShare(byUs.get(us)!, 'regimeCrisis');
      if (c.p > crisisMax.p) crisisMax = { ...c, us };
    }
    add({ id: 'ending.regimeCrisis.rare', claims: ['C7', 'C11'], fact: `regime crisis ends at most ${(CRISIS_CEILING * 100).toFixed(0)}% of games under the scenario's own China, for every named US strategy (the most shown)`, scenario: s.name, subject: `${crisisMax.p > 0 ? crisisMax.us : 'every named US strategy'} v ${china}`, target: `<= ${(CRISIS_CEILING * 100).toFixed(0)}%`, value: crisisMax.p, low: crisisMax.low, high: crisisMax.high, unit: 'share' }, crisisMax.p <= CRISIS_CEILING);
    const top = proportionInterval(Math.round(warsAtTop), Math.max(1, Math.round(rollsAtTop)));
    add({ id: 'war.atTop', claims: ['C12'], fact: 'war at most 0.5% a round at full tension (all named US strategies)', scenario: s.name, subject: 'rounds at >= 0.9', target: '<= 0.5%', value: top.p, low: top.low, high: top.high, unit: 'share' }, top.p <= 0.005);

    const d = byUs.get(us0) ?? byUs.get('columns')!;
    const nuc = meanInterval(metric(d, 'nuclearTests'));
    if (s.name !== 'baseline') {
      add({ id: 'tests.nuclear', claims: ['C12'], fact: 'at most 1 nuclear test a game (default strategies)', scenario: s.name, subject: us0, target: '<= 1', value: nuc.mean, low: nuc.low, high: nuc.high, unit: 'count' }, nuc.mean <= 1);
    }
    const holds = pooledShare(d, 'kimHolds', ['kimHolds', 'kimTests']);
    add({ id: 'kim.holds', claims: ['C6', 'C12'], fact: 'Kim holds or pauses in at least 30% of rounds', scenario: s.name, subject: us0, target: '>= 30%', value: holds.p, low: holds.low, high: holds.high, unit: 'share' }, holds.p >= 0.3);
    const pegged = pooledShare(d, 'roundsAtTop', 'rounds');
    add({ id: 'tension.pegged', claims: ['C12'], fact: 'rounds at tension >= 0.9 are at most 20% of rounds', scenario: s.name, subject: us0, target: '<= 20%', value: pegged.p, low: pegged.low, high: pegged.high, unit: 'share' }, pegged.p <= 0.2);
    const fall = meanInterval(metric(d, 'anyTensionFall'));
    add({ id: 'tension.falls', claims: ['C12'], fact: 'a typical game has a round in which tension falls', scenario: s.name, subject: us0, target: '>= 50% of games', value: fall.mean, low: fall.low, high: fall.high, unit: 'share' }, fall.mean >= 0.5);

    // Conclusions of the columns (reported everywhere, a target in 2022 and 2023).
    const cols = byUs.get('columns')!;
    for (const other of ['appeaser', 'asksBeijing']) {
      const diff = diffInterval(cols, byUs.get(other)!, 'payoffUs');
      const target = s.name === '2022' || s.name === '2023';
      add({ id: `columns.beat.${other}`, claims: other === 'appeaser' ? ['C3', 'C8'] : ['C9'], fact: `the columns' advice beats the ${other} on the US payoff`, scenario: s.name, subject: `columns - ${other}`, target: target ? '> 0, interval apart' : 'reported', value: diff.value, low: diff.low, high: diff.high, unit: 'count', reportOnly: !target }, diff.low > 0);
    }
    const vsExp = diffInterval(cols, byUs.get('exposer')!, 'payoffUs');
    add({ id: 'columns.vs.exposer', claims: ['C10', 'C11'], fact: "the columns' mixed advice against pure exposure", scenario: s.name, subject: 'columns - exposer', target: 'reported', value: vsExp.value, low: vsExp.low, high: vsExp.high, unit: 'count', reportOnly: true }, vsExp.low > 0);
    const appChips = meanInterval(metric(byUs.get('appeaser')!, 'concededChips'));
    if (appChips.mean > chipsBest.value) chipsBest = { value: appChips.mean, low: appChips.low, high: appChips.high, where: `${s.name}/appeaser` };

    // 2. Exposure is earned: exposing a China that never asks Kim to escalate.
    const [exp] = await batch([base], [{ us: 'exposer', china: 'restrained', kim: KIM }]);
    const ex = outcomeShare(exp!.acc, 'leverageExposed');
    add({ id: 'exposure.unearned', claims: ['C10', 'C4'], fact: 'exposing a China that never asks ends at most 5% of games as "leverage exposed"', scenario: s.name, subject: 'exposer v restrained', target: '<= 5%', value: ex.p, low: ex.low, high: ex.high, unit: 'share' }, ex.p <= 0.05);
    const early = meanInterval(metric(exp!.acc, 'exposedEarly'));
    add({ id: 'exposure.slow', claims: ['C10'], fact: 'exposing alone does not end the game before round 6 in the median game', scenario: s.name, subject: 'exposer v restrained', target: '< 50% of games', value: early.mean, low: early.low, high: early.high, unit: 'share' }, early.mean < 0.5);

    // 3. Exposure makes Beijing careful: requests a round with exposure 0.6 against as-is.
    const exposed = withParams(s, o.rounds, `${s.name}-exposed`, (p) => {
      p.start.exposure = Math.max(0.6, p.start.exposure);
    });
    const quiet = withParams(s, o.rounds, `${s.name}-unexposed`, (p) => {
      p.start.exposure = Math.min(0.05, p.start.exposure);
    });
    // The opportunist: the China whose asking is the C13 draw (covertFirst's letters are scripted).
    const req = await batch([quiet, exposed], [{ us: 'sanctioner', china: 'opportunist', kim: KIM }]);
    const rate = (acc: Acc) => metric(acc, 'requestsMade').mean / Math.max(1e-9, metric(acc, 'rounds').mean);
    const r0 = rate(req[0]!.acc);
    const r1 = rate(req[1]!.acc);
    const cut = r0 > 0 ? 1 - r1 / r0 : 0;
    add({ id: 'exposure.deters', claims: ['C10', 'C12'], fact: "exposure >= 0.5 cuts China's requests by at least 30%", scenario: s.name, subject: `opportunist, requests/round ${r0.toFixed(3)} -> ${r1.toFixed(3)}`, target: '>= 30%', value: cut, low: cut, high: cut, unit: 'share' }, cut >= 0.3);

    // 4. Kim's dilemma (C7), where Xi asks: defiance share in the scenario as it is.
    const def = pooledShare(d, 'requestsDefied', 'requestsMade');
    if (s.name === '2020') {
      add({ id: 'kim.defies', claims: ['C7'], fact: 'Kim defies 15-60% of the requests to escalate', scenario: s.name, subject: us0, target: '15%..60%', value: def.p, low: def.low, high: def.high, unit: 'share' }, def.p >= 0.15 && def.p <= 0.6);
      const sweep = async (label: string, values: number[], set: (p: Params, x: number) => void, rising: boolean) => {
        const list = values.map((x) => withParams(s, o.rounds, `${s.name}-${label}-${x}`, (p) => set(p, x)));
        const sc = await batch(list, [{ us: us0, china, kim: KIM }]);
        const obeyed = sc.map((c) => 1 - pooledShare(c.acc, 'requestsDefied', 'requestsMade').p);
        // Monotone (ties allowed) with a real change end to end.
        let ok = rising ? obeyed[obeyed.length - 1]! > obeyed[0]! : obeyed[obeyed.length - 1]! < obeyed[0]!;
        for (let i = 1; i < obeyed.length; i++) ok &&= rising ? obeyed[i]! >= obeyed[i - 1]! : obeyed[i]! <= obeyed[i - 1]!;
        add({ id: `kim.sweep.${label}`, claims: ['C7'], fact: `the share obeyed ${rising ? 'rises' : 'falls'} with kim.${label}`, scenario: s.name, subject: values.map((x, i) => `${x}:${(obeyed[i]! * 100).toFixed(0)}%`).join(' '), target: rising ? 'rising' : 'falling', value: obeyed[obeyed.length - 1]! - obeyed[0]!, low: NaN, high: NaN, unit: 'share' }, ok);
      };
      await sweep('lifelineDependence', [0.3, 0.6, 0.9], (p, x) => (p.kim.lifelineDependence = x), true);
      await sweep('obeyStandingCost', [0.02, 0.07, 0.15], (p, x) => (p.kim.obeyStandingCost = x), false);
    } else {
      add({ id: 'kim.defies', claims: ['C7'], fact: 'Kim defies some requests to escalate', scenario: s.name, subject: us0, target: 'reported', value: def.p, low: def.low, high: def.high, unit: 'share', reportOnly: true }, def.p > 0);
    }

    // 5. Regime crisis under sustained sanctions and a squeezed lifeline (C7, C11). Beijing
    // squeezes the lifeline when Kim defies it, so the squeeze is measured against a Kim who
    // defies (independent) as well as the careful regimeFirst; and the crisis must be graded:
    // it rises from a paying US, to sanctions, to sanctions with Beijing enforcing them.
    const squeezeKims = [KIM, 'independent'];
    const rc = await batch([base], squeezeKims.map((kim) => ({ us: 'sanctioner', china: 'enforcer', kim })));
    squeezeKims.forEach((kim, i) => {
      const reg = outcomeShare(rc[i]!.acc, 'regimeCrisis');
      if (reg.p > regimeBest.value) regimeBest = { value: reg.p, low: reg.low, high: reg.high, where: `${s.name}: sanctioner v enforcer, Kim ${kim}` };
    });
    const ladder = [
      { us: 'appeaser', china },
      { us: 'sanctioner', china },
      { us: 'sanctioner', china: 'enforcer' },
    ];
    const graded = await batch([base], ladder.map((l) => ({ ...l, kim: 'independent' })));
    const shares = graded.map((c) => outcomeShare(c.acc, 'regimeCrisis').p);
    let rising = shares[shares.length - 1]! > shares[0]!;
    for (let i = 1; i < shares.length; i++) rising &&= shares[i]! >= shares[i - 1]!;
    add({ id: 'ending.regimeCrisis.graded', claims: ['C7', 'C11'], fact: 'regime crisis rises with pressure and squeeze (Kim independent): appeaser, sanctioner, sanctioner v enforcer', scenario: s.name, subject: ladder.map((l, i) => `${l.us}/${l.china} ${(shares[i]! * 100).toFixed(1)}%`).join(' -> '), target: 'rising', value: shares[shares.length - 1]! - shares[0]!, low: NaN, high: NaN, unit: 'share' }, rising);

    // 6. Hidden information (C1): the US's starting estimate 0.3 against 0.9.
    let best = { p: 0, low: 0, high: 0 };
    let bestUs = '';
    for (const us of ['pragmatist', 'asksBeijing', 'appeaser']) {
      const lowEst = withParams(s, o.rounds, s.name, (p) => (p.start.usEstimateOfInfluence = 0.3));
      const highEst = withParams(s, o.rounds, s.name, (p) => (p.start.usEstimateOfInfluence = 0.9));
      const c = pairedCourseChange(lowEst.params, highEst.params, s.name, o.seed, o.runs, { us, china, kim: KIM });
      if (c.p > best.p) [best, bestUs] = [c, us];
      if (c.p >= 0.1) break;
    }
    add({ id: 'c1.estimate', claims: ['C1'], fact: "the US's estimate of China's sway (0.3 v 0.9) changes the course of at least 10% of games", scenario: s.name, subject: bestUs || 'none', target: '>= 10%', value: best.p, low: best.low, high: best.high, unit: 'share' }, best.p >= 0.1);

    // 7. Both halves of C2: stoking as well as selling, against a paying US.
    for (const us of ['appeaser', 'asksBeijing']) {
      const sc = await batch([base], [{ us, china: 'opportunist', kim: KIM }, { us, china: 'seller', kim: KIM }]);
      const dd = diffInterval(sc[0]!.acc, sc[1]!.acc, 'payoffChina');
      if (dd.low > stokeBest.low) stokeBest = { ...dd, where: `${s.name}/${us}` };
    }

    // 8. Value weights act on choices: a Kim who fears war more tests less.
    const fearful = withParams(s, o.rounds, `${s.name}-kim-war-x2`, (p) => (p.payoffs.kim.war *= 2));
    const vw = await batch([base, fearful], [{ us: us0, china, kim: KIM }]);
    // Kim tests less, in number or in the most dangerous kind (nuclear tests a round): where
    // his tests answer Xi's requests and warm letters (2023), a careful Kim swaps nuclear tests
    // for missiles rather than testing less often (scenarios/CALIBRATION.md).
    const tr = (acc: Acc) => pooledShare(acc, 'kimTests', ['kimHolds', 'kimTests']);
    const nr = (acc: Acc) => pooledShare(acc, 'nuclearTests', ['kimHolds', 'kimTests']);
    const t0 = tr(vw[0]!.acc);
    const t1 = tr(vw[1]!.acc);
    const n0 = nr(vw[0]!.acc);
    const n1 = nr(vw[1]!.acc);
    const fewer = t1.high < t0.low;
    const fewerNuclear = n1.high < n0.low;
    const pct = (x: number) => (x * 100).toFixed(1);
    add({ id: 'weights.kimWar.rate', claims: ['C12'], fact: "doubling payoffs.kim.war lowers Kim's test rate, or his nuclear-test rate", scenario: s.name, subject: `tests/round ${pct(t0.p)}% -> ${pct(t1.p)}%, nuclear ${pct(n0.p)}% -> ${pct(n1.p)}%`, target: 'lower, intervals apart', value: fewer ? t1.p - t0.p : n1.p - n0.p, low: fewer ? t1.low - t0.high : n1.low - n0.high, high: fewer ? t1.high - t0.low : n1.high - n0.low, unit: 'share' }, fewer || fewerNuclear);
    const rungs = diffInterval(vw[1]!.acc, vw[0]!.acc, 'rungsTested');
    add({ id: 'weights.kimWar.rungs', claims: ['C12'], fact: 'doubling payoffs.kim.war lowers how hard Kim escalates (rungs tested a game)', scenario: s.name, subject: 'feared - as is', target: '< 0, interval', value: rungs.value, low: rungs.low, high: rungs.high, unit: 'count' }, rungs.high < 0);
  }

  // Facts that need one place among the scenarios.
  const names = scenarios.map((s) => s.name);
  const doorOpeners = ['reciprocator', 'appeaser', 'asksBeijing', 'columns', 'pragmatist'];
  let settleWho = '';
  let settleCount = 0;
  for (const us of doorOpeners) {
    const n = names.filter((sn) => (settlementBy.get(`${sn}/${us}`) ?? 0) >= 0.05).length;
    // Ties go to the strategy whose weakest qualifying scenario settles most (the surest pass).
    const surest = (who: string) => Math.min(...names.map((sn) => settlementBy.get(`${sn}/${who}`) ?? 0).filter((x) => x >= 0.05));
    if (n > settleCount || (n === settleCount && n > 0 && surest(us) > surest(settleWho))) [settleWho, settleCount] = [us, n];
  }
  const needed = Math.min(2, names.length);
  add({ id: 'ending.settlement', claims: ['C11'], fact: 'settlement >= 5% of games for a door-opening US strategy in at least two scenarios', scenario: names.join(' '), subject: settleWho ? `${settleWho}: ${names.map((sn) => `${sn} ${((settlementBy.get(`${sn}/${settleWho}`) ?? 0) * 100).toFixed(1)}%`).join(', ')}` : 'none', target: `>= 5% in ${needed}`, value: settleCount, low: NaN, high: NaN, unit: 'count' }, settleCount >= needed);
  add({ id: 'ending.regimeCrisis', claims: ['C7', 'C11'], fact: 'regime crisis >= 1% somewhere under sustained sanctions and a squeezed lifeline', scenario: regimeBest.where || names.join(' '), subject: 'best', target: '>= 1%', value: regimeBest.value, low: regimeBest.low, high: regimeBest.high, unit: 'share' }, regimeBest.value >= 0.01);
  add({ id: 'c2.stoking', claims: ['C2'], fact: "stoking raises China's payoff over selling alone somewhere", scenario: stokeBest.where, subject: 'opportunist - seller', target: '> 0, interval', value: stokeBest.value, low: stokeBest.low, high: stokeBest.high, unit: 'count' }, stokeBest.low > 0);
  add({ id: 'c3.chips', claims: ['C3'], fact: 'chips are a price China sometimes names (chip concessions to an appeaser)', scenario: chipsBest.where, subject: 'chip concessions a game', target: '> 0', value: chipsBest.value, low: chipsBest.low, high: chipsBest.high, unit: 'count' }, chipsBest.low > 0);

  const scored = facts.filter((f) => !f.reportOnly);
  return {
    seed: o.seed,
    runs: o.runs,
    rounds: o.rounds,
    scenarios: names,
    facts,
    passed: scored.filter((f) => f.pass).length,
    failed: scored.filter((f) => !f.pass).length,
  };
}
