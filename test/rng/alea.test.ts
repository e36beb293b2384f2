import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { AleaStream, aleaOf, GameSeeder, prefixHashState } from '../../src/rng/alea.js';
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

describe('the streams of a run of games seeded several games at once (GameSeeder)', () => {
  const ref = (prefix: string, index: number, stream: Stream) => draws(seedrandom.alea(`${prefix}${index}|${stream}`), 8);

  it('give each game the draws of its own seed, for any streams, across digit changes and a short last group', () => {
    const rng = new AleaStream();
    for (const streams of [['chance'], ['chance', 'china'], ['chance', 'kim', 'us'], ['us', 'chance', 'china', 'kim']] as Stream[][]) {
      const seeder = new GameSeeder(streams);
      for (const prefix of ['bench|baseline|', '|é|', '1234567890123456789|2017-maximum-pressure|']) {
        seeder.setPrefix(prefix);
        // Runs that start on odd and even indices, cross 9 -> 10, 99 -> 100 and 999 -> 1000, and end mid-group.
        for (const [from, to] of [[0, 13], [7, 12], [95, 106], [997, 1002], [123456787, 123456790]] as const) {
          for (let index = from; index < to; index++) {
            streams.forEach((stream, k) => {
              seeder.seed(index, to, k, rng);
              expect(draws(() => rng.next(), 8), `${streams.join(',')} ${prefix}${index} ${stream}`).toEqual(ref(prefix, index, stream));
            });
          }
        }
      }
    }
  });

  it('hash a game not held (out of order, another prefix, past the run) on its own, never from a stale state', () => {
    const seeder = new GameSeeder(['chance', 'china']);
    const rng = new AleaStream();
    const check = (prefix: string, index: number, runEnd: number) => {
      seeder.seed(index, runEnd, 1, rng);
      expect(draws(() => rng.next(), 8), `${prefix}${index}`).toEqual(ref(prefix, index, 'china'));
    };
    seeder.setPrefix('a|2022|');
    check('a|2022|', 20, 30); // holds 20..23
    check('a|2022|', 22, 30); // held
    check('a|2022|', 5, 6); // not held: back, a run of one
    check('a|2022|', 21, 30); // 20..23 were dropped for 5: hashed anew
    seeder.setPrefix('b|2022|');
    check('b|2022|', 22, 30); // same index under another prefix
    check('b|2022|', 23, 24);
    check('b|2022|', 24, 25); // past the run it was told of
  });

  it('seed the same streams as a lone game seeded on its first draw (reseedGame)', () => {
    const seeder = new GameSeeder(['chance', 'china']);
    seeder.setPrefix('9|x|');
    const ahead = new AleaStream();
    const alone = new AleaStream();
    for (let index = 0; index < 300; index++) {
      seeder.seed(index, 300, 0, ahead);
      alone.reseedGame('9|x|', prefixHashState('9|x|'), index, 'chance');
      expect(draws(() => ahead.next(), 5)).toEqual(draws(() => alone.next(), 5));
    }
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
