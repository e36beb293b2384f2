import type { Actor } from './context.js';
import type { MoveName } from './game-table.js';
import { GAME_TABLE } from './game-table.js';

// The moves as the rest of the program asks about them: names, sides, menus. Every fact
// here is read from the game table (game-table.ts), where each move is declared once.

export type { MoveName } from './game-table.js';

/** What menus, scripts and help show of a move (its game-table entry). */
export interface MoveInfo {
  actor: Actor;
  short: string;
  label: string;
  hint: string;
  claims: readonly string[];
}

export const MOVES: { readonly [M in MoveName]: (typeof GAME_TABLE)[M] } = GAME_TABLE;

export type MoveOf<A extends Actor> = { [K in MoveName]: (typeof GAME_TABLE)[K]['actor'] extends A ? K : never }[MoveName];
export type ChinaMove = MoveOf<'china'>;
export type KimMove = MoveOf<'kim'>;
export type UsMove = MoveOf<'us'>;

export const MOVE_NAMES = Object.keys(GAME_TABLE) as MoveName[];

export function isMoveName(name: string): name is MoveName {
  return Object.prototype.hasOwnProperty.call(GAME_TABLE, name);
}

const BY_ACTOR = new Map<Actor, MoveName[]>();
/** An actor's moves, in the table's order. */
export function movesOf<A extends Actor>(actor: A): MoveOf<A>[] {
  let list = BY_ACTOR.get(actor);
  if (!list) BY_ACTOR.set(actor, (list = MOVE_NAMES.filter((m) => GAME_TABLE[m].actor === actor)));
  return list as MoveOf<A>[];
}

/** The rung (1..4) a Kim test reaches; 0 for every other move. */
export function rungOf(move: MoveName): number {
  for (let i = 0; i < TESTS.length; i++) if (TESTS[i] === move) return RUNGS[i] as number;
  return 0;
}
// Read once from the table: the few moves that have a rung, and their rungs. Kim's utility
// asks for every move it weighs; a lookup by name (in the table, or a record of all moves)
// measured 4-6% of a batch, a scan of four interned names next to nothing.
const TESTS: readonly MoveName[] = MOVE_NAMES.filter((m) => ((GAME_TABLE[m] as { rung?: number }).rung ?? 0) !== 0);
const RUNGS: readonly number[] = TESTS.map((m) => (GAME_TABLE[m] as { rung?: number }).rung as number);

/** A move of `actor` by its name or short name, any case; undefined if none. */
export function findMove(actor: Actor, word: string): MoveName | undefined {
  const w = word.trim().toLowerCase();
  return movesOf(actor).find((m) => m.toLowerCase() === w || GAME_TABLE[m].short === w);
}

/** Does this side observe the move as it is made? (The US may still catch it later: C4.) */
export function moveVisibleTo(move: MoveName, actor: Actor): boolean {
  const observedBy: readonly Actor[] | undefined = (GAME_TABLE[move] as { observedBy?: readonly Actor[] }).observedBy;
  return observedBy === undefined || observedBy.includes(actor);
}
