import type { MorrisReport, SobolReport } from '../analysis/sensitivity.js';
import type { DiscoverReport } from '../analysis/discover.js';
import type { EquilibriaReport } from '../analysis/equilibria-report.js';
import { boxInWords } from '../analysis/discover.js';
import type { Figure } from './figure.js';
import type { Page, PageBlock } from './page.js';
import type { WhereItHolds } from '../analysis/analyst.js';
import { ranked } from '../analysis/sensitivity.js';
import { barChart, intervalChart, timelineChart } from './charts.js';
import { buildPage } from './page.js';

// The pages of the global analyses (sensitivity): Sobol bars with their intervals and a
// convergence plot, or Morris's mu* and sigma.

const pct = (x: number) => `${(100 * x).toFixed(0)}%`;

/** `prefix` keeps figure ids unique when several scenarios share one page. */
export function sobolFigures(r: SobolReport, prefix = ''): Figure[] {
  const rows = ranked(r);
  // An index is a share of the variance; at small n its estimate and bootstrap interval can
  // stray below 0 or above 1, and drawn as they are they would run over the labels. The chart
  // cuts them at the axis; the table beside it keeps them as estimated.
  const cut = (x: number) => Math.min(1, Math.max(0, x));
  const bars = intervalChart({
    rows: rows.flatMap((x) => [
      { y: x.factor.name, series: 'alone (first order)', mean: cut(x.first.estimate), low: cut(x.first.low), high: cut(x.first.high) },
      { y: x.factor.name, series: 'with interactions (total)', mean: cut(x.total.estimate), low: cut(x.total.low), high: cut(x.total.high) },
    ]),
    xTitle: 'share of the output\'s variance',
    yTitle: '',
    percent: true,
    xDomain: [0, 1],
    zero: true,
  });
  const caption = `Scenario ${r.scenario}; ${r.n} base points, ${r.evaluations} settings of ${r.runs} games each; seed ${r.seed}. Bars are 95% bootstrap intervals, cut at 0% and 100% (the table gives them as estimated).`;
  const conv = timelineChart({
    points: r.convergence.flatMap((c) => r.factors.map((f, i) => ({ x: c.n, series: f.name, value: c.total[i] as number }))),
    xTitle: 'base points used',
    yTitle: 'total index',
  });
  return [
    {
      id: `${prefix}sobol-bars`,
      title: 'Which factors decide the output (Sobol indices)',
      caption,
      spec: bars.spec,
      marks: bars.marks,
      table: { head: ['factor', 'alone', '95% interval', 'with interactions', '95% interval'], rows: rows.map((x) => [x.factor.name, pct(x.first.estimate), `[${pct(x.first.low)}, ${pct(x.first.high)}]`, pct(x.total.estimate), `[${pct(x.total.low)}, ${pct(x.total.high)}]`]) },
    },
    {
      id: `${prefix}sobol-convergence`,
      title: 'Do the indices settle as points are added?',
      caption: `${caption} Each line is one factor's total index estimated on the first n base points.`,
      spec: conv.spec,
      marks: conv.marks,
      table: { head: ['n', ...r.factors.map((f) => f.name)], rows: r.convergence.map((c) => [c.n, ...c.total.map(pct)]) },
    },
  ];
}

export function morrisFigures(r: MorrisReport): Figure[] {
  const c = intervalChart({
    rows: r.factors.map((f, i) => ({ y: f.name, mean: r.effects.muStar[i] as number, low: r.effects.muStar[i] as number, high: (r.effects.muStar[i] as number) + (r.effects.sigma[i] as number) })),
    xTitle: 'mu* (the rule reaches mu* + sigma)',
    yTitle: '',
    zero: true,
  });
  return [
    {
      id: 'morris',
      title: 'Morris screening: mean absolute effect of each factor',
      caption: `Scenario ${r.scenario}; ${r.trajectories} trajectories, ${r.runs} games per setting; seed ${r.seed}.`,
      spec: c.spec,
      marks: c.marks,
      table: { head: ['factor', 'mu*', 'sigma'], rows: r.factors.map((f, i) => [f.name, (r.effects.muStar[i] as number).toFixed(3), (r.effects.sigma[i] as number).toFixed(3)]) },
    },
  ];
}

export function sensitivityPage(r: SobolReport | MorrisReport, command: string): Promise<string> {
  const figures = r.method === 'sobol' ? sobolFigures(r) : morrisFigures(r);
  const page: Page = {
    title: `leverage sensitivity: ${r.scenario}`,
    lead: [
      r.method === 'sobol'
        ? 'How much of the spread in the output each factor explains alone, and with its interactions; luck (which games were drawn) is a factor of its own.'
        : 'Which factors move the output at all (Morris screening).',
      `Reproduce: ${command}`,
    ],
    sections: [{ heading: 'Sensitivity', blocks: figures.map((figure) => ({ kind: 'figure', figure })) }],
    data: r,
  };
  return buildPage(page);
}

export function discoverFigures(r: DiscoverReport, prefix = ''): Figure[] {
  const t = r.prim.trajectory;
  const chosenAt = t.findIndex((s) => s.density === r.prim.chosen.density && s.coverage === r.prim.chosen.coverage);
  const tradeoff = timelineChart({
    points: t.map((s) => ({ x: s.coverage, series: 'peeling trajectory', value: s.density })),
    xTitle: 'coverage: share of the points where it holds that the box keeps',
    yTitle: 'density: share of the box where it holds',
    yDomain: [0, 1],
  });
  const c = r.prim.chosen;
  const limits = boxInWords(r.factors, c);
  const boxRows = r.factors.map((f, i) => {
    const l = c.box[i] as { low: number; high: number };
    const [lo, hi] = f.kind === 'param' ? [f.low, f.high] : [0, 1];
    // The box as a share of each factor's range, so different units share one axis.
    const span = hi - lo || 1;
    return { y: f.name, mean: ((l.low + l.high) / 2 - lo) / span, low: (l.low - lo) / span, high: (l.high - lo) / span };
  });
  const box = intervalChart({ rows: boxRows, xTitle: 'the box, as a share of each factor\'s range (0 = its low end, 1 = its high end)', yTitle: '', xDomain: [0, 1] });
  const caption = `Scenario ${r.scenario}; ${r.points.length} points, ${r.runs} games per point and strategy; seed ${r.seed}.`;
  return [
    {
      id: `${prefix}prim-tradeoff`,
      title: 'The coverage-density trade-off of peeling',
      caption: `${caption} Each point is one box on the peeling trajectory${chosenAt >= 0 ? `; the box reported is step ${chosenAt} before pasting` : ''}.`,
      spec: tradeoff.spec,
      marks: tradeoff.marks,
      table: { head: ['step', 'coverage', 'density', 'share of points'], rows: t.map((s, i) => [i, pct(s.coverage), pct(s.density), pct(s.mass)]) },
    },
    {
      id: `${prefix}prim-box`,
      title: limits.length ? `It holds at ${pct(c.density)} of points where ${limits.join(' and ')}` : 'No box singles out an assumption',
      caption: `${caption} Coverage ${pct(c.coverage)}, density ${pct(c.density)}.`,
      spec: box.spec,
      marks: box.marks,
      table: { head: ['factor', 'box low', 'box high', 'restricted'], rows: r.factors.map((f, i) => [f.name, (c.box[i] as { low: number }).low.toFixed(2), (c.box[i] as { high: number }).high.toFixed(2), c.restricted.includes(i) ? 'yes' : 'no']) },
    },
  ];
}

export function discoverPage(r: DiscoverReport, command: string): Promise<string> {
  const page: Page = {
    title: `leverage discover: ${r.scenario}`,
    lead: [`Where "${r.conclusion}" holds: it holds at ${pct(r.holdsShare)} of the sampled points.`, `Reproduce: ${command}`],
    sections: [{ heading: 'Scenario discovery (PRIM)', blocks: discoverFigures(r).map((figure) => ({ kind: 'figure', figure })) }],
    data: r,
  };
  return buildPage(page);
}

const SIDES = ['us', 'china', 'kim'] as const;
const SIDE_NAME = { us: 'US', china: 'China', kim: 'Kim' } as const;

export function equilibriaFigures(r: Omit<EquilibriaReport, 'table'>, prefix = ''): Figure[] {
  const caption = `Scenario ${r.scenario}; ${r.runs} games per profile; seed ${r.seed}.`;
  const path = r.qre.filter((q) => q.lambda > 0);
  // One line per strategy that some point of the path plays at least 5% of the time.
  const shown = SIDES.flatMap((a, i) => r.strategies[a].flatMap((name, s) => (path.some((q) => ((q.sigma[i] as number[])[s] as number) >= 0.05) ? [{ a, i, s, name }] : [])));
  const lambdaChart = timelineChart({
    points: shown.flatMap(({ a, i, s, name }) => path.map((q) => ({ x: Math.log10(q.lambda), series: `${SIDE_NAME[a]}: ${name}`, value: (q.sigma[i] as number[])[s] as number }))),
    xTitle: 'precision lambda (log10; 0 = 1, 3 = 1000, in units of 1 / payoff range)',
    yTitle: 'probability of playing it',
    yDomain: [0, 1],
  });
  const top = r.alphaRank.top.slice(0, 8);
  const ar = barChart({ bars: top.map((t) => ({ y: `${t.profile.us} · ${t.profile.china} · ${t.profile.kim}`, value: t.mass, group: 'share of time' })), xTitle: 'share of time (stationary distribution)', yTitle: '' });
  return [
    {
      id: `${prefix}qre-path`,
      title: 'The logit QRE path: from random play (left) towards a Nash equilibrium (right)',
      caption: `${caption}${r.qreStopped ? ' The trace stops where the branch folds back.' : ''}`,
      spec: lambdaChart.spec,
      marks: lambdaChart.marks,
      table: { head: ['lambda', 'play'], rows: path.filter((_, k) => k % 10 === 0).map((q) => [q.lambda.toFixed(1), SIDES.map((a, i) => `${SIDE_NAME[a]} ${(q.sigma[i] as number[]).map((p, s) => (p >= 0.05 ? `${r.strategies[a][s]} ${pct(p)}` : '')).filter(Boolean).join(', ')}`).join('; ')]) },
    },
    {
      id: `${prefix}alpha-rank`,
      title: 'alpha-Rank: where evolving populations of each side spend their time (profiles as US · China · Kim)',
      caption: `${caption} alpha ${r.alphaRank.alpha}, population ${r.alphaRank.populationSize}.`,
      spec: ar.spec,
      marks: ar.marks,
      table: { head: ['US · China · Kim', 'share of time'], rows: top.map((t) => [`${t.profile.us} · ${t.profile.china} · ${t.profile.kim}`, pct(t.mass)]) },
    },
  ];
}

/** Each equilibrium as a row: who plays what (with its share when mixed), the payoffs, the regret's interval. */
function equilibriumRows(r: Omit<EquilibriaReport, 'table'>): string[][] {
  return r.mixed.map((e) => [SIDES.map((a, i) => (e.sigma[i] as number[]).flatMap((p, s) => (p > 0.005 ? [`${r.strategies[a][s]}${p < 0.995 ? ` ${pct(p)}` : ''}`] : [])).join(', ')).join(' · '), e.payoffs.map((v) => v.toFixed(2)).join(', '), `${e.regret.low.toFixed(2)} to ${e.regret.high.toFixed(2)}`]);
}

export function equilibriaPage(r: EquilibriaReport, command: string): Promise<string> {
  const eqRows = equilibriumRows(r);
  const page: Page = {
    title: `leverage equilibria: ${r.scenario}`,
    lead: [`What sides that reason would do with the estimated table (${r.strategies.us.length} x ${r.strategies.china.length} x ${r.strategies.kim.length} profiles, ${r.runs} games each).`, `Reproduce: ${command}`],
    sections: [
      { heading: 'Nash equilibria', blocks: [{ kind: 'table', caption: 'Each equilibrium (US · China · Kim), its payoffs (US, China, Kim) and its regret\'s 95% interval given the sampling noise', table: { head: ['play', 'payoffs', 'regret'], rows: eqRows } }, { kind: 'text', paragraphs: [r.method] }] },
      { heading: 'Bounded rationality and evolution', blocks: equilibriaFigures(r).map((figure) => ({ kind: 'figure', figure })) },
      { heading: 'The US as a Stackelberg leader', blocks: [{ kind: 'table', caption: `Each US commitment and its payoff when China and Kim answer with an equilibrium (worst to best); best worst case: ${r.stackelberg.choice}`, table: { head: ['US commits to', 'US payoff (worst)', 'US payoff (best)'], rows: [...r.stackelberg.commitments].sort((a, b) => b.worst - a.worst).map((c) => [c.us, c.worst.toFixed(2), c.best.toFixed(2)]) } }] },
    ],
    data: { ...r, table: undefined },
  };
  return buildPage(page);
}

/**
 * `leverage report --where-it-holds`: one scenario's equilibria, PRIM box and Sobol bars on the
 * analyst's page, the same figures as each command's own page, their ids prefixed by the scenario.
 */
export function whereItHoldsBlocks(w: WhereItHolds, scenario: string): PageBlock[] {
  const prefix = `report-${scenario}-`;
  const d = w.discover;
  const limits = boxInWords(d.factors, d.prim.chosen);
  const top = ranked(w.sobol).slice(0, 2);
  const words = [
    `The columns' advice earns the US more than the appeaser at ${pct(d.holdsShare)} of ${d.points.length} points sampled over ${d.factors.map((f) => f.name).join(', ')} (${d.runs} games per point and strategy).`,
    d.holdsShare > 0 && d.holdsShare < 1 && limits.length
      ? `It holds at ${pct(d.prim.chosen.density)} of the points where ${limits.join(' and ')} (coverage ${pct(d.prim.chosen.coverage)}).`
      : d.holdsShare === 1 || d.holdsShare === 0
        ? `It ${d.holdsShare ? 'holds' : 'fails'} everywhere sampled: no assumption here decides it.`
        : 'No box is much purer than the whole space.',
    `What decides the difference most (Sobol total index): ${top.map((t) => `${t.factor.name} ${pct(t.total.estimate)} [${pct(t.total.low)}, ${pct(t.total.high)}]`).join('; ')}.`,
  ];
  const fig = (figure: Figure): PageBlock => ({ kind: 'figure', figure });
  return [
    { kind: 'text', paragraphs: words },
    { kind: 'table', caption: `Nash equilibria of the strategy table (${w.equilibria.runs} games a profile): play (US · China · Kim), payoffs (US, China, Kim), and the regret's 95% interval given the sampling noise`, table: { head: ['play', 'payoffs', 'regret'], rows: equilibriumRows(w.equilibria) } },
    ...equilibriaFigures(w.equilibria, prefix).map(fig),
    ...discoverFigures(d, prefix).map(fig),
    fig((sobolFigures(w.sobol, prefix)[0]) as Figure),
  ];
}
