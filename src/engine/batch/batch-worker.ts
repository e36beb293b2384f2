// A batch worker thread: for each batch it is sent the spec, then jobs (lists of units) to play;
// it posts back each job's accumulators (and those of the cells scored from its games), packed.
import { deserialize } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import type { BatchSpec } from './batch.js';
import type { Profile } from './fast-game.js';
import { resolveProfiles, runUnitWithTwins } from './batch.js';
import { packAcc } from './stats.js';

let spec: BatchSpec | null = null;
let profiles: Profile[][] = [];

parentPort?.on('message', (msg: { type: 'spec'; spec: Uint8Array } | { type: 'units'; units: number[] }) => {
  if (msg.type === 'spec') {
    spec = deserialize(msg.spec) as BatchSpec;
    profiles = resolveProfiles(spec);
    return;
  }
  if (!spec) throw new Error('a batch worker was sent a unit before its spec');
  const s = spec;
  // Each accumulator packed into doubles and its buffer handed over, not copied (pool.ts unpacks).
  const results = msg.units.flatMap((u) => runUnitWithTwins(s, u, profiles)).map((r) => ({ u: r.u, acc: packAcc(r.acc) }));
  parentPort?.postMessage({ type: 'units', units: msg.units, results }, results.map((r) => r.acc.buffer as ArrayBuffer));
});
