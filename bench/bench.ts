// npm run bench: the batch engine's speed and memory targets (issue 12), measured side by
// side in one run on the baseline scenario and the default profile, printed as figures and
// ratios. The yardsticks are the limit loops: v1 (limit-loop.ts), a frozen, versioned copy of
// the rules, which may drift from the real rules (it measures speed, not behaviour), and v2
// (tight-loop.ts), v1's very games played as fast as these rules allow on one core. The old
// hand-written loop (baseline-loop.ts) and the interpreting stepper (the batch path before
// the compiled round) are kept as reference points.
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Profile } from '../src/engine/batch/fast-game.js';
import type { BatchSpec } from '../src/engine/batch/batch.js';
import { playWithActor } from '../src/engine/reference/actor-runner.js';
import { resolveProfile, runBatch, runUnit } from '../src/engine/batch/batch.js';
import { playFast, playInterpreted } from '../src/engine/batch/fast-game.js';
import { addGame, CHUNK_SIZE, emptyAcc, METRICS } from '../src/engine/batch/stats.js';
import { OUTCOME_NAMES } from '../src/model/outcomes.js';
import { resolveScenario } from '../src/scenario/catalog.js';
import { DEFAULT_STRATEGY } from '../src/strategies/registry.js';
import { playBaseline } from './baseline-loop.js';
import { LIMIT_FIELDS, LIMIT_LOOP_VERSION, limitBatch } from './limit-loop.js';
import { TIGHT_LOOP_VERSION, tightBatch } from './tight-loop.js';
import { cliStartup, printCliStartup } from './startup.js';
import { benchAnalysis } from './analysis-bench.js';
import { printYardstick } from './yardstick-bench.js';

const scenario = resolveScenario('baseline');
const ids = { ...DEFAULT_STRATEGY };
const profile: Profile = resolveProfile(ids);

const ROUNDS_METRIC = METRICS.findIndex((m) => m.key === 'rounds');

function batchSpec(runs: number): BatchSpec {
  return {
    command: 'batch',
    seed: 'bench',
    runs,
    scenarios: [{ name: scenario.name, source: scenario.source, sha256: scenario.sha256, params: scenario.params }],
    profiles: [ids],
  };
}

/** Games per second and rounds per second of `play`, which plays `n` games from index `first` and returns their rounds. */
function throughput(play: (first: number, n: number) => number, first: number, n: number): { games: number; rounds: number } {
  const t = performance.now();
  const rounds = play(first, n);
  const s = (performance.now() - t) / 1000;
  return { games: n / s, rounds: rounds / s };
}

// Each contender plays whole chunks of games [first, first + n) of the same batch.
const LOOPS = {
  /** The old hand-written loop (its games only, as it always measured). */
  old: (first: number, n: number) => {
    let r = 0;
    for (let i = first; i < first + n; i++) r += playBaseline(scenario.params, scenario.name, 'bench', i, profile).rounds;
    return r;
  },
  /** Today's main: the interpreting stepper, with the batch's statistics. */
  stepper: (first: number, n: number) => {
    let r = 0;
    const acc = emptyAcc();
    for (let i = first; i < first + n; i++) {
      const g = playInterpreted(scenario.params, scenario.name, 'bench', i, profile);
      addGame(acc, g);
      r += g.rounds;
    }
    return r;
  },
  /** The batch path: the batch engine's own units (compiled round, statistics). */
  batch: (first: number, n: number) => {
    const spec = batchSpec(first + n);
    let r = 0;
    for (let u = first / CHUNK_SIZE; u < (first + n) / CHUNK_SIZE; u++) {
      const acc = runUnit(spec, u, [profile]);
      r += (acc.metrics[ROUNDS_METRIC]?.mean ?? 0) * acc.n;
    }
    return r;
  },
  /** Limit loop v1, with its statistics. */
  limit: (first: number, n: number) => limitBatch(scenario.params, scenario.name, 'bench', first, n).rounds,
  /** Limit loop v2 (v1's games, tighter), with its statistics. */
  tight: (first: number, n: number) => tightBatch(scenario.params, scenario.name, 'bench', first, n).rounds,
};

/** Child mode: run one batch and report its time and this process's peak memory. */
async function child(runs: number, workers: number): Promise<void> {
  const t = performance.now();
  const cells = await runBatch(batchSpec(runs), { workers });
  const seconds = (performance.now() - t) / 1000;
  const cpu = process.cpuUsage();
  process.stdout.write(JSON.stringify({ seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, maxRssKb: process.resourceUsage().maxRSS, n: cells[0]?.acc.n }));
}

interface ChildRun {
  seconds: number;
  /** CPU time the whole process used: over `seconds`, how many cores it actually got. */
  cpuSeconds: number;
  maxRssKb: number;
  n: number;
}

function inChild(runs: number, workers: number): ChildRun {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, [self, '--child', String(runs), String(workers)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bench child failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as ChildRun;
}

const fmt = (x: number, d = 2) => x.toFixed(d);
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT MET');
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

/**
 * The batch path, the stepper and the old loop must play the same games (a mismatch stops the
 * bench; the tests prove it at length). The limit loop is a frozen yardstick that may drift
 * from the rules, so its agreement is only counted and printed, never required.
 */
function checkSameGames(): { limitAgrees: number; games: number } {
  let k = 0;
  let limitAgrees = 0;
  limitBatch(scenario.params, scenario.name, 'check', 0, 200, (g) => {
    const fast = playFast(scenario.params, scenario.name, 'check', k, profile);
    const ref = JSON.stringify(playInterpreted(scenario.params, scenario.name, 'check', k, profile));
    if (JSON.stringify(fast) !== ref) throw new Error(`batch path and stepper differ on game ${k}`);
    if (JSON.stringify(playBaseline(scenario.params, scenario.name, 'check', k, profile)) !== ref) throw new Error(`old loop and stepper differ on game ${k}`);
    const same = LIMIT_FIELDS.every((f, i) => Object.is(g[i], f === 'outcome' ? OUTCOME_NAMES.indexOf(fast.outcome) : fast[f]));
    if (same) limitAgrees++;
    k++;
  });
  return { limitAgrees, games: k };
}

async function main(): Promise<void> {
  console.log(`leverage bench: scenario ${scenario.name}, US ${ids.us}, China ${ids.china}, Kim ${ids.kim}; node ${process.version}`);
  console.log(`load average at start ${load()} (the machine has 2 cores; ratios are taken within this run)\n`);
  const agreement = checkSameGames();
  console.log(`yardsticks: ${LIMIT_LOOP_VERSION}; it plays ${agreement.limitAgrees} of ${agreement.games} games as the current rules do (a frozen copy; it may drift)`);
  console.log(`            ${TIGHT_LOOP_VERSION}: v1's games, faster (checked below)\n`);

  // 1. Single core: every contender on the same games, in short interleaved slices (~0.1 s
  // each), the best slice of each kept: on a shared machine the best slice is the one least
  // disturbed by others, and interleaving makes every contender meet the same load.
  const best = { old: { games: 0, rounds: 0 }, stepper: { games: 0, rounds: 0 }, batch: { games: 0, rounds: 0 }, limit: { games: 0, rounds: 0 }, tight: { games: 0, rounds: 0 } };
  const sizes = { old: 1000, stepper: 1000, batch: 3000, limit: 8000, tight: 20000 };
  const SLICES = 30;
  for (let rep = 0; rep < SLICES; rep++) {
    for (const k of ['old', 'stepper', 'batch', 'limit', 'tight'] as const) {
      const t = throughput(LOOPS[k], rep * 10_000, sizes[k]);
      if (t.games > best[k].games) best[k] = t;
    }
  }
  let bestActor = 0;
  for (let rep = 0; rep < 3; rep++) {
    const t = performance.now();
    let rounds = 0;
    for (let i = 0; i < 1000; i++) rounds += playWithActor(scenario.params, scenario.name, 'bench', rep * 1000 + i, profile).context.roundsPlayed;
    bestActor = Math.max(bestActor, rounds / ((performance.now() - t) / 1000));
  }
  const row = (label: string, t: { games: number; rounds: number }) =>
    console.log(`  ${label.padEnd(44)} ${fmt(t.games / 1e3, 1).padStart(7)} k games/s   ${fmt(t.rounds / 1e6, 3)} M rounds/s`);
  console.log(`single core (best of ${SLICES} interleaved slices, the same games for each)`);
  row('old hand-written loop (baseline-loop.ts)', best.old);
  row("interpreting stepper + statistics (main's path)", best.stepper);
  row('batch path (compiled round + statistics)', best.batch);
  row('limit loop v1 (limit-loop.ts, with statistics)', best.limit);
  row('limit loop v2 (tight-loop.ts, with statistics)', best.tight);
  console.log(`  ${'live xstate actor'.padEnd(44)} ${''.padStart(7)}                ${fmt(bestActor / 1e6, 4)} M rounds/s`);
  const limitOverOld = best.limit.games / best.old.games;
  const batchOverLimit = best.batch.games / best.limit.games;
  const batchOverStepper = best.batch.games / best.stepper.games;
  const batchOverActor = best.batch.rounds / bestActor;
  console.log(`  limit loop v1 / old loop   = ${fmt(limitOverOld)}x   target >= 5x     ${verdict(limitOverOld >= 5)}`);
  // Not the target: here the batch path plays today's rules (dynamics on) and the frozen yardstick older ones; the
  // like-for-like ratio (dynamics off, every shipped scenario) is printed below, by yardstick-bench.js in a fresh process.
  // In this process the batch path shares rule functions with the stepper and the actor, which
  // slows it (see the yardstick section, which runs in a fresh process).
  console.log(`  batch path / limit loop v1 = ${fmt(batchOverLimit)}x   (different rules, one shared process: see the like-for-like section below)`);
  console.log(`  batch path / limit loop v2 = ${fmt(best.batch.games / best.tight.games)}x   (likewise)`);
  console.log(`  batch path / stepper       = ${fmt(batchOverStepper)}x   (the speed-up over main's batch path)`);
  console.log(`  batch path / live actor    = ${fmt(batchOverActor, 0)}x   target >= 25x    ${verdict(batchOverActor >= 25)}\n`);

  // Issue 17 item 5: like for like against the yardsticks, and bytes allocated a game, in a
  // fresh process, as a batch's workers run only the batch path: here, after the stepper and
  // the actor have called the same rule functions with other views, V8's code for them is
  // polymorphic and the batch path measured at about half its speed (69.7k against 148k
  // games per CPU-second with dynamics off, one run each).
  const yardstick = spawnSync(process.execPath, [fileURLToPath(new URL('./yardstick-bench.js', import.meta.url))], { stdio: 'inherit' });
  if (yardstick.status !== 0) throw new Error('the yardstick section failed');
  console.log('');

  // 2. Workers and 3. memory, each batch in a fresh process so its peak memory is its own.
  // 1 and 2 workers in the order 1, 2, 2, 1, the faster of each kept: load that comes and
  // goes during the bench then meets both alike.
  const small = inChild(10_000, 1);
  const runs1 = [inChild(1_000_000, 1)];
  const runs2 = [inChild(1_000_000, 2), inChild(1_000_000, 2)];
  runs1.push(inChild(1_000_000, 1));
  const fastest = (xs: ChildRun[]) => xs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  const big1 = fastest(runs1);
  const big2 = fastest(runs2);
  const speedup = big1.seconds / big2.seconds;
  const memRatio = big1.maxRssKb / small.maxRssKb;
  console.log(`batches of the default profile (batch engine, streaming statistics; load average now ${load()})`);
  console.log(`  10^6 games, 1 worker    ${fmt(big1.seconds, 1).padStart(5)} s   ${fmt(1e6 / big1.seconds / 1e3, 1).padStart(6)} k games/s   peak RSS ${fmt(big1.maxRssKb / 1024, 0)} MB`);
  console.log(`  10^6 games, 2 workers   ${fmt(big2.seconds, 1).padStart(5)} s   ${fmt(1e6 / big2.seconds / 1e3, 1).padStart(6)} k games/s   peak RSS ${fmt(big2.maxRssKb / 1024, 0)} MB`);
  console.log(`  cores the batch got (CPU time / wall time): 1 worker ${fmt(big1.cpuSeconds / big1.seconds)}, 2 workers ${fmt(big2.cpuSeconds / big2.seconds)} (of 2; others share this machine)`);
  console.log(`  10^4 games, 1 worker    ${fmt(small.seconds, 2).padStart(5)} s                        peak RSS ${fmt(small.maxRssKb / 1024, 0)} MB`);
  console.log(`  2 workers / 1 worker       = ${fmt(speedup)}x   target >= 1.8x   ${verdict(speedup >= 1.8)}`);
  console.log(`  peak memory 10^6 / 10^4    = ${fmt(memRatio)}x   target <= 1.3x   ${verdict(memRatio <= 1.3)}\n`);

  await benchAnalysis();
  console.log('');
  await reportStartup();
  // Issue 12, item 5: the command line's own start-up (bench/startup.ts).
  console.log('');
  printCliStartup(cliStartup());
  console.log(`\nload average at end ${load()}`);
}

async function reportStartup(): Promise<void> {
  // The bin: what `npm start`, `npx leverage` and an installed `leverage` launch (the bundled
  // entry; the unbundled dist/src/cli/main.js loads ~150 modules one by one, ~0.15 s slower).
  const bin = fileURLToPath(new URL('../cli/leverage.js', import.meta.url));
  // LEVERAGE_BENCH_REFERENCE: another build's dist/cli/leverage.js (say, main's), measured
  // interleaved with this one, so "not slower than before" is judged within one run.
  const reference = process.env.LEVERAGE_BENCH_REFERENCE;
  const frames = await firstFrameMs([bin, ...(reference ? [reference] : [])]);
  if (!frames) {
    console.log('terminal game start-up: not measured (tmux is not installed)');
    return;
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  const mine = frames[0] as number[];
  console.log('terminal game start-up, launch to first frame (tmux, 80x24, 5 launches each)');
  console.log(`  this build   median ${fmt(median(mine), 0)} ms (min ${fmt(Math.min(...mine), 0)}, max ${fmt(Math.max(...mine), 0)})   target < 1000 ms   ${verdict(median(mine) < 1000)}`);
  if (reference) {
    const ref = frames[1] as number[];
    const ratio = median(mine) / median(ref);
    console.log(`  reference    median ${fmt(median(ref), 0)} ms (${reference})`);
    console.log(`  this build / reference     = ${fmt(ratio)}x   target <= 1x (not slower; 10% is noise here)   ${verdict(ratio <= 1.1)}`);
  }
}

/**
 * Time from launching `leverage play` (built install, no npm in between) to its first frame,
 * read off a real terminal: tmux runs it and the screen is polled every 5 ms. Launches of
 * several builds alternate, so load changes hit them alike.
 */
async function firstFrameMs(bins: string[]): Promise<number[][] | null> {
  if (spawnSync('tmux', ['-V']).status !== 0) return null;
  const times: number[][] = bins.map(() => []);
  for (let i = 0; i < 5; i++) {
    for (let b = 0; b < bins.length; b++) {
      // A fresh tmux server per launch: reusing a socket right after kill-server can race.
      const sock = `leverage-bench-${process.pid}-${i}-${b}`;
      const tmux = (...a: string[]) => spawnSync('tmux', ['-L', sock, ...a], { encoding: 'utf8' });
      const t = performance.now();
      const started = tmux('new-session', '-d', '-s', 'b', '-x', '80', '-y', '24', `${process.execPath} ${bins[b]} play 2022 --as us --seed 7; sleep 5`);
      if (started.status !== 0) throw new Error(`tmux could not start: ${started.stderr}`);
      while (!/round 1\/12/.test(tmux('capture-pane', '-p', '-t', 'b').stdout)) {
        if (performance.now() - t > 10_000) throw new Error('no first frame within 10 s');
        await new Promise((r) => setTimeout(r, 5));
      }
      (times[b] as number[]).push(performance.now() - t);
      tmux('kill-server');
    }
  }
  return times;
}

if (process.argv[2] === '--child') await child(Number(process.argv[3]), Number(process.argv[4]));
else if (process.argv[2] === '--startup') await reportStartup();
else if (process.argv[2] === '--analysis') await benchAnalysis();
else if (process.argv[2] === '--yardstick') printYardstick();
else await main();
