import seedrandom from 'seedrandom';

/** A seeded source of uniform numbers in [0, 1). Strategies and chance get one each. */
export interface Rng {
  next(): number;
}

/** Streams of one game: chance and each actor draw from their own, so swapping one side
 *  for another strategy (or a person) leaves everyone else's draws unchanged. */
export type Stream = 'chance' | 'china' | 'kim' | 'us';

/**
 * The seed of game `index` of a scenario under a master seed. It depends on nothing else,
 * so a batch gives the same games in any order, on any number of workers or shards.
 */
export function gameSeed(masterSeed: string | number, scenario: string, index: number): string {
  return `${masterSeed}|${scenario}|${index}`;
}

// alea: a few ns a draw (ARC4, seedrandom's default, is ~9x slower). Seeding costs about a
// microsecond, so a stream is seeded on its first draw: deterministic strategies never pay.
// Undo and replay rebuild a game from its seed and moves, so no generator state is saved.
export function makeRng(seed: string, stream: Stream): Rng {
  let prng: (() => number) | undefined;
  return { next: () => (prng ??= seedrandom.alea(`${seed}|${stream}`))() };
}
