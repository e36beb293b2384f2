// npm run fit:check: the heavier parameter-recovery run (the unit test recovers two parameters
// from small batches). Games are played at known values of four free parameters; their
// moments, with intervals from five independent batches, are the targets; the fit starts
// from the middle of each range on other seeds, with bootstrap intervals. It prints each
// parameter's truth, estimate and interval, and exits 1 if an estimate misses its truth by
// more than 10% of its range or an interval leaves the truth out.
import { fit } from '../src/analysis/fit.js';
import { BATCH_MOMENTS, batchSimulator, FIT_FREE_PARAMS } from '../src/analysis/fit-batch.js';
import { WorkerPool } from '../src/engine/batch/pool.js';
import { resolveScenario } from '../src/scenario/catalog.js';
import { targetsFromDraws } from '../test/fixtures/fit-targets.js';

const truth: Record<string, number> = {
  'pressure.requestBaseLikelihood': 0.25,
  'kim.rungPrestige.3': 0.15,
  'kim.tensionDecay': 0.15,
  'kim.obeyStandingCost': 0.1,
};
const free = FIT_FREE_PARAMS.filter((f) => f.path in truth);
const moments = BATCH_MOMENTS.filter((m) => !m.id.startsWith('ending.'));
const scenario = resolveScenario('2022');
const profiles = [{ us: 'columns', china: 'opportunist', kim: 'regimeFirst' }];
const runs = Number(process.env.FIT_CHECK_RUNS ?? 4000);
const pool = new WorkerPool(2);
try {
  const run = { workers: 2, pool };
  const truthSim = batchSimulator({ scenario, profiles, runs, seed: 'truth', moments, run });
  const draws: Record<string, number>[] = [];
  for (let k = 0; k < 5; k++) draws.push(await truthSim(truth, k));
  const targets = targetsFromDraws(moments, draws);
  const simulate = batchSimulator({ scenario, profiles, runs, seed: 'fit', moments, run });
  const t0 = Date.now();
  const r = await fit({ targets, simulate, free, bootstrap: Number(process.env.FIT_CHECK_BOOTSTRAP ?? 5), seed: 'fit-check', scoutPoints: 200, starts: 4, maxEvaluations: 300 });
  let ok = true;
  console.log(`${runs} games an evaluation, ${r.evaluations} evaluations, ${((Date.now() - t0) / 1000).toFixed(0)} s; objective ${r.objective.toFixed(2)}`);
  for (const p of r.params) {
    const t = truth[p.path]!;
    const close = Math.abs(p.value - t) <= 0.1 * (p.hi - p.lo);
    const covers = p.low <= t && t <= p.high;
    ok &&= close && covers;
    console.log(`${p.path.padEnd(32)} truth ${t.toFixed(3)}  fitted ${p.value.toFixed(3)} [${p.low.toFixed(3)}, ${p.high.toFixed(3)}]  ${close ? 'close' : 'FAR'}${covers ? '' : ', interval misses truth'}`);
  }
  for (const m of r.moments) console.log(`${m.pass ? 'pass' : 'FAIL'} ${m.momentId.padEnd(22)} ${m.value.toFixed(3)} [${m.lo.toFixed(3)}, ${m.hi.toFixed(3)}]  simulated ${m.simulated.toFixed(3)}`);
  process.exitCode = ok ? 0 : 1;
} finally {
  pool.close();
}
