import type { Command } from 'commander';
import type { BatchCliOptions } from '../batch-common.js';
import type { BatchSpec, Cell } from '../../engine/batch/batch.js';
import { reportRows, tournamentReport } from '../../analysis/reports.js';
import { buildSpec, csvOf, emit, execute, formatFromOut } from '../batch-common.js';
import { renderTournament } from '../render.js';
import { addBatchOptions } from './batch.js';
import { commandLine, writeHtml } from '../html-output.js';

type TournamentOptions = BatchCliOptions & { format?: string };

export function renderTournamentOutput(spec: BatchSpec, cells: Cell[], format: string): string {
  const report = tournamentReport(spec, cells);
  if (format === 'json') return JSON.stringify(report, null, 1) + '\n';
  if (format === 'csv') return csvOf(reportRows(report.batch));
  return renderTournament(report);
}

export function registerTournament(program: Command): void {
  addBatchOptions(
    program
      .command('tournament')
      .description('every US x China x Kim strategy profile: payoff table, best replies, pure equilibria')
      .argument('<scenario>', 'a built-in scenario name or a .yaml path'),
  )
    .option('--format <f>', 'table, csv, json or html (default: from --out, else table)')
    .option('--out <file>', 'write to a file (.txt, .csv, .json, .html)')
    .action(async (ref: string, opts: TournamentOptions) => {
      const format = formatFromOut(opts.out, opts.format, ['table', 'csv', 'json', 'html']);
      const spec = buildSpec('tournament', [ref], opts, {
        us: opts.us === undefined,
        china: opts.china === undefined,
        kim: opts.kim === undefined,
      });
      const cells = await execute(spec, opts, {});
      if (!cells) return;
      if (format === 'html') return writeHtml(opts.out as string, (p) => p.tournamentPage(tournamentReport(spec, cells), commandLine()));
      emit(renderTournamentOutput(spec, cells, format), opts.out, format === 'table');
    });
}
