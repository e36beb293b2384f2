import { describe, expect, it } from 'vitest';
import type { BatchSpec } from '../../src/engine/batch/batch.js';
import { Folder, playedUnits, resolveProfiles, runUnit, unitAt } from '../../src/engine/batch/batch.js';
import type { Acc } from '../../src/engine/batch/stats.js';
import { CHUNK_SIZE, emptyAcc, mergeAcc, packAcc } from '../../src/engine/batch/stats.js';
import { resolveScenario } from '../../src/scenario/catalog.js';

// The Folder takes a cell's first chunk as the cell's accumulator instead of folding it into
// an empty one. That must give the very numbers the fold gives, to the bit, for cells of one
// chunk and of several, whatever order the units arrive in.

const s = resolveScenario('2022');
const profiles = [
  { us: 'columns', china: 'opportunist', kim: 'regimeFirst' },
  { us: 'appeaser', china: 'opportunist', kim: 'regimeFirst' },
];

function specOf(runs: number, scenarios: number): BatchSpec {
  const list = Array.from({ length: scenarios }, (_, i) => ({ name: `${s.name}-${i}`, source: s.source, sha256: s.sha256, params: s.params }));
  return { command: 'test', seed: 'folder', runs, scenarios: list, profiles };
}

/** Each cell folded the old way: every chunk, in order, into an empty accumulator. */
function foldedIntoEmpty(spec: BatchSpec, results: Map<number, Acc>): Float64Array[] {
  const cells = Array.from({ length: spec.scenarios.length * spec.profiles.length }, () => emptyAcc());
  // Units are numbered cell by cell, chunk by chunk: in unit order, each cell's chunks come in order.
  for (const u of [...results.keys()].sort((a, b) => a - b)) {
    const { s: sc, p } = unitAt(spec, u);
    mergeAcc(cells[sc * spec.profiles.length + p] as Acc, structuredClone(results.get(u) as Acc));
  }
  return cells.map(packAcc);
}

describe('the Folder', () => {
  it.each([
    ['one chunk a cell', 300, 3],
    ['several chunks a cell, the last short', 2 * CHUNK_SIZE + 250, 2],
  ])('gives the bits of folding every chunk into an empty accumulator: %s', (_name, runs, scenarios) => {
    const spec = specOf(runs, scenarios);
    const byScenario = resolveProfiles(spec);
    const results = new Map(playedUnits(spec).map((u) => [u, runUnit(spec, u, byScenario[unitAt(spec, u).s] ?? [])] as const));
    const expected = foldedIntoEmpty(spec, results);
    // Units arriving last first: each waits until every earlier chunk of its cell is in.
    const folder = new Folder(spec);
    for (const u of [...results.keys()].reverse()) folder.add(u, structuredClone(results.get(u) as Acc));
    const got = folder.cells.map((c) => packAcc(c.acc));
    expect(got.length).toBe(expected.length);
    got.forEach((g, i) => expect(Buffer.from(g.buffer).equals(Buffer.from((expected[i] as Float64Array).buffer)), `cell ${i}`).toBe(true));
    expect(folder.cells.every((c) => c.acc.n === runs)).toBe(true);
  });

  it('leaves a cell no unit reached empty', () => {
    const spec = specOf(300, 2);
    const folder = new Folder(spec);
    const [first] = folder.cells;
    expect(folder.cells).toHaveLength(4);
    expect(first?.acc).toEqual(emptyAcc());
  });
});
