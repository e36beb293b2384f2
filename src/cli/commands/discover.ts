import type { Command } from 'commander';
import type { DiscoverReport } from '../../analysis/discover.js';
import type { AnalysisCliOptions } from '../analysis-options.js';
import { boxInWords, discover } from '../../analysis/discover.js';
import { parseFactor } from '../../analysis/sensitivity.js';
import { InputError } from '../../input-error.js';
import { resolveScenario } from '../../scenario/catalog.js';
import { defaultStrategyId, getStrategy } from '../../strategies/registry.js';
import { emit } from '../batch-common.js';
import { parseAnalysisOptions, withOutputOptions, withRunOptions } from '../analysis-options.js';
import { parseWholeNumber } from '../options.js';
import { commandLine, writeHtml } from '../html-output.js';

// `leverage discover`: where in the space of assumptions a conclusion holds (PRIM).

const pct = (x: number) => `${(100 * x).toFixed(0)}%`;

function text(r: DiscoverReport): string {
  const c = r.prim.chosen;
  const limits = boxInWords(r.factors, c);
  const out = [
    `Where "${r.conclusion}" holds in ${r.scenario}: ${r.points.length} points sampled over ${r.factors.map((f) => f.name).join(', ')}; ${r.runs} games per point and strategy, seed ${r.seed}.`,
    `It holds at ${pct(r.holdsShare)} of the points; at ${pct(r.undecidedShare)} the 95% interval of the difference straddles zero (more games would decide them).`,
    '',
  ];
  if (r.holdsShare === 1 || r.holdsShare === 0) out.push(`It ${r.holdsShare ? 'holds' : 'fails'} at every point sampled: over these ranges no assumption decides it. Widen the ranges (PATH=LOW:HIGH) to find its edge.`);
  else if (!limits.length) out.push(`PRIM found no box much purer than the whole space: it holds at ${pct(c.density)} of all points, with no assumption singled out.`);
  else
    out.push(
      `It holds at ${pct(c.density)} of the points where ${limits.join(' and ')}.`,
      `That box holds ${pct(c.coverage)} of all the points where it holds (coverage) and ${pct(c.mass)} of all points.`,
      '',
      'Each limit, checked:',
      ...c.restricted.map((i, k) => {
        const p = r.prim.quasiP.find((q) => q.input === i)?.p ?? 1;
        const weak = p > 0.05 ? ' (not significant: the box is about as pure without this limit)' : '';
        return `  ${limits[k]}: quasi-p ${p.toExponential(1)}${weak}; restricted in ${pct(r.stability[i] as number)} of 20 resamples of the points`;
      }),
    );
  if (r.holdsShare > 0 && r.holdsShare < 1) out.push('', 'Peeling trajectory (coverage falls as density rises):', '   step  coverage  density   points');
  if (r.holdsShare > 0 && r.holdsShare < 1) r.prim.trajectory.forEach((s, i) => {
    if (i % Math.max(1, Math.floor(r.prim.trajectory.length / 12)) === 0 || i === r.prim.trajectory.length - 1) out.push(`  ${String(i).padStart(5)}  ${pct(s.coverage).padStart(8)}  ${pct(s.density).padStart(7)}  ${pct(s.mass).padStart(7)}`);
  });
  const broken = r.points.filter((p) => !p.holds).length;
  out.push('', `Where it breaks: ${broken} of ${r.points.length} points; their settings are in --format csv.`);
  return out.join('\n') + '\n';
}

function csv(r: DiscoverReport): string {
  return [[...r.factors.map((f) => f.name), 'difference', 'ci_low', 'ci_high', 'holds'].join(','), ...r.points.map((p) => [...p.values, p.diff, p.low, p.high, p.holds].join(','))].join('\n') + '\n';
}

type Opts = AnalysisCliOptions & { param: string[]; versus: string; points: string; density: string; us?: string; china?: string; kim?: string };

export function registerDiscover(program: Command): void {
  const cmd = program
    .command('discover')
    .description('scenario discovery: the region of assumptions where one US strategy beats another (PRIM boxes)')
    .argument('<scenario>', 'a built-in scenario name or a .yaml path')
    .requiredOption('--param <PATH[=LOW:HIGH] | CLAIM>', 'an assumption to vary: a scenario value or payoff weight (default: half to double its value), or a claim on/off (C10); repeat for more', (v: string, prev: string[] = []) => [...prev, v])
    .option('--versus <A:B>', 'the conclusion: US strategy A earns more than B on the same games', 'columns:appeaser')
    .option('--points <n>', 'points sampled (a Latin hypercube)', '200')
    .option('--density <share>', 'the box to report: the widest on the peeling trajectory at least this pure, and at least halfway from the whole space\'s share to 100%', '0.8')
    .option('--us <strategy>', 'US strategy for the other sides\' profile (only its China and Kim matter)')
    .option('--china <strategy>', 'China strategy')
    .option('--kim <strategy>', 'Kim strategy');
  withOutputOptions(withRunOptions(cmd, { what: 'games per point and strategy', default: '200' }), ['table', 'csv', 'json', 'html']).action(async (ref: string, opts: Opts) => {
    const { format, runs, seed, workers } = parseAnalysisOptions(opts, ['table', 'csv', 'json', 'html'], 10);
    const points = parseWholeNumber('--points', opts.points, 20, 100_000);
    const density = Number(opts.density);
    if (!(density > 0 && density <= 1)) throw new InputError(`--density ${opts.density}: a share above 0 and at most 1, e.g. 0.8.`);
    const scenario = resolveScenario(ref);
    const factors = opts.param.map((p) => parseFactor(p, scenario.params));
    if (factors.some((f) => f.kind === 'luck')) throw new InputError('--param luck: discover labels each point over many seeds, so luck is not a factor here. Fix: leave it out (leverage sensitivity shows how much is luck).');
    if (new Set(factors.map((f) => f.name)).size !== factors.length) throw new InputError('--param: each factor once.');
    const [a, b, extra] = opts.versus.split(':');
    if (!a || !b || extra !== undefined) throw new InputError(`--versus ${opts.versus}: write two US strategies as A:B, e.g. columns:appeaser.`);
    const others = {
      china: getStrategy('china', opts.china ?? defaultStrategyId('china', scenario.strategies)).id,
      kim: getStrategy('kim', opts.kim ?? defaultStrategyId('kim', scenario.strategies)).id,
    };
    const plus = { us: getStrategy('us', a).id, ...others };
    const minus = { us: getStrategy('us', b).id, ...others };
    const conclusion = `${plus.us} earns the US more than ${minus.us}`;
    process.stderr.write(`playing ${points} points x 2 strategies x ${runs} games...\n`);
    const report = await discover(scenario, factors, plus, minus, conclusion, points, seed, runs, { workers }, density);
    if (format === 'html') return writeHtml(opts.out as string, async () => (await import('../../report/gsa-pages.js')).discoverPage(report, commandLine()));
    if (format === 'json') return emit(JSON.stringify(report, null, 1) + '\n', opts.out);
    if (format === 'csv') return emit(csv(report), opts.out);
    emit(text(report), opts.out, true);
  });
}
