import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { Acc } from './stats.js';
import { unpackAcc } from './stats.js';
import type { BatchSpec } from './batch.js';
import { packageRoot } from '../../package-root.js';

// Worker threads that play batch units. A pool outlives one batch, so a command that runs
// many small batches in turn (explain's lessons) starts its workers, and warms them up, once.
// A batch sends its spec, then jobs (a unit, or a few small ones: batch.ts jobsOf) one at a
// time to whichever worker is free; each worker answers with the accumulators of the job's
// units (and of the cells scored from their games).

/** What a job (one or more units, sent in one message) gave: each unit's accumulators, and those of the cells scored from its games. */
export interface UnitResults {
  /** The job's units, as sent. */
  units: readonly number[];
  results: { u: number; acc: Acc }[];
}

/** What a worker posts: the accumulators packed (stats.ts packAcc). */
interface PackedUnitResults {
  units: readonly number[];
  results: { u: number; acc: Float64Array }[];
}

const YOUNG_GENERATION_MB = 2;
/** Units sent ahead to each worker (see run). */
const IN_FLIGHT = 2;

function workerUrl(): URL {
  const here = new URL('./batch-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  // Running from TypeScript sources (tests): use the built worker.
  return pathToFileURL(join(packageRoot(), 'dist', 'src', 'engine', 'batch', 'batch-worker.js'));
}

/**
 * Whether a worker holding `held` unanswered units gets another, with `left` units not yet
 * sent among `workers`. Near the end a unit sent ahead to a busy worker would wait there while
 * another runs dry (2 workers ended a batch with one idle for about a unit): once no more units
 * are left than workers, only a worker with nothing in hand gets one. A lone worker starves no
 * one, so it keeps a unit queued to the end.
 */
export function mayTake(held: number, left: number, workers: number): boolean {
  if (left <= 0 || held >= IN_FLIGHT) return false;
  return held === 0 || workers === 1 || left > workers;
}

export class WorkerPool {
  private workers: Worker[] = [];
  private running = false;

  /** `size` workers at most; they start with the first batch that needs them. */
  constructor(readonly size: number) {}

  private spawn(): Worker {
    // A fixed young-generation budget: V8 otherwise grows it under a long, steady
    // allocation rate, and a batch's peak memory would creep up with its length.
    const w = new Worker(workerUrl(), { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    // A worker that dies between batches leaves the pool; the next batch starts another.
    w.on('error', () => this.drop(w));
    w.on('exit', () => this.drop(w));
    return w;
  }

  private drop(w: Worker): void {
    this.workers = this.workers.filter((x) => x !== w);
  }

  /**
   * Play `jobs` of `spec` (each a list of units, played in one message), handing each finished
   * job to `onJob`. Rejects with the first worker failure, or with `interrupted()` when `signal`
   * aborts (the workers are stopped).
   */
  run(spec: BatchSpec, jobs: readonly (readonly number[])[], onJob: (r: UnitResults) => void, signal: AbortSignal | undefined, interrupted: () => Error): Promise<void> {
    if (this.running) return Promise.reject(new Error('a worker pool plays one batch at a time'));
    this.running = true;
    const count = Math.max(1, Math.min(this.size, jobs.length));
    while (this.workers.length < count) this.workers.push(this.spawn());
    const active = this.workers.slice(0, count);
    return new Promise<void>((resolve, reject) => {
      let next = 0;
      let busy = 0;
      /** Jobs sent to each worker and not yet answered. */
      const held = new Map<Worker, number>();
      let settled = false;
      const handlers = new Map<Worker, { message: (m: PackedUnitResults) => void; error: (e: Error) => void; exit: (code: number) => void }>();
      const finish = (e?: Error) => {
        if (settled) return;
        settled = true;
        this.running = false;
        signal?.removeEventListener('abort', onAbort);
        for (const [w, h] of handlers) {
          w.off('message', h.message);
          w.off('error', h.error);
          w.off('exit', h.exit);
        }
        if (e) {
          this.close();
          reject(e);
        } else {
          // Idle workers do not keep the process alive.
          for (const w of this.workers) w.unref();
          resolve();
        }
      };
      const onAbort = () => finish(interrupted());
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      const feed = (w: Worker) => {
        if (settled) return;
        const has = held.get(w) ?? 0;
        if (next < jobs.length && mayTake(has, jobs.length - next, count)) {
          const units = jobs[next++] as readonly number[];
          busy++;
          held.set(w, has + 1);
          w.postMessage({ type: 'units', units });
        } else if (busy === 0) finish();
      };
      // The spec cloned once, not once per worker: a spec of a few hundred scenarios (a Sobol
      // design's) took ~5-7 ms a clone on this thread, before a worker could start.
      const specBytes = serialize(spec);
      for (const w of active) {
        const h = {
          message: (m: PackedUnitResults) => {
            busy--;
            held.set(w, (held.get(w) as number) - 1);
            onJob({ units: m.units, results: m.results.map((r) => ({ u: r.u, acc: unpackAcc(r.acc) })) });
            feed(w);
          },
          error: (e: Error) => finish(e),
          exit: (code: number) => finish(new Error(`a batch worker stopped with code ${code}`)),
        };
        handlers.set(w, h);
        w.on('message', h.message);
        w.on('error', h.error);
        w.on('exit', h.exit);
        w.ref();
        w.postMessage({ type: 'spec', spec: specBytes });
      }
      if (jobs.length === 0) return finish();
      // Each worker holds one unit in hand and one queued, so it starts the next the moment it
      // posts the last, without waiting for this thread to read the result and answer (on a
      // busy machine that thread may wait its turn for milliseconds); the last few go only to
      // a worker with empty hands (see feed). The folding does not depend on who played what,
      // or when.
      for (let depth = 0; depth < IN_FLIGHT; depth++) for (const w of active) feed(w);
    });
  }

  /** Stop every worker. The pool can still run batches: it starts new ones. */
  close(): void {
    for (const w of this.workers) void w.terminate();
    this.workers = [];
  }
}
