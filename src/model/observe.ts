import type { Actor, GameContext, Price } from './context.js';
import type { MoveDecl, MoveName } from './game-table.js';
import type { Note } from './notes.js';
import type { ActorView } from './views.js';
import { ACTORS } from './context.js';
import { GAME_TABLE } from './game-table.js';

// The one observation rule (after OpenSpiel's observation_string(player)): what a side
// learns from each step of a game. Every surface that shows a game to someone (the screen's
// log, scripted play, `run`, saved logs shown to a player, later a network seat) renders
// this, never the raw step, so a side is never shown what it did not observe, and nothing
// false stands in for what it did not see.

/** Who is looking: one side, the public record (what every side observes), or a teacher who sees all. */
export type Observer = Actor | 'public' | 'all';

/**
 * The facts of a step the rule needs (an engine step has at least these). `move: null` is a
 * step one side has already observed and saw nothing of (a network seat's copy): observing it
 * again as that side gives the same observation.
 */
export type StepFacts =
  | { type: 'move'; round: number; actor: Actor; move: MoveName | null; notes: readonly Note[] }
  | { type: 'chance'; round: number; notes: readonly Note[] };

export interface ObservedNote {
  claims: string[];
  text: string;
  /** For the all-seeing observer: the sides that know this line, when not every side does. */
  knownTo?: readonly Actor[];
}

export interface Observation {
  round: number;
  actor: Actor | 'chance';
  /** The move as the observer knows it; null for chance, and when it observed nothing of the move. */
  move: MoveName | null;
  /** A move was made of which the observer observed nothing (it must not be shown as any move). */
  unobserved: boolean;
  /** For the all-seeing observer: the sides that observed the move, when not every side did. */
  moveKnownTo?: readonly Actor[];
  notes: ObservedNote[];
}

/** Can `observer` know something seen by `seenBy` (absent: everyone)? */
export function knows(seenBy: readonly Actor[] | undefined, observer: Observer): boolean {
  if (seenBy === undefined || observer === 'all') return true;
  if (observer === 'public') return ACTORS.every((a) => seenBy.includes(a));
  return seenBy.includes(observer);
}

const partial = (seenBy: readonly Actor[] | undefined) => (seenBy !== undefined && !ACTORS.every((a) => seenBy.includes(a)) ? seenBy : undefined);

/** What `observer` learns from one step. */
export function observe(step: StepFacts, observer: Observer, table: Readonly<Record<string, MoveDecl>> = GAME_TABLE): Observation {
  const notes: ObservedNote[] = [];
  for (const n of step.notes) {
    if (!knows(n.seenBy, observer)) continue;
    const knownTo = observer === 'all' ? partial(n.seenBy) : undefined;
    notes.push(knownTo ? { claims: n.claims, text: n.text, knownTo } : { claims: n.claims, text: n.text });
  }
  if (step.type === 'chance') return { round: step.round, actor: 'chance', move: null, unobserved: false, notes };
  if (step.move === null) return { round: step.round, actor: step.actor, move: null, unobserved: true, notes: [] };
  const observedBy = (table[step.move] as MoveDecl).observedBy;
  if (!knows(observedBy, observer)) return { round: step.round, actor: step.actor, move: null, unobserved: true, notes: [] };
  const moveKnownTo = observer === 'all' ? partial(observedBy) : undefined;
  return { round: step.round, actor: step.actor, move: step.move, unobserved: false, ...(moveKnownTo ? { moveKnownTo } : {}), notes };
}

/** The words for what was observed of a step's move: its label, or that nothing was seen. */
export function observedMoveText(o: Observation, table: Readonly<Record<string, MoveDecl>> = GAME_TABLE): string {
  if (o.actor === 'chance') return 'The round resolves';
  return o.move === null ? 'Nothing observed' : (table[o.move] as MoveDecl).label;
}

/**
 * The state numbers every side may see after any step (tension is public, C6; so is what
 * Washington has paid, C3, C8): what a class game's seat is sent with each step it observes.
 */
export interface PublicStepState {
  tension: number;
  concededTaiwan: number;
  concededChips: number;
  aidToKim: number;
}

/** The public numbers of a step's recorded state (a log digest or a whole context). */
export function publicStepState(s: PublicStepState): PublicStepState {
  return { tension: s.tension, concededTaiwan: s.concededTaiwan, concededChips: s.concededChips, aidToKim: s.aidToKim };
}

/**
 * The price of Beijing's standing offer as `side` knows it, given the side's view: offers are
 * made to Washington and Kim hears of them (their views carry the price); Beijing, whose view
 * does not, knows its own offer.
 */
export function offerPriceKnownTo(view: ActorView, ctx: GameContext): Price {
  return 'offerPrice' in view ? view.offerPrice : ctx.offerPrice;
}
