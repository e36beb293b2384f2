import type { Debrief } from '../analysis/debrief.js';
import type { Actor, Price } from '../model/context.js';
import type { MoveName } from '../model/moves.js';
import type { Outcome, PayoffComponent, Payoffs } from '../model/outcomes.js';
import type { SeenStep } from '../net/protocol.js';
import type { Advice } from './game-controller.js';
import type { Counterfactual } from '../analysis/counterfactuals.js';
import type { Meter } from './meters.js';

// What the game screen needs from a game: a local one (GameController, `play`) or a seat at a
// class game over the network (RemoteSeat, `join`), which only knows its side's view.

/** The public facts the screen prints (a GameContext has them all). */
export interface ScreenFacts {
  round: number;
  params: { rounds: number };
  offerPrice: Price;
  concededTaiwan: number;
  concededChips: number;
  aidToKim: number;
  peakTension: number;
  roundsPlayed: number;
}

export interface ScreenSession {
  readonly steps: readonly SeenStep[];
  isOver(): boolean;
  outcome(): Outcome | null;
  payoffs(): Payoffs | null;
  toJsonl(): string;
}

/** Set when the moves go to a host: no undo, no peeking, and the screen says who the game waits for. */
export interface RemoteGame {
  waitingFor(): string;
  /** The footer: clock, pause, connection. */
  status(): string;
  /** The teacher has paused the game: a key press is told so, not that the move is greyed. */
  paused(): boolean;
  /** Step numbers of the moves the AI made for a person's seat. */
  coveredByAi(): readonly number[];
  /** Called whenever the host sends news; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

export interface ScreenController {
  readonly human: Actor;
  readonly scenario: { name: string };
  readonly seed: string;
  readonly ctx: ScreenFacts;
  readonly session: ScreenSession;
  readonly remote?: RemoteGame;
  meters(teacher: boolean): Meter[];
  legalMoves(): MoveName[];
  advice(): Advice | null;
  play(move: MoveName): unknown;
  canUndo(): boolean;
  undo(): void;
  moves(): MoveName[];
  counterfactuals(): Counterfactual[];
  /** Your side's payoff part by part (null until the game is over). */
  payoffParts(): PayoffComponent[] | null;
  /** The finished game with every hidden move revealed (null until it is over, or, at a class game, until the teacher reveals it). */
  debrief(): Debrief | null;
}
