import type { Actor, DigestFields, GameContext } from '../../model/context.js';
import type { GameEvent } from '../../model/events.js';
import type { MoveName } from '../../model/moves.js';
import type { Note } from '../../model/narrate.js';
import type { Outcome, Payoffs } from '../../model/outcomes.js';
import type { Params } from '../../model/params.js';
import type { ViewOf } from '../../model/views.js';
import type { Deciders } from '../game-loop.js';
import type { GameStreams } from '../streams.js';
import type { Strategy } from '../../strategies/types.js';
import type { GameState } from './stepper.js';
import { ACTORS } from '../../model/context.js';
import { copyDigest } from '../../model/state-code.generated.js';
import { MOVES } from '../../model/moves.js';
import { narrate } from '../../model/narrate.js';
import { payoffs } from '../../model/outcomes.js';
import { viewFor } from '../../model/views.js';
import { runGame } from '../game-loop.js';
import { leverageGame } from './stepper.js';
import { gameStreams } from '../streams.js';

export const LOG_FORMAT = 'leverage-log';
export const LOG_FORMAT_VERSION = 1;

/** A side is an AI strategy, or 'human' (moves come from outside: a person, a script, a log). */
export type Side<A extends Actor = Actor> = Strategy<A> | 'human';
export type Sides = { [A in Actor]: Side<A> };

export interface ScenarioRef {
  name: string;
  source: string;
  sha256: string;
  params: Params;
}

/** The numbers a log records after every step, so a replay can check it lands in the same place (the state fields tagged `digest`). */
export interface Digest extends DigestFields {
  phase: string;
}

export function digest(s: GameState): Digest {
  const out = { phase: s.phase } as Digest;
  copyDigest(s.ctx, out);
  return out;
}

export interface MoveStep {
  type: 'move';
  seq: number;
  round: number;
  actor: Actor;
  move: MoveName;
  notes: Note[];
  state: Digest;
}

export interface ChanceStep {
  type: 'chance';
  seq: number;
  round: number;
  detection: number;
  war: number;
  drift: number;
  /** C4: US intelligence caught this round's request to Kim (a fact, apart from the words in notes). */
  requestCaught: boolean;
  /** C12: war broke out at this round's end (a fact: readers use this, never the words in notes). */
  warBroke: boolean;
  notes: Note[];
  state: Digest;
}

export type Step = MoveStep | ChanceStep;

export interface LogHeader {
  type: 'header';
  format: typeof LOG_FORMAT;
  formatVersion: number;
  scenario: { name: string; source: string; sha256: string };
  params: Params;
  seed: string;
  index: number;
  sides: Record<Actor, string>;
}

/** Last line of a game saved in progress, so a deliberate save is told apart from a cut-off log. */
export interface LogPause {
  type: 'pause';
  round: number;
  toMove: Actor | 'chance' | null;
}

export interface LogOutcome {
  type: 'outcome';
  outcome: Outcome;
  rounds: number;
  payoffs: Payoffs;
}

export class IllegalMoveError extends Error {
  constructor(
    readonly actor: Actor | 'chance' | null,
    readonly move: string,
    readonly legal: MoveName[],
  ) {
    super(`'${move}' is not a legal move for ${actor ?? 'nobody'} now; legal: ${legal.join(', ') || 'none'}`);
  }
}

export { drawChance } from '../streams.js';

/** A scripted move the game could not take: the script ran past the end, or the move was not legal. */
export class ScriptError extends Error {
  constructor(
    /** 0-based index of the move in the script. */
    readonly index: number,
    readonly reason: 'game-over' | 'illegal',
    readonly round: number,
    readonly legal: MoveName[],
  ) {
    super(reason === 'game-over' ? `the game ended before scripted move ${index + 1}` : `scripted move ${index + 1} is not legal in round ${round}`);
  }
}

/** What a script's play reports and how far it may go (replay checks each step against its log as it is made). */
export interface StepWatch {
  /** Called with every step as it is made. */
  onStep?: (step: Step) => void;
  /** Stop once the game has this many steps (a log's length), even if AI sides could go on. */
  maxSteps?: number;
}

/**
 * One game being played: the state, the seeded streams, the steps so far.
 * AI sides and chance move by themselves (`advance`); human sides move through `play`.
 * The same scenario, seed and moves always give the same steps.
 */
export class GameSession {
  readonly state: GameState;
  readonly steps: Step[] = [];
  readonly seed: string;
  private readonly streams: GameStreams;
  private readonly deciders: Deciders;
  /** The state at the start of the current round, for "what changed since last round". */
  roundStart: GameContext;
  /** Each side's state just before its last move by play(): a screen's "+/- since your last move". */
  readonly turnStart: Partial<Record<Actor, GameContext>> = {};
  private watch: { onStep?: (step: Step) => void; maxSteps: number } = { maxSteps: Infinity };

  constructor(
    readonly scenario: ScenarioRef,
    readonly masterSeed: string,
    readonly index: number,
    readonly sides: Sides,
  ) {
    this.streams = gameStreams(masterSeed, scenario.name, index);
    this.seed = this.streams.seed;
    this.state = leverageGame.initial(scenario.params);
    this.roundStart = { ...this.state.ctx };
    this.deciders = { us: deciderOf(sides.us), china: deciderOf(sides.china), kim: deciderOf(sides.kim) };
  }

  get ctx(): GameContext {
    return this.state.ctx;
  }

  toMove(): Actor | 'chance' | null {
    return leverageGame.actorToMove(this.state);
  }

  legalMoves(): MoveName[] {
    return leverageGame.legalMoves(this.state);
  }

  isOver(): boolean {
    return leverageGame.isTerminal(this.state);
  }

  outcome(): Outcome | null {
    return leverageGame.outcome(this.state);
  }

  payoffs(): Payoffs | null {
    const o = this.outcome();
    return o ? payoffs(this.state.ctx, o) : null;
  }

  view<A extends Actor>(actor: A): ViewOf<A> {
    return viewFor(this.state.ctx, actor);
  }

  /** Whose turn is it, if it is a person's? */
  humanToMove(): Actor | null {
    const who = this.toMove();
    return who !== null && who !== 'chance' && this.sides[who] === 'human' ? who : null;
  }

  private apply(event: GameEvent): Step {
    const before = { ...this.state.ctx };
    const round = before.round;
    if (!leverageGame.apply(this.state, event)) {
      throw new IllegalMoveError(this.toMove(), event.type, this.legalMoves());
    }
    const notes = narrate(before, event, this.state.ctx);
    const seq = this.steps.length + 1;
    const step: Step =
      event.type === 'chance'
        ? { type: 'chance', seq, round, detection: event.detection, war: event.war, drift: event.drift, requestCaught: this.state.ctx.requestsDetected > before.requestsDetected, warBroke: this.state.ctx.warBroke, notes, state: digest(this.state) }
        : { type: 'move', seq, round, actor: MOVES[event.type].actor, move: event.type, notes, state: digest(this.state) };
    this.steps.push(step);
    // The moment a round begins (chance has just resolved the last one) is its baseline.
    if (event.type === 'chance') this.roundStart = { ...this.state.ctx };
    this.watch.onStep?.(step);
    return step;
  }

  /** A person's (or a script's) move for whoever is to move now. */
  play(move: MoveName): Step {
    const who = this.toMove();
    if (who === null || who === 'chance' || !leverageGame.isLegal(this.state, move)) {
      throw new IllegalMoveError(who, move, this.legalMoves());
    }
    this.turnStart[who] = { ...this.state.ctx };
    return this.apply({ type: move });
  }

  /** Steps by chance and AI sides (at most `max`), through the one game loop; stops when a person must move or the game ends. */
  private run(max: number): Step[] {
    const out: Step[] = [];
    const limit = Math.min(max, this.watch.maxSteps - this.steps.length);
    runGame(leverageGame, this.state, this.streams, this.deciders, { apply: (e) => out.push(this.apply(e.type === 'chance' ? { ...e } : { type: e.type })) }, limit);
    return out;
  }

  /** One step by chance or an AI side; null when a person must move or the game is over. */
  advance(): Step | null {
    return this.run(1)[0] ?? null;
  }

  /** Run AI sides and chance until a person must move or the game ends. */
  advanceUntilHuman(): Step[] {
    return this.run(Infinity);
  }

  /**
   * Play a script of the human sides' moves, AI sides and chance in between, and on until
   * a person must move again or the game ends. Throws ScriptError naming the first move it cannot take.
   */
  playMoves(moves: readonly MoveName[], watch: StepWatch = {}): this {
    const prior = this.watch;
    this.watch = { onStep: watch.onStep, maxSteps: watch.maxSteps ?? Infinity };
    try {
      for (const [i, move] of moves.entries()) {
        this.advanceUntilHuman();
        if (this.isOver() || this.steps.length >= this.watch.maxSteps) throw new ScriptError(i, 'game-over', this.ctx.round, []);
        if (!leverageGame.isLegal(this.state, move)) throw new ScriptError(i, 'illegal', this.ctx.round, this.legalMoves());
        this.play(move);
      }
      this.advanceUntilHuman();
    } finally {
      this.watch = prior;
    }
    return this;
  }

  header(): LogHeader {
    const sides = Object.fromEntries(ACTORS.map((a) => [a, this.sides[a] === 'human' ? 'human' : (this.sides[a] as Strategy).id])) as Record<Actor, string>;
    return {
      type: 'header',
      format: LOG_FORMAT,
      formatVersion: LOG_FORMAT_VERSION,
      scenario: { name: this.scenario.name, source: this.scenario.source, sha256: this.scenario.sha256 },
      params: this.scenario.params,
      seed: this.masterSeed,
      index: this.index,
      sides,
    };
  }

  outcomeLine(): LogOutcome | null {
    const o = this.outcome();
    const p = this.payoffs();
    return o && p ? { type: 'outcome', outcome: o, rounds: this.state.ctx.roundsPlayed, payoffs: p } : null;
  }

  /** The game log as JSONL: header, one line per step, then the outcome, or a pause line if unfinished. */
  toJsonl(): string {
    const end: LogOutcome | LogPause = this.outcomeLine() ?? { type: 'pause', round: this.ctx.round, toMove: this.toMove() };
    return [this.header(), ...this.steps, end].map((l) => JSON.stringify(l)).join('\n') + '\n';
  }

  /** Moves made by human sides so far, in order: with the seed, all a replay needs. */
  humanMoves(): MoveName[] {
    return this.steps.flatMap((s) => (s.type === 'move' && this.sides[s.actor] === 'human' ? [s.move] : []));
  }
}

/** The sides, each chosen by `pick` for its actor (typed per actor, no cast). */
export function sidesOf(pick: <A extends Actor>(actor: A) => Side<A>): Sides {
  return { china: pick('china'), kim: pick('kim'), us: pick('us') };
}

function deciderOf<A extends Actor>(side: Side<A>): Strategy<A> | null {
  return side === 'human' ? null : side;
}

/** Play a whole game with AI sides (and scripted moves for any human side, as far as they go). */
export function playGame(scenario: ScenarioRef, masterSeed: string, index: number, sides: Sides, script: MoveName[] = []): GameSession {
  const session = new GameSession(scenario, masterSeed, index, sides);
  try {
    return session.playMoves(script);
  } catch (e) {
    // A script that runs past the end of the game just stops there.
    if (e instanceof ScriptError && e.reason === 'game-over') return session;
    throw e;
  }
}
