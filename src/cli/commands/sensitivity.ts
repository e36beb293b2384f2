import type { Command } from 'commander';
import type { Factor, MorrisReport, Output, SobolReport } from '../../analysis/sensitivity.js';
import type { AnalysisCliOptions } from '../analysis-options.js';
import { metricLabel } from '../../analysis/reports.js';
import { morrisSensitivity, parseFactor, ranked, sobolSensitivity } from '../../analysis/sensitivity.js';
import { InputError } from '../../input-error.js';
import { resolveScenario } from '../../scenario/catalog.js';
import { defaultStrategyId, getStrategy } from '../../strategies/registry.js';
import { emit } from '../batch-common.js';
import { parseAnalysisOptions, withOutputOptions, withRunOptions } from '../analysis-options.js';
import { parseWholeNumber } from '../options.js';
import { parseMetric } from './compare.js';
import { commandLine, writeHtml } from '../html-output.js';

// `leverage sensitivity`: Sobol indices (or Morris screening) of one output over many
// assumptions at once, with luck as a factor of its own.

function outputLabel(o: Output): string {
  if (o.kind === 'versus') return `US payoff: ${o.plus.us} minus ${o.minus.us} (same games)`;
  return `${metricLabel(o.metric)} (US ${o.profile.us}, China ${o.profile.china}, Kim ${o.profile.kim})`;
}

const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
const bar = (x: number, w = 20) => '█'.repeat(Math.max(0, Math.min(w, Math.round(x * w)))).padEnd(w);

function sobolText(r: SobolReport): string {
  const rows = ranked(r);
  const nameW = Math.max(6, ...rows.map((x) => x.factor.name.length));
  const out = [
    `Sensitivity of ${outputLabel(r.output)} in ${r.scenario}.`,
    `Sobol indices (Saltelli design, Jansen estimators, 95% bootstrap intervals): ${r.n} base points, ${r.evaluations} settings of ${r.runs} games each, seed ${r.seed}.`,
    `Across the points the output averages ${r.mean.toFixed(2)} with spread (sd) ${r.sd.toFixed(2)}.`,
    '',
    `  ${'factor'.padEnd(nameW)}  alone (S1)             with interactions (ST)`,
  ];
  for (const x of rows) {
    out.push(`  ${x.factor.name.padEnd(nameW)}  ${pct(x.first.estimate).padStart(4)} [${pct(x.first.low)}, ${pct(x.first.high)}]`.padEnd(nameW + 27) + `${pct(x.total.estimate).padStart(4)} [${pct(x.total.low)}, ${pct(x.total.high)}] ${bar(x.total.estimate)}`);
  }
  const luck = rows.find((x) => x.factor.kind === 'luck');
  out.push('');
  if (luck) out.push(`Luck (which games were drawn) explains about ${pct(luck.total.estimate)} of the spread at ${r.runs} games per setting; the rest comes from the assumptions.`);
  const top = rows.find((x) => x.factor.kind !== 'luck');
  if (top) out.push(`The factor that matters most here is ${top.factor.name}: moving it alone accounts for about ${pct(Math.max(0, top.first.estimate))} of the spread, ${pct(top.total.estimate)} counting how it combines with the others.`);
  out.push('A share is of the variance over the ranges given; a different range gives different shares.');
  out.push('', 'Do the indices settle? (ST estimated on the first n points)');
  out.push(`  ${'n'.padStart(6)}  ${r.factors.map((f) => f.name.slice(0, 14).padStart(15)).join('')}`);
  for (const c of r.convergence) out.push(`  ${String(c.n).padStart(6)}  ${c.total.map((t) => pct(t).padStart(15)).join('')}`);
  return out.join('\n') + '\n';
}

function morrisText(r: MorrisReport): string {
  const nameW = Math.max(6, ...r.factors.map((f) => f.name.length));
  const out = [
    `Morris screening of ${outputLabel(r.output)} in ${r.scenario}: ${r.trajectories} trajectories, ${r.evaluations} settings of ${r.runs} games each, seed ${r.seed}.`,
    'mu* is how much moving a factor across its range changes the output on average; sigma large against mu* means its effect depends on the others (or curves).',
    '',
    `  ${'factor'.padEnd(nameW)}       mu*     sigma`,
  ];
  const order = r.factors.map((f, i) => i).sort((a, b) => (r.effects.muStar[b] as number) - (r.effects.muStar[a] as number));
  for (const i of order) out.push(`  ${(r.factors[i] as Factor).name.padEnd(nameW)}  ${(r.effects.muStar[i] as number).toFixed(3).padStart(8)}  ${(r.effects.sigma[i] as number).toFixed(3).padStart(8)}`);
  return out.join('\n') + '\n';
}

function csv(r: SobolReport | MorrisReport): string {
  if (r.method === 'morris') return ['factor,mu_star,mu,sigma', ...r.factors.map((f, i) => `${f.name},${r.effects.muStar[i]},${r.effects.mu[i]},${r.effects.sigma[i]}`)].join('\n') + '\n';
  return ['factor,S1,S1_low,S1_high,ST,ST_low,ST_high', ...r.factors.map((f, i) => {
    const a = r.indices.first[i] as { estimate: number; low: number; high: number };
    const b = r.indices.total[i] as { estimate: number; low: number; high: number };
    return `${f.name},${a.estimate},${a.low},${a.high},${b.estimate},${b.low},${b.high}`;
  })].join('\n') + '\n';
}

type Opts = AnalysisCliOptions & { param: string[]; metric?: string; versus?: string; method: string; n: string; luck: boolean; us?: string; china?: string; kim?: string };

export function registerSensitivity(program: Command): void {
  const cmd = program
    .command('sensitivity')
    .description('global sensitivity: which assumptions (and how much luck) decide an output, alone and together (Sobol indices or Morris screening)')
    .argument('<scenario>', 'a built-in scenario name or a .yaml path')
    .requiredOption('--param <PATH[=LOW:HIGH] | CLAIM>', 'a factor: a scenario value or payoff weight (default range: half to double its value), or a claim switched on/off (C10); repeat for more', (v: string, prev: string[] = []) => [...prev, v])
    .option('--metric <m>', 'what to measure (default: the US payoff)')
    .option('--versus <A:B>', 'measure the US payoff of US strategy A minus B on the same games, e.g. columns:appeaser')
    .option('--method <m>', 'sobol or morris', 'sobol')
    .option('--n <points>', 'Sobol base points (settings played: n x (factors + 2)); Morris trajectories', '64')
    .option('--no-luck', 'leave out luck (the seed) as a factor')
    .option('--us <strategy>', 'US strategy')
    .option('--china <strategy>', 'China strategy')
    .option('--kim <strategy>', 'Kim strategy');
  withOutputOptions(withRunOptions(cmd, { what: 'games per setting', default: '200' }), ['table', 'csv', 'json', 'html']).action(async (ref: string, opts: Opts) => {
    const { format, runs, seed, workers } = parseAnalysisOptions(opts, ['table', 'csv', 'json', 'html'], 10);
    if (opts.method !== 'sobol' && opts.method !== 'morris') throw new InputError(`--method ${opts.method}: use sobol or morris.`);
    if (opts.metric && opts.versus) throw new InputError('--metric and --versus both given: choose one output.');
    const n = parseWholeNumber('--n', opts.n, 8, 100_000);
    const scenario = resolveScenario(ref);
    const factors = opts.param.map((p) => parseFactor(p, scenario.params));
    if (opts.luck && !factors.some((f) => f.kind === 'luck')) factors.push(parseFactor('luck', scenario.params));
    if (new Set(factors.map((f) => f.name)).size !== factors.length) throw new InputError('--param: each factor once.');
    const profile = {
      us: getStrategy('us', opts.us ?? defaultStrategyId('us', scenario.strategies)).id,
      china: getStrategy('china', opts.china ?? defaultStrategyId('china', scenario.strategies)).id,
      kim: getStrategy('kim', opts.kim ?? defaultStrategyId('kim', scenario.strategies)).id,
    };
    let output: Output;
    if (opts.versus) {
      const [a, b, extra] = opts.versus.split(':');
      if (!a || !b || extra !== undefined) throw new InputError(`--versus ${opts.versus}: write two US strategies as A:B, e.g. columns:appeaser.`);
      output = { kind: 'versus', plus: { ...profile, us: getStrategy('us', a).id }, minus: { ...profile, us: getStrategy('us', b).id } };
    } else {
      output = { kind: 'metric', metric: parseMetric(opts.metric ?? 'payoffUs', { command: 'sensitivity', seed: '', runs: 0, scenarios: [], profiles: [profile] }), profile };
    }
    const settings = opts.method === 'sobol' ? n * (factors.length + 2) : n * (factors.length + 1);
    process.stderr.write(`playing ${settings} settings x ${runs} games${output.kind === 'versus' ? ' x 2 strategies' : ''}...\n`);
    const report = opts.method === 'sobol' ? await sobolSensitivity(scenario, factors, output, n, seed, runs, { workers }) : await morrisSensitivity(scenario, factors, output, n, seed, runs, { workers });
    if (format === 'html') return writeHtml(opts.out as string, async () => (await import('../../report/gsa-pages.js')).sensitivityPage(report, commandLine()));
    if (format === 'json') return emit(JSON.stringify(report, null, 1) + '\n', opts.out);
    if (format === 'csv') return emit(csv(report), opts.out);
    emit(report.method === 'sobol' ? sobolText(report) : morrisText(report), opts.out, true);
  });
}
