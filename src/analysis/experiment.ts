import type { Params } from '../model/params.js';
import type { BatchScenario, BatchSpec, Cell, ProfileIds, RunOptions } from '../engine/batch/batch.js';
import { runBatch } from '../engine/batch/batch.js';
import { allFields, setPath } from '../scenario/fields.js';

// What the analyses (robustness, sweep, the walk-through) share: one scenario run under
// several settings on the same seeds, and a batch that plays each distinct game only once.
// Settings whose inputs are identical (the same name, so the same seeds, and the same params
// after the variation) are the very same games, so they are computed once; for a profile,
// settings that differ only in payoff weights that no rule and none of its strategies reads
// (`readBy` in the field table) replay the same games too: played once and rescored.

/** The scenario an analysis varies: a name (it decides the seeds), where it came from, its params. */
export interface AnalysisScenario {
  name: string;
  source: string;
  sha256: string;
  params: Params;
}

/** How an analysis runs its batches. `reuse: false` plays every cell (a reference for tests). */
export type AnalysisRun = Pick<RunOptions, 'workers' | 'pool' | 'onProgress' | 'signal'> & { reuse?: boolean };

/** The payoff weights no rule reads, as dotted paths, each with the strategies that read it while choosing. */
export const READ_BY: ReadonlyMap<string, readonly string[]> = new Map(
  allFields().flatMap((f) => (f.field.kind === 'number' && f.field.readBy ? [[f.path, f.field.readBy] as const] : [])),
);

/** The fields that only weigh the score of a game played by `profile` (none of its strategies reads them). */
export function scoresOnlyPaths(profile: ProfileIds): string[] {
  const playing = new Set(Object.values(profile));
  return [...READ_BY].filter(([, readers]) => !readers.some((id) => playing.has(id))).map(([path]) => path);
}

/** A copy of `params` with the fields at `values` (dotted paths) set. */
export function withValues(params: Params, values: Record<string, number>): Params {
  const p = structuredClone(params);
  for (const [path, v] of Object.entries(values)) setPath(p as unknown as Record<string, unknown>, path.split('.'), v);
  return p;
}

/**
 * The scenario under each setting, every one keeping the scenario's name, so game i has the
 * same seed in each: a comparison across settings is paired, not just repeated.
 */
export function pairedSettings(scenario: AnalysisScenario, settings: readonly { id: string; params: Params }[]): BatchScenario[] {
  return settings.map((s) => ({ name: scenario.name, source: `${scenario.source}#${s.id}`, sha256: scenario.sha256, params: s.params }));
}

/**
 * What decides a scenario's games, as text: the name (seeds) and every param, with the payoff
 * weights written apart from the rest, and the rest (~2.5 KB of text) replaced by a number, one
 * for each distinct text (`heads`): the moves' key of each profile (movesKey) reuses it, and
 * every key is a short string to hash. Before, each key cloned and wrote out the whole params:
 * a Sobol design of 384 points spent ~30 ms here, before its first game, with the workers idle.
 */
interface KeyParts {
  head: string;
  payoffs: Params['payoffs'];
}

function keyParts(s: BatchScenario, heads: Map<string, number>): KeyParts {
  const { payoffs, ...rest } = s.params;
  const text = `${s.name}\n${JSON.stringify(rest)}`;
  let id = heads.get(text);
  if (id === undefined) heads.set(text, (id = heads.size));
  return { head: `${id}\n`, payoffs };
}

/** What decides the games: the name (seeds) and every param. */
const gamesKey = (k: KeyParts) => k.head + JSON.stringify(k.payoffs);

/**
 * The fields that only weigh a profile's score, read for movesKey: by side, when all are a
 * side's payoff weight (`payoffs.<side>.<weight>`, the only kind today); otherwise the paths.
 */
type ScoresOnly = { bySide: [side: string, weights: string[]][] } | { paths: string[] };

function scoresOnlyPlan(paths: readonly string[]): ScoresOnly {
  const bySide = new Map<string, string[]>();
  for (const path of paths) {
    const keys = path.split('.');
    if (keys.length !== 3 || keys[0] !== 'payoffs') return { paths: [...paths] };
    const [, side, weight] = keys as [string, string, string];
    bySide.set(side, [...(bySide.get(side) ?? []), weight]);
  }
  return { bySide: [...bySide] };
}

/** What decides the moves of a profile's games: the same, with the fields that only weigh its score left out. */
function movesKey(s: BatchScenario, k: KeyParts, scoresOnly: ScoresOnly): string {
  if ('paths' in scoresOnly) {
    const p = structuredClone(s.params) as unknown as Record<string, unknown>;
    for (const path of scoresOnly.paths) setPath(p, path.split('.'), null);
    return `${s.name}\n${JSON.stringify(p)}`;
  }
  // Copies of only the sides' objects, each weight set to null in the copy.
  const payoffs = { ...k.payoffs } as unknown as Record<string, Record<string, unknown>>;
  for (const [side, weights] of scoresOnly.bySide) {
    const copy: Record<string, unknown> = { ...payoffs[side] };
    for (const w of weights) copy[w] = null;
    payoffs[side] = copy;
  }
  return k.head + JSON.stringify(payoffs);
}

export interface ReusePlan {
  /** The scenarios to run: each distinct one once; a cell scored from another's games is marked in `scoredFrom`. */
  distinct: BatchScenario[];
  /** For each scenario of the spec, its index in `distinct`. */
  at: number[];
}

/** Which of a spec's scenarios are copies of an earlier one, and which cells can be rescored from another's games. */
export function planReuse(scenarios: readonly BatchScenario[], profiles: readonly ProfileIds[]): ReusePlan {
  const distinct: BatchScenario[] = [];
  const at: number[] = [];
  const byGames = new Map<string, number>();
  const scoresOnly = profiles.map((p) => scoresOnlyPlan(scoresOnlyPaths(p)));
  const byMoves = profiles.map(() => new Map<string, number>());
  const heads = new Map<string, number>();
  scenarios.forEach((s, n) => {
    const parts = keyParts(s, heads);
    const gk = gamesKey(parts);
    const same = byGames.get(gk);
    if (same !== undefined) {
      at.push(same);
      return;
    }
    const i = distinct.length;
    const last = n === scenarios.length - 1;
    const scoredFrom = profiles.map((_, p) => {
      const seen = byMoves[p] as Map<string, number>;
      // A key (a clone and a stringify of the params) is only of use against another
      // scenario's: with none before to find and none after to store it for, skip it (a
      // one-scenario spec such as equilibria's 168 profiles paid ~6 ms before its games).
      if (last && seen.size === 0) return null;
      const mk = movesKey(s, parts, scoresOnly[p] as ScoresOnly);
      const from = seen.get(mk);
      if (from === undefined) seen.set(mk, i);
      return from ?? null;
    });
    const { scoredFrom: _ignored, ...plain } = s;
    distinct.push(scoredFrom.some((x) => x !== null) ? { ...plain, scoredFrom } : plain);
    byGames.set(gk, i);
    at.push(i);
  });
  return { distinct, at };
}

/**
 * The cells of `spec` (scenario-major, as runBatch returns them), each distinct game played
 * once: cells with the same inputs share one result, and scores-only settings are rescored.
 */
export async function runOnce(spec: BatchSpec, run: AnalysisRun): Promise<Cell[]> {
  if (run.reuse === false) return runBatch(spec, run);
  const plan = planReuse(spec.scenarios, spec.profiles);
  const cells = await runBatch({ ...spec, scenarios: plan.distinct }, run);
  const P = spec.profiles.length;
  const out: Cell[] = [];
  spec.scenarios.forEach((_, s) => {
    for (let p = 0; p < P; p++) out.push({ scenario: s, profile: p, acc: (cells[(plan.at[s] as number) * P + p] as Cell).acc });
  });
  return out;
}
