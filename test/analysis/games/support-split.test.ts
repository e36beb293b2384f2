import { describe, expect, it } from 'vitest';
import { makeRng } from '../../../src/rng/rng.js';
import { makeGame } from '../../../src/analysis/games/normal-form.js';
import { mergeSupportShares, mixedEquilibria, solveSupportShare, SUPPORT_BLOCK } from '../../../src/analysis/games/mixed.js';

// equilibria splits the support enumeration between two threads, each taking blocks of
// supports as it gets to them; the result must be the serial walk's to the bit, whatever the
// split. A seeded random 5x4x4 table (payoffs to 2 decimals) has enough supports for many
// blocks and several equilibria.
const tableRng = makeRng('support-split-test', 'chance');
const table = makeGame('random 5x4x4', ['US', 'China', 'Kim'], [['a', 'b', 'c', 'd', 'e'], ['f', 'g', 'h', 'i'], ['j', 'k', 'l', 'm']], () => [0, 1, 2].map(() => Math.round(1000 * tableRng.next() - 500) / 100));
const stream = () => makeRng('support-split-newton', 'chance');
const options = { maxSupport: 3 };

/** A caller that is handed exactly `blocks` (increasing), then nothing. */
function handing(blocks: number[]): () => number {
  let k = 0;
  return () => blocks[k++] ?? Number.MAX_SAFE_INTEGER;
}

describe('the support enumeration split between callers', () => {
  const serial = mixedEquilibria(table, stream(), options);
  const blockCount = Math.ceil(serial.supportsTried / SUPPORT_BLOCK);

  it('has something to split: many blocks, several equilibria', () => {
    expect(blockCount).toBeGreaterThan(20);
    expect(serial.equilibria.length).toBeGreaterThan(1);
  });

  it('merges to the serial result to the bit, for random splits of the blocks between two callers', () => {
    const pick = makeRng('support-split-partition', 'chance');
    for (let trial = 0; trial < 4; trial++) {
      const first: number[] = [];
      const second: number[] = [];
      for (let b = 0; b < blockCount; b++) (pick.next() < 0.5 ? first : second).push(b);
      const a = solveSupportShare(table, stream(), handing(first), options);
      const b = solveSupportShare(table, stream(), handing(second), options);
      // Both callers found candidates: the second one's supports were solved from the starts the serial walk gives them.
      expect(a.blocks.length).toBeGreaterThan(0);
      expect(b.blocks.length).toBeGreaterThan(0);
      const merged = mergeSupportShares(table, [b, a], options);
      expect(JSON.stringify(merged)).toBe(JSON.stringify(serial));
    }
  });

  it('a caller handed only the last block stops there, and one handed nothing solves nothing', () => {
    const last = solveSupportShare(table, stream(), handing([blockCount - 1]), options);
    expect(last.blocks.every((b) => b.block === blockCount - 1)).toBe(true);
    expect(solveSupportShare(table, stream(), handing([]), options).blocks).toEqual([]);
  });
});
