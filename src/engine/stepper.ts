import type { AnyStateMachine } from 'xstate';
import type { Actor, GameContext } from '../model/context.js';
import type { GameEvent } from '../model/events.js';
import type { MoveName } from '../model/moves.js';
import type { Outcome } from '../model/outcomes.js';
import type { Params } from '../model/params.js';
import { initialContext } from '../model/context.js';
import { leverageMachine, PHASE_ACTOR } from '../model/machine.js';
import { actionRules, guardRules } from '../model/rule-table.js';
import { isOutcome } from '../model/outcomes.js';

// A fast stepper compiled once from the machine's own definition: the same states, the
// same transitions in the same order, the same named guards and actions, but run on a
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

type RawRef = string | { type: string; params?: unknown };

function refName(ref: RawRef): [string, unknown] {
  return typeof ref === 'string' ? [ref, undefined] : [ref.type, ref.params];
}

function bindGuard(ref: RawRef | undefined): BoundGuard | null {
  if (ref === undefined) return null;
  const [name, params] = refName(ref);
  const rule = (guardRules as Record<string, (c: GameContext, e: GameEvent, p: unknown) => boolean>)[name];
  if (!rule) throw new Error(`machine names guard '${name}', which has no rule`);
  return (ctx, event) => rule(ctx, event, params);
}

function bindAction(ref: RawRef): BoundAction {
  const [name, params] = refName(ref);
  const rule = (actionRules as Record<string, (c: GameContext, e: GameEvent, p: unknown) => void>)[name];
  if (!rule) throw new Error(`machine names action '${name}', which has no rule`);
  return (ctx, event) => rule(ctx, event, params);
}

function asArray<T>(x: T | readonly T[] | undefined): T[] {
  if (x === undefined) return [];
  return Array.isArray(x) ? [...x] : [x as T];
}

interface RawTransition {
  target?: string | string[];
  guard?: RawRef;
  actions?: RawRef | RawRef[];
}

function compileTransition(raw: RawTransition | string, from: string): CompiledTransition {
  const t: RawTransition = typeof raw === 'string' ? { target: raw } : raw;
  const target = asArray(t.target)[0];
  if (target === undefined) throw new Error(`a transition from '${from}' has no target`);
  return {
    guard: bindGuard(t.guard),
    target: target.replace(/^\./, ''),
    actions: asArray(t.actions).map(bindAction),
  };
}

export function compileMachine(machine: AnyStateMachine): Game {
  const config = machine.config as {
    initial: string;
    states: Record<string, { type?: string; on?: Record<string, unknown>; always?: unknown }>;
  };
  const states = new Map<string, CompiledState>();
  for (const [name, s] of Object.entries(config.states)) {
    const on = new Map<string, CompiledTransition[]>();
    for (const [event, raw] of Object.entries(s.on ?? {})) {
      on.set(event, asArray(raw as RawTransition | RawTransition[]).map((r) => compileTransition(r, name)));
    }
    states.set(name, {
      name,
      final: s.type === 'final',
      actor: (PHASE_ACTOR as Record<string, Actor | 'chance'>)[name] ?? null,
      on,
      moves: [...on.entries()].map(([name, transitions]) => ({ name: name as MoveName, transitions })),
      always: asArray(s.always as RawTransition | RawTransition[]).map((r) => compileTransition(r, name)),
    });
  }
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
      const state: GameState = { phase: config.initial, ctx: initialContext(params) };
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

/** The leverage game, compiled once. */
export const leverageGame: Game = compileMachine(leverageMachine);
