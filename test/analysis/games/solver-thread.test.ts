import { afterAll, describe, expect, it } from 'vitest';
import { makeRng } from '../../../src/rng/rng.js';
import { makeGame } from '../../../src/analysis/games/normal-form.js';
import { independentSolves } from '../../../src/analysis/games/independent-solves.js';
import { SolverThread } from '../../../src/analysis/games/solver-thread.js';

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

  it('solves one table at a time, and a closed thread is replaced on the next solve', async () => {
    const first = thread.solve(table, 'a');
    await expect(thread.solve(table, 'b')).rejects.toThrow(/one table at a time/);
    await first;
    thread.close();
    const again = await thread.solve(table, 'a');
    expect(again).toEqual(independentSolves(table, 'a'));
  });
});
