import type { Command } from 'commander';
import type { OutputFormat } from './batch-common.js';
import { formatFromOut, parseWorkers } from './batch-common.js';
import { parseSeed, parseWholeNumber } from './options.js';
import { checkWritable } from './io.js';

// What the seeded analysis commands (robustness, sweep, calibrate) share: how many games,
// the master seed, the worker threads, and the output format and file, declared and checked
// the same way everywhere.

export interface AnalysisCliOptions {
  runs: string;
  seed: string;
  workers?: string;
  format?: string;
  out?: string;
}

export interface AnalysisSettings {
  runs: number;
  seed: string;
  workers: number;
  format: OutputFormat;
}

/** --runs (with what one run is and its default), --seed and --workers. */
export function withRunOptions(cmd: Command, runs: { what: string; default: string }): Command {
  return cmd
    .option('--runs <n>', runs.what, runs.default)
    .option('--seed <seed>', 'master seed', '1')
    .option('--workers <k>', 'worker threads (results are identical for any number)');
}

/** --format (one of `formats`; by default taken from --out's extension, else a table) and --out. */
export function withOutputOptions(cmd: Command, formats: readonly OutputFormat[]): Command {
  const files = formats.map((f) => (f === 'table' ? '.txt' : `.${f}`)).join(', ');
  const names = formats.length > 1 ? `${formats.slice(0, -1).join(', ')} or ${formats.at(-1)}` : formats.join('');
  return cmd
    .option('--format <f>', `${names} (default: from --out, else table)`)
    .option('--out <file>', `write to a file (${files})`);
}

/** The options checked, in the order a person reads them: format first, then the numbers. */
export function parseAnalysisOptions(opts: AnalysisCliOptions, formats: OutputFormat[], minRuns: number): AnalysisSettings {
  const format = formatFromOut(opts.out, opts.format, formats);
  // Before any game is played: an --out that cannot be written is refused at once, not after
  // minutes of play (equilibria, discover and sensitivity used to find out only at the end).
  if (opts.out) checkWritable(opts.out, '--out');
  return { format, runs: parseWholeNumber('--runs', opts.runs, minRuns, 10_000_000), seed: parseSeed(opts.seed), workers: parseWorkers(opts.workers) };
}
