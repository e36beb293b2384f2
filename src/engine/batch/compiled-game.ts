import type { Actor, GameContext } from '../../model/context.js';
import type { ChanceEvent } from '../../model/events.js';
import type { MoveName } from '../../model/moves.js';
import type { Params } from '../../model/params.js';
import type { Stream } from '../../rng/rng.js';
import type { GameSummary } from './game-summary.js';
import type { Profile } from './fast-game.js';
import type { RoundDeciders } from './compiled-round.generated.js';
import type { GameStreams } from '../streams.js';
import type { GameState } from '../reference/stepper.js';
import { initialContext } from '../../model/context.js';
import { chinaView, kimView } from '../../model/views.js';
import { copyState } from '../../model/state-code.generated.js';
import { AleaStream, prefixHashState, seedTogether } from '../../rng/alea.js';
import { gameSeed } from '../../rng/rng.js';
import { CHINA_MOVES, ENDING_OUTCOMES, KIM_MOVES, playRound, US_MOVES } from './compiled-round.generated.js';
import { KimLiveView, UsLiveView } from './live-views.js';
import { weighingIndexChoice } from '../../strategies/kim.js';
import { runGame } from '../game-loop.js';
import { leverageGame } from '../reference/stepper.js';
import { summarize, summarizeInto } from './game-summary.js';

// The batch path: games played by the compiled round (compiled-round.generated.ts), on one
// context updated in place, with the US's view reading it through accessors (live-views.ts)
// and China's and Kim's copied once a decision (views.ts: their strategies read most fields,
// some several times, and each accessor inlined into them used up V8's inlining budget, so
// the rules they call stayed calls and boxed every number they returned), except for a Kim
// who declares his weighing (Strategy.weighing): the model's weighing, split in small
// functions, reads his live view (measured 4-10% more games a second than the copy) and
// takes the legal mask, returning a move index. Other legal moves go to strategies as a
// shared list per mask, and streams
// seeded without allocation (rng/alea.ts). Same seeds, same streams, same rules as the
// stepper's path (fast-game.ts playInterpreted); a test proves the games bit-identical.

const STREAMS: readonly Stream[] = ['chance', 'china', 'kim', 'us'];

/** Every state field (and the params) copied from a first state onto a context, as straight-line code. */
function resetState(from: GameContext, to: GameContext): void {
  copyState(from, to);
  to.params = from.params;
}

/** A legal mask's moves as the list strategies receive, made once per mask and shared. */
function listsFor(moves: readonly MoveName[]): (mask: number) => readonly MoveName[] {
  const cache: (readonly MoveName[] | undefined)[] = [];
  for (let i = 0; i < 1 << moves.length; i++) cache.push(undefined);
  return (mask) => {
    let list = cache[mask];
    if (list === undefined) {
      const out: MoveName[] = [];
      for (let i = 0; i < moves.length; i++) if ((mask >>> i) & 1) out.push(moves[i] as MoveName);
      cache[mask] = list = Object.freeze(out);
    }
    return list;
  };
}
const chinaList = listsFor(CHINA_MOVES);
const kimList = listsFor(KIM_MOVES);
const usList = listsFor(US_MOVES);

/**
 * The index of `move` among an actor's moves (a few pointer compares: move names are interned
 * constants). The error is built out of line so that this stays small enough to inline into
 * every decision (it was a call of its own, ~1.5% of a batch).
 */
function indexOf(moves: readonly MoveName[], actor: Actor, id: string, move: MoveName): number {
  for (let i = 0; i < moves.length; i++) if (moves[i] === move) return i;
  return notAMove(actor, id, move);
}

function notAMove(actor: Actor, id: string, move: MoveName): never {
  throw new Error(`${actor} strategy '${id}' chose '${String(move)}', which is not a ${actor} move`);
}

/**
 * Plays games of one profile, one after another, reusing everything it holds: streams,
 * views, the chance event. Not re-entrant: one player per loop (a batch unit makes one).
 */
export class CompiledPlayer {
  /** Sees every move made, as it is made (calibration compares paired games' courses). */
  onMove: ((move: MoveName) => void) | undefined = undefined;
  /** Set while fast-game.ts's shared player is in a game (a nested game must not reuse it). */
  busy = false;
  private readonly streams: GameStreams & Record<Stream, AleaStream>;
  private readonly deciders: RoundDeciders;
  private readonly eager: AleaStream[];
  private readonly usView = new UsLiveView();
  private readonly kimLive = new KimLiveView();
  private master: string | undefined = undefined;
  private scenario: string | undefined = undefined;
  private prefix = '';
  private prefixState = 0;

  constructor(private readonly profile: Profile) {
    const chance = new AleaStream();
    const s = { seed: '', chance, china: new AleaStream(), kim: new AleaStream(), us: new AleaStream() };
    this.streams = s;
    this.eager = [chance, ...(['china', 'kim', 'us'] as const).filter((a) => profile[a].stochastic).map((a) => s[a])];
    const usView = this.usView;
    const kimLive = this.kimLive;
    // One object per side, filled at each decision (views.ts), never kept by a strategy.
    const chinaScratch = {};
    const kimScratch = {};
    const { us, china, kim } = profile;
    const event: ChanceEvent = { type: 'chance', detection: 0, war: 0, drift: 0 };
    // A Kim who declares his weighing is asked for a move index from the legal mask (KIM_MOVES
    // is the model's KIM_MOVE_ORDER: test/engine/kim-decider.test.ts), with no list of names.
    const weighs = kim.weighing === undefined ? undefined : weighingIndexChoice(kim.weighing);
    this.deciders = {
      china: (ctx, legal) => {
        const m = china.choose(chinaView(ctx, chinaScratch), chinaList(legal), s.china);
        if (this.onMove !== undefined) this.onMove(m);
        return indexOf(CHINA_MOVES, 'china', china.id, m);
      },
      kim:
        weighs === undefined
          ? (ctx, legal) => {
              const m = kim.choose(kimView(ctx, kimScratch), kimList(legal), s.kim);
              if (this.onMove !== undefined) this.onMove(m);
              return indexOf(KIM_MOVES, 'kim', kim.id, m);
            }
          : (ctx, legal) => {
              const m = weighs(kimLive, legal, s.kim);
              if (this.onMove !== undefined) this.onMove(KIM_MOVES[m] as MoveName);
              return m;
            },
      us: (_ctx, legal) => {
        const m = us.choose(usView, usList(legal), s.us);
        if (this.onMove !== undefined) this.onMove(m);
        return indexOf(US_MOVES, 'us', us.id, m);
      },
      chance: () => {
        chance.drawThree(event);
        return event;
      },
    };
  }

  /**
   * Game `index` of `scenarioName` under `masterSeed` (the game `leverage run --index` tells).
   * With `out` (a summary this made before), the summary is written over it.
   */
  play(params: Params, scenarioName: string, masterSeed: string, index: number, out?: GameSummary): GameSummary {
    this.seedGame(masterSeed, scenarioName, index);
    // One context for all of this player's games: each starts as a copy of the scenario's
    // first state, field by field (written over in place, nothing allocated).
    let ctx = this.ctx;
    if (params !== this.startParams || ctx === undefined || this.start === undefined) {
      this.startParams = params;
      this.start = initialContext(params);
      this.ctx = ctx = initialContext(params);
    } else resetState(this.start, ctx);
    return this.finishFrom(ctx, out);
  }
  private startParams: Params | undefined = undefined;
  private start: GameContext | undefined = undefined;
  private ctx: GameContext | undefined = undefined;

  /** The final state of the last game `play` made (written over by the next one). */
  get lastContext(): GameContext | undefined {
    return this.ctx;
  }

  /** Play on from `state` (updated in place, in any phase) with streams of the game seed `seed`. */
  finish(state: GameState, seed: string, out?: GameSummary): GameSummary {
    const s = this.streams;
    for (const k of STREAMS) s[k].reseedText(`${seed}|${k}`);
    // Into the next round's start through the stepper (the compiled round runs whole rounds).
    const first = leverageGame.stateNames[0] as string;
    const hooks = this.onMove ? { apply: (e: Parameters<typeof leverageGame.apply>[1]) => (e.type !== 'chance' && this.onMove?.(e.type), void leverageGame.apply(state, e)) } : {};
    while (state.phase !== first && !leverageGame.isTerminal(state)) runGame(leverageGame, state, s, this.profile, hooks, 1);
    const done = leverageGame.outcome(state);
    if (done) return out ? summarizeInto(state.ctx, done, out) : summarize(state.ctx, done);
    const summary = this.finishFrom(state.ctx, out);
    // The state ends in its outcome, as the stepper would leave it.
    state.phase = summary.outcome;
    state.node = undefined;
    return summary;
  }

  private seedGame(masterSeed: string, scenarioName: string, index: number): void {
    const s = this.streams;
    if (Number.isSafeInteger(index) && index >= 0) {
      // The seed is `${masterSeed}|${scenarioName}|${index}` (rng.ts gameSeed): its prefix is hashed once.
      if (masterSeed !== this.master || scenarioName !== this.scenario) {
        this.master = masterSeed;
        this.scenario = scenarioName;
        this.prefix = gameSeed(masterSeed, scenarioName, 0).slice(0, -1);
        this.prefixState = prefixHashState(this.prefix);
      }
      s.chance.reseedGame(this.prefix, this.prefixState, index, 'chance');
      s.china.reseedGame(this.prefix, this.prefixState, index, 'china');
      s.kim.reseedGame(this.prefix, this.prefixState, index, 'kim');
      s.us.reseedGame(this.prefix, this.prefixState, index, 'us');
      // Streams that will be drawn from (chance's, and a stochastic strategy's) are seeded two
      // at a time, side by side; the rest wait for a first draw that may never come.
      const eager = this.eager;
      for (let k = 0; k + 1 < eager.length; k += 2) seedTogether(eager[k] as AleaStream, eager[k + 1] as AleaStream);
    } else {
      const seed = gameSeed(masterSeed, scenarioName, index);
      for (const k of STREAMS) s[k].reseedText(`${seed}|${k}`);
    }
  }

  private finishFrom(ctx: GameContext, out: GameSummary | undefined): GameSummary {
    const d = this.deciders;
    // The US's view is bound once a game: it reads the context as the rounds update it.
    this.usView.bind(ctx);
    this.kimLive.bind(ctx);
    for (;;) {
      const end = playRound(ctx, d);
      if (end >= 0) {
        const outcome = ENDING_OUTCOMES[end] as (typeof ENDING_OUTCOMES)[number];
        return out ? summarizeInto(ctx, outcome, out) : summarize(ctx, outcome);
      }
    }
  }
}
