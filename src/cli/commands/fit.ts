import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { FitResult, FreeParam, MomentTarget } from '../../analysis/fit.js';
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

interface FitCliOptions extends AnalysisCliOptions {
  targets: string;
  free?: string;
  bootstrap: string;
  evaluations: string;
}

export function registerFit(program: Command): void {
  const cmd = program
    .command('fit')
    .description('estimate free parameters by simulated method of moments against target moments; write the fitted scenario')
    .argument('<scenario>', 'a built-in scenario name or a .yaml path')
    .requiredOption('--targets <file>', 'YAML file: targets: [{ moment, value, lo, hi }] (two-sided intervals)')
    .option('--free <paths>', `comma-separated free parameters (default: all of ${FIT_FREE_PARAMS.map((f) => f.path).join(', ')})`)
    .option('--bootstrap <n>', 'refits on fresh seed sets with redrawn targets, for intervals (0: none)', '5')
    .option('--evaluations <n>', 'most objective evaluations of the main search', '200')
    .option('--format <f>', 'table or json', 'table')
    .option('--out <file>', 'write the fitted scenario here (.yaml)');
  withRunOptions(cmd, { what: 'games per evaluation', default: '2000' }).action(async (ref: string, opts: FitCliOptions) => {
    if (opts.format !== 'table' && opts.format !== 'json') throw new InputError(`--format ${opts.format}: not a format of fit. Fix: use table or json.`);
    const runs = parseWholeNumber('--runs', opts.runs, 100, 1_000_000);
    const seed = parseSeed(opts.seed);
    const workers = parseWorkers(opts.workers);
    const bootstrap = parseWholeNumber('--bootstrap', opts.bootstrap, 0, 100);
    const maxEvaluations = parseWholeNumber('--evaluations', opts.evaluations, 10, 100_000);
    const free = parseFree(opts.free);
    const scenario = resolveScenario(ref);
    const targets = readTargets(opts.targets);
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
      const result = await fit({
        targets,
        simulate,
        free,
        maxEvaluations,
        // Three simplex searches from the best scouted points: one stops on a step too often.
        starts: 3,
        bootstrap,
        seed,
        onEvaluation: (e) => {
          if (process.stderr.isTTY) process.stderr.write(`\r${e.phase}: ${e.evaluations} evaluations, objective ${num(e.objective)}   `);
        },
      });
      if (process.stderr.isTTY) process.stderr.write('\n');
      const head = `Fit of ${scenario.name} (${ids.us} v ${ids.china} v ${ids.kim}) to ${opts.targets}: ${runs} games an evaluation, seed ${seed}, ${bootstrap} bootstrap refits.`;
      process.stdout.write(opts.format === 'json' ? JSON.stringify({ scenario: scenario.name, targetsFile: opts.targets, runs, seed, strategies: ids, ...result }, null, 1) + '\n' : renderFit(result, head));
      if (opts.out) {
        const note = `fitted by: leverage fit ${scenario.name} --targets ${opts.targets} --runs ${runs} --seed ${seed} (objective ${num(result.objective)})`;
        const text = fittedScenarioText(readFileSync(scenario.source, 'utf8'), withTheta(scenario.params, result.theta), result.theta, note);
        parseScenario(text, opts.out); // the file written must load
        writeAtomic(opts.out, text);
        process.stderr.write(`wrote ${opts.out}\n`);
      }
    } finally {
      pool?.close();
    }
  });
}
