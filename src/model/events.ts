import type { MoveName } from './moves.js';

/** A move by a player. The event type is the move's name. */
export interface MoveEvent {
  type: MoveName;
}

/**
 * Chance, treated as a player (as OpenSpiel does): the engine draws three uniform
 * numbers in [0, 1) from the game's seeded generator and hands them in.
 */
export interface ChanceEvent {
  type: 'chance';
  /** C4: decides whether this round's request to Kim is detected. */
  detection: number;
  /** C12: decides whether this round ends in war. */
  war: number;
  /** C13: the random swing in US-China tension. */
  drift: number;
}

export type GameEvent = MoveEvent | ChanceEvent;
