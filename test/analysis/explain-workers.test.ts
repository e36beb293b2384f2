import { describe, expect, it } from 'vitest';
import { handoutMarkdown } from '../../src/cli/commands/explain.js';
import { WorkerPool } from '../../src/engine/batch/pool.js';
import { resolveScenario } from '../../src/scenario/catalog.js';

// explain plays its lessons' batches in one pool of worker threads (started once, reused by
// every lesson) rather than on the main thread, and plays each distinct game once: the
// hand-out, every number in it, must be what playing every game on the main thread gives.

describe('explain in the worker pool', () => {
  it('gives the same hand-out as every game played on the main thread', { timeout: 180_000 }, async () => {
    const s = resolveScenario('2022');
    const mainThread = await handoutMarkdown(s, '5', 200, { workers: 0, reuse: false });
    const pool = new WorkerPool(2);
    try {
      const pooled = await handoutMarkdown(s, '5', 200, { workers: 2, pool });
      expect(pooled).toBe(mainThread);
      // The pool outlives each batch and is reused by the next.
      expect(await handoutMarkdown(s, '5', 200, { workers: 2, pool })).toBe(mainThread);
    } finally {
      pool.close();
    }
  });

  it('a pool stops its workers on Ctrl-C and still runs the next batch', async () => {
    const { runBatch, BatchInterrupted } = await import('../../src/engine/batch/batch.js');
    const s = resolveScenario('2022');
    const spec = { command: 'test', seed: '1', runs: 20_000, scenarios: [s], profiles: [{ us: 'columns', china: 'opportunist', kim: 'regimeFirst' }] };
    const pool = new WorkerPool(2);
    try {
      const ac = new AbortController();
      const stopped = runBatch(spec, { workers: 2, pool, signal: ac.signal, onProgress: () => ac.abort() });
      await expect(stopped).rejects.toBeInstanceOf(BatchInterrupted);
      const small = { ...spec, runs: 1500 };
      expect(await runBatch(small, { workers: 2, pool })).toEqual(await runBatch(small, { workers: 0 }));
    } finally {
      pool.close();
    }
  });
});
