import type { Actor, GameContext } from '../model/context.js';
import type { MoveName } from '../model/moves.js';
import type { GameSession, Step } from '../engine/reference/session.js';
import type { EndOfGame, SeatEnd, SeatObservation, SeenStep, TableStatus, TeacherObservation } from './protocol.js';
import { ACTORS } from '../model/context.js';
import { observe, offerPriceKnownTo, publicStepState } from '../model/observe.js';
import { viewFor } from '../model/views.js';

// THE one place that builds what a seat at the table is sent (as boardgame.io strips a
// player's state on the server before sending it). What a seat may see is decided by the
// model alone (its per-side views, `observe(step, seat)`, the public step numbers and the
// offer price a side knows, model/observe.ts); this file only assembles those into messages,
// and nothing else in src/net reads the game state for a seat.

/** One step as `seat` observed it: what its socket carries of the step. */
export function seenStep(s: Step, seat: Actor): SeenStep {
  const o = observe(s, seat);
  const notes = o.notes.map((n) => ({ claims: n.claims, text: n.text }));
  const state = publicStepState(s.state);
  if (s.type === 'chance') return { type: 'chance', seq: s.seq, round: s.round, notes, state };
  return { type: 'move', seq: s.seq, round: s.round, actor: s.actor, move: o.move, notes, state };
}

export function seatObservation(
  session: GameSession,
  seat: Actor,
  roundStart: GameContext,
  status: TableStatus,
  legal: MoveName[],
  end: SeatEnd | null,
): SeatObservation {
  const c = session.ctx;
  const view = viewFor(c, seat);
  return {
    seat,
    // No seed: with it and the public rules a seat could recompute the chance draws, and so
    // learn whether an unseen request was made (C4). Only the teacher gets it.
    scenario: session.scenario.name,
    seq: session.steps.length,
    round: c.round,
    rounds: c.params.rounds,
    offerPrice: offerPriceKnownTo(view, c),
    view,
    roundStartView: viewFor(roundStart, seat),
    steps: session.steps.map((s) => seenStep(s, seat)),
    legal,
    status,
    end,
  };
}

/** The teacher sees every side's view and the truth. */
export function teacherObservation(session: GameSession, roundStart: GameContext, status: TableStatus, end: EndOfGame | null): TeacherObservation {
  const c = session.ctx;
  return {
    scenario: session.scenario.name,
    seed: session.masterSeed,
    seq: session.steps.length,
    views: Object.fromEntries(ACTORS.map((a) => [a, viewFor(c, a)])) as TeacherObservation['views'],
    truth: c,
    roundStart,
    steps: session.steps,
    status,
    end,
  };
}
