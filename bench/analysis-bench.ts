// The analysis commands (sensitivity, discover, equilibria) against a plain batch of the same
// cells: how much their own work (designs, summaries, solving the table) costs beyond playing
// the games, and whether both cores help them as they help a batch. Issue 22, item 6.
// Each worker count has one warm pool that plain and analysis runs share (as a command's
// batches share one), so worker start-up is not timed; runs alternate plain/analysis and
// 1/2 workers, three rounds, medians. The machine's load is printed: on a shared machine a
// 2-worker figure says more about the neighbours than about the code. Each command is timed at
// its CLI default size and, where a fixed serial cost (designs, solving the table) weighs on
// the ratio at that size, at a larger one too: both rows are the figure, at their sizes.
// equilibria's solving is also timed alone, on one table, in one thread and beside its
// solver thread (kept for the whole bench, like the pools): milliseconds of work that the
// neighbours' load moves less than a 2-worker ratio.
import type { BatchScenario, BatchSpec, ProfileIds } from '../src/engine/batch/batch.js';
import type { Factor } from '../src/analysis/sensitivity.js';
import { loadavg, cpus } from 'node:os';
import { runBatch } from '../src/engine/batch/batch.js';
import { WorkerPool } from '../src/engine/batch/pool.js';
import { makeRng } from '../src/rng/rng.js';
import { resolveScenario } from '../src/scenario/catalog.js';
import { parseFactor, scenarioAt, sobolSensitivity } from '../src/analysis/sensitivity.js';
import { discover } from '../src/analysis/discover.js';
import { equilibria, estimatedGame, solveEstimated } from '../src/analysis/equilibria-report.js';
import { SolverThread } from '../src/analysis/games/solver-thread.js';
import { tournamentReport } from '../src/analysis/reports.js';
import { designPoints, saltelliDesign } from '../src/analysis/gsa/sobol.js';
import { latinHypercube } from '../src/analysis/gsa/latin.js';
import { strategyIds } from '../src/strategies/registry.js';

const fmt = (x: number, d = 2) => x.toFixed(d);

async function timed<T>(f: () => Promise<T>): Promise<number> {
  const t = performance.now();
  await f();
  return (performance.now() - t) / 1000;
}

interface Case {
  name: string;
  games: number;
  analysis: (workers: number, pool: WorkerPool) => Promise<unknown>;
  plain: (workers: number, pool: WorkerPool) => Promise<unknown>;
}

/**
 * Rounds of each case, plain and analysis alternating, at each worker count: 5, not 3, since
 * the 2-worker figures of one round swing by +-0.15x on a shared 2-core machine.
 */
const ROUNDS = 5;

export async function benchAnalysis(): Promise<void> {
  const s = resolveScenario('2022');
  const base = { name: s.name, source: s.source, sha256: s.sha256, params: s.params };
  const seed = 'bench';
  const profile: ProfileIds = { us: 'columns', china: s.strategies.china ?? 'opportunist', kim: s.strategies.kim ?? 'regimeFirst' };
  const versus = { kind: 'versus' as const, plus: profile, minus: { ...profile, us: 'appeaser' } };
  const factors: Factor[] = ['payoffs.us.credibility', 'start.chinaInfluence', 'C10', 'luck'].map((p) => parseFactor(p, s.params));
  const plainOf = (scenarios: BatchScenario[], profiles: ProfileIds[], runs: number) => (workers: number, pool: WorkerPool) => {
    const spec: BatchSpec = { command: 'bench', seed, runs, scenarios, profiles };
    return runBatch(spec, { workers, pool });
  };
  const runs = 200;
  const sobolCase = (n: number): Case => {
    const points = designPoints(saltelliDesign(factors.length, n, makeRng(`sensitivity|design|${seed}`, 'chance'))).map((u) => scenarioAt(base, factors, u));
    return { name: `sensitivity (Sobol, ${factors.length} factors, n ${n}, ${runs} runs)`, games: points.length * 2 * runs, analysis: (w, pool) => sobolSensitivity(base, factors, versus, n, seed, runs, { workers: w, pool }), plain: plainOf(points, [versus.plus, versus.minus], runs) };
  };
  const discFactors = factors.slice(0, 3);
  const discPoints = latinHypercube(discFactors.length, 200, makeRng(`discover|design|${seed}`, 'chance')).map((u) => scenarioAt(base, discFactors, u));
  const all = { us: strategyIds('us').filter((x) => x !== 'usRandom'), china: strategyIds('china').filter((x) => x !== 'chinaRandom'), kim: strategyIds('kim').filter((x) => x !== 'kimRandom') };
  const table: ProfileIds[] = all.us.flatMap((us) => all.china.flatMap((china) => all.kim.map((kim) => ({ us, china, kim }))));
  // Kept for the whole bench, as the pools are: its start-up is not timed either.
  const solvers: Record<number, SolverThread | undefined> = { 2: new SolverThread() };
  const equilibriaCase = (games: number): Case => ({ name: `equilibria (${table.length} profiles, ${games} runs)`, games: table.length * games, analysis: (w, pool) => equilibria(base, all, seed, games, { workers: w, pool, solver: solvers[w] }), plain: plainOf([base], table, games) });
  // CLI defaults: sensitivity --n 64 --runs 200, discover --points 200 --runs 200, equilibria --runs 500.
  // `--analysis equilibria` (or sensitivity, discover) times only the cases of that command.
  const only = process.argv[3];
  const listed: Case[] = [
    sobolCase(64),
    { name: `discover (PRIM, 200 points, ${runs} runs)`, games: discPoints.length * 2 * runs, analysis: (w, pool) => discover(base, discFactors, versus.plus, versus.minus, 'bench', 200, seed, runs, { workers: w, pool }), plain: plainOf(discPoints, [versus.plus, versus.minus], runs) },
    equilibriaCase(500),
    equilibriaCase(2000),
  ];
  const cases = listed.filter((c) => !only || c.name.startsWith(only));
  const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
  console.log(`analysis commands against a plain batch of the same cells (2022; warm pools and solvers, ${ROUNDS} interleaved rounds, medians); load average ${load()} on ${cpus().length} cores`);
  const pools: Record<number, WorkerPool> = { 1: new WorkerPool(1), 2: new WorkerPool(2) };
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  try {
    // Warm both pools (workers started, code compiled) before anything is timed.
    for (const w of [1, 2]) await (listed[1] as Case).plain(w, pools[w] as WorkerPool);
    // Warm the solving code too, in both threads that solve: the main thread solves at every
    // worker count but the solver thread only at 2, so without this the 2-worker rounds met a
    // solver thread that had solved once or twice (its solve still being compiled: ~50-65 ms
    // against ~25 ms warm) beside a main thread warmed by every round. Not timed.
    if (cases.some((c) => c.name.startsWith('equilibria'))) for (let k = 0; k < 4; k++) for (const w of [1, 2]) await (listed[2] as Case).analysis(w, pools[w] as WorkerPool);
    for (const c of cases) {
      const t: Record<string, number[]> = { p1: [], a1: [], p2: [], a2: [] };
      for (let round = 0; round < ROUNDS; round++)
        for (const w of round % 2 ? [2, 1] : [1, 2]) {
          (t[`p${w}`] as number[]).push(await timed(() => c.plain(w, pools[w] as WorkerPool)));
          (t[`a${w}`] as number[]).push(await timed(() => c.analysis(w, pools[w] as WorkerPool)));
        }
      const [p1, a1, p2, a2] = ['p1', 'a1', 'p2', 'a2'].map((k) => median(t[k] as number[])) as [number, number, number, number];
      console.log(
        `  ${c.name.padEnd(46)} ${fmt(c.games / a1 / 1e3, 1).padStart(6)} k games/s (plain ${fmt(c.games / p1 / 1e3, 1)})   vs plain: 1 worker ${fmt(p1 / a1)}x, 2 workers ${fmt(p2 / a2)}x (target >= 0.8x)   2 workers / 1 ${fmt(a1 / a2)}x (plain ${fmt(p1 / p2)}x; target >= 1.8x)   beyond the games ${fmt(a1 - p1)} s   load ${load()}`,
      );
    }
    if (!only || only === 'equilibria') await benchSolving(base, all, seed, pools[2] as WorkerPool, solvers[2] as SolverThread, load);
  } finally {
    for (const p of Object.values(pools)) p.close();
    for (const t of Object.values(solvers)) t?.close();
  }
  console.log(`  load average at the end ${load()}: with more than about ${cpus().length - 1} already busy, the 2-worker figures measure the neighbours.`);
}

/**
 * equilibria's solving alone, the serial part after the games that bounds its 2 workers / 1:
 * the 2022 table at the CLI's 500 games a profile, solved in this thread only (as with
 * --workers 1) and beside the solver thread (2 or more), alternating, 7 of each, medians;
 * and beside the thread straight after a batch, as the command solves. Milliseconds of work
 * on a fixed table: load moves it less than a games/s ratio.
 */
async function benchSolving(base: Parameters<typeof equilibria>[0], all: Parameters<typeof equilibria>[1], seed: string, pool: WorkerPool, solver: SolverThread, load: () => string): Promise<void> {
  const runs = 500;
  const profiles: ProfileIds[] = all.us.flatMap((us) => all.china.flatMap((china) => all.kim.map((kim) => ({ us, china, kim }))));
  const spec: BatchSpec = { command: 'equilibria', seed, runs, scenarios: [base], profiles };
  const table = tournamentReport(spec, await runBatch(spec, { workers: 2, pool }));
  const est = estimatedGame(table, 'bench');
  const t: { serial: number[]; beside: number[]; afterGames: number[] } = { serial: [], beside: [], afterGames: [] };
  for (let k = 0; k < 7; k++) {
    t.serial.push(await timed(() => solveEstimated(base, seed, runs, 0.1, table, est, null)));
    t.beside.push(await timed(() => solveEstimated(base, seed, runs, 0.1, table, est, solver)));
    // As in the command: straight after a 2-worker batch, where the same solve measures ~1.5-2x
    // slower than back to back (both threads' CPU time per solve roughly doubles; cause not found).
    await runBatch(spec, { workers: 2, pool });
    t.afterGames.push(await timed(() => solveEstimated(base, seed, runs, 0.1, table, est, solver)));
  }
  const ms = (xs: number[]) => fmt(1000 * ([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number), 0);
  console.log(`  equilibria's solving alone (2022 table, ${runs} runs, after the games): this thread only ${ms(t.serial)} ms, beside the solver thread ${ms(t.beside)} ms, beside it straight after a batch ${ms(t.afterGames)} ms (medians of 7, interleaved)   load ${load()}`);
}
