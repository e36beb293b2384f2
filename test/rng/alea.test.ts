import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { AleaStream, aleaOf, prefixHashState, seedTogether } from '../../src/rng/alea.js';
import { gameSeed } from '../../src/rng/rng.js';
import type { Stream } from '../../src/rng/rng.js';

const STREAMS: Stream[] = ['chance', 'china', 'kim', 'us'];
const draws = (next: () => number, n: number) => Array.from({ length: n }, () => next());

describe('our alea gives the very streams of seedrandom.alea', () => {
  it('for any seed string (unicode included), over the first 60 draws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (seed) => {
        const ours = aleaOf(seed);
        expect(draws(() => ours.next(), 60)).toEqual(draws(seedrandom.alea(seed), 60));
      }),
      { numRuns: 200 },
    );
  });

  it('for batch game seeds hashed piece by piece, over 5000 games of each stream', () => {
    for (const [master, scenario] of [['bench', 'baseline'], ['w', '2022'], ['', 'one-shot'], ['9|x', 'é']] as const) {
      const prefix = `${master}|${scenario}|`;
      const state = prefixHashState(prefix);
      const rng = new AleaStream();
      for (let index = 0; index < 5000; index += index < 100 ? 1 : 37) {
        for (const stream of STREAMS) {
          rng.reseedGame(prefix, state, index, stream);
          const ref = seedrandom.alea(`${gameSeed(master, scenario, index)}|${stream}`);
          expect(draws(() => rng.next(), 12), `${prefix}${index}|${stream}`).toEqual(draws(ref, 12));
        }
      }
    }
  });

  it('for large indices and a reused stream object', () => {
    const prefix = 'm|s|';
    const rng = new AleaStream();
    for (const index of [0, 9, 10, 99, 100, 123456789, 2 ** 31 - 1, 2 ** 40 + 3]) {
      rng.reseedGame(prefix, prefixHashState(prefix), index, 'kim');
      expect(draws(() => rng.next(), 30)).toEqual(draws(seedrandom.alea(`m|s|${index}|kim`), 30));
    }
  });

  it('a stream reseeded mid-way starts over (lazy seeding keeps no stale state)', () => {
    const rng = aleaOf('a');
    draws(() => rng.next(), 7);
    rng.reseedText('b');
    expect(draws(() => rng.next(), 5)).toEqual(draws(seedrandom.alea('b'), 5));
  });
});

describe('two streams of a game seeded side by side', () => {
  it('give the same draws as each seeded on its own', () => {
    const prefix = 'bench|baseline|';
    const state = prefixHashState(prefix);
    const a = new AleaStream();
    const b = new AleaStream();
    for (let index = 0; index < 3000; index += 7) {
      for (const [x, y] of [['chance', 'china'], ['kim', 'us'], ['china', 'chance']] as const) {
        a.reseedGame(prefix, state, index, x);
        b.reseedGame(prefix, state, index, y);
        seedTogether(a, b);
        expect(draws(() => a.next(), 8)).toEqual(draws(seedrandom.alea(`${prefix}${index}|${x}`), 8));
        expect(draws(() => b.next(), 8)).toEqual(draws(seedrandom.alea(`${prefix}${index}|${y}`), 8));
      }
    }
  });

  it('and fall back to seeding one by one when the two are not of one game', () => {
    const a = aleaOf('x');
    const b = new AleaStream().reseedGame('p|q|', prefixHashState('p|q|'), 5, 'us');
    seedTogether(a, b);
    expect(draws(() => a.next(), 4)).toEqual(draws(seedrandom.alea('x'), 4));
    expect(draws(() => b.next(), 4)).toEqual(draws(seedrandom.alea('p|q|5|us'), 4));
  });
});

describe('drawThree (chance\'s event in the batch path)', () => {
  it('stores the next three draws, in order, as three calls of next() would give them', () => {
    for (const seed of ['bench|baseline|0|chance', 'x', '']) {
      const a = aleaOf(seed);
      const b = aleaOf(seed);
      const event = { detection: -1, war: -1, drift: -1 };
      for (let round = 0; round < 20; round++) {
        a.drawThree(event);
        expect([event.detection, event.war, event.drift], `${seed}, round ${round}`).toEqual(draws(() => b.next(), 3));
      }
    }
  });
});
