import { describe, expect, it } from 'vitest';
import type { BatchSpec } from '../../src/engine/batch/batch.js';
import { jobsOf, playedUnits, runBatch, unitGames } from '../../src/engine/batch/batch.js';
import { CHUNK_SIZE } from '../../src/engine/batch/stats.js';
import { resolveScenario } from '../../src/scenario/catalog.js';

// Small units travel to a worker a few at a time (jobsOf): fewer messages for the thread that
// reads them, and the same cells, since a unit's result does not depend on where it is played.

const s = resolveScenario('2022');
const profiles = [
  { us: 'columns', china: 'opportunist', kim: 'regimeFirst' },
  { us: 'appeaser', china: 'opportunist', kim: 'regimeFirst' },
];

function specOf(runs: number, scenarios = 3): BatchSpec {
  const list = Array.from({ length: scenarios }, (_, i) => ({ name: `${s.name}-${i}`, source: s.source, sha256: s.sha256, params: s.params }));
  return { command: 'test', seed: 'jobs', runs, scenarios: list, profiles };
}

describe('jobs of units', () => {
  it('groups consecutive units up to a full unit of games, every unit once, in order', () => {
    const spec = specOf(200, 7); // 14 units of 200 games: jobs of 5, 5 and 4
    const units = playedUnits(spec);
    const jobs = jobsOf(spec, units);
    expect(jobs.flat()).toEqual(units);
    expect(jobs.map((j) => j.length)).toEqual([5, 5, 4]);
    for (const j of jobs) expect(j.reduce((t, u) => t + unitGames(spec, u), 0)).toBeLessThanOrEqual(CHUNK_SIZE);
  });

  it('keeps a full unit a job of its own, and short ones together up to a full unit', () => {
    const spec = specOf(CHUNK_SIZE + 300, 2); // per cell: a full chunk, then 300 games
    const jobs = jobsOf(spec, playedUnits(spec));
    expect(jobs.map((j) => j.map((u) => unitGames(spec, u)))).toEqual([[1000], [300], [1000], [300], [1000], [300], [1000], [300]]);
    const short = specOf(300, 2);
    expect(jobsOf(short, playedUnits(short)).map((j) => j.length)).toEqual([3, 1]);
  });

  it('gives the same cells with 2 workers as played in this thread', async () => {
    const spec = specOf(150, 5);
    const inline = await runBatch(spec, { workers: 0 });
    const pooled = await runBatch(spec, { workers: 2 });
    expect(JSON.stringify(pooled)).toBe(JSON.stringify(inline));
  });
});
