import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { NormalForm } from './normal-form.js';
import type { IndependentSolves } from './independent-solves.js';
import type { SupportOptions, SupportShare } from './mixed.js';
import { packageRoot } from '../../package-root.js';

// A second thread for `equilibria`'s solving: once the games are played the batch workers sit
// idle, and the table-only solves (QRE, alpha-Rank, Stackelberg) can run beside the support
// enumeration instead of after it. Started before the games so that loading its modules
// overlaps them; like a worker pool it may be kept for several commands (the bench does).
// Once done with those it joins the support enumeration, taking blocks of supports from a
// counter shared with the main thread, so neither thread waits long for the other.

/** The support enumeration to share: its stream's seed, its options and the block counter both threads take from. */
export interface SupportRequest {
  counter: SharedArrayBuffer;
  rngSeed: string;
  options: SupportOptions;
}

function workerUrl(): URL {
  const here = new URL('./solve-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  // Running from TypeScript sources (tests), or from the bundled CLI without its copy: the built worker.
  return pathToFileURL(join(packageRoot(), 'dist', 'src', 'analysis', 'games', 'solve-worker.js'));
}

export class SolverThread {
  private worker: Worker;
  /** The thread has stopped (closed, or died on an error): the next solve starts another. */
  private stopped = false;
  private busy = false;

  constructor() {
    this.worker = this.spawn();
  }

  private spawn(): Worker {
    const w = new Worker(workerUrl());
    // Idle, it does not keep the process alive.
    w.unref();
    w.once('exit', () => {
      if (this.worker === w) this.stopped = true;
    });
    this.stopped = false;
    return w;
  }

  /** A kept SolverThread never waits on a thread that has stopped. */
  private live(): Worker {
    if (this.stopped) this.worker = this.spawn();
    return this.worker;
  }

  /**
   * The table-only solves of `game`, computed in the thread; with `supports`, then the blocks
   * of the support enumeration it claims. One at a time.
   */
  solve(game: NormalForm, seed: string): Promise<IndependentSolves>;
  solve(game: NormalForm, seed: string, supports: SupportRequest): Promise<IndependentSolves & { supports: SupportShare }>;
  solve(game: NormalForm, seed: string, supports?: SupportRequest): Promise<IndependentSolves & { supports?: SupportShare }> {
    if (this.busy) return Promise.reject(new Error('a solver thread solves one table at a time'));
    this.busy = true;
    const w = this.live();
    w.ref();
    return new Promise<IndependentSolves & { supports?: SupportShare }>((resolve, reject) => {
      const done = () => {
        this.busy = false;
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
        w.unref();
      };
      const onMessage = (r: IndependentSolves & { supports?: SupportShare }) => (done(), resolve(r));
      const onError = (e: Error) => (done(), reject(e));
      const onExit = (code: number) => (done(), reject(new Error(`the solver thread stopped with code ${code}`)));
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      w.postMessage(supports ? { game, seed, supports } : { game, seed });
    });
  }

  close(): void {
    this.stopped = true;
    void this.worker.terminate();
  }
}
