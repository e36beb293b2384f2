import type { Debrief } from '../analysis/debrief.js';
import type { Actor, GameContext, Price } from '../model/context.js';
import type { MoveName } from '../model/moves.js';
import type { PublicStepState } from '../model/observe.js';
import type { Note } from '../model/narrate.js';
import type { Outcome, PayoffComponent, Payoffs } from '../model/outcomes.js';
import type { ActorView } from '../model/views.js';
import type { Step } from '../engine/reference/session.js';
import type { Counterfactual } from '../analysis/counterfactuals.js';
import { ACTORS } from '../model/context.js';

// The messages between `leverage host` and `leverage join`, and the check every message
// from the network passes before the server looks at it. The server trusts nothing else.

export const PROTOCOL_VERSION = 1;
export type Seat = Actor | 'teacher';
export const SEATS: Seat[] = [...ACTORS, 'teacher'];

/** Frames above this are cut off by ws itself (maxPayload): real messages are < 200 bytes. */
export const MAX_MESSAGE_BYTES = 4096;

// ---------------- client -> server ----------------

export type TeacherCommand = 'start' | 'pause' | 'resume' | 'endRound' | 'save' | 'reveal';
export const TEACHER_COMMANDS: TeacherCommand[] = ['start', 'pause', 'resume', 'endRound', 'save', 'reveal'];

export type ClientMessage =
  | { type: 'hello'; version: number; code: string }
  /** `seq` is the number of steps the client's screen showed: a move made on an old screen is refused. */
  | { type: 'move'; id: string; seq: number; move: string }
  | { type: 'teacher'; id: string; command: TeacherCommand };

const ID = /^[A-Za-z0-9_-]{1,40}$/;

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Parse one text frame; a string is the refusal to send back. */
export function parseClientMessage(text: string): ClientMessage | string {
  let m: unknown;
  try {
    m = JSON.parse(text);
  } catch {
    return 'not a JSON message';
  }
  if (!isObject(m) || typeof m.type !== 'string') return 'a message must be a JSON object with a "type"';
  switch (m.type) {
    case 'hello':
      if (typeof m.code !== 'string' || m.code.length > 40) return 'hello needs a "code" (the join code the host printed)';
      if (m.version !== PROTOCOL_VERSION) return `this host speaks protocol version ${PROTOCOL_VERSION}; update leverage on this machine`;
      return { type: 'hello', version: m.version, code: m.code };
    case 'move':
      if (typeof m.id !== 'string' || !ID.test(m.id)) return 'a move needs an "id" (1-40 letters, digits, _ or -)';
      if (typeof m.seq !== 'number' || !Number.isInteger(m.seq) || m.seq < 0) return 'a move needs "seq", the step count the screen showed';
      if (typeof m.move !== 'string' || m.move.length > 40) return 'a move needs a "move" name';
      return { type: 'move', id: m.id, seq: m.seq, move: m.move };
    case 'teacher':
      if (typeof m.id !== 'string' || !ID.test(m.id)) return 'a teacher command needs an "id"';
      if (typeof m.command !== 'string' || !(TEACHER_COMMANDS as string[]).includes(m.command)) {
        return `a teacher command is one of ${TEACHER_COMMANDS.join(', ')}`;
      }
      return { type: 'teacher', id: m.id, command: m.command as TeacherCommand };
    default:
      return 'unknown message type';
  }
}

// ---------------- server -> client ----------------

/** The public numbers of a step that the screen's charts need (which ones: the model's rule, publicStepState). */
export type PublicDigest = PublicStepState;

/**
 * A step as one seat observed it (the model's observation rule, `observe(step, seat)`): a move
 * the seat observed nothing of has `move: null` (never shown as some other move), only the
 * notes the seat knows, no chance draws.
 */
export type SeenStep =
  | { type: 'move'; seq: number; round: number; actor: Actor; move: MoveName | null; notes: Note[]; state: PublicDigest }
  | { type: 'chance'; seq: number; round: number; notes: Note[]; state: PublicDigest };

/** What everyone at the table may know about the table itself. */
export interface TableStatus {
  started: boolean;
  paused: boolean;
  over: boolean;
  toMove: Actor | 'chance' | null;
  /** Who the game waits for, in words, for the screens. */
  waitingFor: string;
  /** Seats taken by a person (the rest are the AI's), and whether each person is connected now. */
  humans: Actor[];
  connected: Record<Actor, boolean>;
  movedThisRound: Actor[];
  /** Round clock: seconds per round (0: none) and milliseconds left when this was sent. */
  roundSeconds: number;
  clockMs: number | null;
  /** Step numbers of the moves the AI made for a person's seat (clock out, or the teacher's e). */
  coveredByAi: number[];
}

export interface EndOfGame {
  outcome: Outcome;
  roundsPlayed: number;
  payoffs: Payoffs;
  peakTension: number;
}

/** What a seat learns when the game is over. */
export interface SeatEnd extends EndOfGame {
  counterfactuals: Counterfactual[];
  /** The seat's own payoff part by part (every part is of things its side could see). */
  parts: PayoffComponent[];
  /** The whole game with every hidden move revealed: null until the teacher reveals it (v). */
  debrief: Debrief | null;
}

export interface SeatObservation {
  seat: Actor;
  scenario: string;
  /** Steps played so far: a move must carry it back. */
  seq: number;
  round: number;
  rounds: number;
  offerPrice: Price;
  view: ActorView;
  /** The same view just before this seat's last move (at first: the round's start), for "+/- since your last move". */
  roundStartView: ActorView;
  steps: SeenStep[];
  /** Non-empty only when it is this seat's turn and the game is running. */
  legal: MoveName[];
  status: TableStatus;
  end: SeatEnd | null;
}

export interface TeacherObservation {
  scenario: string;
  seed: string;
  seq: number;
  views: { [A in Actor]: ActorView };
  truth: GameContext;
  roundStart: GameContext;
  steps: Step[];
  status: TableStatus;
  end: EndOfGame | null;
}

export type ServerMessage =
  | { type: 'welcome'; seat: Seat; scenario: string }
  | { type: 'state'; obs: SeatObservation }
  | { type: 'teacherState'; obs: TeacherObservation }
  | { type: 'accepted'; id: string }
  | { type: 'refused'; id?: string; reason: string }
  | { type: 'log'; name: string; jsonl: string };
