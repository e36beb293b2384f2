// A batch worker thread: for each batch it is sent the spec, then units to play; it posts back
// each unit's accumulators (and those of the cells scored from its games).
import { parentPort } from 'node:worker_threads';
import type { BatchSpec } from './batch.js';
import type { Profile } from './fast-game.js';
import { resolveProfiles, runUnitWithTwins } from './batch.js';

let spec: BatchSpec | null = null;
let profiles: Profile[][] = [];

parentPort?.on('message', (msg: { type: 'spec'; spec: BatchSpec } | { type: 'unit'; u: number }) => {
  if (msg.type === 'spec') {
    spec = msg.spec;
    profiles = resolveProfiles(spec);
    return;
  }
  if (!spec) throw new Error('a batch worker was sent a unit before its spec');
  parentPort?.postMessage({ type: 'unit', u: msg.u, results: runUnitWithTwins(spec, msg.u, profiles) });
});
