import type { Command } from 'commander';
import type { BatchCliOptions } from '../batch-common.js';
import { batchReport, reportRows } from '../../analysis/reports.js';
import { buildSpec, csvOf, emit, execute, formatFromOut, jsonlOf } from '../batch-common.js';
import { renderBatch } from '../render.js';
import { commandLine, writeHtml } from '../html-output.js';

export function addBatchOptions(cmd: Command, sides: 'lists' | 'none' = 'lists'): Command {
  cmd
    .option('--runs <n>', 'games per scenario and strategy profile', '1000')
    .option('--seed <seed>', 'master seed: game i of a scenario is the same game everywhere', '1')
    .option('--rounds <n>', "override each scenario's round limit")
    .option('--workers <k>', 'worker threads (default: the CPUs this process may use, after any cgroup quota or affinity; results are identical for any number)')
    .option('--shard <i/n>', 'play only shard i of n and write a partial result for leverage merge; auto/n reads i from the job runner (JOB_COMPLETION_INDEX, SLURM_ARRAY_TASK_ID, AWS_BATCH_JOB_ARRAY_INDEX)')
    .option('--slurm-array-base <0|1>', 'with --shard auto/n under Slurm: the first SLURM_ARRAY_TASK_ID of the array (default 1, as in --array=1-N)');
  if (sides === 'lists') {
    cmd
      .option('--us <list>', "US strategies: one, a comma list, or 'all'")
      .option('--china <list>', "China strategies: one, a comma list, or 'all'")
      .option('--kim <list>', "Kim strategies: one, a comma list, or 'all'");
  }
  return cmd;
}

export function registerBatch(program: Command): void {
  addBatchOptions(
    program
      .command('batch')
      .description('run many seeded games per scenario and strategy profile; outcome shares and means with 95% intervals')
      .argument('<scenario...>', 'built-in scenario names or .yaml paths'),
  )
    .option('--format <f>', 'table, json, csv, jsonl or html (default: from --out, else table)')
    .option('--out <file>', 'write results to .json, .csv (tidy rows), .jsonl or .html (a page of charts) instead of printing a table')
    .action(async (refs: string[], opts: BatchCliOptions & { format?: string }) => {
      const format = formatFromOut(opts.out, opts.format, ['table', 'json', 'csv', 'jsonl', 'html']);
      const spec = buildSpec('batch', refs, opts, {}, true);
      const cells = await execute(spec, opts, {});
      if (!cells) return;
      const report = batchReport(spec, cells);
      if (format === 'html') return writeHtml(opts.out as string, (p) => p.batchPage(report, commandLine()));
      emit(renderBatchReport(report, format), opts.out, format === 'table');
    });
}

export function renderBatchReport(report: ReturnType<typeof batchReport>, format: string): string {
  if (format === 'json') return JSON.stringify(report, null, 1) + '\n';
  if (format === 'csv') return csvOf(reportRows(report));
  if (format === 'jsonl') return jsonlOf(reportRows(report));
  return renderBatch(report);
}
