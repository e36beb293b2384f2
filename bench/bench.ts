// npm run bench: the speed and memory targets of the batch engine, measured side by side
// in one run on the default scenario and strategy profile, printed as figures and ratios.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { GameSummary, Profile } from '../src/engine/fast-game.js';
import type { BatchSpec } from '../src/engine/batch.js';
import { playWithActor } from '../src/engine/actor-runner.js';
import { resolveProfile, runBatch } from '../src/engine/batch.js';
import { playFast } from '../src/engine/fast-game.js';
import { resolveScenario } from '../src/scenario/catalog.js';
import { DEFAULT_STRATEGY } from '../src/strategies/registry.js';
import { playBaseline } from './baseline-loop.js';

const scenario = resolveScenario('baseline');
const ids = { ...DEFAULT_STRATEGY };
const profile: Profile = resolveProfile(ids);

type Player = (i: number) => { rounds: number };

/** Rounds per second of a player over n games (fresh seeds each time). */
function throughput(play: Player, n: number, offset: number): number {
  const t = performance.now();
  let rounds = 0;
  for (let i = 0; i < n; i++) rounds += play(offset + i).rounds;
  return rounds / ((performance.now() - t) / 1000);
}

function batchSpec(runs: number): BatchSpec {
  return {
    command: 'batch',
    seed: 'bench',
    runs,
    scenarios: [{ name: scenario.name, source: scenario.source, sha256: scenario.sha256, params: scenario.params }],
    profiles: [ids],
  };
}

/** Child mode: run one batch and report its time and this process's peak memory. */
async function child(runs: number, workers: number): Promise<void> {
  const t = performance.now();
  const cells = await runBatch(batchSpec(runs), { workers });
  const seconds = (performance.now() - t) / 1000;
  process.stdout.write(JSON.stringify({ seconds, maxRssKb: process.resourceUsage().maxRSS, n: cells[0]?.acc.n }));
}

function inChild(runs: number, workers: number): { seconds: number; maxRssKb: number; n: number } {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, [self, '--child', String(runs), String(workers)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bench child failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as { seconds: number; maxRssKb: number; n: number };
}

const fmt = (x: number, d = 2) => x.toFixed(d);
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT MET');

async function main(): Promise<void> {
  console.log(`leverage bench: scenario ${scenario.name}, US ${ids.us}, China ${ids.china}, Kim ${ids.kim}; node ${process.version}\n`);

  // The fast path and the hand-written loop must be playing the same games.
  for (let i = 0; i < 200; i++) {
    const a: GameSummary = playFast(scenario.params, scenario.name, 'check', i, profile);
    const b: GameSummary = playBaseline(scenario.params, scenario.name, 'check', i, profile);
    if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`fast path and baseline differ on game ${i}`);
  }

  // 1. Single core: fast batch path against the hand-written loop, interleaved, best of 5.
  const fast: Player = (i) => playFast(scenario.params, scenario.name, 'bench', i, profile);
  const base: Player = (i) => playBaseline(scenario.params, scenario.name, 'bench', i, profile);
  const n = 40_000;
  let bestFast = 0;
  let bestBase = 0;
  for (let rep = 0; rep < 5; rep++) {
    bestBase = Math.max(bestBase, throughput(base, n, rep * n));
    bestFast = Math.max(bestFast, throughput(fast, n, rep * n));
  }
  // 2. The same games through a live xstate actor (createActor + send).
  let bestActor = 0;
  const actor: Player = (i) => ({ rounds: playWithActor(scenario.params, scenario.name, 'bench', i, profile).context.roundsPlayed });
  for (let rep = 0; rep < 3; rep++) bestActor = Math.max(bestActor, throughput(actor, 1500, rep * 1500));

  console.log('single core, rounds per second (best of repeated, interleaved runs)');
  console.log(`  hand-written loop (baseline)   ${fmt(bestBase / 1e6, 3)} M`);
  console.log(`  batch fast path (stepper)      ${fmt(bestFast / 1e6, 3)} M`);
  console.log(`  live xstate actor              ${fmt(bestActor / 1e6, 4)} M`);
  const r1 = bestFast / bestBase;
  const r2 = bestFast / bestActor;
  console.log(`  fast / baseline = ${fmt(r1)}x   target >= 0.5x   ${verdict(r1 >= 0.5)}`);
  console.log(`  fast / actor    = ${fmt(r2, 1)}x   target >= 25x    ${verdict(r2 >= 25)}\n`);

  // 3. Workers and 4. memory, each batch in a fresh process so peak memory is its own.
  const small = inChild(10_000, 1);
  const big1 = inChild(1_000_000, 1);
  const big2 = inChild(1_000_000, 2);
  const speedup = big1.seconds / big2.seconds;
  const memRatio = big1.maxRssKb / small.maxRssKb;
  console.log('batches of the default profile (batch engine, streaming statistics)');
  console.log(`  10^6 games, 1 worker    ${fmt(big1.seconds, 1)} s   ${fmt(1e6 / big1.seconds / 1e3, 1)} k games/s   peak RSS ${fmt(big1.maxRssKb / 1024, 0)} MB`);
  console.log(`  10^6 games, 2 workers   ${fmt(big2.seconds, 1)} s   ${fmt(1e6 / big2.seconds / 1e3, 1)} k games/s   peak RSS ${fmt(big2.maxRssKb / 1024, 0)} MB`);
  console.log(`  10^4 games, 1 worker    ${fmt(small.seconds, 2)} s                      peak RSS ${fmt(small.maxRssKb / 1024, 0)} MB`);
  console.log(`  2 workers / 1 worker = ${fmt(speedup)}x   target >= 1.5x   ${verdict(speedup >= 1.5)}`);
  console.log(`  peak memory 10^6 / 10^4 = ${fmt(memRatio)}x   target <= 1.3x   ${verdict(memRatio <= 1.3)}\n`);

  await reportStartup();
}

async function reportStartup(): Promise<void> {
  const frames = await firstFrameMs();
  if (frames) {
    const median = [...frames].sort((a, b) => a - b)[2] as number;
    console.log('terminal game start-up, launch to first frame (tmux, 80x24, 5 launches)');
    console.log(`  median ${fmt(median, 0)} ms (min ${fmt(Math.min(...frames), 0)}, max ${fmt(Math.max(...frames), 0)})   target < 1000 ms   ${verdict(median < 1000)}`);
  } else console.log('terminal game start-up: not measured (tmux is not installed)');
}

/**
 * Time from launching `leverage play` (built install, no npm in between) to its first frame,
 * read off a real terminal: tmux runs it and the screen is polled every 5 ms.
 */
async function firstFrameMs(): Promise<number[] | null> {
  if (spawnSync('tmux', ['-V']).status !== 0) return null;
  const bin = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    // A fresh tmux server per launch: reusing a socket right after kill-server can race.
    const sock = `leverage-bench-${process.pid}-${i}`;
    const tmux = (...a: string[]) => spawnSync('tmux', ['-L', sock, ...a], { encoding: 'utf8' });
    const t = performance.now();
    const started = tmux('new-session', '-d', '-s', 'b', '-x', '80', '-y', '24', `${process.execPath} ${bin} play 2022 --as us --seed 7; sleep 5`);
    if (started.status !== 0) throw new Error(`tmux could not start: ${started.stderr}`);
    while (!/round 1\/12/.test(tmux('capture-pane', '-p', '-t', 'b').stdout)) {
      if (performance.now() - t > 10_000) throw new Error('no first frame within 10 s');
      await new Promise((r) => setTimeout(r, 5));
    }
    times.push(performance.now() - t);
    tmux('kill-server');
  }
  return times;
}

if (process.argv[2] === '--child') await child(Number(process.argv[3]), Number(process.argv[4]));
else if (process.argv[2] === '--startup') await reportStartup();
else await main();
