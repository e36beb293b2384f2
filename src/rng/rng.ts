import seedrandom from 'seedrandom';

/** A seeded source of uniform numbers in [0, 1). Strategies and chance get one each. */
export interface Rng {
  next(): number;
}

export type RngState = { c: number; s0: number; s1: number; s2: number };

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

// alea: fast (a few ns a draw), with a state that can be saved and restored.
export function makeRng(seed: string, stream: Stream): Rng & { state(): RngState } {
  const prng = seedrandom.alea(`${seed}|${stream}`, { state: true });
  return { next: () => prng(), state: () => prng.state() as RngState };
}

export function restoreRng(state: RngState): Rng & { state(): RngState } {
  const prng = seedrandom.alea('', { state });
  return { next: () => prng(), state: () => prng.state() as RngState };
}
