// A thread that runs the table-only solves of `equilibria` (independent-solves.ts), then takes
// blocks of the support enumeration beside the main thread, and posts the results back;
// structured cloning keeps every double, so the report is the same as solved in the main thread.
import { parentPort } from 'node:worker_threads';
import type { NormalForm } from './normal-form.js';
import type { SupportRequest } from './solver-thread.js';
import { makeRng } from '../../rng/rng.js';
import { independentSolves } from './independent-solves.js';
import { solveSupportShare } from './mixed.js';

parentPort?.on('message', (m: { game: NormalForm; seed: string; supports?: SupportRequest }) => {
  const solved = independentSolves(m.game, m.seed);
  const r = m.supports;
  if (!r) return parentPort?.postMessage(solved);
  const counter = new Int32Array(r.counter);
  const supports = solveSupportShare(m.game, makeRng(r.rngSeed, 'chance'), () => Atomics.add(counter, 0, 1), r.options);
  parentPort?.postMessage({ ...solved, supports });
});
