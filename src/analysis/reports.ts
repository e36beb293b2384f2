import type { Actor } from '../model/context.js';
import type { BatchSpec, Cell, ProfileIds } from '../engine/batch/batch.js';
import { profileAt } from '../engine/batch/batch.js';
import type { MetricKey } from '../engine/batch/stats.js';
import type { CellSummary, MetricSummary, TidyRow } from './summary.js';
import type { Payoff3 } from './equilibria.js';
import { METRICS } from '../engine/batch/stats.js';
import { ACTORS } from '../model/context.js';
import { isOutcome, OUTCOMES } from '../model/outcomes.js';
import { bestResponses, pureEquilibria } from './equilibria.js';
import { overlaps, summarizeAcc, tidyRows } from './summary.js';

// Reports are data built from a spec and its folded cells, and nothing else, so a merged
// set of shards gives exactly the report one unsharded run gives. They never draw.

export interface ReportHeader {
  command: string;
  seed: string;
  runs: number;
  scenarios: { name: string; source: string; sha256: string }[];
}

export interface BatchCellReport {
  scenario: string;
  profile: ProfileIds;
  summary: CellSummary;
}

export interface BatchReport extends ReportHeader {
  kind: 'leverage-batch';
  cells: BatchCellReport[];
}

function header(spec: BatchSpec): ReportHeader {
  return {
    command: spec.command,
    seed: spec.seed,
    runs: spec.runs,
    scenarios: spec.scenarios.map((s) => ({ name: s.name, source: s.source, sha256: s.sha256 })),
  };
}

export function batchReport(spec: BatchSpec, cells: Cell[]): BatchReport {
  return {
    kind: 'leverage-batch',
    ...header(spec),
    cells: cells.map((c) => ({
      scenario: (spec.scenarios[c.scenario] as { name: string }).name,
      profile: profileAt(spec, c.scenario, c.profile),
      summary: summarizeAcc(c.acc),
    })),
  };
}

export function reportRows(r: { cells: BatchCellReport[] }): TidyRow[] {
  return r.cells.flatMap((c) => tidyRows(c.scenario, c.profile, c.summary));
}

// ---------- compare ----------

export type MetricChoice = MetricKey | `outcome.${string}`;

export function isMetricChoice(m: string): m is MetricChoice {
  if (m.startsWith('outcome.')) return isOutcome(m.slice('outcome.'.length));
  return METRICS.some((x) => x.key === m);
}

export function metricLabel(m: MetricChoice): string {
  if (m.startsWith('outcome.')) {
    const o = m.slice('outcome.'.length);
    return `share of games ending in ${isOutcome(o) ? o : m}`;
  }
  return METRICS.find((x) => x.key === m)?.label ?? m;
}

/** The payoff of the one side that varies, else the US payoff. */
export function defaultMetric(spec: BatchSpec): MetricChoice {
  const varied = variedSides(spec);
  const key = { us: 'payoffUs', china: 'payoffChina', kim: 'payoffKim' } as const;
  return varied.length === 1 ? key[varied[0] as Actor] : 'payoffUs';
}

export function variedSides(spec: BatchSpec): Actor[] {
  return ACTORS.filter((a) => new Set(spec.profiles.map((p) => p[a])).size > 1);
}

export interface CompareCell {
  mean: number;
  low: number;
  high: number;
  hist: number[];
  /** Highest mean in its column. */
  best: boolean;
  /** Its interval overlaps the best's: not significantly different from it. */
  tiedWithBest: boolean;
}

export interface CompareReport extends ReportHeader {
  kind: 'leverage-compare';
  metric: MetricChoice;
  metricLabel: string;
  varied: Actor[];
  rows: ProfileIds[];
  columns: string[];
  /** cells[row][column] */
  cells: CompareCell[][];
  batch: BatchReport;
}

/** One measure of a cell, or the share of games ending in an outcome, with its interval. */
export function measureOf(s: CellSummary, m: MetricChoice): { mean: number; low: number; high: number; hist: number[] } {
  if (m.startsWith('outcome.')) {
    const o = s.outcomes[m.slice('outcome.'.length) as keyof typeof OUTCOMES];
    return { mean: o.p, low: o.low, high: o.high, hist: [] };
  }
  const v = s.metrics[m as MetricKey] as MetricSummary;
  return { mean: v.mean, low: v.low, high: v.high, hist: v.hist };
}

export function compareReport(spec: BatchSpec, cells: Cell[], metric: MetricChoice): CompareReport {
  const batch = batchReport(spec, cells);
  const P = spec.profiles.length;
  const table: CompareCell[][] = spec.profiles.map(() => []);
  for (let s = 0; s < spec.scenarios.length; s++) {
    const column = spec.profiles.map((_, p) => measureOf((batch.cells[s * P + p] as BatchCellReport).summary, metric));
    let best = 0;
    column.forEach((c, p) => {
      if (c.mean > (column[best] as { mean: number }).mean) best = p;
    });
    const top = column[best] as { low: number; high: number };
    column.forEach((c, p) => {
      (table[p] as CompareCell[]).push({ ...c, best: p === best, tiedWithBest: p !== best && overlaps(c, top) });
    });
  }
  return {
    kind: 'leverage-compare',
    ...header(spec),
    metric,
    metricLabel: metricLabel(metric),
    varied: variedSides(spec),
    rows: spec.profiles,
    columns: spec.scenarios.map((s) => s.name),
    cells: table,
    batch,
  };
}

// ---------- tournament ----------

export interface TournamentRow {
  profile: ProfileIds;
  payoffs: Record<Actor, { mean: number; low: number; high: number }>;
}

export interface TournamentReport extends ReportHeader {
  kind: 'leverage-tournament';
  scenario: string;
  strategies: Record<Actor, string[]>;
  table: TournamentRow[];
  equilibria: TournamentRow[];
  /** For each side: how often each of its strategies is a best reply, over all the others' combinations. */
  bestResponseCounts: Record<Actor, Record<string, number>>;
  batch: BatchReport;
}

/** The order of the players in the tournament's payoff table: index 0 is the US, 1 China, 2 Kim. */
const TOURNAMENT_PLAYERS = ['us', 'china', 'kim'] as const satisfies readonly Actor[];

export function tournamentReport(spec: BatchSpec, cells: Cell[]): TournamentReport {
  const batch = batchReport(spec, cells);
  const strategies = {} as Record<Actor, string[]>;
  for (const a of ACTORS) strategies[a] = [...new Set(spec.profiles.map((p) => p[a]))];
  const index = new Map<string, TournamentRow>();
  const table: TournamentRow[] = batch.cells.map((c) => {
    const m = c.summary.metrics;
    const row: TournamentRow = {
      profile: c.profile,
      payoffs: {
        us: { mean: m.payoffUs.mean, low: m.payoffUs.low, high: m.payoffUs.high },
        china: { mean: m.payoffChina.mean, low: m.payoffChina.low, high: m.payoffChina.high },
        kim: { mean: m.payoffKim.mean, low: m.payoffKim.low, high: m.payoffKim.high },
      },
    };
    index.set(`${c.profile.us}|${c.profile.china}|${c.profile.kim}`, row);
    return row;
  });
  const rowAt = (a: number, b: number, c: number) =>
    index.get(`${strategies.us[a]}|${strategies.china[b]}|${strategies.kim[c]}`) as TournamentRow;
  const game = {
    sizes: [strategies.us.length, strategies.china.length, strategies.kim.length] as [number, number, number],
    payoff: (a: number, b: number, c: number): Payoff3 => {
      const r = rowAt(a, b, c).payoffs;
      return [r.us.mean, r.china.mean, r.kim.mean];
    },
  };
  const equilibria = pureEquilibria(game).map(([a, b, c]) => rowAt(a, b, c));
  const bestResponseCounts = {} as Record<Actor, Record<string, number>>;
  // The side's index must be its place in `game` (us, china, kim), not its place in ACTORS.
  TOURNAMENT_PLAYERS.forEach((actor, i) => {
    const counts: Record<string, number> = Object.fromEntries(strategies[actor].map((s) => [s, 0]));
    const [na, nb, nc] = game.sizes;
    for (let a = 0; a < na; a++)
      for (let b = 0; b < nb; b++)
        for (let c = 0; c < nc; c++) {
          const p: [number, number, number] = [a, b, c];
          if (p[i] !== 0) continue; // each combination of the others once
          for (const s of bestResponses(game, i as 0 | 1 | 2, p)) {
            const id = strategies[actor][s] as string;
            counts[id] = (counts[id] ?? 0) + 1;
          }
        }
    bestResponseCounts[actor] = counts;
  });
  return {
    kind: 'leverage-tournament',
    ...header(spec),
    scenario: (spec.scenarios[0] as { name: string }).name,
    strategies,
    table,
    equilibria,
    bestResponseCounts,
    batch,
  };
}
