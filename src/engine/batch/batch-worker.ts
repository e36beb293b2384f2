// A batch worker thread: for each batch it is sent the spec, then units to play; it posts back
// each unit's accumulators (and those of the cells scored from its games), packed.
import { parentPort } from 'node:worker_threads';
import type { BatchSpec } from './batch.js';
import type { Profile } from './fast-game.js';
import { resolveProfiles, runUnitWithTwins } from './batch.js';
import { packAcc } from './stats.js';

let spec: BatchSpec | null = null;
let profiles: Profile[][] = [];

parentPort?.on('message', (msg: { type: 'spec'; spec: BatchSpec } | { type: 'unit'; u: number }) => {
  if (msg.type === 'spec') {
    spec = msg.spec;
    profiles = resolveProfiles(spec);
    return;
  }
  if (!spec) throw new Error('a batch worker was sent a unit before its spec');
  // Each accumulator packed into doubles and its buffer handed over, not copied (pool.ts unpacks).
  const results = runUnitWithTwins(spec, msg.u, profiles).map((r) => ({ u: r.u, acc: packAcc(r.acc) }));
  parentPort?.postMessage({ type: 'unit', u: msg.u, results }, results.map((r) => r.acc.buffer as ArrayBuffer));
});
