import type { Command } from 'commander';
import type { BatchCliOptions } from '../batch-common.js';
import type { MetricChoice } from '../../analysis/reports.js';
import type { BatchSpec, Cell } from '../../engine/batch/batch.js';
import { compareReport, defaultMetric, isMetricChoice, reportRows } from '../../analysis/reports.js';
import { METRICS } from '../../engine/batch/stats.js';
import { InputError } from '../../input-error.js';
import { nameFix } from '../../closest-name.js';
import { OUTCOME_NAMES } from '../../model/outcomes.js';
import { buildSpec, csvOf, emit, execute, formatFromOut } from '../batch-common.js';
import { renderCompare } from '../render.js';
import { addBatchOptions } from './batch.js';
import { commandLine, writeHtml } from '../html-output.js';

type CompareOptions = BatchCliOptions & { metric?: string; format?: string };

export function parseMetric(value: string | undefined, spec: BatchSpec): MetricChoice {
  if (value === undefined) return defaultMetric(spec);
  if (!isMetricChoice(value)) {
    const all = [...METRICS.map((m) => m.key), ...OUTCOME_NAMES.map((o) => `outcome.${o}`)];
    throw new InputError(`--metric ${value}: unknown measure. ${nameFix(value, all)}`);
  }
  return value;
}

export function renderCompareOutput(spec: BatchSpec, cells: Cell[], metric: MetricChoice, format: string): string {
  const report = compareReport(spec, cells, metric);
  if (format === 'json') return JSON.stringify(report, null, 1) + '\n';
  if (format === 'csv') return csvOf(reportRows(report.batch));
  return renderCompare(report, format === 'md' ? 'md' : 'table');
}

export function registerCompare(program: Command): void {
  addBatchOptions(
    program
      .command('compare')
      .description('strategies side by side across scenarios, with intervals and distributions; the best per column marked')
      .argument('<scenario...>', 'built-in scenario names or .yaml paths'),
  )
    .option('--metric <m>', 'what to compare (default: the payoff of the side that varies)')
    .option('--format <f>', 'table, md, csv, json or html (default: from --out, else table)')
    .option('--out <file>', 'write to a file (.txt, .md, .csv, .json, .html)')
    .action(async (refs: string[], opts: CompareOptions) => {
      const format = formatFromOut(opts.out, opts.format, ['table', 'md', 'csv', 'json', 'html']);
      const spec = buildSpec('compare', refs, opts);
      const metric = parseMetric(opts.metric, spec);
      const cells = await execute(spec, opts, { metric });
      if (!cells) return;
      if (format === 'html') return writeHtml(opts.out as string, (p) => p.comparePage(compareReport(spec, cells, metric), commandLine()));
      emit(renderCompareOutput(spec, cells, metric, format), opts.out, format === 'table');
    });
}
