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
import { kimView } from '../../model/views.js';
import { copyState } from '../../model/state-code.generated.js';
import { AleaStream, GameSeeder } from '../../rng/alea.js';
import { gameSeed } from '../../rng/rng.js';
import { CHINA_MOVES, ENDING_OUTCOMES, KIM_MOVES, playRound, US_MOVES } from './compiled-round.generated.js';
import { ChinaLiveView, KimLiveView, UsLiveView } from './live-views.js';
import { weighingIndexChoice } from '../../strategies/kim.js';
import { runGame } from '../game-loop.js';
import { leverageGame } from '../reference/stepper.js';
import { summarize, summarizeInto } from './game-summary.js';

// The batch path: games played by the compiled round (compiled-round.generated.ts), on one
// context updated in place, with the US's and China's views reading it through accessors
// (live-views.ts; China's copy of ~30 fields cost more than the few its strategies read live),
// and Kim's too when his strategy declares its weighing (Strategy.weighing): the model's
// weighing, split in small functions, reads his live view (measured 4-10% more games a second
// than the copy) and takes the legal mask, returning a move index. Any other Kim strategy gets
// a view copied once a decision (views.ts) and a list of names. Legal moves go to the other
// strategies as a shared list per mask, and streams
// seeded without allocation (rng/alea.ts). Same seeds, same streams, same rules as the
// stepper's path (fast-game.ts playInterpreted); a test proves the games bit-identical.

const STREAMS: readonly Stream[] = ['chance', 'china', 'kim', 'us'];

/** Every state field (and the params) copied from a first state onto a context, as straight-line code. */
function resetState(from: GameContext, to: GameContext): void {
  copyState(from, to);
  to.params = from.params;
}

/**
 * A legal mask's moves as the list strategies receive, made once per mask and shared. Not
 * frozen, though no strategy may change it (the type says readonly; a test checks every list
 * after every strategy has played): `includes` on a frozen array measured ~25% slower a call,
 * and strategies call it several times a decision (+1.6% games per CPU-second unfrozen).
 */
function listsFor(moves: readonly MoveName[]): (mask: number) => readonly MoveName[] {
  const cache: (readonly MoveName[] | undefined)[] = [];
  for (let i = 0; i < 1 << moves.length; i++) cache.push(undefined);
  return (mask) => {
    let list = cache[mask];
    if (list === undefined) {
      const out: MoveName[] = [];
      for (let i = 0; i < moves.length; i++) if ((mask >>> i) & 1) out.push(moves[i] as MoveName);
      cache[mask] = list = out;
    }
    return list;
  };
}
const chinaList = listsFor(CHINA_MOVES);
const kimList = listsFor(KIM_MOVES);
const usList = listsFor(US_MOVES);

/** The shared list a side's strategy receives for legal mask `mask` (for the test that no strategy changes one). */
export function sharedLegalList(actor: Actor, mask: number): readonly MoveName[] {
  return actor === 'china' ? chinaList(mask) : actor === 'kim' ? kimList(mask) : usList(mask);
}

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
  /** Streams every game draws from (chance's, a stochastic strategy's), seeded as a game starts. */
  private readonly eager: AleaStream[];
  /** The others (a deterministic strategy's), seeded on a first draw that may never come. */
  private readonly lazy: AleaStream[];
  private readonly lazyNames: Stream[];
  private readonly seeder: GameSeeder;
  private readonly usView = new UsLiveView();
  private readonly chinaView = new ChinaLiveView();
  private readonly kimLive = new KimLiveView();
  private master: string | undefined = undefined;
  private scenario: string | undefined = undefined;

  constructor(private readonly profile: Profile) {
    const chance = new AleaStream();
    const s = { seed: '', chance, china: new AleaStream(), kim: new AleaStream(), us: new AleaStream() };
    this.streams = s;
    const eagerNames: Stream[] = ['chance', ...(['china', 'kim', 'us'] as const).filter((a) => profile[a].stochastic)];
    this.eager = eagerNames.map((k) => s[k]);
    this.lazyNames = STREAMS.filter((k) => !eagerNames.includes(k));
    this.lazy = this.lazyNames.map((k) => s[k]);
    this.seeder = new GameSeeder(eagerNames);
    const usView = this.usView;
    const chinaLive = this.chinaView;
    const kimLive = this.kimLive;
    // Kim's copied view (a Kim who does not declare his weighing): one object, filled at each decision (views.ts), never kept by a strategy.
    const kimScratch = {};
    const { us, china, kim } = profile;
    const event: ChanceEvent = { type: 'chance', detection: 0, war: 0, drift: 0 };
    // A Kim who declares his weighing is asked for a move index from the legal mask (KIM_MOVES
    // is the model's KIM_MOVE_ORDER: test/engine/kim-decider.test.ts), with no list of names.
    const weighs = kim.weighing === undefined ? undefined : weighingIndexChoice(kim.weighing);
    this.deciders = {
      china: (ctx, legal) => {
        const m = china.choose(chinaLive, chinaList(legal), s.china);
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
   * With `out` (a summary this made before), the summary is written over it. With `runEnd`,
   * this game starts or continues a run: games index + 1 .. runEnd - 1 are played next, in
   * order, so their streams may be seeded now, with this game's (GameSeeder, rng/alea.ts).
   */
  play(params: Params, scenarioName: string, masterSeed: string, index: number, out?: GameSummary, runEnd = index + 1): GameSummary {
    this.seedGame(masterSeed, scenarioName, index, runEnd);
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

  private seedGame(masterSeed: string, scenarioName: string, index: number, runEnd: number): void {
    const s = this.streams;
    if (Number.isSafeInteger(index) && index >= 0) {
      const seeder = this.seeder;
      // The seed is `${masterSeed}|${scenarioName}|${index}` (rng.ts gameSeed): its prefix is hashed once.
      if (masterSeed !== this.master || scenarioName !== this.scenario) {
        this.master = masterSeed;
        this.scenario = scenarioName;
        seeder.setPrefix(gameSeed(masterSeed, scenarioName, 0).slice(0, -1));
      }
      const eager = this.eager;
      for (let k = 0; k < eager.length; k++) seeder.seed(index, runEnd, k, eager[k] as AleaStream);
      const lazy = this.lazy;
      for (let k = 0; k < lazy.length; k++) (lazy[k] as AleaStream).reseedGame(seeder.prefix, seeder.prefixState, index, this.lazyNames[k] as Stream);
    } else {
      const seed = gameSeed(masterSeed, scenarioName, index);
      for (const k of STREAMS) s[k].reseedText(`${seed}|${k}`);
    }
  }

  private finishFrom(ctx: GameContext, out: GameSummary | undefined): GameSummary {
    const d = this.deciders;
    // The live views are bound once a game: they read the context as the rounds update it.
    this.usView.bind(ctx);
    this.chinaView.bind(ctx);
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
