import type { Actor } from '../model/context.js';
import type { Cell, ProfileIds } from '../engine/batch/batch.js';
import type { AnalysisRun, AnalysisScenario } from './experiment.js';
import type { Mixed, NormalForm } from './games/normal-form.js';
import type { TournamentReport } from './reports.js';
import type { Rng } from '../rng/rng.js';
import type { MixedResult, SupportShare } from './games/mixed.js';
import type { IndependentSolves } from './games/independent-solves.js';
import { makeRng } from '../rng/rng.js';
import { METRICS } from '../engine/batch/stats.js';
import { runOnce } from './experiment.js';
import { tournamentReport } from './reports.js';
import { makeGame } from './games/normal-form.js';
import { mergeSupportShares, mixedEquilibria, solveSupportShare } from './games/mixed.js';
import { independentSolves } from './games/independent-solves.js';
import { SolverThread } from './games/solver-thread.js';

// What sides that reason would do with the estimated strategy table: every US x China x Kim
// profile played `runs` times gives a table of mean payoffs, each an estimate with sampling
// noise. On it: mixed Nash equilibria, the logit QRE path, alpha-Rank, and the US as a
// Stackelberg leader. Each equilibrium's regret (what some side could gain by deviating) is
// 0 on the estimated table by construction; its interval says how large the regret could be
// on the true table, given the noise.

export const PLAYERS = ['us', 'china', 'kim'] as const satisfies readonly Actor[];

export interface EstimatedGame {
  game: NormalForm;
  /** Standard error of each payoff, laid out as game.payoffs. */
  se: Float64Array;
}

export function estimatedGame(r: TournamentReport, title: string): EstimatedGame {
  const rows = new Map(r.table.map((row) => [`${row.profile.us}|${row.profile.china}|${row.profile.kim}`, row]));
  const strategies = PLAYERS.map((a) => r.strategies[a]);
  const rowOf = (pure: number[]) => rows.get(PLAYERS.map((a, i) => (strategies[i] as string[])[pure[i] as number]).join('|')) as TournamentReport['table'][number];
  const game = makeGame(title, ['US', 'China', 'Kim'], strategies, (pure) => PLAYERS.map((a) => rowOf(pure).payoffs[a].mean));
  const seGame = makeGame(title, ['US', 'China', 'Kim'], strategies, (pure) => PLAYERS.map((a) => (rowOf(pure).payoffs[a].high - rowOf(pure).payoffs[a].low) / (2 * 1.96)));
  return { game, se: seGame.payoffs };
}

function normal(rng: Rng): number {
  // Box-Muller; 1 - u keeps the logarithm finite.
  return Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
}

/**
 * The regret of a fixed profile on tables drawn around the estimate (each payoff normal with
 * its standard error): a 95% interval for its regret on the true table. A parametric
 * bootstrap; cells are drawn independently though they share seeds, which errs wide. Only the
 * payoffs the regret reads are drawn: each side's payoff from each of its strategies against
 * the combinations the others play with positive probability.
 *
 * It runs after the last support is solved, on one thread, so it sets part of `equilibria`'s
 * serial tail: the slots, weights, payoffs and errors it reads are laid out flat once, and
 * each draw allocates nothing. The arithmetic is the plain definition's, in its order (the
 * test keeps that definition and compares bits): per side, per own strategy, the weighted sum
 * over the others' combinations with earlier sides varying slowest, each term drawing its
 * normal in turn; the side's best value and its value at sigma folded in strategy order.
 */
export function regretInterval(e: EstimatedGame, sigma: Mixed, rng: Rng, draws = 200): { estimate: number; low: number; high: number } {
  const g = e.game;
  const P = g.players.length;
  const sz = g.strategies.map((x) => x.length);
  const stride: number[] = [];
  sz.reduce((k, n) => (stride.push(k), k * n), 1);
  // For each side: the others' supported combinations (weight, profile offset), then per own strategy its payoffs and errors over them.
  const sides = sz.map((n, i) => {
    let combos = [{ offset: 0, w: 1 }];
    sz.forEach((m, j) => {
      if (j === i) return;
      combos = combos.flatMap((c) => Array.from({ length: m }, (_, t) => ({ offset: c.offset + t * (stride[j] as number), w: c.w * ((sigma[j] as number[])[t] as number) })).filter((x) => x.w > 0));
    });
    const K = combos.length;
    const pay = new Float64Array(n * K);
    const se = new Float64Array(n * K);
    for (let own = 0; own < n; own++)
      combos.forEach((c, k) => {
        const slot = (c.offset + own * (stride[i] as number)) * P + i;
        pay[own * K + k] = g.payoffs[slot] as number;
        se[own * K + k] = e.se[slot] as number;
      });
    return { n, K, w: Float64Array.from(combos, (c) => c.w), pay, se, at: Float64Array.from(sigma[i] as number[]) };
  });
  const once = (noise: boolean): number => {
    let worst = 0;
    for (const { n, K, w, pay, se, at } of sides) {
      let best = -Infinity;
      let now = 0;
      for (let own = 0; own < n; own++) {
        let v = 0;
        for (let k = 0; k < K; k++) v += (w[k] as number) * ((pay[own * K + k] as number) + (noise ? (se[own * K + k] as number) * normal(rng) : 0));
        best = Math.max(best, v);
        now += v * (at[own] as number);
      }
      worst = Math.max(worst, best - now);
    }
    return worst;
  };
  const rs = Array.from({ length: draws }, () => once(true)).sort((a, b) => a - b);
  return { estimate: once(false), low: rs[Math.floor(0.025 * (draws - 1))] as number, high: rs[Math.ceil(0.975 * (draws - 1))] as number };
}

/**
 * Games per cell for every payoff's 95% interval to be within +-epsilon/2, so a regret (a
 * difference of two payoffs) is known within epsilon: the normal approximation, scaled from
 * the largest standard error seen at `runs` games.
 */
export function gamesForEpsilon(e: EstimatedGame, runs: number, epsilon: number): number {
  const seMax = Math.max(...e.se);
  return Math.ceil(runs * ((2 * 1.96 * seMax) / epsilon) ** 2);
}

export interface EquilibriaReport {
  kind: 'leverage-equilibria';
  scenario: string;
  seed: string;
  runs: number;
  strategies: Record<Actor, string[]>;
  method: string;
  mixed: { sigma: Mixed; payoffs: number[]; regret: { estimate: number; low: number; high: number } }[];
  supportsTried: number;
  surviving: Record<Actor, string[]>;
  qre: { lambda: number; sigma: Mixed; regret: number }[];
  qreStopped: boolean;
  qreScale: number;
  alphaRank: { alpha: number; populationSize: number; top: { profile: ProfileIds; mass: number }[]; marginals: Record<Actor, number[]> };
  stackelberg: { commitments: { us: string; worst: number; best: number }[]; choice: string };
  epsilon: number;
  gamesForEpsilon: number;
  maxStandardError: number;
  table: TournamentReport;
}

export const METHOD =
  'Mixed equilibria: support enumeration (supports of up to 3 strategies a side, after removing strictly dominated strategies), each support\'s indifference equations solved by Newton\'s method from 13 seeded starts. QRE: the logit branch from the centre, lambda on a geometric grid in units of 1/(payoff range), Newton-corrected. alpha-Rank: Fermi fixation, population 50. Stackelberg: the US commits to a pure strategy; China and Kim then play an equilibrium of what is left.';

/**
 * How `equilibria` runs: its batch, and optionally a solver thread kept across calls (as a
 * pool is). With two or more workers and none given, it starts its own for the call.
 */
export type EquilibriaRun = AnalysisRun & { solver?: SolverThread };

export async function equilibria(scenario: AnalysisScenario, strategies: Record<Actor, string[]>, seed: string, runs: number, run: EquilibriaRun, epsilon = 0.1): Promise<EquilibriaReport> {
  const profiles: ProfileIds[] = [];
  for (const us of strategies.us) for (const china of strategies.china) for (const kim of strategies.kim) profiles.push({ us, china, kim });
  const spec = { command: 'equilibria', seed, runs, scenarios: [{ name: scenario.name, source: scenario.source, sha256: scenario.sha256, params: scenario.params }], profiles };
  // Solving is serial work after the games, so with two workers it set the command's speed-up
  // (issue 22, item 6): the table-only solves go to a second thread, which then shares the
  // support enumeration with this one. Started before the games, so its start-up overlaps
  // them. --workers 1 (or 0) asks for one thread of work: all of it stays here.
  const helper = run.workers >= 2 ? (run.solver ?? new SolverThread()) : null;
  try {
    const cells: Cell[] = await runOnce(spec, run);
    const title = `leverage ${scenario.name}: estimated payoffs, ${runs} games a profile, seed ${seed}`;
    // The thread needs only the mean payoffs, read straight from the cells: it starts on them
    // while this thread summarizes the table (a few ms of every metric of every cell).
    const started = helper ? startBeside(helper, meanPayoffGame(cells, strategies, title), seed) : undefined;
    const table = tournamentReport(spec, cells);
    const est = estimatedGame(table, title);
    return await solveEstimated(scenario, seed, runs, epsilon, table, est, helper, started);
  } finally {
    if (helper && helper !== run.solver) helper.close();
  }
}

const SUPPORT_OPTIONS = { maxSupport: 3 };
const newtonSeed = (seed: string) => `equilibria|newton|${seed}`;
const [PAYOFF_US, PAYOFF_CHINA, PAYOFF_KIM] = (['payoffUs', 'payoffChina', 'payoffKim'] as const).map((k) => METRICS.findIndex((m) => m.key === k)) as [number, number, number];

/** The table of mean payoffs from the batch's cells (scenario 0, profiles US-major as `equilibria` lists them): estimatedGame's numbers, without summarizing the table first. */
export function meanPayoffGame(cells: Cell[], strategies: Record<Actor, string[]>, title: string): NormalForm {
  const [nc, nk] = [strategies.china.length, strategies.kim.length];
  return makeGame(title, ['US', 'China', 'Kim'], PLAYERS.map((a) => strategies[a]), ([u, c, k]) => {
    const m = (cells[((u as number) * nc + (c as number)) * nk + (k as number)] as Cell).acc.metrics;
    return [PAYOFF_US, PAYOFF_CHINA, PAYOFF_KIM].map((i) => (m[i] as { mean: number }).mean);
  });
}

/** The solver thread at work on a table: its own solves, then its blocks of supports from `counter`. */
export interface Beside {
  game: NormalForm;
  counter: Int32Array;
  answer: Promise<IndependentSolves & { supports: SupportShare }>;
}

export function startBeside(helper: SolverThread, game: NormalForm, seed: string): Beside {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const answer = helper.solve(game, seed, { counter: counter.buffer as SharedArrayBuffer, rngSeed: newtonSeed(seed), options: SUPPORT_OPTIONS });
  // Should the work here throw first, the thread's answer is no longer wanted: no unhandled rejection.
  void answer.catch(() => undefined);
  return { game, counter, answer };
}

function samePayoffs(a: NormalForm, b: NormalForm): boolean {
  if (a.payoffs.length !== b.payoffs.length || a.strategies.some((s, i) => s.join('\n') !== (b.strategies[i] as string[]).join('\n'))) return false;
  for (let i = 0; i < a.payoffs.length; i++) if (!Object.is(a.payoffs[i], b.payoffs[i])) return false;
  return true;
}

/** Everything `equilibria` computes from the estimated table: in this thread, or beside a solver thread. */
export async function solveEstimated(scenario: AnalysisScenario, seed: string, runs: number, epsilon: number, table: TournamentReport, est: EstimatedGame, helper: SolverThread | null, started?: Beside): Promise<EquilibriaReport> {
  const g = est.game;
  let mixed: MixedResult;
  let solved: IndependentSolves;
  let beside = started;
  if (beside && !samePayoffs(beside.game, g)) {
    // Started on another table (it cannot be, but the report must come from this one): let it finish, start again.
    await beside.answer.catch(() => undefined);
    beside = undefined;
  }
  if (!beside && helper) beside = startBeside(helper, g, seed);
  if (beside) {
    // Both threads take blocks of supports from one counter: the helper once its own solves
    // are done, this thread from the start; merged in enumeration order, as if walked here.
    const counter = beside.counter;
    const here = solveSupportShare(g, makeRng(newtonSeed(seed), 'chance'), () => Atomics.add(counter, 0, 1), SUPPORT_OPTIONS);
    const there = await beside.answer;
    mixed = mergeSupportShares(g, [here, there.supports], SUPPORT_OPTIONS);
    solved = there;
  } else {
    mixed = mixedEquilibria(g, makeRng(newtonSeed(seed), 'chance'), SUPPORT_OPTIONS);
    solved = independentSolves(g, seed);
  }
  const bootRng = makeRng(`equilibria|bootstrap|${seed}`, 'chance');
  const regrets = mixed.equilibria.map((e) => regretInterval(est, e.sigma, bootRng));
  const { qre, alphaRank: ar, stackelberg: st } = solved;
  const names = table.strategies;
  const pick = (pure: number[]): ProfileIds => ({ us: names.us[pure[0] as number] as string, china: names.china[pure[1] as number] as string, kim: names.kim[pure[2] as number] as string });
  return {
    kind: 'leverage-equilibria',
    scenario: scenario.name,
    seed,
    runs,
    strategies: names,
    method: METHOD,
    mixed: mixed.equilibria.map((e, k) => ({ sigma: e.sigma, payoffs: e.payoffs, regret: regrets[k] as EquilibriaReport['mixed'][number]['regret'] })),
    supportsTried: mixed.supportsTried,
    surviving: { us: (mixed.surviving[0] as number[]).map((s) => names.us[s] as string), china: (mixed.surviving[1] as number[]).map((s) => names.china[s] as string), kim: (mixed.surviving[2] as number[]).map((s) => names.kim[s] as string) },
    qre: qre.points,
    qreStopped: qre.stopped,
    qreScale: qre.payoffScale,
    alphaRank: { alpha: ar.alpha, populationSize: ar.populationSize, top: ar.profiles.slice(0, 10).map((p) => ({ profile: pick(p.pure), mass: p.mass })), marginals: { us: ar.marginals[0] as number[], china: ar.marginals[1] as number[], kim: ar.marginals[2] as number[] } },
    stackelberg: { commitments: st.commitments.map((c) => ({ us: names.us[c.strategy] as string, worst: c.worst, best: c.best })), choice: names.us[st.choice] as string },
    epsilon,
    gamesForEpsilon: gamesForEpsilon(est, runs, epsilon),
    maxStandardError: Math.max(...est.se),
    table,
  };
}
