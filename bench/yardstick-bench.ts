// Issue 17 item 5: the batch path against the yardsticks on the games they play. Limit
// loop v1 is a frozen copy of the rules before issue 19's dynamics; today's rules with every
// `dynamics:` parameter at 0 play those same games (test/model/dynamics.test.ts), so with
// dynamics off the loops play identical games and their speeds compare like for like. Limit
// loop v2 (tight-loop.ts) plays v1's games as fast as these rules allow on one core, in the
// style of the issue's independent loop: the target (batch >= 0.5x) is against v2, and v1
// is kept beside it for continuity. With dynamics on (the shipped scenarios as they are) the
// batch path is reported in games/s only: there is no yardstick for those rules.
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import type { Params } from '../src/model/params.js';
import type { Profile } from '../src/engine/batch/fast-game.js';
import type { BatchSpec } from '../src/engine/batch/batch.js';
import { resolveProfile, runUnit } from '../src/engine/batch/batch.js';
import { playFast } from '../src/engine/batch/fast-game.js';
import { CHUNK_SIZE } from '../src/engine/batch/stats.js';
import { OUTCOME_NAMES, PAYOFF_TERMS } from '../src/model/outcomes.js';
import { builtInNames, resolveScenario } from '../src/scenario/catalog.js';
import { DEFAULT_STRATEGY } from '../src/strategies/registry.js';
import { withoutIssue19 } from '../test/fixtures/dynamics/off.js';
import { LIMIT_FIELDS, LIMIT_LOOP_VERSION, limitBatch } from './limit-loop.js';
import type { LimitStats } from './limit-stats.js';
import { TIGHT_LOOP_VERSION, tightBatch } from './tight-loop.js';

const ids = { ...DEFAULT_STRATEGY };
const profile: Profile = resolveProfile(ids);

interface Contender {
  scenario: string;
  params: Params;
}

function contenders(dynamics: 'on' | 'off'): Contender[] {
  return builtInNames().map((name) => {
    const s = resolveScenario(name);
    return { scenario: s.name, params: dynamics === 'off' ? withoutIssue19(s.params) : s.params };
  });
}

function spec(c: Contender, runs: number): BatchSpec {
  // The sha256 only names the scenario in a batch's output; units never read it.
  return { command: 'batch', seed: 'bench', runs, scenarios: [{ name: c.scenario, source: 'bench', sha256: '', params: c.params }], profiles: [ids] };
}

/** The batch engine's own units (compiled round + statistics) over games [first, first + n). */
function batchGames(c: Contender, first: number, n: number): void {
  const s = spec(c, first + n);
  for (let u = first / CHUNK_SIZE; u < (first + n) / CHUNK_SIZE; u++) runUnit(s, u, [profile]);
}

function limitGames(c: Contender, first: number, n: number): void {
  limitBatch(c.params, c.scenario, 'bench', first, n);
}

function tightGames(c: Contender, first: number, n: number): void {
  tightBatch(c.params, c.scenario, 'bench', first, n);
}

/**
 * Games per CPU-second of `play` over games [first, first + n): the CPU time this process
 * used, not the wall time, since on a machine shared with others (load 10-18 on 2 cores while
 * this was written) wall time measures their load more than these loops.
 */
function rate(play: (first: number, n: number) => void, first: number, n: number): number {
  const before = process.cpuUsage();
  play(first, n);
  const used = process.cpuUsage(before);
  return n / ((used.user + used.system) / 1e6);
}

/**
 * How many of `games` games per scenario the yardstick plays exactly as the batch path does
 * (every summary number, bit for bit), with dynamics off. Printed, not required: the yardstick
 * is frozen and may drift from the rules; a drift makes the ratio below meaningless.
 */
export function yardstickDrift(games: number): { agree: number; games: number; firstMiss: string | undefined } {
  let agree = 0;
  let total = 0;
  let firstMiss: string | undefined;
  for (const c of contenders('off')) {
    let k = 0;
    limitBatch(c.params, c.scenario, 'check', 0, games, (g) => {
      const fast = playFast(c.params, c.scenario, 'check', k, profile);
      const same = LIMIT_FIELDS.every((f, i) => Object.is(g[i], f === 'outcome' ? OUTCOME_NAMES.indexOf(fast.outcome) : Number(fast[f])));
      if (same) agree++;
      else firstMiss ??= `${c.scenario} game ${k}`;
      k++;
      total++;
    });
  }
  return { agree, games: total, firstMiss };
}

/** Every number of a batch's statistics, in one order. */
function statNumbers(s: LimitStats): number[] {
  return [s.n, s.rounds, ...s.outcomes, ...s.payoffParts, ...s.mean, ...s.m2, ...s.min, ...s.max, ...s.hist, ...s.count];
}

/**
 * Whether limit loop v2 plays v1's games, over `games` games a scenario with dynamics off:
 * games whose summary and payoff parts are equal bit for bit, and numbers of the two batches'
 * statistics equal bit for bit. v2 exists to time v1's games, so a miss is a bug in v2.
 */
export function tightAgreement(games: number): { scenarios: number; games: number; gamesEqual: number; numbers: number; numbersEqual: number; firstMiss: string | undefined } {
  const width = LIMIT_FIELDS.length + PAYOFF_TERMS.length;
  const v1Games = new Float64Array(games * width);
  let gamesEqual = 0;
  let total = 0;
  let numbers = 0;
  let numbersEqual = 0;
  let firstMiss: string | undefined;
  const off = contenders('off');
  for (const c of off) {
    let k = 0;
    const v1 = limitBatch(c.params, c.scenario, 'check', 0, games, (g, parts) => {
      v1Games.set(g, k * width);
      v1Games.set(parts, k * width + g.length);
      k++;
    });
    k = 0;
    const v2 = tightBatch(c.params, c.scenario, 'check', 0, games, (g, parts) => {
      let same = true;
      for (let i = 0; i < g.length; i++) same &&= Object.is(g[i], v1Games[k * width + i]);
      for (let i = 0; i < parts.length; i++) same &&= Object.is(parts[i], v1Games[k * width + g.length + i]);
      if (same) gamesEqual++;
      else firstMiss ??= `${c.scenario} game ${k}`;
      k++;
      total++;
    });
    const a = statNumbers(v1);
    const b = statNumbers(v2);
    numbers += a.length;
    numbersEqual += a.filter((x, i) => Object.is(x, b[i])).length;
    if (a.length !== b.length) firstMiss ??= `${c.scenario}: statistics of different sizes`;
  }
  return { scenarios: off.length, games: total, gamesEqual, numbers, numbersEqual, firstMiss };
}

export interface SingleCore {
  /** Games/s summed over the shipped scenarios as a harmonic whole: total games over total best-slice time. */
  batchOff: number;
  limitOff: number;
  tightOff: number;
  batchOn: number;
  perScenario: { scenario: string; batchOff: number; limitOff: number; tightOff: number; batchOn: number }[];
}

/**
 * One core, every shipped scenario, interleaved short slices (batch off, limit loop v1, limit
 * loop v2, batch on, per scenario, round after round); the best slice of each kept, since on a shared
 * machine the best slice is the least disturbed, and interleaving meets every contender with
 * the same load.
 */
export function singleCore(slices: number, gamesPerSlice: number): SingleCore {
  const off = contenders('off');
  const on = contenders('on');
  const best = off.map(() => ({ batchOff: 0, limitOff: 0, tightOff: 0, batchOn: 0 }));
  for (let rep = 0; rep < slices; rep++) {
    const first = rep * gamesPerSlice;
    for (let i = 0; i < off.length; i++) {
      const b = best[i] as (typeof best)[number];
      const o = off[i] as Contender;
      b.batchOff = Math.max(b.batchOff, rate((f, n) => batchGames(o, f, n), first, gamesPerSlice));
      b.limitOff = Math.max(b.limitOff, rate((f, n) => limitGames(o, f, n), first, gamesPerSlice));
      b.tightOff = Math.max(b.tightOff, rate((f, n) => tightGames(o, f, n), first, gamesPerSlice));
      b.batchOn = Math.max(b.batchOn, rate((f, n) => batchGames(on[i] as Contender, f, n), first, gamesPerSlice));
    }
  }
  // The same number of games in each scenario: the whole rate is games over summed time.
  const whole = (k: 'batchOff' | 'limitOff' | 'tightOff' | 'batchOn') => best.length / best.reduce((t, b) => t + 1 / b[k], 0);
  return {
    batchOff: whole('batchOff'),
    limitOff: whole('limitOff'),
    tightOff: whole('tightOff'),
    batchOn: whole('batchOn'),
    perScenario: best.map((b, i) => ({ scenario: (off[i] as Contender).scenario, ...b })),
  };
}

/** The new space's semi-space in the allocation child, in MB: each scavenge then marks ~1 MB allocated. */
const SEMI_SPACE_MB = 1;
/** Children the batch path's allocation is counted in (each ~3 s). */
const ALLOC_CHILDREN = 5;

/**
 * Bytes allocated a game, in a child process with a 1 MB semi-space: after a warm-up, the
 * scavenges (minor collections, seen by a PerformanceObserver) during `games` games, times the
 * semi-space, over the games (the least of three windows). A scavenge runs each time the semi-space fills, so this counts
 * what the games allocate to within one semi-space (1 MB / games, ~20 bytes a game at 50k).
 */
async function allocChild(which: Allocator, games: number): Promise<void> {
  const c = contenders('on').find((x) => x.scenario === 'baseline') ?? (contenders('on')[0] as Contender);
  const target = which === 'batch' ? c : { ...c, params: withoutIssue19(c.params) };
  const play = which === 'batch' ? batchGames : which === 'limit' ? limitGames : tightGames;
  play(target, 0, 100 * CHUNK_SIZE);
  let scavenges = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if ((e.detail as { kind?: number } | undefined)?.kind === constants.NODE_PERFORMANCE_GC_MINOR) scavenges++;
  });
  observer.observe({ entryTypes: ['gc'] });
  // GC entries arrive asynchronously: a short wait before and after the games sorts them.
  const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
  // Three windows, the fewest scavenges kept: the steady state, once every function the games
  // run has been optimized (on a loaded machine that can take longer than the warm-up).
  let fewest = Infinity;
  for (let w = 0; w < 3; w++) {
    await settle();
    scavenges = 0;
    play(target, 1_000_000 + w * games, games);
    await settle();
    fewest = Math.min(fewest, scavenges);
  }
  observer.disconnect();
  process.stdout.write(JSON.stringify({ bytesPerGame: (fewest * SEMI_SPACE_MB * 2 ** 20) / games, games, scavenges: fewest }));
}

type Allocator = 'batch' | 'limit' | 'tight';

export function bytesPerGame(which: Allocator): { bytesPerGame: number; games: number; scavenges: number } {
  const self = fileURLToPath(import.meta.url);
  const semi = `${SEMI_SPACE_MB}`;
  const r = spawnSync(process.execPath, [`--min-semi-space-size=${semi}`, `--max-semi-space-size=${semi}`, self, '--alloc-child', which], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`allocation child failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as { bytesPerGame: number; games: number; scavenges: number };
}

const fmt = (x: number, d = 1) => x.toFixed(d);

const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

/** The section `npm run bench` prints (also on its own: node dist/bench/yardstick-bench.js [slices] [games a slice] [games a scenario checked]). */
export function printYardstick(slices = 10, gamesPerSlice = 2000, checkGames = 20_000): void {
  console.log(`batch path against the yardsticks, default profile, every shipped scenario; load average ${load()}`);
  console.log(`  yardsticks: ${TIGHT_LOOP_VERSION} (tight-loop.ts), and ${LIMIT_LOOP_VERSION} (limit-loop.ts)`);
  const drift = yardstickDrift(500);
  console.log(`  with dynamics off, limit loop v1 plays ${drift.agree} of ${drift.games} games as the batch path does${drift.firstMiss ? ` (first miss: ${drift.firstMiss}; the ratios compare different games)` : ''}`);
  const same = tightAgreement(checkGames);
  console.log(
    `  limit loop v2 plays v1's games: ${same.gamesEqual} of ${same.games} games (summary and payoff parts) and ${same.numbersEqual} of ${same.numbers} numbers of their statistics bit-identical, ${same.scenarios} scenarios x ${checkGames} games${same.firstMiss ? ` (first miss: ${same.firstMiss}; v2 is wrong)` : ''}`,
  );
  const r = singleCore(slices, gamesPerSlice);
  const cols = ['batch, dynamics off', 'v2', 'v1', 'batch/v2', 'batch/v1', 'v2/v1', 'batch, dynamics on'];
  const widths = [20, 7, 7, 9, 9, 6, 19];
  const line = (label: string, xs: string[]) => console.log(`  ${label.padEnd(10)} ${xs.map((x, i) => x.padStart(widths[i] as number)).join(' ')}`);
  line('scenario', cols);
  const row = (label: string, x: { batchOff: number; limitOff: number; tightOff: number; batchOn: number }) =>
    line(label, [fmt(x.batchOff / 1e3), fmt(x.tightOff / 1e3), fmt(x.limitOff / 1e3), fmt(x.batchOff / x.tightOff, 2), fmt(x.batchOff / x.limitOff, 2), fmt(x.tightOff / x.limitOff, 2), fmt(x.batchOn / 1e3)]);
  for (const s of r.perScenario) row(s.scenario, s);
  row('all', r);
  console.log(`  (k games per CPU-second of this process, best of ${slices} interleaved slices of ${gamesPerSlice} games; load average now ${load()})`);
  const ratio = r.batchOff / r.tightOff;
  console.log(`  batch path (dynamics off) / limit loop v2 = ${fmt(ratio, 2)}x   target >= 0.5x   ${ratio >= 0.5 ? 'met' : 'NOT MET'}   (/ limit loop v1 = ${fmt(r.batchOff / r.limitOff, 2)}x)`);
  // The batch path in several children: what V8 inlines into the compiled round depends on the
  // order its compiles finish, and in about 1 process of 10 a call left un-inlined boxes numbers
  // (190-1,360 bytes a game where the rest allocate ~42). Every child must meet the target.
  const batchAllocs = Array.from({ length: ALLOC_CHILDREN }, () => bytesPerGame('batch'));
  const tightAlloc = bytesPerGame('tight');
  const limitAlloc = bytesPerGame('limit');
  const over = batchAllocs.filter((a) => a.bytesPerGame >= 200).length;
  console.log(
    `  allocation, baseline: batch path (dynamics on) ${batchAllocs.map((a) => fmt(a.bytesPerGame, 0)).join(', ')} bytes a game (${ALLOC_CHILDREN} children), limit loop v2 ${fmt(tightAlloc.bytesPerGame, 0)}, v1 ${fmt(limitAlloc.bytesPerGame, 0)}   target < 200   ${over === 0 ? 'met' : `NOT MET in ${over} of ${ALLOC_CHILDREN}`}`,
  );
  console.log(`  (scavenges x ${SEMI_SPACE_MB} MB semi-space over ${tightAlloc.games} games after a warm-up, in each child: ${batchAllocs.map((a) => a.scavenges).join(', ')}; ${tightAlloc.scavenges} and ${limitAlloc.scavenges})`);
}

if (process.argv[2] === '--alloc-child') await allocChild((['limit', 'tight'] as const).find((w) => w === process.argv[3]) ?? 'batch', 50 * CHUNK_SIZE);
else if (process.argv[1] === fileURLToPath(import.meta.url)) printYardstick(Number(process.argv[2] ?? 10), Number(process.argv[3] ?? 2000), Number(process.argv[4] ?? 20_000));
