// A thread that runs the table-only solves of `equilibria` (independent-solves.ts) and posts
// the results back; structured cloning keeps every double, so the report is the same as solved
// in the main thread.
import { parentPort } from 'node:worker_threads';
import type { NormalForm } from './normal-form.js';
import { independentSolves } from './independent-solves.js';

parentPort?.on('message', (m: { game: NormalForm; seed: string }) => {
  parentPort?.postMessage(independentSolves(m.game, m.seed));
});
