import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import * as z from 'zod';
import type { FitOptions, FitResult, FreeParam, MomentTarget, Theta } from '../../analysis/fit.js';
import type { Params } from '../../model/params.js';
import { fit } from '../../analysis/fit.js';
import { BATCH_MOMENTS, batchSimulator, checkFreeParam, FIT_FREE_PARAMS, fittedScenarioText, withTheta } from '../../analysis/fit-batch.js';
import { WorkerPool } from '../../engine/batch/pool.js';
import { InputError } from '../../input-error.js';
import { resolveScenario } from '../../scenario/catalog.js';
import { parseScenario } from '../../scenario/load.js';
import { ACTORS } from '../../model/context.js';
import { defaultStrategyId } from '../../strategies/registry.js';
import type { AnalysisCliOptions } from '../analysis-options.js';
import { withRunOptions } from '../analysis-options.js';
import { checkWritable, readTextFile, writeAtomic } from '../io.js';
import { parseWholeNumber } from '../options.js';
import { parseSeed } from '../options.js';
import { parseWorkers } from '../batch-common.js';
import { textTable } from '../render.js';
import type { JudgedMoment, YearScenario } from '../../analysis/fit-record.js';
import { judge, recordSimulator, yearTargets } from '../../analysis/fit-record.js';
import { FIT_YEARS, HELD_OUT_YEARS } from '../../analysis/moments.js';
import { loadRecord } from '../../record/load.js';

// `leverage fit`: the free parameters of a scenario estimated by simulated method of moments
// (src/analysis/fit.ts) against the target moments of a file. Until the record's moments are
// wired in (issue 18 items 2-3), the moments are those a batch measures (fit-batch.ts).

const TargetsFile = z.object({
  targets: z
    .array(
      z
        .object({ moment: z.string(), value: z.number(), lo: z.number(), hi: z.number() })
        .strict()
        .refine((t) => t.lo <= t.value && t.value <= t.hi, { message: 'needs lo <= value <= hi' }),
    )
    .min(1),
}).strict();

export function readTargets(file: string): MomentTarget[] {
  const text = readTextFile(file, 'targets file');
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (e) {
    throw new InputError(`${file}: not valid YAML (${(e as Error).message.split('\n')[0]}). Fix: see scenarios/CALIBRATION.md for the targets file's form.`);
  }
  const r = TargetsFile.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new InputError(`${file}: ${issue.path.join('.') || 'file'}: ${issue.message}. Fix: a list 'targets:' of { moment, value, lo, hi }.`);
  }
  const known = new Set(BATCH_MOMENTS.map((m) => m.id));
  return r.data.targets.map((t, i) => {
    if (!known.has(t.moment)) throw new InputError(`${file}: targets.${i}.moment: unknown moment '${t.moment}'. Fix: use one of ${[...known].join(', ')}.`);
    return { momentId: t.moment, value: t.value, lo: t.lo, hi: t.hi };
  });
}

function parseFree(value: string | undefined): FreeParam[] {
  if (!value) return [...FIT_FREE_PARAMS];
  return value.split(',').map((path) => {
    const f = FIT_FREE_PARAMS.find((x) => x.path === path.trim());
    if (!f) throw new InputError(`--free ${path}: not a free parameter of the fit. Fix: choose from ${FIT_FREE_PARAMS.map((x) => x.path).join(', ')}.`);
    const bad = checkFreeParam(f);
    if (bad) throw new InputError(`--free: ${bad}`);
    return f;
  });
}

const num = (x: number) => (Number.isNaN(x) ? '' : Math.abs(x) >= 100 ? x.toFixed(0) : x.toPrecision(3));

export function renderFit(r: FitResult, head: string): string {
  const params = r.params.map((p) => [p.path, num(p.value), Number.isNaN(p.low) ? '' : `[${num(p.low)}, ${num(p.high)}]`, `[${num(p.lo)}, ${num(p.hi)}]${p.atBound ? ' at bound' : ''}`]);
  const moments = r.moments.map((m) => [m.pass ? 'pass' : 'FAIL', m.momentId, `${num(m.value)} [${num(m.lo)}, ${num(m.hi)}]`, num(m.simulated), num(m.contribution)]);
  const passed = r.moments.filter((m) => m.pass).length;
  return [
    head,
    `Method: ${r.method}.`,
    '',
    textTable(['parameter', 'fitted', '95% (bootstrap)', 'range'], params, '').trimEnd(),
    '',
    textTable(['fit', 'moment', 'target [interval]', 'simulated', 'z^2'], moments, '').trimEnd(),
    '',
    `objective ${num(r.objective)} (the sum of z^2, z = (simulated - target) / sd) after ${r.evaluations} evaluations; ${passed} of ${r.moments.length} moments inside their target interval.`,
    '',
  ].join('\n');
}

/** The fit with the search settings both modes use, its progress on a terminal's stderr. */
async function fitShowingProgress(o: Pick<FitOptions, 'targets' | 'simulate' | 'free' | 'maxEvaluations' | 'bootstrap' | 'seed'>): Promise<FitResult> {
  const result = await fit({
    ...o,
    // Three simplex searches from the best scouted points: one stops on a step too often.
    starts: 3,
    onEvaluation: (e) => {
      if (process.stderr.isTTY) process.stderr.write(`\r${e.phase}: ${e.evaluations} evaluations, objective ${num(e.objective)}   `);
    },
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  return result;
}

/** The scenario's own file with the fitted values written in; it must load before it is written. */
function writeFitted(out: string, scenario: { source: string; params: Params }, theta: Theta, note: string): void {
  const text = fittedScenarioText(readFileSync(scenario.source, 'utf8'), withTheta(scenario.params, theta), theta, note);
  parseScenario(text, out);
  writeAtomic(out, text, '--out');
  process.stderr.write(`wrote ${out}\n`);
}

interface FitCliOptions extends AnalysisCliOptions {
  targets?: string;
  years?: string;
  heldOut?: string;
  free?: string;
  bootstrap: string;
  evaluations: string;
}

export function registerFit(program: Command): void {
  const cmd = program
    .command('fit')
    .description('estimate free parameters by simulated method of moments against target moments; write the fitted scenario')
    .argument('[scenario]', 'with --targets: the scenario to fit; against the record: the scenario --out writes fitted')
    .option('--targets <file>', 'YAML file: targets: [{ moment, value, lo, hi }] (two-sided intervals); without it, the record of the fit years')
    .option('--years <list>', `against the record: the fit years (default ${FIT_YEARS.join(',')})`)
    .option('--held-out <list>', `against the record: the years judged, never fitted (default ${HELD_OUT_YEARS.join(',')})`)
    .option('--free <paths>', `comma-separated free parameters (default: all of ${FIT_FREE_PARAMS.map((f) => f.path).join(', ')})`)
    .option('--bootstrap <n>', 'refits on fresh seed sets with redrawn targets, for intervals (0: none)', '5')
    .option('--evaluations <n>', 'most objective evaluations of the main search', '200')
    .option('--format <f>', 'table or json', 'table')
    .option('--out <file>', 'write the fitted scenario here (.yaml)');
  withRunOptions(cmd, { what: 'games per evaluation (per year against the record; default 2000 with --targets, 400 against the record)', default: '' }).action(async (ref: string | undefined, opts: FitCliOptions) => {
    if (opts.format !== 'table' && opts.format !== 'json') throw new InputError(`--format ${opts.format}: not a format of fit. Fix: use table or json.`);
    if (!opts.targets) return fitRecord(ref, opts);
    if (!ref) throw new InputError('fit --targets: name the scenario to fit, e.g. leverage fit 2022 --targets mine.yaml.');
    const runs = parseWholeNumber('--runs', opts.runs || '2000', 100, 1_000_000);
    const seed = parseSeed(opts.seed);
    const workers = parseWorkers(opts.workers);
    const bootstrap = parseWholeNumber('--bootstrap', opts.bootstrap, 0, 100);
    const maxEvaluations = parseWholeNumber('--evaluations', opts.evaluations, 10, 100_000);
    const free = parseFree(opts.free);
    const scenario = resolveScenario(ref);
    const targets = readTargets(opts.targets);
    const targetsFile = opts.targets;
    if (targets.length < free.length) throw new InputError(`${opts.targets}: ${targets.length} targets for ${free.length} free parameters: they are not identified. Fix: add targets or pass fewer with --free.`);
    if (opts.out) {
      if (!/\.ya?ml$/i.test(opts.out)) throw new InputError(`--out ${opts.out}: the fitted scenario is YAML. Fix: name a .yaml file.`);
      checkWritable(opts.out, '--out');
    }
    const ids = Object.fromEntries(ACTORS.map((a) => [a, defaultStrategyId(a, scenario.strategies)])) as Record<(typeof ACTORS)[number], string>;
    // One pool for the whole fit: every evaluation's batch reuses its warmed-up workers.
    const pool = workers > 0 ? new WorkerPool(workers) : undefined;
    try {
      const simulate = batchSimulator({ scenario, profiles: [ids], runs, seed, moments: BATCH_MOMENTS, run: { workers, pool } });
      const result = await fitShowingProgress({ targets, simulate, free, maxEvaluations, bootstrap, seed });
      const head = `Fit of ${scenario.name} (${ids.us} v ${ids.china} v ${ids.kim}) to ${targetsFile}: ${runs} games an evaluation, seed ${seed}, ${bootstrap} bootstrap refits.`;
      process.stdout.write(opts.format === 'json' ? JSON.stringify({ scenario: scenario.name, targetsFile, runs, seed, strategies: ids, ...result }, null, 1) + '\n' : renderFit(result, head));
      if (opts.out) {
        const note = `fitted by: leverage fit ${scenario.name} --targets ${targetsFile} --runs ${runs} --seed ${seed} (objective ${num(result.objective)})`;
        writeFitted(opts.out, scenario, result.theta, note);
      }
    } finally {
      pool?.close();
    }
  });
}

function parseYears(flag: string, value: string | undefined, fallback: readonly number[]): YearScenario[] {
  const years = value ? value.split(',').map((y) => y.trim()) : fallback.map(String);
  return years.map((y) => {
    if (!/^\d{4}$/.test(y)) throw new InputError(`${flag} ${value}: a comma list of years, e.g. 2018,2020,2023.`);
    const scenario = resolveScenario(y);
    if (!scenario.clock?.firstMonth) throw new InputError(`${flag}: scenario ${y} has no clock.firstMonth, so no months of the record to compare it with.`);
    return { year: Number(y), scenario };
  });
}

function judgedTable(rows: readonly JudgedMoment[], shipped: Record<string, number>): string {
  return textTable(
    ['fit', 'year:moment', 'record [95% interval]', 'as shipped', 'fitted'],
    rows.map((m) => [m.pass ? 'pass' : 'FAIL', m.momentId, `${num(m.value)} [${num(m.lo)}, ${num(m.hi)}]`, num(shipped[m.momentId] ?? NaN), num(m.simulated)]),
    '',
  ).trimEnd();
}

/** The fit against the record: shared parameters fitted on the fit years, judged on the held-out years. */
async function fitRecord(ref: string | undefined, opts: FitCliOptions): Promise<void> {
  const runs = parseWholeNumber('--runs', opts.runs || '400', 50, 1_000_000);
  const seed = parseSeed(opts.seed);
  const bootstrap = parseWholeNumber('--bootstrap', opts.bootstrap, 0, 100);
  const maxEvaluations = parseWholeNumber('--evaluations', opts.evaluations, 10, 100_000);
  const free = parseFree(opts.free);
  const fitYears = parseYears('--years', opts.years, FIT_YEARS);
  const heldOut = parseYears('--held-out', opts.heldOut, HELD_OUT_YEARS);
  const overlap = heldOut.find((h) => fitYears.some((f) => f.year === h.year));
  if (overlap) throw new InputError(`--held-out: ${overlap.year} is also a fit year; a held-out year must be one the fit never sees.`);
  const written = ref ? resolveScenario(ref) : undefined;
  if (opts.out) {
    if (!written) throw new InputError('--out: name the scenario to write fitted, e.g. leverage fit 2022 --out 2022-fitted.yaml.');
    if (!/\.ya?ml$/i.test(opts.out)) throw new InputError(`--out ${opts.out}: the fitted scenario is YAML. Fix: name a .yaml file.`);
    checkWritable(opts.out, '--out');
  }
  const events = loadRecord();
  const targets = yearTargets(fitYears, events);
  const heldTargets = yearTargets(heldOut, events);
  if (targets.length < free.length) throw new InputError(`${targets.length} record moments for ${free.length} free parameters: not identified. Fix: add fit years or pass fewer with --free.`);
  const simulate = recordSimulator(fitYears, runs, seed);
  const judgeYears = recordSimulator(heldOut, runs, `${seed}|held-out`);
  // Both tables are judged on seeds the fit never used.
  const judgeFitYears = recordSimulator(fitYears, runs, `${seed}|check`);
  const inSampleAsShipped = await judgeFitYears({}, 0);
  const heldAsShipped = await judgeYears({}, 0);
  // A record interval of zero width (a year with no event at all gives no spread) would get
  // an infinite weight and decide the whole fit; it is judged below but not weighted.
  const weighted = targets.filter((t) => t.hi > t.lo);
  const result = await fitShowingProgress({ targets: weighted, simulate, free, maxEvaluations, bootstrap, seed });
  // Judged on seeds the fit never used, in and out of sample alike.
  const inSample = judge(targets, await judgeFitYears(result.theta, 0));
  const held = judge(heldTargets, await judgeYears(result.theta, 0));
  const passes = (xs: readonly JudgedMoment[]) => xs.filter((m) => m.pass).length;
  const shippedPasses = (xs: readonly JudgedMoment[], at: Record<string, number>) => xs.filter((m) => (at[m.momentId] ?? NaN) >= m.lo && (at[m.momentId] ?? NaN) <= m.hi).length;
  if (opts.format === 'json') {
    process.stdout.write(JSON.stringify({ fitYears: fitYears.map((y) => y.year), heldOutYears: heldOut.map((y) => y.year), runs, seed, ...result, inSample, heldOut: held, asShipped: { inSample: inSampleAsShipped, heldOut: heldAsShipped } }, null, 1) + '\n');
  } else {
    const params = result.params.map((p) => [p.path, num(p.value), Number.isNaN(p.low) ? '' : `[${num(p.low)}, ${num(p.high)}]`, `[${num(p.lo)}, ${num(p.hi)}]${p.atBound ? ' at bound' : ''}`]);
    process.stdout.write(
      [
        `Fit against the record: years ${fitYears.map((y) => y.year).join(', ')} fitted jointly; ${heldOut.map((y) => y.year).join(', ')} held out (never seen by the fit). ${runs} games a year an evaluation, seed ${seed}, ${bootstrap} bootstrap refits.`,
        `Method: ${result.method}. Moments are judged afresh on seeds the fit did not use. ${targets.length - weighted.length} of ${targets.length} in-sample targets have an interval of zero width and are judged but not weighted.`,
        '',
        textTable(['parameter', 'fitted', '95% (bootstrap)', 'range'], params, '').trimEnd(),
        '',
        `In sample (the fit years): ${passes(inSample)} of ${inSample.length} moments inside the record's interval (as shipped: ${shippedPasses(inSample, inSampleAsShipped)}).`,
        judgedTable(inSample, inSampleAsShipped),
        '',
        `Held out: ${passes(held)} of ${held.length} moments inside the record's interval (as shipped: ${shippedPasses(held, heldAsShipped)}).`,
        judgedTable(held, heldAsShipped),
        '',
      ].join('\n'),
    );
  }
  if (opts.out && written) {
    const note = `fitted by: leverage fit --years ${fitYears.map((y) => y.year).join(',')} --runs ${runs} --seed ${seed} (objective ${num(result.objective)})`;
    writeFitted(opts.out, written, result.theta, note);
  }
}
