import { afterAll, describe, expect, it } from 'vitest';
import { makeRng } from '../../../src/rng/rng.js';
import { makeGame } from '../../../src/analysis/games/normal-form.js';
import { independentSolves } from '../../../src/analysis/games/independent-solves.js';
import { SolverThread } from '../../../src/analysis/games/solver-thread.js';
import { mergeSupportShares, mixedEquilibria, solveSupportShare } from '../../../src/analysis/games/mixed.js';

// equilibria hands the table-only solves to a second thread when it has two workers; the
// report must not depend on that. A seeded random 4x3x2 table (payoffs to 2 decimals, as an
// estimated table has no structure to lean on) solved in both places.
const rng = makeRng('solver-thread-test', 'chance');
const table = makeGame('random 4x3x2', ['US', 'China', 'Kim'], [['a', 'b', 'c', 'd'], ['e', 'f', 'g'], ['h', 'i']], () => [0, 1, 2].map(() => Math.round(1000 * rng.next() - 500) / 100));

const thread = new SolverThread();
afterAll(() => thread.close());

describe('the solver thread', () => {
  it('returns to the bit what this thread computes: QRE path, alpha-Rank and Stackelberg', async () => {
    const here = independentSolves(table, 'seed 3');
    const there = await thread.solve(table, 'seed 3');
    expect(there).toEqual(here);
    expect(JSON.stringify(there)).toBe(JSON.stringify(here));
    // Not trivially equal: a path was traced (a thread that rounded the payoffs to float32 fails above).
    expect(here.qre.points.length).toBeGreaterThan(10);
  });

  it('takes blocks of the support enumeration beside this thread: merged, the serial enumeration to the bit', async () => {
    const options = { maxSupport: 3 };
    const serial = mixedEquilibria(table, makeRng('split', 'chance'), options);
    // Alone: this thread claims nothing, so the thread walks every block.
    const alone = new Int32Array(new SharedArrayBuffer(4));
    const all = await thread.solve(table, 'seed 3', { counter: alone.buffer as SharedArrayBuffer, rngSeed: 'split', options });
    expect(all.supports.blocks.length).toBeGreaterThan(0);
    expect(JSON.stringify(mergeSupportShares(table, [all.supports], options))).toBe(JSON.stringify(serial));
    expect(all.qre).toEqual(independentSolves(table, 'seed 3').qre);
    // Together, from one counter: whoever took what, the same result.
    const counter = new Int32Array(new SharedArrayBuffer(4));
    const beside = thread.solve(table, 'seed 3', { counter: counter.buffer as SharedArrayBuffer, rngSeed: 'split', options });
    const here = solveSupportShare(table, makeRng('split', 'chance'), () => Atomics.add(counter, 0, 1), options);
    const there = await beside;
    expect(JSON.stringify(mergeSupportShares(table, [here, there.supports], options))).toBe(JSON.stringify(serial));
  });

  it('solves one table at a time, and a closed thread is replaced on the next solve', async () => {
    const first = thread.solve(table, 'a');
    await expect(thread.solve(table, 'b')).rejects.toThrow(/one table at a time/);
    await first;
    thread.close();
    const again = await thread.solve(table, 'a');
    expect(again).toEqual(independentSolves(table, 'a'));
  });
});
