// A batch worker thread: plays the units it is sent and posts back their accumulators.
import { parentPort, workerData } from 'node:worker_threads';
import type { BatchSpec } from './batch.js';
import { resolveProfile, runUnitWithTwins } from './batch.js';

const spec = (workerData as { spec: BatchSpec }).spec;
const profiles = spec.profiles.map(resolveProfile);

parentPort?.on('message', (msg: { type: 'unit'; u: number }) => {
  parentPort?.postMessage({ type: 'unit', u: msg.u, results: runUnitWithTwins(spec, msg.u, profiles) });
});
