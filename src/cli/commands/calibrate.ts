import type { Command } from 'commander';
import type { CalibrationReport, FactResult } from '../../analysis/calibrate.js';
import { calibrate } from '../../analysis/calibrate.js';
import { resolveScenario } from '../../scenario/catalog.js';
import { ROUNDS_FIELD } from '../../scenario/fields.js';
import type { AnalysisCliOptions } from '../analysis-options.js';
import { emit } from '../batch-common.js';
import { parseWholeNumber } from '../options.js';
import { parseAnalysisOptions, withOutputOptions, withRunOptions } from '../analysis-options.js';
import { textTable } from '../render.js';

export const CALIBRATED_SCENARIOS = ['2020', '2022', '2023', 'baseline'];
/** The targets were set against batches of this size; fewer games widen every interval. */
export const DEFAULT_CALIBRATION_RUNS = 4000;

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

export function registerCalibrate(program: Command): void {
  const cmd = program
    .command('calibrate')
    .description("measure the model against the stylized facts of the peninsula's record; pass or fail for each")
    .argument('[scenario...]', 'built-in scenario names or .yaml paths (default: 2020 2022 2023 baseline)')
    .option('--rounds <n>', 'rounds per game', '12');
  withOutputOptions(withRunOptions(cmd, { what: 'games per batch', default: String(DEFAULT_CALIBRATION_RUNS) }), ['table', 'json'])
    .action(async (refs: string[], opts: AnalysisCliOptions & { rounds: string }) => {
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
