import type { Command } from 'commander';
import type { SweepPoint, SweepReport } from '../../analysis/sweep.js';
import { metricLabel } from '../../analysis/reports.js';
import { parseParamRange, sweep } from '../../analysis/sweep.js';
import { InputError } from '../../input-error.js';
import { resolveScenario } from '../../scenario/catalog.js';
import { defaultStrategyId, getStrategy } from '../../strategies/registry.js';
import type { AnalysisCliOptions } from '../analysis-options.js';
import { emit } from '../batch-common.js';
import { parseAnalysisOptions, withOutputOptions, withRunOptions } from '../analysis-options.js';
import { parseMetric } from './compare.js';
import { num as f } from '../render.js';
import { outputWidth } from '../width.js';
import { commandLine, writeHtml } from '../html-output.js';


function tornado(r: SweepReport, width = 40): string[] {
  const rows = r.oneAtATime.map((p) => {
    const means = p.points.map((x) => x.mean);
    return { path: p.path, lo: Math.min(...means), hi: Math.max(...means), at: p.points };
  });
  rows.sort((a, b) => b.hi - b.lo - (a.hi - a.lo));
  const lo = Math.min(r.base.mean, ...rows.map((x) => x.lo));
  const hi = Math.max(r.base.mean, ...rows.map((x) => x.hi));
  const col = (v: number) => Math.round(((v - lo) / Math.max(1e-12, hi - lo)) * (width - 1));
  const base = col(r.base.mean);
  const labelW = Math.max(...rows.map((x) => x.path.length));
  const out = [`Tornado: each parameter moved alone across its range; | marks the scenario as written (${f(r.base.mean)}).`];
  for (const x of rows) {
    const chars: string[] = Array.from({ length: width }, (_, i) => (i >= col(x.lo) && i <= col(x.hi) ? '█' : ' '));
    chars[base] = chars[base] === '█' ? '┃' : '|';
    out.push(`  ${x.path.padEnd(labelW)}  ${f(x.lo).padStart(7)} ${chars.join('')} ${f(x.hi)}`);
  }
  return out;
}

function oneAtATimeTables(r: SweepReport): string[] {
  const out: string[] = [];
  for (const p of r.oneAtATime) {
    out.push(`${p.path} (as written: ${p.baseValue})`);
    for (const x of p.points) out.push(`  ${String(x.values[p.path]).padStart(7)}  ${f(x.mean).padStart(8)}  [${f(x.low)}, ${f(x.high)}]`);
  }
  return out;
}

function heatmap(r: SweepReport): string[] {
  const grid = r.grid as SweepPoint[];
  const [a, b] = r.oneAtATime.map((p) => p.path) as [string, string];
  const xs = [...new Set(grid.map((g) => g.values[a] as number))];
  const ys = [...new Set(grid.map((g) => g.values[b] as number))];
  const means = grid.map((g) => g.mean);
  const [lo, hi] = [Math.min(...means), Math.max(...means)];
  const shade = (v: number) => '·░▒▓█'[Math.min(4, Math.floor(((v - lo) / Math.max(1e-12, hi - lo)) * 5))] as string;
  const out = [`Heatmap of ${metricLabel(r.metric)}: rows ${a}, columns ${b}; darker is higher (${f(lo)} to ${f(hi)}).`];
  const cellsOf = (x: number) => ys.map((y) => grid.find((g) => g.values[a] === x && g.values[b] === y) as SweepPoint);
  if (10 + 11 * ys.length <= outputWidth()) {
    out.push(`  ${''.padStart(8)}${ys.map((y) => String(y).padStart(8).padEnd(11)).join('')}`);
    for (const x of xs) out.push(`  ${String(x).padStart(8)}${cellsOf(x).map((c) => `${f(c.mean).padStart(8)} ${shade(c.mean).repeat(2)}`).join('')}`);
    return out;
  }
  // Too wide for the numbers: shades only, each column as wide as its value; the numbers
  // are in --format csv.
  const w = Math.max(3, ...ys.map((y) => String(y).length + 1));
  out.push(`  ${''.padStart(8)}${ys.map((y) => String(y).padStart(w)).join('')}`);
  for (const x of xs) out.push(`  ${String(x).padStart(8)}${cellsOf(x).map((c) => shade(c.mean).repeat(w - 1).padStart(w)).join('')}`);
  out.push('  (every cell\'s number: --format csv)');
  return out;
}

function csv(r: SweepReport): string {
  const rows = ['kind,param1,value1,param2,value2,mean,ci_low,ci_high'];
  for (const p of r.oneAtATime) for (const x of p.points) rows.push(`one-at-a-time,${p.path},${x.values[p.path]},,,${x.mean},${x.low},${x.high}`);
  if (r.grid) {
    const [a, b] = r.oneAtATime.map((p) => p.path) as [string, string];
    for (const x of r.grid) rows.push(`grid,${a},${x.values[a]},${b},${x.values[b]},${x.mean},${x.low},${x.high}`);
  }
  return rows.join('\n') + '\n';
}

export function registerSweep(program: Command): void {
  const cmd = program
    .command('sweep')
    .description('sensitivity of one measure to scenario parameters: a tornado chart, or a heatmap for two')
    .argument('<scenario>', 'a built-in scenario name or a .yaml path')
    .requiredOption('--param <PATH=FROM:TO:STEP>', 'a parameter range; repeat for more', (v: string, prev: string[] = []) => [...prev, v])
    .option('--metric <m>', 'what to measure (default: the US payoff)', 'payoffUs')
    .option('--us <strategy>', 'US strategy')
    .option('--china <strategy>', 'China strategy')
    .option('--kim <strategy>', 'Kim strategy');
  withOutputOptions(withRunOptions(cmd, { what: 'games per setting', default: '1000' }), ['table', 'csv', 'json', 'html'])
    .action(async (ref: string, opts: AnalysisCliOptions & { param: string[]; metric: string; us?: string; china?: string; kim?: string }) => {
      const { format, runs, seed, workers } = parseAnalysisOptions(opts, ['table', 'csv', 'json', 'html'], 10);
      const ranges = opts.param.map(parseParamRange);
      if (new Set(ranges.map((r) => r.path)).size !== ranges.length) throw new InputError('--param: each parameter once.');
      const scenario = resolveScenario(ref);
      const profile = {
        us: getStrategy('us', opts.us ?? defaultStrategyId('us', scenario.strategies)).id,
        china: getStrategy('china', opts.china ?? defaultStrategyId('china', scenario.strategies)).id,
        kim: getStrategy('kim', opts.kim ?? defaultStrategyId('kim', scenario.strategies)).id,
      };
      const metric = parseMetric(opts.metric, { command: 'sweep', seed: '', runs: 0, scenarios: [], profiles: [profile] });
      const report = await sweep(scenario, ranges, profile, metric, seed, runs, { workers });
      if (format === 'html') return writeHtml(opts.out as string, (p) => p.sweepPage(report, commandLine()));
      if (format === 'json') return emit(JSON.stringify(report, null, 1) + '\n', opts.out);
      if (format === 'csv') return emit(csv(report), opts.out);
      const head = `${metricLabel(metric)} in ${scenario.name} (US ${profile.us}, China ${profile.china}, Kim ${profile.kim}; ${runs} games per setting, seed ${report.seed}).`;
      emit([head, '', ...tornado(report), '', ...oneAtATimeTables(report), ...(report.grid ? ['', ...heatmap(report)] : []), ''].join('\n'), opts.out, true);
    });
}
