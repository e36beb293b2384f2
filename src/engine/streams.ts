import type { Actor } from '../model/context.js';
import type { ChanceEvent } from '../model/events.js';
import type { Rng, Stream } from '../rng/rng.js';
import { gameSeed, makeRng } from '../rng/rng.js';

// The random streams of one game, set up in one place: every way of playing (session,
// batch, replay, fork, the screen, the bench) draws from these, so game i of a seed is the
// same game everywhere.

export type GameStreams = Record<Stream, Rng> & { readonly seed: string };

/** The streams of game `index` of `scenario` under `masterSeed`. */
export function gameStreams(masterSeed: string, scenario: string, index: number): GameStreams {
  return streamsOfSeed(gameSeed(masterSeed, scenario, index));
}

/** The streams of a game seed already derived (a fork's continuation seeds). */
export function streamsOfSeed(seed: string): GameStreams {
  return { seed, chance: makeRng(seed, 'chance'), china: makeRng(seed, 'china'), kim: makeRng(seed, 'kim'), us: makeRng(seed, 'us') };
}

/** Draw a chance event from the chance stream: always three numbers, in this order. */
export function drawChance(rng: Rng): ChanceEvent {
  return { type: 'chance', detection: rng.next(), war: rng.next(), drift: rng.next() };
}

/** Draw into an event the caller reuses (the batch loop allocates as little as it can). */
export function drawChanceInto(rng: Rng, into: ChanceEvent): ChanceEvent {
  into.detection = rng.next();
  into.war = rng.next();
  into.drift = rng.next();
  return into;
}

export type ActorStreams = Record<Actor, Rng>;
