import type { Actor, GameContext } from '../model/context.js';
import type { MoveName } from '../model/moves.js';
import type { PayoffComponent } from '../model/outcomes.js';
import { payoffBreakdown } from '../model/outcomes.js';
import type { Strategy } from '../strategies/types.js';
import type { ViewOf } from '../model/views.js';
import type { ScenarioRef, Sides, Step } from '../engine/reference/session.js';
import { GameSession, playGame } from '../engine/reference/session.js';
import type { Rng } from '../rng/rng.js';
import { makeRng } from '../rng/rng.js';
import { columns } from '../strategies/us.js';
import { opportunist } from '../strategies/china.js';
import { regimeFirst } from '../strategies/kim.js';
import { MOVES } from '../model/moves.js';
import type { Debrief } from '../analysis/debrief.js';
import type { Counterfactual } from '../analysis/counterfactuals.js';
import { counterfactualsFor } from '../analysis/counterfactuals.js';
import { debriefOf } from '../analysis/debrief.js';
import type { SeenStep } from '../net/protocol.js';
import type { Meter } from './meters.js';
import { metersFor } from './meters.js';

export interface Advice {
  move: MoveName;
  who: string;
  why: string;
}

/** Who advises each side: the columns (for the US), or the columns' reading of Xi or Kim. */
const ADVISOR: { [A in Actor]: Strategy<A> } = { us: columns, china: opportunist, kim: regimeFirst };
function advise<A extends Actor>(who: A, view: ViewOf<A>, legal: MoveName[], rng: Rng): MoveName {
  return ADVISOR[who].choose(view, legal, rng);
}
const ADVISOR_LABEL: Record<Actor, string> = { us: "The columns' advice", china: "The columns' Xi", kim: 'A regime-first Kim' };

/**
 * One person's game against AI sides: the session, undo (by replaying the person's moves
 * minus the last), and what the AI strategies of the person's side would have done.
 */
export class GameController {
  session: GameSession;
  private history: MoveName[] = [];

  constructor(
    readonly scenario: ScenarioRef,
    readonly seed: string,
    readonly index: number,
    readonly human: Actor,
    readonly sides: Sides,
    moves: MoveName[] = [],
  ) {
    this.session = this.rebuild(moves);
  }

  /** The context at the start of the current round, for "what changed since last round". */
  get roundStart(): GameContext {
    return this.session.roundStart;
  }

  private rebuild(moves: MoveName[]): GameSession {
    this.history = [...moves];
    return playGame(this.scenario, this.seed, this.index, this.sides, moves);
  }

  get ctx(): GameContext {
    return this.session.ctx;
  }

  legalMoves(): MoveName[] {
    return this.session.humanToMove() ? this.session.legalMoves() : [];
  }

  /** Play a move for the person, then let AI sides and chance run until the person's next turn. */
  play(move: MoveName): Step[] {
    const steps = [this.session.play(move)];
    this.history.push(move);
    return [...steps, ...this.session.advanceUntilHuman()];
  }

  canUndo(): boolean {
    return this.history.length > 0;
  }

  /** Take back the person's last move: the game is replayed from its seed without it. */
  undo(): void {
    if (!this.canUndo()) return;
    this.session = this.rebuild(this.history.slice(0, -1));
  }

  moves(): MoveName[] {
    return [...this.history];
  }

  /** What the columns (for the US), or the columns' reading of Xi or Kim, would do now. */
  advice(): Advice | null {
    const who = this.session.humanToMove();
    if (!who) return null;
    return adviceFor(who, this.session.view(who), this.session.legalMoves(), this.seed, this.ctx.round);
  }

  /** Every AI strategy of the person's side in the same game (same seed, same opponents, same luck). */
  counterfactuals(): Counterfactual[] {
    return counterfactualsFor(this.scenario, this.seed, this.index, this.human, this.sides);
  }

  payoffParts(): PayoffComponent[] | null {
    const o = this.session.outcome();
    return o ? payoffBreakdown(this.ctx, o)[this.human] : null;
  }

  debrief(): Debrief | null {
    return debriefOf(this.session);
  }

  /** The meters of the person's side (all of them in the teacher view). */
  meters(teacher: boolean): Meter[] {
    // Since the person's last move, so the change shows that move's effect and everything after it.
    return metersFor(this.human, this.ctx, this.session.turnStart[this.human] ?? this.roundStart, teacher);
  }
}

/** The advice a side gets from its own view alone (the same on a class game's screen). */
export function adviceFor<A extends Actor>(who: A, view: ViewOf<A>, legal: MoveName[], seed: string, round: number): Advice {
  const move = advise(who, view, legal, makeRng(`${seed}|advice|${round}`, who));
  const info = MOVES[move];
  const cites = info.claims.length ? ` (${info.claims.join(' ')})` : '';
  return { move, who: ADVISOR_LABEL[who], why: `${info.hint}${cites}` };
}

/**
 * Per-round series for the end screen: the highest tension the meter showed in each round
 * (after any move, including the start, not only at the round's end, when it has already settled),
 * concessions so far, and the peak: the highest of those, so it is what the bar shows.
 */
export function roundSeries(steps: readonly SeenStep[], startTension?: number): { tension: number[]; concessions: number[]; peak: number } {
  const tension: number[] = [];
  const concessions: number[] = [];
  // Round 1 begins at the starting tension, which the meter shows before any move.
  let high = startTension ?? -Infinity;
  for (const s of steps) {
    high = Math.max(high, s.state.tension);
    if (s.type !== 'chance') continue;
    tension.push(high);
    high = -Infinity;
    concessions.push(s.state.concededTaiwan + s.state.concededChips + s.state.aidToKim);
  }
  if (high > -Infinity) tension.push(high);
  return { tension, concessions, peak: Math.max(0, ...tension) };
}
