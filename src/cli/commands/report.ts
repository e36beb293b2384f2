import type { Command } from 'commander';
import type { AnalystRuns } from '../../analysis/analyst.js';
import { analystReport, DEFAULT_ANALYST_RUNS, DEFAULT_WHERE_RUNS, WHERE_FACTORS } from '../../analysis/analyst.js';
import { InputError } from '../../input-error.js';
import { resolveScenario } from '../../scenario/catalog.js';
import { parseWorkers } from '../batch-common.js';
import { commandLine, requireHtmlOut, writeHtml } from '../html-output.js';
import { parseSeed, parseWholeNumber } from '../options.js';

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('one HTML page an analyst can send: parameters that differ from baseline, every US strategy compared, robustness, the three most sensitive parameters swept')
    .argument('<scenario...>', 'built-in scenario names or .yaml paths')
    .requiredOption('--out <file>', 'the page to write (.html)')
    .option('--runs <n>', `games per strategy in the comparison (robustness, screen and sweep use ${DEFAULT_ANALYST_RUNS.robustness}, ${DEFAULT_ANALYST_RUNS.screening} and ${DEFAULT_ANALYST_RUNS.sweep} per setting, scaled with it)`, String(DEFAULT_ANALYST_RUNS.compare))
    .option('--seed <seed>', 'master seed', '1')
    .option('--workers <k>', 'worker threads (results are identical for any number)')
    .option('--where-it-holds', `also, per scenario: the equilibria of the strategy table (${DEFAULT_WHERE_RUNS.equilibria} games a profile), where the columns' advice beats the appeaser over ${WHERE_FACTORS.join(', ')} (PRIM, ${DEFAULT_WHERE_RUNS.discoverPoints} points) and which of them decides it (Sobol, n ${DEFAULT_WHERE_RUNS.sobolN}); scaled with --runs`)
    .action(async (refs: string[], opts: { out: string; runs: string; seed: string; workers?: string; whereItHolds?: boolean }) => {
      requireHtmlOut(opts.out);
      const compare = parseWholeNumber('--runs', opts.runs, 50, 1_000_000);
      const seed = parseSeed(opts.seed);
      const workers = parseWorkers(opts.workers);
      const scenarios = refs.map((r) => resolveScenario(r));
      if (new Set(scenarios.map((s) => s.name)).size !== scenarios.length) throw new InputError('report: a scenario is given twice. Fix: give each scenario once.');
      const k = compare / DEFAULT_ANALYST_RUNS.compare;
      const scale = (n: number, min: number) => Math.max(min, Math.round(n * k));
      const runs: AnalystRuns = { compare, robustness: scale(DEFAULT_ANALYST_RUNS.robustness, 50), screening: scale(DEFAULT_ANALYST_RUNS.screening, 20), sweep: scale(DEFAULT_ANALYST_RUNS.sweep, 20) };
      const d = DEFAULT_WHERE_RUNS;
      const where = opts.whereItHolds ? { equilibria: scale(d.equilibria, 50), discoverPoints: d.discoverPoints, discover: scale(d.discover, 30), sobolN: d.sobolN, sobol: scale(d.sobol, 30) } : undefined;
      const report = await analystReport(scenarios, resolveScenario('baseline').params, seed, runs, { workers }, where);
      await writeHtml(opts.out, (p) => p.analystPage(report, commandLine()));
    });
}
