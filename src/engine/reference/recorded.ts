import type { Actor } from '../../model/context.js';
import type { MoveName } from '../../model/moves.js';
import type { Rng } from '../../rng/rng.js';
import type { Strategy } from '../../strategies/types.js';
import type { Deciders } from '../game-loop.js';
import type { GameStreams } from '../streams.js';
import { ACTORS } from '../../model/context.js';

// A game played again from its record, through the one game loop (runGame): each side
// decides what the record says it did, and chance draws what the record says it drew.
// Fork replays a log to its fork point this way, with no move loop of its own.

/** The facts of a recorded step that playing it again needs (a log's steps have them). */
export type RecordedStep =
  | { type: 'move'; actor: Actor; move: MoveName }
  | { type: 'chance'; detection: number; war: number; drift: number };

function recordedSide<A extends Actor>(actor: A, moves: readonly MoveName[]): Strategy<A> {
  let next = 0;
  return {
    id: 'recorded',
    actor,
    name: 'Recorded',
    description: 'Plays the moves a game log recorded for this side, in order.',
    models: 'a game already played',
    memory: 'whole game',
    stochastic: false,
    claims: [],
    choose: () => moves[next++] as MoveName,
  };
}

/** Deciders and streams that play `steps` again, move for move and draw for draw. */
export function recordedPlay(steps: readonly RecordedStep[], seed: string): { deciders: Deciders; streams: GameStreams } {
  const movesOf = (a: Actor) => steps.flatMap((s) => (s.type === 'move' && s.actor === a ? [s.move] : []));
  const draws = steps.flatMap((s) => (s.type === 'chance' ? [s.detection, s.war, s.drift] : []));
  let d = 0;
  const chance: Rng = { next: () => draws[d++] as number };
  // Sides draw nothing from their streams: they play what was recorded.
  const none: Rng = { next: () => 0 };
  const [china, kim, us] = ACTORS.map((a) => movesOf(a)) as [MoveName[], MoveName[], MoveName[]];
  return {
    deciders: { china: recordedSide('china', china), kim: recordedSide('kim', kim), us: recordedSide('us', us) },
    streams: { seed, chance, china: none, kim: none, us: none },
  };
}
