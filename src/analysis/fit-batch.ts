import type { Params } from '../model/params.js';
import type { Scenario } from '../scenario/load.js';
import type { ProfileIds, RunOptions } from '../engine/batch/batch.js';
import type { Acc, MetricKey } from '../engine/batch/stats.js';
import type { FreeParam, Simulate, Theta } from './fit.js';
import { parseDocument } from 'yaml';
import { runBatch } from '../engine/batch/batch.js';
import { METRICS } from '../engine/batch/stats.js';
import { OUTCOME_NAMES } from '../model/outcomes.js';
import { fieldAt } from '../scenario/fields.js';

// The fit's game side: the free parameters it may move (one table), how a point of them
// is written into a scenario's params, and moments read from a batch's accumulators. The
// batch moments are what a batch can measure today (per game of 12 monthly rounds); the
// record's per-month moments (moments.ts, issue 18 items 2-3) plug into the same Simulate.

/**
 * The parameters `leverage fit` estimates; every other number stays as the scenario file sets
 * it, with the source its comment gives (scenarios/README.md). Ranges stay inside each
 * field's schema range and wide enough that the data, not the bound, should hold an estimate.
 */
export const FIT_FREE_PARAMS: readonly FreeParam[] = [
  { path: 'kim.tensionDecay', lo: 0.02, hi: 0.3, why: 'how fast a crisis cools without a test: the record\'s quiet months between bursts (C12)' },
  { path: 'pressure.requestBaseLikelihood', lo: 0.02, hi: 0.5, why: 'how often Xi asks for a test in calm times: tests timed to Beijing\'s quarrels with Washington (C13)' },
  { path: 'pressure.requestTensionSlope', lo: 0, hi: 1, why: 'how much US-China rivalry adds to the asking (C13)' },
  { path: 'kim.testCost', lo: 0, hi: 0.05, why: 'what a test costs the economy per rung: the test rate a creaking economy allows (C7, 2020¶9)' },
  { path: 'kim.repeatPrestige', lo: 0, hi: 1, why: 'what repeating a reached rung still buys at home: repeated short-range salvos (C12)' },
  { path: 'kim.brinkDampsPrestige', lo: 0, hi: 1, why: 'a test at the brink impresses less: no test pegs the crisis at its top (C12)' },
  { path: 'kim.rungPrestige.3', lo: 0, hi: 0.3, why: 'what a nuclear test buys at home: none since 2017 (C12)' },
  { path: 'kim.obeyStandingCost', lo: 0, hi: 0.3, why: 'what obeying Xi costs Kim at home: how often he tests against Beijing\'s wishes (C7)' },
];

/** The params at `path` (dotted; a trailing index reaches a per-rung entry). */
export function paramAt(params: Params, path: string): number {
  let v: unknown = params;
  for (const k of path.split('.')) v = (v as Record<string, unknown>)[k];
  if (typeof v !== 'number') throw new Error(`no numeric parameter at ${path}`);
  return v;
}

/** A copy of `params` with each path of `theta` set. */
export function withTheta(params: Params, theta: Theta): Params {
  const out = structuredClone(params);
  for (const [path, value] of Object.entries(theta)) {
    const keys = path.split('.');
    let o = out as unknown as Record<string, unknown>;
    for (const k of keys.slice(0, -1)) o = o[k] as Record<string, unknown>;
    const last = keys.at(-1)!;
    if (typeof o?.[last] !== 'number') throw new Error(`no numeric parameter at ${path}`);
    o[last] = value;
  }
  return out;
}

/** Checks that a free parameter names a scenario field and stays inside its schema range. */
export function checkFreeParam(f: FreeParam): string | undefined {
  // A per-rung entry (`kim.rungPrestige.3`) is checked against its field's range.
  const field = fieldAt(f.path) ?? fieldAt(f.path.replace(/\.\d+$/, ''));
  if (!field) return `${f.path} is not a scenario field`;
  if (f.lo < field.min || f.hi > field.max) return `${f.path}: range [${f.lo}, ${f.hi}] leaves the field's range [${field.min}, ${field.max}]`;
  return undefined;
}

export interface BatchMoment {
  id: string;
  label: string;
  compute(acc: Acc): number;
}

const mean = (acc: Acc, key: MetricKey) => acc.metrics[METRICS.findIndex((m) => m.key === key)]!.mean;
const outcome = (acc: Acc, name: string) => (acc.outcomes[OUTCOME_NAMES.indexOf(name as never)] ?? 0) / Math.max(1, acc.n);

/** Moments a batch measures today: per game of the scenario's rounds unless said. */
export const BATCH_MOMENTS: readonly BatchMoment[] = [
  { id: 'tests.perGame', label: "Kim's tests a game", compute: (a) => mean(a, 'kimTests') },
  { id: 'nuclearTests.perGame', label: 'nuclear tests a game', compute: (a) => mean(a, 'nuclearTests') },
  { id: 'tests.perRound', label: "share of rounds with a test", compute: (a) => mean(a, 'kimTests') / Math.max(1e-9, mean(a, 'rounds')) },
  { id: 'rungs.perTest', label: 'mean rung of a test', compute: (a) => mean(a, 'rungsTested') / Math.max(1e-9, mean(a, 'kimTests')) },
  { id: 'requests.perRound', label: "Beijing's requests a round", compute: (a) => mean(a, 'requestsMade') / Math.max(1e-9, mean(a, 'rounds')) },
  { id: 'defied.share', label: 'share of requests Kim refused', compute: (a) => mean(a, 'requestsDefied') / Math.max(1e-9, mean(a, 'requestsMade')) },
  { id: 'peakTension', label: 'peak tension a game', compute: (a) => mean(a, 'peakTension') },
  { id: 'ending.regimeCrisis', label: 'share of games ending in a regime crisis', compute: (a) => outcome(a, 'regimeCrisis') },
  { id: 'ending.settlement', label: 'share of games ending in a settlement', compute: (a) => outcome(a, 'settlement') },
];

export interface BatchSimulatorOptions {
  scenario: Pick<Scenario, 'name' | 'source' | 'sha256' | 'params'>;
  profiles: ProfileIds[];
  runs: number;
  seed: string;
  moments: readonly BatchMoment[];
  /** Workers (and a pool kept across every evaluation: the caller closes it). */
  run: RunOptions;
}

/**
 * Simulate from batches: theta written into the scenario, `runs` games per profile on seed
 * set `${seed}/${seedSet}` (the same games' seeds at every theta), moments pooled over profiles.
 */
export function batchSimulator(o: BatchSimulatorOptions): Simulate {
  for (const m of o.moments) if (!m.id) throw new Error('a moment needs an id');
  return async (theta, seedSet) => {
    const params = withTheta(o.scenario.params, theta);
    const cells = await runBatch(
      { command: 'fit', seed: `${o.seed}/${seedSet}`, runs: o.runs, scenarios: [{ name: o.scenario.name, source: o.scenario.source, sha256: o.scenario.sha256, params }], profiles: o.profiles },
      o.run,
    );
    const out: Record<string, number> = {};
    for (const m of o.moments) out[m.id] = cells.reduce((t, c) => t + m.compute(c.acc), 0) / cells.length;
    return out;
  };
}

/**
 * The scenario file's text with the fitted values written in (comments and every other
 * field kept), and a header line saying where they came from. A per-rung entry writes its
 * whole four-rung list. The caller checks the text loads before writing it.
 */
export function fittedScenarioText(sourceText: string, fitted: Params, theta: Theta, note: string): string {
  const doc = parseDocument(sourceText);
  const round = (x: number) => Number(x.toPrecision(4));
  for (const path of Object.keys(theta)) {
    const keys = path.split('.');
    if (/^\d+$/.test(keys.at(-1)!)) {
      const list = keys.slice(0, -1);
      doc.setIn(list, doc.createNode((paramAtList(fitted, list) as number[]).map(round), { flow: true }));
    } else doc.setIn(keys, round(paramAt(fitted, path)));
  }
  doc.commentBefore = [` ${note}`, doc.commentBefore ?? ''].filter(Boolean).join('\n');
  return doc.toString({ lineWidth: 0 });
}

function paramAtList(params: Params, keys: string[]): unknown {
  let v: unknown = params;
  for (const k of keys) v = (v as Record<string, unknown>)[k];
  return v;
}
