import type { Actor } from '../model/context.js';
import type { ProfileIds } from '../engine/batch/batch.js';
import type { BatchReport, CompareReport, TournamentReport } from '../analysis/reports.js';
import type { SweepReport } from '../analysis/sweep.js';
import type { RobustnessReport } from '../analysis/robustness.js';
import type { ForkReport } from '../analysis/fork.js';
import type { Step } from '../engine/reference/session.js';
import type { DataTable, Figure } from './figure.js';
import { metricLabel } from '../analysis/reports.js';
import { resultText } from '../analysis/robustness.js';
import { METRICS } from '../engine/batch/stats.js';
import { ACTORS } from '../model/context.js';
import { MOVES } from '../model/moves.js';
import { OUTCOME_NAMES, OUTCOME_SHORT } from '../model/outcomes.js';
import { findStrategy } from '../strategies/registry.js';
import { barChart, distributionChart, heatTable, intervalChart, timelineChart, tornadoChart } from './charts.js';
import { fmt2, fmtPct, round3, VERDICT_COLOURS } from './figure.js';

// Figures for each report, built from the same report objects `--format json` writes.

const SIDE: Record<Actor, string> = { us: 'US', china: 'China', kim: 'Kim' };
/** The order the text outputs name the sides in. */
const READING_ORDER: Actor[] = ['us', 'china', 'kim'];
const POINTS = 'model points';

/** The unit a measure is in, for axis titles. */
export function unitOf(metric: string): string {
  if (metric.startsWith('outcome.')) return 'share of games';
  if (metric.startsWith('payoff')) return POINTS;
  const info = METRICS.find((m) => m.key === metric);
  if (info && info.hi === 1) return 'index, 0 to 1';
  return 'count per game';
}

export function axisTitle(metric: string): string {
  return `${metricLabel(metric as never)} (${unitOf(metric)})`;
}

export function profileLabel(p: ProfileIds, varied: Actor[]): string {
  const sides = varied.length ? READING_ORDER.filter((a) => varied.includes(a)) : READING_ORDER;
  return sides.map((a) => (varied.length === 1 ? strategyName(a, p[a]) : `${SIDE[a]} ${strategyName(a, p[a])}`)).join(', ');
}

function variedOf(profiles: ProfileIds[]): Actor[] {
  return ACTORS.filter((a) => new Set(profiles.map((p) => p[a])).size > 1);
}

function runsCaption(r: { seed: string; runs: number }, scenarios: string[], extra = '', points = true): string {
  return `Scenario ${scenarios.join(', ')}; seed ${r.seed}; ${r.runs} games per ${extra || 'strategy profile'}.${points ? ' Points are means, bars 95% intervals.' : ''}`;
}

// ---------- batch ----------

export function batchFigures(r: BatchReport): Figure[] {
  const varied = variedOf(r.cells.map((c) => c.profile));
  const manyScenarios = new Set(r.cells.map((c) => c.scenario)).size > 1;
  const cellName = (c: BatchReport['cells'][number]) =>
    [manyScenarios ? c.scenario : '', varied.length ? profileLabel(c.profile, varied) : ''].filter(Boolean).join(' / ') || sidesText(c.profile);
  const scenarios = [...new Set(r.cells.map((c) => c.scenario))];
  const profileNote = varied.length || !r.cells[0] ? '' : ` Strategies: ${sidesText(r.cells[0].profile)}.`;
  const rows = r.cells.flatMap((c) =>
    OUTCOME_NAMES.map((o) => ({ y: OUTCOME_SHORT[o], series: cellName(c), mean: c.summary.outcomes[o].p, low: c.summary.outcomes[o].low, high: c.summary.outcomes[o].high })),
  );
  // Up to four groups of games: dots and intervals; more: a heat table (one row per group), which stays readable.
  const shares =
    r.cells.length <= MAX_DODGED
      ? intervalChart({ rows: r.cells.length > 1 ? rows : rows.map(({ series: _s, ...x }) => x), xTitle: 'share of games (95% interval)', yTitle: 'outcome', percent: true, xDomain: [0, 1] })
      : heatTable({
          cells: rows.map((x) => ({ x: x.y, y: x.series, value: round3(x.mean), text: fmtPct(x.mean) })),
          xTitle: 'outcome: share of games',
          yTitle: 'games',
          colourTitle: 'share',
          cellWidth: 96,
        });
  const figures: Figure[] = [
    {
      id: 'batch-outcomes',
      title: 'How the games end: share of each outcome',
      caption:
        r.cells.length <= MAX_DODGED
          ? runsCaption(r, scenarios) + profileNote
          : `Scenario ${scenarios.join(', ')}; seed ${r.seed}; ${r.runs} games per strategy profile. Each cell is a share of games; the 95% intervals are in the table.${profileNote}`,
      spec: shares.spec,
      marks: shares.marks,
      table: {
        head: ['games', ...OUTCOME_NAMES.map((o) => OUTCOME_SHORT[o])],
        rows: r.cells.map((c) => [cellName(c), ...OUTCOME_NAMES.map((o) => `${fmtPct(c.summary.outcomes[o].p)} [${fmtPct(c.summary.outcomes[o].low)}, ${fmtPct(c.summary.outcomes[o].high)}]`)]),
      },
    },
  ];
  for (const key of ['payoffUs', 'payoffChina', 'payoffKim'] as const) {
    const info = METRICS.find((m) => m.key === key) as (typeof METRICS)[number];
    const d = distributionChart({
      series: r.cells.map((c) => ({ name: cellName(c), lo: info.lo, hi: info.hi, counts: c.summary.metrics[key].hist, n: c.summary.n })),
      xTitle: `${info.label} (${POINTS}; the end bins hold everything beyond)`,
    });
    figures.push({
      id: `batch-${key}`,
      title: `Distribution of the ${info.label}`,
      // A histogram has no points: the caption says what its steps are instead.
      caption: runsCaption(r, scenarios, '', false) + profileNote + ` Each step is the share of games whose payoff fell in that bin. ${c40(info.lo, info.hi)} Means and 95% intervals are in the table.`,
      spec: d.spec,
      marks: d.marks,
      table: {
        head: ['games', 'mean [95% interval]', 'sd', 'min', 'max'],
        rows: r.cells.map((c) => {
          const m = c.summary.metrics[key];
          return [cellName(c), `${fmt2(m.mean)} [${fmt2(m.low)}, ${fmt2(m.high)}]`, fmt2(m.sd), fmt2(m.min), fmt2(m.max)];
        }),
      },
    });
  }
  return figures;
}

const MAX_DODGED = 4;

const c40 = (lo: number, hi: number) => `Bins of ${fmt2((hi - lo) / 40)} from ${lo} to ${hi}.`;

// ---------- compare ----------

export function compareFigure(r: CompareReport, id = 'compare'): Figure {
  const label = (p: ProfileIds) => profileLabel(p, r.varied);
  const status = (c: CompareReport['cells'][number][number]) => (c.best ? 'best in its panel' : c.tiedWithBest ? 'tied with the best' : 'below the best');
  const rows = r.rows.flatMap((p, i) =>
    r.columns.map((col, j) => {
      const c = (r.cells[i] as CompareReport['cells'][number])[j] as CompareReport['cells'][number][number];
      return { y: label(p), panel: col, mean: c.mean, low: c.low, high: c.high, series: status(c) };
    }),
  );
  const chart = intervalChart({
    rows,
    xTitle: axisTitle(r.metric),
    yTitle: r.varied.length === 1 ? `${SIDE[r.varied[0] as Actor]} strategy` : 'strategy profile',
    seriesTitle: 'in each panel',
    percent: r.metric.startsWith('outcome.'),
    panelColumns: Math.min(3, r.columns.length),
    width: r.columns.length === 1 ? 420 : r.columns.length === 2 ? 260 : 180,
  });
  // The dodge is by status; one status per point, so rows do not spread: keep them on one line.
  const spec = withoutDodge(chart.spec);
  const fixed = r.rows[0];
  const others = fixed ? ACTORS.filter((a) => !r.varied.includes(a)).map((a) => `${SIDE[a]} ${strategyName(a, fixed[a])}`).join(', ') : '';
  return {
    id,
    title: `${capital(r.metricLabel)} by ${r.varied.length === 1 ? `${SIDE[r.varied[0] as Actor]} strategy` : 'strategy profile'}, one panel per scenario`,
    caption: `${runsCaption(r, r.columns)}${others ? ` Against ${others}.` : ''} The best in each panel is drawn as a distinct mark; 'tied' means its interval overlaps the best's.`,
    spec,
    marks: chart.marks,
    table: {
      head: [r.varied.length === 1 ? `${SIDE[r.varied[0] as Actor]} strategy` : 'profile', ...r.columns],
      rows: r.rows.map((p, i) => [
        label(p),
        ...r.columns.map((_, j) => {
          const c = (r.cells[i] as CompareReport['cells'][number])[j] as CompareReport['cells'][number][number];
          return `${fmt2(c.mean)} [${fmt2(c.low)}, ${fmt2(c.high)}]${c.best ? ' best' : c.tiedWithBest ? ' tied' : ''}`;
        }),
      ]),
    },
  };
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Keep colour and shape by series but drop the vertical dodge (one point per row). */
function withoutDodge(spec: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(spec) as { spec?: { encoding?: Record<string, unknown>; height?: unknown }; encoding?: Record<string, unknown>; height?: unknown };
  delete (copy.spec?.encoding ?? copy.encoding ?? {}).yOffset;
  (copy.spec ?? copy).height = { step: 24 };
  return copy as Record<string, unknown>;
}

/** Each side and its strategy in words: "US The columns' advice, China Opportunist, Kim Regime first". */
export function sidesText(p: ProfileIds): string {
  return READING_ORDER.map((a) => `${SIDE[a]} ${strategyName(a, p[a])}`).join(', ');
}

const PROPER: Record<string, string> = { us: 'US', china: 'China', kim: 'Kim', europe: 'Europe', xi: 'Xi' };
/** A parameter path in words for chart labels ("start.chinaInfluence": "China influence at the start"); tables keep the path. */
export function paramLabel(path: string): string {
  const words = (w: string) => w.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(' ').map((x) => PROPER[x] ?? x).join(' ');
  const parts = path.split('.');
  const last = words(parts.at(-1) as string);
  const group = parts.slice(0, -1);
  if (group.length === 1 && group[0] === 'start') return `${last} at the start`;
  return group.length ? `${last} (${group.map(words).join(' ')})` : last;
}

// ---------- tournament ----------

/** A strategy as students read it ("Asks Beijing"), not its code name (asksBeijing). */
export function strategyName(actor: Actor, id: string): string {
  return findStrategy(actor, id)?.name ?? id;
}

export function tournamentProfileName(p: ProfileIds): string {
  return READING_ORDER.map((a) => strategyName(a, p[a])).join(' · ');
}

/** Marks a payoff whose side could not do better by switching alone (its best reply to the others). */
export const BEST_REPLY_MARK = '◆';

/** For each profile and side: is that side's strategy a best reply to the other two's? */
export function bestReplies(r: TournamentReport): Record<Actor, boolean>[] {
  const others = (p: ProfileIds, a: Actor) => READING_ORDER.filter((b) => b !== a).map((b) => p[b]).join('|');
  const best = new Map<string, number>();
  for (const row of r.table) {
    for (const a of READING_ORDER) {
      const k = `${a}:${others(row.profile, a)}`;
      best.set(k, Math.max(best.get(k) ?? -Infinity, row.payoffs[a].mean));
    }
  }
  return r.table.map((row) => {
    const out = {} as Record<Actor, boolean>;
    for (const a of READING_ORDER) out[a] = row.payoffs[a].mean >= (best.get(`${a}:${others(row.profile, a)}`) as number);
    return out;
  });
}

const payoffText = (x: { mean: number; low: number; high: number }) => `${fmt2(x.mean)} [${fmt2(x.low)}, ${fmt2(x.high)}]`;

/** Every profile's payoffs as one table (a long table reads better as text than as a chart of 800 cells). */
export function tournamentTable(r: TournamentReport): DataTable {
  const marks = bestReplies(r);
  const eq = new Set(r.equilibria.map((e) => tournamentProfileName(e.profile)));
  return {
    head: ['US · China · Kim', 'US payoff', 'China payoff', 'Kim payoff'],
    rows: r.table.map((row, i) => {
      const name = tournamentProfileName(row.profile);
      return [`${name}${eq.has(name) ? ' (equilibrium)' : ''}`, ...READING_ORDER.map((a) => `${payoffText(row.payoffs[a])}${(marks[i] as Record<Actor, boolean>)[a] ? ` ${BEST_REPLY_MARK}` : ''}`)];
    }),
  };
}

export function equilibriaTable(r: TournamentReport): DataTable {
  return {
    head: ['US · China · Kim', 'US payoff', 'China payoff', 'Kim payoff'],
    rows: r.equilibria.map((e) => [tournamentProfileName(e.profile), ...READING_ORDER.map((a) => payoffText(e.payoffs[a]))]),
  };
}

export function tournamentFigures(r: TournamentReport): Figure[] {
  const caption = `Scenario ${r.scenario}; seed ${r.seed}; ${r.runs} games per profile.`;
  const bars = READING_ORDER.flatMap((a) => r.strategies[a].map((s) => ({ y: `${SIDE[a]}: ${strategyName(a, s)}`, value: r.bestResponseCounts[a][s] ?? 0, group: SIDE[a] })));
  const br = barChart({ bars, xTitle: "times a best reply (over the other sides' combinations)", yTitle: 'side: strategy' });
  return [
    {
      id: 'tournament-best-replies',
      title: "Best replies: how often each strategy is its side's best answer to the other two",
      caption,
      spec: br.spec,
      marks: br.marks,
      table: { head: ['side: strategy', 'times a best reply'], rows: bars.map((b) => [b.y, b.value]) },
    },
  ];
}

// ---------- sweep ----------

export function sweepFigures(r: SweepReport, idPrefix = 'sweep'): Figure[] {
  const caption = `Scenario ${r.scenario}; ${sidesText(r.profile)}; seed ${r.seed}; ${r.runs} games per setting.`;
  // Each bar's ends say which value of the parameter gives the lowest and the highest result.
  const bars = r.oneAtATime.map((p) => {
    const low = p.points.reduce((a, b) => (b.mean < a.mean ? b : a));
    const high = p.points.reduce((a, b) => (b.mean > a.mean ? b : a));
    return { param: paramLabel(p.path), lo: low.mean, hi: high.mean, loAt: `at ${low.values[p.path]}`, hiAt: `at ${high.values[p.path]}` };
  });
  const t = tornadoChart({ bars, base: r.base.mean, xTitle: `${axisTitle(r.metric)}: lowest to highest` });
  const figures: Figure[] = [
    {
      id: `${idPrefix}-tornado`,
      title: `Tornado: how far each parameter alone moves the ${metricLabel(r.metric)}`,
      caption: `${caption} The dashed line is the scenario as written (${fmt2(r.base.mean)}). Each bar runs from the lowest to the highest ${metricLabel(r.metric)}; the words at its ends give the parameter's value there ('at 0.2': the low end comes with the parameter at 0.2).`,
      spec: t.spec,
      marks: t.marks,
      table: {
        head: ['parameter', 'as written', 'value', 'mean', '95% interval'],
        rows: r.oneAtATime.flatMap((p) => p.points.map((x) => [p.path, p.baseValue, x.values[p.path] as number, fmt2(x.mean), `[${fmt2(x.low)}, ${fmt2(x.high)}]`])),
      },
    },
  ];
  if (r.grid) {
    const [a, b] = r.oneAtATime.map((p) => p.path) as [string, string];
    const cells = r.grid.map((g) => ({ x: String(g.values[b]), y: String(g.values[a]), value: round3(g.mean), text: fmt2(g.mean) }));
    const h = heatTable({ cells, xTitle: paramLabel(b), yTitle: paramLabel(a), colourTitle: `${metricLabel(r.metric)} (${unitOf(r.metric)})` });
    figures.push({
      id: `${idPrefix}-heatmap`,
      title: `Heatmap: ${metricLabel(r.metric)} over ${paramLabel(a)} and ${paramLabel(b)}`,
      caption: `${caption} Lighter is higher.`,
      spec: h.spec,
      marks: h.marks,
      table: { head: [a, b, 'mean', '95% interval'], rows: r.grid.map((g) => [g.values[a] as number, g.values[b] as number, fmt2(g.mean), `[${fmt2(g.low)}, ${fmt2(g.high)}]`]) },
    });
  }
  return figures;
}

// ---------- robustness ----------

export function robustnessFigure(r: RobustnessReport, id = 'robustness'): Figure {
  const cells = r.rows.flatMap((row) =>
    row.results.map((x, i) => ({
      x: (r.conclusions[i] as { label: string }).label,
      y: row.variant,
      value: x.effects[0]?.diff ?? 0,
      category: x.verdict,
      // The same words as the text table: labelled effects, "no gain" for identical games.
      text: resultText(r.conclusions[i] as RobustnessReport['conclusions'][number], x, x.verdict),
    })),
  );
  const h = heatTable({
    cells,
    xTitle: 'conclusion of the columns',
    yTitle: 'assumption switched off',
    colourTitle: 'verdict',
    categories: { domain: ['holds', 'breaks', 'unclear'], range: [VERDICT_COLOURS.holds, VERDICT_COLOURS.breaks, VERDICT_COLOURS.unclear] },
    cellWidth: 150,
    labelsOnTop: true,
  });
  return {
    id,
    title: "Which conclusions survive when each assumption is switched off",
    caption: `Scenario ${r.scenario}; seed ${r.seed}; ${r.runs} games per profile and assumption. Each cell: the verdict and the effect (model points, positive in the direction the columns argue); holds = 95% interval above zero, breaks = below, unclear = spans zero.`,
    spec: h.spec,
    marks: h.marks,
    table: {
      head: ['assumption', ...r.conclusions.map((c) => c.label)],
      rows: r.rows.map((row) => [`${row.variant}: ${row.label}`, ...row.results.map((x) => `${x.verdict} ${x.effects.map((e) => `${fmt2(e.diff)} [${fmt2(e.low)}, ${fmt2(e.high)}]`).join(' / ')}`)]),
    },
  };
}

// ---------- fork ----------

export function forkFigures(r: ForkReport, source: string): Figure[] {
  const branches = [r.asPlayed, r.forked];
  const rows = branches.flatMap((b) => OUTCOME_NAMES.map((o) => ({ y: OUTCOME_SHORT[o], series: b.label, mean: b.outcomes[o].p, low: b.outcomes[o].low, high: b.outcomes[o].high })));
  const shares = intervalChart({ rows, xTitle: 'share of continuations (95% interval)', yTitle: 'outcome', percent: true, xDomain: [0, 1], seriesTitle: 'branch' });
  const diff = intervalChart({
    rows: READING_ORDER.map((a) => ({ y: `${SIDE[a]} payoff`, mean: r.difference[a].diff, low: r.difference[a].low, high: r.difference[a].high })),
    xTitle: `forked minus as played (${POINTS})`,
    yTitle: 'side',
    zero: true,
  });
  const caption = `Game log ${source}; fork at round ${r.round}; ${r.runs} continuations each way on the same seeds.`;
  return [
    {
      id: 'fork-outcomes',
      title: 'The two outcome distributions side by side',
      caption,
      spec: shares.spec,
      marks: shares.marks,
      table: {
        head: ['outcome', ...branches.map((b) => b.label)],
        rows: OUTCOME_NAMES.map((o) => [OUTCOME_SHORT[o], ...branches.map((b) => `${fmtPct(b.outcomes[o].p)} [${fmtPct(b.outcomes[o].low)}, ${fmtPct(b.outcomes[o].high)}]`)]),
      },
    },
    {
      id: 'fork-difference',
      title: 'What the different move changes for each side',
      caption: `${caption} Paired differences; the dashed line is no change.`,
      spec: diff.spec,
      marks: diff.marks,
      table: {
        head: ['side', ...branches.map((b) => b.label), 'difference [95% interval]'],
        rows: READING_ORDER.map((a) => [SIDE[a], ...branches.map((b) => fmt2(b.payoffs[a].mean)), `${fmt2(r.difference[a].diff)} [${fmt2(r.difference[a].low)}, ${fmt2(r.difference[a].high)}]`]),
      },
    },
  ];
}

// ---------- one game ----------

const TRACKED = [
  { key: 'tension', label: 'tension' },
  { key: 'exposure', label: "exposure of China's role" },
  { key: 'europeAlignment', label: "Europe's alignment" },
  { key: 'kimStanding', label: "Kim's standing" },
] as const;

/** The state at the end of each round (after chance resolves it), from the game's steps. */
export function roundStates(steps: Step[]): { round: number; state: Step['state'] }[] {
  const byRound = new Map<number, Step['state']>();
  for (const s of steps) byRound.set(s.round, s.state);
  return [...byRound.entries()].map(([round, state]) => ({ round, state }));
}

export function gameFigure(steps: Step[], caption: string): Figure {
  const states = roundStates(steps);
  const points = states.flatMap((s) => TRACKED.map((t) => ({ x: s.round, series: t.label, value: round3(s.state[t.key]) })));
  const t = timelineChart({ points, xTitle: 'round', yTitle: 'level (index, 0 to 1)', yDomain: [0, 1] });
  return {
    id: 'game-timeline',
    title: "Tension, exposure, Europe and Kim's standing by round",
    caption: `${caption} Each point is the level at the end of its round.`,
    spec: t.spec,
    marks: t.marks,
    table: { head: ['round', ...TRACKED.map((x) => x.label)], rows: states.map((s) => [s.round, ...TRACKED.map((x) => fmt2(s.state[x.key]))]) },
  };
}

export function moveLabel(step: Step): string {
  return step.type === 'move' ? MOVES[step.move].label : 'the round resolves';
}
