import * as vega from 'vega';
import * as vl from 'vega-lite';
import { describe, expect, it } from 'vitest';
import type { Figure } from '../../src/report/figure.js';
import type { BatchSpec } from '../../src/engine/batch/batch.js';
import type { RobustnessReport } from '../../src/analysis/robustness.js';
import type { ForkReport } from '../../src/analysis/fork.js';
import { runBatch } from '../../src/engine/batch/batch.js';
import { batchReport, compareReport, tournamentReport } from '../../src/analysis/reports.js';
import { sweep } from '../../src/analysis/sweep.js';
import { playGame } from '../../src/engine/reference/session.js';
import { resolveScenario } from '../../src/scenario/catalog.js';
import { getStrategy } from '../../src/strategies/registry.js';
import { OUTCOME_NAMES } from '../../src/model/outcomes.js';
import { batchFigures, BEST_REPLY_MARK, bestReplies, strategyName, compareFigure, forkFigures, gameFigure, robustnessFigure, roundStates, sweepFigures, tournamentFigures, tournamentTable } from '../../src/report/figures.js';
import { lessonFigure } from '../../src/report/explain-page.js';
import { table } from '../../src/analysis/lessons.js';
import { PALETTE } from '../../src/report/figure.js';

// Each chart spec built from a small real result: it compiles, carries the report's
// numbers, labels its axes, and draws exactly the marks it claims (counted in vega's
// scenegraph, the same thing the SVG is drawn from).

type SceneNode = { marktype?: string; role?: string; items?: SceneNode[] };

async function drawnMarks(spec: Record<string, unknown>): Promise<number> {
  const view = new vega.View(vega.parse(vl.compile(spec as never).spec), { renderer: 'none' });
  await view.runAsync();
  let count = 0;
  const walk = (node: SceneNode) => {
    if (node.marktype && node.role === 'mark') {
      // A line is one drawn path however many points it joins.
      count += node.marktype === 'line' || node.marktype === 'area' ? (node.items?.length ? 1 : 0) : (node.items?.length ?? 0);
    }
    for (const child of node.items ?? []) walk(child);
  };
  walk((view.scenegraph() as unknown as { root: SceneNode }).root);
  view.finalize();
  return count;
}

/** Every positional encoding with a field has a title (or the chart states it elsewhere, as the lessons' panel headers do). */
function axisTitles(spec: unknown): string[] {
  const titles: string[] = [];
  const walk = (o: unknown) => {
    if (!o || typeof o !== 'object') return;
    const enc = (o as { encoding?: Record<string, { field?: string; title?: string | null }> }).encoding;
    for (const ch of ['x', 'y'] as const) {
      const e = enc?.[ch];
      if (e?.field && e.title) titles.push(e.title);
    }
    for (const v of Object.values(o)) walk(v);
  };
  walk(spec);
  return titles;
}

function dataValues(spec: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (o: unknown) => {
    if (!o || typeof o !== 'object') return;
    const d = (o as { data?: { values?: Record<string, unknown>[] } }).data;
    if (d?.values) out.push(...d.values);
    for (const v of Object.values(o)) walk(v);
  };
  walk(spec);
  return out;
}

async function checkFigure(f: Figure, opts: { seed: string; runs?: number; axes?: boolean } ) {
  expect(f.title.length).toBeGreaterThan(5);
  expect(f.caption).toContain(`seed ${opts.seed}`);
  if (opts.runs !== undefined) expect(f.caption).toContain(`${opts.runs} `);
  expect(f.table.rows.length).toBeGreaterThan(0);
  for (const row of f.table.rows) expect(row.length).toBe(f.table.head.length);
  if (opts.axes !== false) expect(axisTitles(f.spec).length).toBeGreaterThanOrEqual(2);
  expect(await drawnMarks(f.spec)).toBe(f.marks);
}

const scenario = resolveScenario('2022');
const small = (profiles: BatchSpec['profiles'], runs = 40, scenarios = [scenario]): BatchSpec => ({
  command: 'test',
  seed: '5',
  runs,
  scenarios: scenarios.map((s) => ({ name: s.name, source: s.source, sha256: s.sha256, params: s.params })),
  profiles,
});

describe('chart specs from small results', () => {
  it('batch: outcome shares with intervals and one distribution per payoff', async () => {
    const spec = small([{ us: 'sanctioner', china: 'opportunist', kim: 'regimeFirst' }, { us: 'appeaser', china: 'opportunist', kim: 'regimeFirst' }]);
    const r = batchReport(spec, await runBatch(spec, { workers: 0 }));
    const figs = batchFigures(r);
    expect(figs.map((f) => f.id)).toEqual(['batch-outcomes', 'batch-payoffUs', 'batch-payoffChina', 'batch-payoffKim']);
    for (const f of figs) await checkFigure(f, { seed: '5', runs: 40 });
    const shares = dataValues((figs[0] as Figure).spec);
    expect(shares).toHaveLength(2 * OUTCOME_NAMES.length);
    const war = shares.find((d) => d.y === 'war' && d.series === 'Appeaser') as { mean: number; low: number; high: number };
    expect(war.mean).toBe((r.cells[1] as (typeof r.cells)[number]).summary.outcomes.war.p);
    // Two series: two colours from the colour-blind-safe palette, and two shapes.
    expect(JSON.stringify((figs[0] as Figure).spec)).toContain(PALETTE[1] as string);
    const hist = dataValues((figs[1] as Figure).spec);
    expect(hist.filter((d) => d.series === 'Sanctioner').reduce((t, d) => t + (d.share as number), 0)).toBeCloseTo(1, 9);
  });

  it('compare: a panel per scenario, one point and interval per strategy, the best marked', async () => {
    const spec = small(['appeaser', 'sanctioner', 'exposer'].map((us) => ({ us, china: 'opportunist', kim: 'regimeFirst' })), 40, [resolveScenario('2020'), scenario]);
    const r = compareReport(spec, await runBatch(spec, { workers: 0 }), 'payoffUs');
    const f = compareFigure(r);
    await checkFigure(f, { seed: '5', runs: 40 });
    // A point, an interval and its two end ticks per strategy and scenario.
    expect(f.marks).toBe(4 * 3 * 2);
    const values = dataValues(f.spec);
    const best = values.filter((v) => v.series === 'best in its panel');
    expect(best.map((b) => b.panel).sort()).toEqual(['2020', '2022']);
    for (const b of best) {
      const col = r.columns.indexOf(b.panel as string);
      const row = r.cells.findIndex((cells) => cells[col]?.best);
      expect(b.y).toBe(strategyName('us', r.rows[row]?.us as string));
      expect(b.mean).toBe(r.cells[row]?.[col]?.mean);
    }
    expect(axisTitles(f.spec)).toContain('US payoff (model points)');
  });

  it('tournament: a bar per strategy for best replies, named in words; every profile in one table, best replies marked', async () => {
    const spec = small(
      ['appeaser', 'asksBeijing'].flatMap((us) => ['opportunist', 'restrained'].map((china) => ({ us, china, kim: 'regimeFirst' }))),
      30,
    );
    const r = tournamentReport(spec, await runBatch(spec, { workers: 0 }));
    const [br] = tournamentFigures(r) as [Figure];
    await checkFigure(br, { seed: '5', runs: 30 });
    expect(dataValues(br.spec).map((b) => b.value)).toEqual((['us', 'china', 'kim'] as const).flatMap((a) => r.strategies[a].map((s) => r.bestResponseCounts[a][s])));
    // Student words, not code names.
    expect(JSON.stringify(br.spec)).toContain('US: Asks Beijing');
    expect(JSON.stringify(br.spec)).not.toContain('asksBeijing');
    const t = tournamentTable(r);
    expect(t.head).toEqual(['US · China · Kim', 'US payoff', 'China payoff', 'Kim payoff']);
    expect(t.rows).toHaveLength(4);
    const first = r.table[0] as (typeof r.table)[number];
    expect(t.rows[0]?.[1]).toMatch(new RegExp(`^${first.payoffs.us.mean.toFixed(2)} `));
    // A best reply per side and combination of the others: the marks in each column add up to the counts.
    const marked = (col: number) => t.rows.filter((row) => String(row[col]).endsWith(BEST_REPLY_MARK)).length;
    (['us', 'china', 'kim'] as const).forEach((a, i) => expect(marked(i + 1)).toBe(Object.values(r.bestResponseCounts[a]).reduce((x, y) => x + y, 0)));
    // An equilibrium is marked for all three sides.
    for (const [i, row] of t.rows.entries()) if (String(row[0]).endsWith('(equilibrium)')) expect(Object.values(bestReplies(r)[i] as object)).toEqual([true, true, true]);
  });

  it('sweep: a tornado bar per parameter and a heatmap cell per pair of values', async () => {
    const ranges = [
      { path: 'start.chinaInfluence', values: [0.2, 0.8] },
      { path: 'start.tension', values: [0.1, 0.5, 0.9] },
    ];
    const r = await sweep(scenario, ranges, { us: 'sanctioner', china: 'opportunist', kim: 'regimeFirst' }, 'payoffUs', '5', 30, { workers: 0 });
    const [tornado, heat] = sweepFigures(r) as [Figure, Figure];
    await checkFigure(tornado, { seed: '5', runs: 30 });
    await checkFigure(heat, { seed: '5', runs: 30 });
    // Two bars, the line at the scenario as written, and the parameter's value written at each end of each bar.
    expect(tornado.marks).toBe(2 + 1 + 2 * 2);
    expect(heat.marks).toBe(2 * 3 * 2);
    const bars = dataValues(tornado.spec).filter((d) => 'param' in d);
    // Named in words; each end says which value of the parameter gives it.
    const influence = bars.find((b) => b.param === 'China influence at the start') as { lo: number; hi: number; loAt: string; hiAt: string };
    const points = (r.oneAtATime[0] as (typeof r.oneAtATime)[number]).points;
    const means = points.map((p) => p.mean);
    expect([influence.lo, influence.hi]).toEqual([Math.min(...means), Math.max(...means)]);
    const at = (m: number) => `at ${points.find((p) => p.mean === m)?.values['start.chinaInfluence']}`;
    expect([influence.loAt, influence.hiAt]).toEqual([at(influence.lo), at(influence.hi)]);
    expect(axisTitles(heat.spec)).toEqual(expect.arrayContaining(['China influence at the start', 'tension at the start']));
  });

  it('robustness: a coloured cell per assumption and conclusion, verdict and effect written in it', async () => {
    const r: RobustnessReport = {
      kind: 'leverage-robustness',
      scenario: '2022',
      seed: '5',
      runs: 50,
      conclusions: [
        { id: 'a', label: "Don't concede", claims: ['C3'], reads: ['x'], shorts: [''], noEffect: 'no effect' },
        { id: 'b', label: 'Expose', claims: ['C10'], reads: ['y'], shorts: [''], noEffect: 'no effect' },
      ],
      rows: [
        { variant: 'as-is', label: 'as written', results: [{ conclusion: 'a', verdict: 'holds', effects: [{ diff: 1.5, low: 1, high: 2 }] }, { conclusion: 'b', verdict: 'unclear', effects: [{ diff: 0.1, low: -1, high: 1 }] }] },
        { variant: 'C3-off', label: 'free concessions', results: [{ conclusion: 'a', verdict: 'breaks', effects: [{ diff: -2, low: -3, high: -1 }] }, { conclusion: 'b', verdict: 'holds', effects: [{ diff: 0.7, low: 0.2, high: 1.2 }] }] },
      ],
    };
    const f = robustnessFigure(r);
    await checkFigure(f, { seed: '5', runs: 50 });
    expect(f.marks).toBe(2 * 2 * 2);
    const cells = dataValues(f.spec);
    expect(cells.map((c) => [c.y, c.x, c.category, c.text])).toEqual([
      ['as-is', "Don't concede", 'holds', 'holds +1.50'],
      ['as-is', 'Expose', 'unclear', 'unclear +0.10'],
      ['C3-off', "Don't concede", 'breaks', 'breaks -2.00'],
      ['C3-off', 'Expose', 'holds', 'holds +0.70'],
    ]);
  });

  it('fork: the two outcome distributions side by side and the paired differences', async () => {
    const outcomes = (p: number) => Object.fromEntries(OUTCOME_NAMES.map((o, i) => [o, { p: i === 0 ? p : (1 - p) / (OUTCOME_NAMES.length - 1), low: 0, high: 1 }]));
    const pay = { us: { mean: 1, low: 0, high: 2, sd: 1, n: 10 }, china: { mean: 2, low: 1, high: 3, sd: 1, n: 10 }, kim: { mean: 0, low: -1, high: 1, sd: 1, n: 10 } };
    const r = {
      kind: 'leverage-fork',
      round: 3,
      actor: 'us',
      runs: 10,
      asPlayed: { label: 'as played: concede', move: 'concede', outcomes: outcomes(0.2), payoffs: pay },
      forked: { label: 'forked: expose', move: 'expose', outcomes: outcomes(0.1), payoffs: pay },
      difference: { us: { diff: 1, low: 0.5, high: 1.5 }, china: { diff: -1, low: -2, high: 0 }, kim: { diff: 0, low: -0.1, high: 0.1 } },
    } as unknown as ForkReport;
    const [shares, diff] = forkFigures(r, 'game.jsonl') as [Figure, Figure];
    for (const f of [shares, diff]) {
      expect(f.caption).toContain('round 3');
      expect(await drawnMarks(f.spec)).toBe(f.marks);
    }
    expect(shares.marks).toBe(2 * OUTCOME_NAMES.length * 4);
    expect(diff.marks).toBe(3 * 4 + 1);
    expect(dataValues(diff.spec).filter((d) => 'mean' in d).map((d) => [d.y, d.mean])).toEqual([['US payoff', 1], ['China payoff', -1], ['Kim payoff', 0]]);
  });

  it('one game: four measures by round, from the state at the end of each round', async () => {
    const sides = { us: getStrategy('us', 'sanctioner'), china: getStrategy('china', 'opportunist'), kim: getStrategy('kim', 'regimeFirst') };
    const session = playGame(scenario, '5', 0, sides);
    const f = gameFigure(session.steps, 'Scenario 2022; seed 5, game 0.');
    await checkFigure(f, { seed: '5' });
    const rounds = roundStates(session.steps);
    expect(rounds.map((r) => r.round)).toEqual([...new Set(session.steps.map((s) => s.round))]);
    expect(f.marks).toBe(4 + 4 * rounds.length);
    const last = rounds.at(-1) as (typeof rounds)[number];
    const tension = dataValues(f.spec).filter((d) => d.series === 'tension').at(-1) as { value: number };
    expect(tension.value).toBeCloseTo(last.state.tension, 3);
  });

  it("a lesson: a panel per numeric column of its table, from the numbers the lesson keeps beside each cell's words", async () => {
    const v = (mean: number, low = mean, high = mean) => ({ mean, low, high, percent: false, effect: false });
    // The words need not be numbers at all: the chart reads the values, never the text.
    const result = {
      table: table(
        ['US plays', 'US payoff', 'concessions paid', 'note'],
        [
          ['appeaser', { text: 'about minus one', value: v(-1, -1.2, -0.8) }, { text: 'three', value: v(3) }, 'pays'],
          ['sanctioner', { text: 'a half', value: v(0.5, 0.3, 0.7) }, { text: 'none', value: v(0) }, '1.00'],
        ],
      ),
      answer: 'w',
      finding: 'f',
      numbers: {},
    };
    const lesson = { id: 'x', stage: 's', title: 'Paying', claims: ['C3'], teach: '', rules: '', question: { prompt: 'p', options: [] }, experiment: async () => result };
    const f = lessonFigure({ lesson: lesson as never, result }, 2, 'Scenario 2022; seed 5; 40 games per row of the table.') as Figure;
    await checkFigure(f, { seed: '5', runs: 40, axes: false });
    // Two numeric columns (the column of words is left out, though one of its words reads as a number), two rows each: a point and a rule per cell.
    expect(f.marks).toBe(2 * 2 * 4);
    const panels = (f.spec as { vconcat: { title: { text: string }; data: { values: { y: string; mean: number }[] }; encoding: unknown; layer: { encoding: { x: { scale: unknown } } }[] }[] }).vconcat;
    expect(panels.map((p) => [p.title.text, ...p.data.values.map((d) => [d.y, d.mean])])).toEqual([
      ['US payoff (model points)', ['appeaser', -1], ['sanctioner', 0.5]],
      ['concessions paid (per game)', ['appeaser', 3], ['sanctioner', 0]],
    ]);
    // Every axis reaches zero, so a small difference is drawn small.
    for (const p of panels) expect(p.layer[1]?.encoding.x.scale).toEqual({ zero: true, nice: true });
  });

  it('a lesson: shares drawn as percentages from zero, an index from 0 to 1, and overlapping intervals said to be within noise', async () => {
    const share = (mean: number, low: number, high: number) => ({ mean, low, high, percent: true, effect: false });
    const plain = (mean: number, low: number, high: number) => ({ mean, low, high, percent: false, effect: false });
    const result = {
      table: table(
        ['China plays', 'ends in war', 'peak tension', 'China payoff'],
        [
          ['opportunist', { text: '0.1%', value: share(0.001, 0, 0.004) }, { text: '0.550', value: plain(0.55, 0.549, 0.551) }, { text: '1', value: plain(1, 0.9, 1.1) }],
          ['restrained', { text: '0.2%', value: share(0.002, 0.0005, 0.006) }, { text: '0.553', value: plain(0.553, 0.552, 0.554) }, { text: '2', value: plain(2, 1.9, 2.1) }],
        ],
      ),
      answer: 'w',
      finding: 'f',
      numbers: {},
    };
    const lesson = { id: 'x', stage: 's', title: 'Selling', claims: ['C2'], teach: '', rules: '', question: { prompt: 'p', options: [] }, experiment: async () => result };
    const f = lessonFigure({ lesson: lesson as never, result }, 1, 'Scenario 2022; seed 5; 40 games per row of the table.') as Figure;
    await checkFigure(f, { seed: '5', runs: 40, axes: false });
    type Panel = { title: { text: string }; data: { values: { mean: number; high: number }[] }; layer: { encoding: { x: { scale: unknown } } }[] };
    const [war, tension, payoff] = (f.spec as { vconcat: Panel[] }).vconcat as [Panel, Panel, Panel];
    expect(war.title.text).toBe('ends in war (% of games) — within noise: the intervals overlap');
    expect(war.data.values.map((d) => d.mean)).toEqual([0.1, 0.2]);
    expect(war.layer[1]?.encoding.x.scale).toEqual({ zero: true, nice: true });
    // Intervals apart: a real difference, and no note.
    expect(tension.title.text).toBe('peak tension (index, 0 to 1)');
    expect(tension.layer[1]?.encoding.x.scale).toEqual({ domain: [0, 1] });
    expect(payoff.title.text).toBe('China payoff (model points)');
  });
});
