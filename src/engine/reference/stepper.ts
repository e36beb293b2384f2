import type { Actor, GameContext } from '../../model/context.js';
import type { ChanceEvent, GameEvent } from '../../model/events.js';
import type { MoveName } from '../../model/moves.js';
import type { Outcome } from '../../model/outcomes.js';
import type { Params } from '../../model/params.js';
import { initialContext } from '../../model/context.js';
import type { MoveDecl } from '../../model/game-table.js';
import type { MoveTable } from '../../model/machine.js';
import { ACTOR_TABLE, CHANCE_PHASE, CHANCE_RULES, ENDINGS, GAME_TABLE, NEXT_ROUND, ROUND_END_PHASE, TURN_ORDER } from '../../model/game-table.js';
import { isOutcome } from '../../model/outcomes.js';

// A fast stepper compiled once from the game table, as the xstate machine is: the same
// states, the same transitions in the same order, the same rule functions, but run on a
// context updated in place. xstate's actor copies context on every assign and builds a
// snapshot per event; for batches of millions of games that cost dominates, so batches
// run here, and a test proves both give identical games.

type BoundGuard = (ctx: GameContext, event: GameEvent) => boolean;
type BoundAction = (ctx: GameContext, event: GameEvent) => void;

interface CompiledTransition {
  guard: BoundGuard | null;
  target: string;
  actions: BoundAction[];
}

interface CompiledState {
  name: string;
  final: boolean;
  actor: Actor | 'chance' | null;
  /** Event name -> transitions, in the machine's declaration order. */
  on: Map<string, CompiledTransition[]>;
  /** Moves with their transitions, in declaration order: the order legal moves are listed in. */
  moves: { name: MoveName; transitions: CompiledTransition[] }[];
  always: CompiledTransition[];
}

/** A game in progress: the machine's state name and its context. */
export interface GameState {
  phase: string;
  ctx: GameContext;
  /** The compiled node for `phase`, cached by the stepper so the hot loop skips a lookup. */
  node?: unknown;
}

/** The small State API every algorithm uses (after OpenSpiel): nothing reaches inside. */
export interface Game {
  initial(params: Params): GameState;
  actorToMove(state: GameState): Actor | 'chance' | null;
  legalMoves(state: GameState): MoveName[];
  /** The same, written into `out` (emptied first): the batch loop reuses one array. */
  legalMovesInto(state: GameState, out: MoveName[]): MoveName[];
  isLegal(state: GameState, move: string): boolean;
  /** Apply a move or chance event in place; false (and no change) if it is not legal now. */
  apply(state: GameState, event: GameEvent): boolean;
  isTerminal(state: GameState): boolean;
  outcome(state: GameState): Outcome | null;
  clone(state: GameState): GameState;
  /** All state names, in declaration order. */
  stateNames: string[];
}

type Step = (ctx: GameContext, event: GameEvent) => void;

function runAll(steps: Step[]): Step {
  return (ctx, event) => {
    for (const f of steps) f(ctx, event);
  };
}

/** The game table compiled into states: each move's guard and effect bound once, directly. */
export function compileTable(table: MoveTable = GAME_TABLE): Game {
  const states = new Map<string, CompiledState>();
  const add = (s: Omit<CompiledState, 'on'>) => {
    const on = new Map<string, CompiledTransition[]>(s.moves.map((m) => [m.name as string, m.transitions]));
    states.set(s.name, { ...s, on });
  };
  TURN_ORDER.forEach((actor, i) => {
    const target = i + 1 < TURN_ORDER.length ? ACTOR_TABLE[TURN_ORDER[i + 1] as Actor].phase : CHANCE_PHASE;
    const after = ACTOR_TABLE[actor].afterMove;
    const moves = (Object.keys(table) as MoveName[]).filter((m) => table[m]?.actor === actor).map((name) => {
      const e = table[name] as MoveDecl;
      const actions: BoundAction[] = [];
      if (e.effect) {
        const apply = e.effect.apply;
        actions.push((ctx) => apply(ctx));
      }
      for (const a of after) actions.push((ctx) => a.apply(ctx, name));
      const test = e.guard?.test;
      return { name, transitions: [{ guard: test ? (ctx: GameContext) => test(ctx) : null, target, actions }] };
    });
    add({ name: ACTOR_TABLE[actor].phase, final: false, actor, moves, always: [] });
  });
  const chance: CompiledTransition = {
    guard: null,
    target: ROUND_END_PHASE,
    actions: [runAll(CHANCE_RULES.map((r) => (ctx: GameContext, e: GameEvent) => r.apply(ctx, e as ChanceEvent)))],
  };
  states.set(CHANCE_PHASE, { name: CHANCE_PHASE, final: false, actor: 'chance', on: new Map([['chance', [chance]]]), moves: [], always: [] });
  const always: CompiledTransition[] = [
    ...ENDINGS.map((end) => ({ guard: (ctx: GameContext) => end.test(ctx), target: end.outcome as string, actions: [] })),
    { guard: null, target: ACTOR_TABLE[TURN_ORDER[0] as Actor].phase, actions: [(ctx: GameContext) => NEXT_ROUND.apply(ctx)] },
  ];
  add({ name: ROUND_END_PHASE, final: false, actor: null, moves: [], always });
  for (const end of ENDINGS) add({ name: end.outcome, final: true, actor: null, moves: [], always: [] });
  const initialPhase = ACTOR_TABLE[TURN_ORDER[0] as Actor].phase;

  const lookup = (phase: string): CompiledState => {
    const s = states.get(phase);
    if (!s) throw new Error(`unknown state '${phase}'`);
    return s;
  };
  const stateOf = (state: GameState): CompiledState => {
    const cached = state.node as CompiledState | undefined;
    if (cached !== undefined && cached.name === state.phase) return cached;
    const s = lookup(state.phase);
    state.node = s;
    return s;
  };

  /** First transition whose guard passes, as xstate picks it. */
  const pick = (ts: CompiledTransition[] | undefined, ctx: GameContext, event: GameEvent) => {
    if (!ts) return null;
    for (const t of ts) if (t.guard === null || t.guard(ctx, event)) return t;
    return null;
  };

  const take = (state: GameState, t: CompiledTransition, event: GameEvent) => {
    for (const a of t.actions) a(state.ctx, event);
    state.phase = t.target;
    state.node = lookup(t.target);
  };

  const settle = (state: GameState, event: GameEvent) => {
    // Eventless ('always') transitions run until a state without one passes.
    for (let guard = 0; guard < 100; guard++) {
      const s = stateOf(state);
      if (s.always.length === 0) return;
      const t = pick(s.always, state.ctx, event);
      if (!t) return;
      take(state, t, event);
    }
    throw new Error('eventless transitions did not settle');
  };

  const probe = { type: 'chinaWaits' } as GameEvent;

  const game: Game = {
    stateNames: [...states.keys()],
    initial(params) {
      const state: GameState = { phase: initialPhase, ctx: initialContext(params) };
      settle(state, probe);
      return state;
    },
    actorToMove(state) {
      return stateOf(state).actor;
    },
    legalMoves(state) {
      return game.legalMovesInto(state, []);
    },
    legalMovesInto(state, out) {
      out.length = 0;
      const s = stateOf(state);
      if (s.actor === 'chance' || s.actor === null) return out;
      for (const m of s.moves) {
        probe.type = m.name;
        if (pick(m.transitions, state.ctx, probe)) out.push(m.name);
      }
      return out;
    },
    isLegal(state, move) {
      const s = stateOf(state);
      probe.type = move as MoveName;
      return s.actor !== 'chance' && pick(s.on.get(move), state.ctx, probe) !== null;
    },
    apply(state, event) {
      const t = pick(stateOf(state).on.get(event.type), state.ctx, event);
      if (!t) return false;
      take(state, t, event);
      settle(state, event);
      return true;
    },
    isTerminal(state) {
      return stateOf(state).final;
    },
    outcome(state) {
      return stateOf(state).final && isOutcome(state.phase) ? state.phase : null;
    },
    clone(state) {
      return { phase: state.phase, ctx: { ...state.ctx }, node: state.node };
    },
  };
  return game;
}

/** The leverage game, compiled once from the game table. */
export const leverageGame: Game = compileTable();
