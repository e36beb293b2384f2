import type { Actor } from '../model/context.js';
import type { MoveName } from '../model/moves.js';
import type { ViewOf } from '../model/views.js';
import type { Rng } from '../rng/rng.js';

/** A named AI policy for one actor, with metadata in the manner of Axelrod's classifier. */
export interface Strategy<A extends Actor = Actor> {
  id: string;
  actor: A;
  name: string;
  /** One line for listings. */
  description: string;
  /** Who or what it stands for. */
  models: string;
  /** What it remembers: nothing, the last round, or tallies over the whole game. */
  memory: 'none' | 'last round' | 'whole game';
  /** Does it draw from its random stream? */
  stochastic: boolean;
  /** Claims its behaviour turns on. */
  claims: string[];
  /** A pure function of the actor's view, the legal moves and a seeded stream. */
  choose(view: ViewOf<A>, legal: readonly MoveName[], rng: Rng): MoveName;
}

/**
 * The first of the preferred moves (one or two) that is legal, else the first legal move.
 * Two parameters, not a rest list: a rest list allocated an array at every decision of every
 * game a batch plays.
 */
export function firstLegal(legal: readonly MoveName[], preferred: MoveName, then?: MoveName): MoveName {
  if (legal.includes(preferred)) return preferred;
  if (then !== undefined && legal.includes(then)) return then;
  return legal[0] as MoveName;
}

export function anyLegal(legal: readonly MoveName[], rng: Rng): MoveName {
  return legal[Math.floor(rng.next() * legal.length)] as MoveName;
}
