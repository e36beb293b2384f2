import type { Actor } from '../model/context.js';
import type { KimTemperament } from '../model/kim-utility.js';
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
  /**
   * A Kim who chooses by the model's weighing (model/kim-utility.ts) says how, as data: then
   * `choose` is that weighing (strategies/kim.ts weighingChoice), and the batch path weighs
   * the legal moves as a mask without the names (weighingIndexChoice). Absent: `choose` only.
   */
  weighing?: A extends 'kim' ? KimWeighing : never;
}

/** How a weighing Kim chooses: his temperament, and how often he plays a legal move at random instead. */
export interface KimWeighing {
  /** Multipliers on the scenario's payoff weights for Kim (kimWeightsFrom). */
  temperament: KimTemperament;
  /** The share of decisions (0 to 1) in which he surprises: a legal move drawn at random. */
  whim: number;
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

/** anyLegal for the legal moves as a mask (bit i: move i is legal), as an index: the same draw picks the same move. */
export function anyLegalIndex(legal: number, rng: Rng): number {
  let k = Math.floor(rng.next() * popCount(legal));
  let rest = legal;
  for (; k > 0; k--) rest &= rest - 1;
  return 31 - Math.clz32(rest & -rest);
}

function popCount(mask: number): number {
  let n = 0;
  for (let rest = mask; rest !== 0; rest &= rest - 1) n++;
  return n;
}
