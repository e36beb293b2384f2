import { createHash } from 'node:crypto';
import type { Actor } from '../../model/context.js';
import type { Params } from '../../model/params.js';
import type { Profile } from './fast-game.js';
import type { Acc } from './stats.js';
import { ACTORS } from '../../model/context.js';
import { findStrategy } from '../../strategies/registry.js';
import { takePlayer } from './fast-game.js';
import type { GameSummary } from './game-summary.js';
import { playScored } from './rescore.js';
import { WorkerPool } from './pool.js';
import { addGame, CHUNK_SIZE, emptyAcc, mergeAcc } from './stats.js';

// Batches of seeded games. The work is cut into units (scenario, profile, chunk of
// CHUNK_SIZE games); any worker may play any unit, and units are folded into their cell
// strictly in chunk order, so the result is the same for any worker count, any order of
// completion and any split into shards. Memory holds one accumulator per cell plus the
// few units that finish early: it does not grow with the number of games.

export type ProfileIds = Record<Actor, string>;

export interface BatchScenario {
  name: string;
  source: string;
  sha256: string;
  params: Params;
  /**
   * Per profile: when, for profile p, these params differ from scenario `scoredFrom[p]`'s
   * (same name, so same seeds) only in fields that weigh the score, the games of that cell are
   * those games, played once and scored under these params (rescore.ts); such a cell's units
   * are never dispatched on their own. null (or no list): the cell is played.
   */
  scoredFrom?: readonly (number | null)[];
  /**
   * This scenario's own profiles, one for each of the spec's (same length), when its sides'
   * defaults differ from the spec's: a batch of several scenarios plays each scenario's own
   * default strategy for a side no flag names. Absent: the spec's profiles.
   */
  profiles?: ProfileIds[];
}

export interface BatchSpec {
  command: string;
  seed: string;
  runs: number;
  scenarios: BatchScenario[];
  profiles: ProfileIds[];
}

export interface Shard {
  index: number; // 1-based
  count: number;
}

export interface Cell {
  scenario: number;
  profile: number;
  acc: Acc;
}

export interface BatchProgress {
  gamesDone: number;
  gamesTotal: number;
}

export interface RunOptions {
  /** Worker threads to play games in; 0 plays them inline, in this thread (small internal uses). */
  workers: number;
  /** Workers kept for several batches (explain's lessons); without it a batch starts its own. */
  pool?: WorkerPool;
  shard?: Shard;
  onProgress?: (p: BatchProgress) => void;
  signal?: AbortSignal;
}

export class BatchInterrupted extends Error {
  constructor(readonly progress: BatchProgress) {
    super(`interrupted after ${progress.gamesDone} of ${progress.gamesTotal} games`);
  }
}

export function chunksPerCell(spec: BatchSpec): number {
  return Math.ceil(spec.runs / CHUNK_SIZE);
}

export function unitCount(spec: BatchSpec): number {
  return spec.scenarios.length * spec.profiles.length * chunksPerCell(spec);
}

/** Unit u is chunk c of profile p in scenario s; units run scenario-major. */
export function unitAt(spec: BatchSpec, u: number): { s: number; p: number; c: number } {
  const C = chunksPerCell(spec);
  const P = spec.profiles.length;
  return { s: Math.floor(u / (P * C)), p: Math.floor(u / C) % P, c: u % C };
}

/** The units a shard plays: every n-th, so shards get an even share of every cell. */
export function shardUnits(spec: BatchSpec, shard?: Shard): number[] {
  const all = unitCount(spec);
  const out: number[] = [];
  for (let u = 0; u < all; u++) if (!shard || u % shard.count === shard.index - 1) out.push(u);
  return out;
}

export function unitGames(spec: BatchSpec, u: number): number {
  const { c } = unitAt(spec, u);
  return Math.min(CHUNK_SIZE, spec.runs - c * CHUNK_SIZE);
}

export function resolveProfile(ids: ProfileIds): Profile {
  const out = {} as Record<Actor, unknown>;
  for (const a of ACTORS) {
    const s = findStrategy(a, ids[a]);
    if (!s) throw new Error(`unknown ${a} strategy '${ids[a]}'`);
    out[a] = s;
  }
  return out as Profile;
}

/** The strategies that play profile p in scenario s. */
export function profileAt(spec: BatchSpec, s: number, p: number): ProfileIds {
  return (spec.scenarios[s]?.profiles?.[p] ?? spec.profiles[p]) as ProfileIds;
}

/** Every scenario's profiles, resolved to strategies once (shared where a scenario has none of its own). */
export function resolveProfiles(spec: BatchSpec): Profile[][] {
  const shared = spec.profiles.map(resolveProfile);
  return spec.scenarios.map((sc) => (sc.profiles ? sc.profiles.map(resolveProfile) : shared));
}

/** Play one unit: its games, in index order, into a fresh accumulator; `profiles` are its scenario's. */
export function runUnit(spec: BatchSpec, u: number, profiles: Profile[]): Acc {
  const { s, p, c } = unitAt(spec, u);
  const scenario = spec.scenarios[s] as BatchScenario;
  const profile = profiles[p] as Profile;
  const acc = emptyAcc();
  const end = Math.min(spec.runs, (c + 1) * CHUNK_SIZE);
  // One player (the profile's, kept from unit to unit) and one summary for the whole unit: a
  // game allocates next to nothing. The unit is one run of games (`end`): the player seeds
  // the next games' streams with each game's.
  const player = takePlayer(profile);
  try {
    let summary: GameSummary | undefined;
    for (let i = c * CHUNK_SIZE; i < end; i++) {
      summary = player.play(scenario.params, scenario.name, spec.seed, i, summary, end);
      addGame(acc, summary);
    }
  } finally {
    player.busy = false;
  }
  return acc;
}

/** The scenarios whose profile-p cell is scored from the games of scenario s's. */
export function twinsOf(spec: BatchSpec, s: number, p: number): number[] {
  const out: number[] = [];
  spec.scenarios.forEach((x, t) => {
    if (x.scoredFrom?.[p] === s) out.push(t);
  });
  return out;
}

/** The units that are played: every unit but those of cells scored from another cell's games. */
export function playedUnits(spec: BatchSpec, shard?: Shard): number[] {
  return shardUnits(spec, shard).filter((u) => {
    const { s, p } = unitAt(spec, u);
    return (spec.scenarios[s]?.scoredFrom?.[p] ?? null) === null;
  });
}

/** Play one unit, and score its games for every twin scenario too: each result is a unit. */
export function runUnitWithTwins(spec: BatchSpec, u: number, byScenario: Profile[][]): { u: number; acc: Acc }[] {
  const { s, p, c } = unitAt(spec, u);
  const twins = twinsOf(spec, s, p);
  const profiles = byScenario[s] as Profile[];
  if (twins.length === 0) return [{ u, acc: runUnit(spec, u, profiles) }];
  const scenario = spec.scenarios[s] as BatchScenario;
  const end = Math.min(spec.runs, (c + 1) * CHUNK_SIZE);
  const twinParams = twins.map((t) => (spec.scenarios[t] as BatchScenario).params);
  const r = playScored(scenario.params, twinParams, scenario.name, spec.seed, c * CHUNK_SIZE, end, profiles[p] as Profile);
  const C = chunksPerCell(spec);
  const P = spec.profiles.length;
  return [{ u, acc: r.acc }, ...twins.map((t, k) => ({ u: (t * P + p) * C + c, acc: r.twins[k] as Acc }))];
}

/** What must agree for shards to be merged: everything that decides the games. */
export function specFingerprint(spec: BatchSpec): string {
  const h = createHash('sha256');
  h.update(JSON.stringify({ c: spec.command, seed: spec.seed, runs: spec.runs, chunk: CHUNK_SIZE, profiles: spec.profiles }));
  for (const s of spec.scenarios) h.update(`${s.name}\n${JSON.stringify(s.params)}\n${s.profiles ? JSON.stringify(s.profiles) + '\n' : ''}`);
  return h.digest('hex');
}

/**
 * Folds finished units into cells, each strictly in chunk order. A cell's first chunk becomes
 * its accumulator as it is: folding it into an empty one would give the same numbers (0 + x is
 * x for every count and sum, and a sum begun at +0 is never -0), so a batch of one-chunk cells
 * (sensitivity's 696 a run) makes no empty accumulator and copies none. Those were ~15 MB of
 * garbage a run, collected on the thread that shares the 2 cores with the workers.
 */
export class Folder {
  private readonly accs: (Acc | undefined)[];
  private readonly next: number[];
  private readonly waiting: Map<number, Acc>[];

  constructor(private readonly spec: BatchSpec) {
    const count = spec.scenarios.length * spec.profiles.length;
    this.accs = new Array<Acc | undefined>(count).fill(undefined);
    this.next = new Array<number>(count).fill(0);
    this.waiting = Array.from({ length: count }, () => new Map<number, Acc>());
  }

  /** Add a finished unit; it is folded as soon as every earlier chunk of its cell is in. */
  add(u: number, acc: Acc): void {
    const { s, p, c } = unitAt(this.spec, u);
    const cell = s * this.spec.profiles.length + p;
    const waiting = this.waiting[cell] as Map<number, Acc>;
    waiting.set(c, acc);
    for (;;) {
      const n = this.next[cell] as number;
      const ready = waiting.get(n);
      if (!ready) return;
      const into = this.accs[cell];
      if (into === undefined) this.accs[cell] = ready;
      else mergeAcc(into, ready);
      waiting.delete(n);
      this.next[cell] = n + 1;
    }
  }

  /** Every cell, in scenario-then-profile order; a cell no unit reached is empty. */
  get cells(): Cell[] {
    const P = this.spec.profiles.length;
    return this.accs.map((acc, i) => ({ scenario: Math.floor(i / P), profile: i % P, acc: acc ?? emptyAcc() }));
  }
}

/**
 * Units grouped into the jobs a worker is sent, in order: consecutive units while their games
 * add up to at most a full unit's (CHUNK_SIZE). A batch of small cells (sensitivity's 200 games
 * a setting: ~1 ms a unit) otherwise paid a message each way per unit, and the thread that
 * reads them shares the cores with 2 workers; a full unit is still a job of its own. Which
 * worker plays a unit, and when, does not change its result (the folding is by unit).
 */
export function jobsOf(spec: BatchSpec, units: readonly number[]): number[][] {
  const jobs: number[][] = [];
  let job: number[] = [];
  let games = 0;
  for (const u of units) {
    const g = unitGames(spec, u);
    if (job.length > 0 && games + g > CHUNK_SIZE) {
      jobs.push(job);
      job = [];
      games = 0;
    }
    job.push(u);
    games += g;
  }
  if (job.length > 0) jobs.push(job);
  return jobs;
}

/**
 * Run the units of a spec (all of them, or one shard's) and hand each finished unit to
 * `onUnit`. With no workers everything runs in this thread.
 */
export async function runUnits(spec: BatchSpec, opts: RunOptions, onUnit: (u: number, acc: Acc) => void): Promise<void> {
  const units = playedUnits(spec, opts.shard);
  const gamesTotal = units.reduce((t, u) => t + unitGames(spec, u), 0);
  let gamesDone = 0;
  const progress = () => opts.onProgress?.({ gamesDone, gamesTotal });
  const interrupted = () => new BatchInterrupted({ gamesDone, gamesTotal });

  if (opts.workers <= 0) {
    const profiles = resolveProfiles(spec);
    for (const u of units) {
      if (opts.signal?.aborted) throw interrupted();
      for (const r of runUnitWithTwins(spec, u, profiles)) onUnit(r.u, r.acc);
      gamesDone += unitGames(spec, u);
      progress();
      // Yield now and then so Ctrl-C and progress drawing get a turn.
      await new Promise<void>((r) => setImmediate(r));
    }
    return;
  }

  const pool = opts.pool ?? new WorkerPool(opts.workers);
  try {
    await pool.run(
      spec,
      jobsOf(spec, units),
      (m) => {
        for (const r of m.results) onUnit(r.u, r.acc);
        for (const u of m.units) gamesDone += unitGames(spec, u);
        progress();
      },
      opts.signal,
      interrupted,
    );
  } finally {
    if (!opts.pool) pool.close();
  }
}

/** A whole (unsharded) batch, folded into one accumulator per scenario x profile. */
export async function runBatch(spec: BatchSpec, opts: RunOptions): Promise<Cell[]> {
  const folder = new Folder(spec);
  await runUnits(spec, { ...opts, shard: undefined }, (u, acc) => folder.add(u, acc));
  return folder.cells;
}
