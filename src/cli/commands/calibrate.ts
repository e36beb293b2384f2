import type { Command } from 'commander';
import type { CalibrationReport, FactResult } from '../../analysis/calibrate.js';
import { calibrate } from '../../analysis/calibrate.js';
import { resolveScenario } from '../../scenario/catalog.js';
import { ROUNDS_FIELD } from '../../scenario/fields.js';
import type { AnalysisCliOptions } from '../analysis-options.js';
import { emit } from '../batch-common.js';
import { parseWholeNumber } from '../options.js';
import { parseAnalysisOptions, withRunOptions } from '../analysis-options.js';
import { textTable } from '../render.js';
import { InputError } from '../../input-error.js';
import { DEFAULT_BISECTION_STEPS, defaultKnifeEdgeParams, knifeEdges, parseKnifeEdgeParams } from '../../analysis/knife-edges.js';
import { knifeEdgeSentences, knifeEdgeTables, knifeEdgesCsv, renderKnifeEdges } from '../knife-edges-output.js';
import { textOrHtml, commandLine } from '../html-output.js';
import { checkWritable, writeAtomic } from '../io.js';

export const CALIBRATED_SCENARIOS = ['2020', '2022', '2023', 'baseline'];
/** The targets were set against batches of this size; fewer games widen every interval. */
export const DEFAULT_CALIBRATION_RUNS = 4000;
/** Knife edges measure the battery at dozens of settings: fewer games a batch, so a run takes minutes on a shared machine. */
export const DEFAULT_KNIFE_EDGE_RUNS = 500;
/** The columns' conclusions are judged on their own years (C8 2022, C9 2023). */
export const KNIFE_EDGE_SCENARIOS = ['2022', '2023'];

/** Said under failures from a smaller batch than the default: a FAIL there may be sample size, not the model. */
export function fewerRunsHint(r: Pick<CalibrationReport, 'runs' | 'failed'>): string[] {
  if (r.failed === 0 || r.runs >= DEFAULT_CALIBRATION_RUNS) return [];
  const wider = Math.sqrt(DEFAULT_CALIBRATION_RUNS / r.runs).toFixed(1);
  return [
    `These ran ${r.runs} games a batch, fewer than the default ${DEFAULT_CALIBRATION_RUNS}: every interval is about ${wider} times wider, so a row that needs its interval clear of a line can fail on sample size alone. Before reading a FAIL as the model's, rerun without --runs.`,
    '',
  ];
}

function shown(f: FactResult, x: number): string {
  if (Number.isNaN(x)) return '';
  return f.unit === 'share' ? `${(x * 100).toFixed(1)}%` : x.toFixed(2);
}

export function renderCalibration(r: CalibrationReport): string {
  const rows = r.facts.map((f) => [
    f.pass ? 'pass' : 'FAIL',
    f.scenario,
    f.fact,
    f.subject,
    f.target,
    Number.isNaN(f.low) ? shown(f, f.value) : `${shown(f, f.value)} [${shown(f, f.low)}, ${shown(f, f.high)}]`,
  ]);
  return [
    `Stylized facts of the peninsula's record (scenarios/CALIBRATION.md): ${r.scenarios.join(', ')}; ${r.runs} games a batch, ${r.rounds} rounds, seed ${r.seed}.`,
    '',
    textTable(['result', 'scenario', 'fact', 'measured on', 'target', 'measured [95%]'], rows, '').trimEnd(),
    '',
    `${r.passed} pass, ${r.failed} fail: one row per distinct fact, each judged on all its cells (every cell must pass, or, for a fact claimed somewhere, a cell must pass on Bonferroni-widened intervals).`,
    '',
    ...fewerRunsHint(r),
  ].join('\n');
}

type CalibrateCliOptions = AnalysisCliOptions & { rounds: string; knifeEdges?: boolean; param: string[]; steps?: string };

export function registerCalibrate(program: Command): void {
  const cmd = program
    .command('calibrate')
    .description("measure the model against the stylized facts of the peninsula's record; pass or fail for each")
    .argument('[scenario...]', `built-in scenario names or .yaml paths (default: ${CALIBRATED_SCENARIOS.join(' ')}; with --knife-edges: ${KNIFE_EDGE_SCENARIOS.join(' ')})`)
    .option('--rounds <n>', 'rounds per game', '12')
    .option('--knife-edges', "halve and double each parameter alone and report where a fact or one of the columns' conclusions flips")
    .option('--param <path>', 'with --knife-edges: a scenario field to check (repeat or comma-separate; default: the dynamics group and issue 19\'s named parameters)', (v: string, all: string[]) => [...all, ...v.split(',')], [] as string[])
    .option('--steps <n>', `with --knife-edges: bisection steps between the shipped value and a flipping end (default ${DEFAULT_BISECTION_STEPS})`);
  withRunOptions(cmd, { what: `games per batch (default ${DEFAULT_CALIBRATION_RUNS}; with --knife-edges ${DEFAULT_KNIFE_EDGE_RUNS})`, default: String(DEFAULT_CALIBRATION_RUNS) })
    .option('--format <f>', 'table or json; with --knife-edges text, json, csv or html (default: from --out, else text)')
    .option('--out <file>', 'write to a file')
    .action(async (refs: string[], opts: CalibrateCliOptions) => {
      if (opts.knifeEdges) return knifeEdgeCommand(refs, opts, cmd.getOptionValueSource('runs') === 'default');
      if (opts.param.length || opts.steps !== undefined) throw new InputError(`${opts.param.length ? '--param' : '--steps'} belongs to --knife-edges. Fix: add --knife-edges, or drop it.`);
      const { format, runs, seed, workers } = parseAnalysisOptions(opts, ['table', 'json'], 10);
      const scenarios = (refs.length ? refs : CALIBRATED_SCENARIOS).map((r) => resolveScenario(r));
      const report = await calibrate(scenarios, {
        runs,
        seed,
        rounds: parseWholeNumber('--rounds', opts.rounds, ROUNDS_FIELD.min, ROUNDS_FIELD.max),
        run: { workers },
      });
      emit(format === 'json' ? JSON.stringify(report, null, 1) + '\n' : renderCalibration(report), opts.out);
    });
}

async function knifeEdgeCommand(refs: string[], opts: CalibrateCliOptions, runsByDefault: boolean): Promise<void> {
  // Every input is checked before minutes of games: the format and file, the names, the numbers.
  const format = textOrHtml(opts.format === 'table' ? 'text' : opts.format, opts.out, ['json', 'csv']);
  if (opts.out && format !== 'html') checkWritable(opts.out, '--out');
  const params = opts.param.length ? parseKnifeEdgeParams(opts.param) : defaultKnifeEdgeParams();
  const { runs, seed, workers } = parseAnalysisOptions({ ...opts, runs: runsByDefault ? String(DEFAULT_KNIFE_EDGE_RUNS) : opts.runs, format: undefined, out: undefined }, ['table'], 10);
  const steps = opts.steps === undefined ? DEFAULT_BISECTION_STEPS : parseWholeNumber('--steps', opts.steps, 0, 20);
  const rounds = parseWholeNumber('--rounds', opts.rounds, ROUNDS_FIELD.min, ROUNDS_FIELD.max);
  const scenarios = (refs.length ? refs : KNIFE_EDGE_SCENARIOS).map((r) => resolveScenario(r));
  const report = await knifeEdges(scenarios, { runs, seed, rounds, workers, params, steps, onProgress: (m) => process.stderr.write(`${m}\n`) });
  if (format === 'html') {
    const { knifeEdgesPage } = await import('../../report/knife-edges-page.js');
    const shown = { tables: knifeEdgeTables(report), sentences: report.scenarios.map(knifeEdgeSentences) };
    writeAtomic(opts.out as string, await knifeEdgesPage(report, shown, commandLine()), '--out');
    process.stderr.write(`wrote ${opts.out}\n`);
    return;
  }
  const text = format === 'json' ? JSON.stringify(report, null, 1) + '\n' : format === 'csv' ? knifeEdgesCsv(report) : renderKnifeEdges(report);
  emit(text, opts.out, format === 'text');
}
