import { assign, setup } from 'xstate';
import type { Actor, GameContext } from './context.js';
import type { ChanceEvent, GameEvent } from './events.js';
import type { MoveName } from './game-table.js';
import type { Params } from './params.js';
import { copyContext, initialContext } from './context.js';
import type { GuardDecl, MoveDecl } from './game-table.js';
import { ACTOR_TABLE, CHANCE_PHASE, CHANCE_RULES, ENDINGS, GAME_TABLE, NEXT_ROUND, ROUND_END_PHASE, TURN_ORDER } from './game-table.js';

// The game as a diagram, generated from the game table (game-table.ts) so the two cannot
// drift. One round:
//   chinaMoves -> kimResponds -> usResponds -> chanceResolves -> roundEnds
//   roundEnds -> war | regimeCrisis | settlement | leverageExposed
//              | concessionsExtracted | stalemate | chinaMoves (next round)
// Each move is its own event; a move is legal when its event has a transition here whose
// guard passes. Guards and actions keep their rule names (and parameters) so the diagram
// reads as the rules; their implementations are the table's functions.

export interface GameInput {
  params: Params;
}

type Ref = string | { type: string; params: Record<string, number | string> };
interface TransitionConfig {
  target: string;
  guard?: Ref;
  actions: Ref[];
}

const ref = (d: { name: string; params?: Readonly<Record<string, number | string>> }): Ref =>
  d.params ? { type: d.name, params: { ...d.params } } : d.name;

/** Which actor moves in each phase; 'chance' is the engine drawing numbers. */
export const PHASE_ACTOR = {
  [ACTOR_TABLE.china.phase]: 'china',
  [ACTOR_TABLE.kim.phase]: 'kim',
  [ACTOR_TABLE.us.phase]: 'us',
  [CHANCE_PHASE]: 'chance',
} as { readonly chinaMoves: 'china'; readonly kimResponds: 'kim'; readonly usResponds: 'us'; readonly chanceResolves: 'chance' };
export type Phase = keyof typeof PHASE_ACTOR;

// Implementations, keyed by the names the transitions use. A move's guard and effect are
// looked up by the event that fired (each transition belongs to one move's event), so two
// moves may share a rule name with different parameters (testMissile for rungs 1..4).
type GuardImpl = (args: { context: GameContext; event: GameEvent }) => boolean;
type ActionImpl = ReturnType<typeof update>;

function update(rule: (ctx: GameContext, e: GameEvent) => void) {
  return assign<GameContext, GameEvent, unknown, GameEvent, never>(({ context, event }) => {
    const next = copyContext(context);
    rule(next, event);
    return next;
  });
}

/** A table of moves (the game's, or a test's with one more): a machine built from it. */
export type MoveTable = Readonly<Record<string, MoveDecl>>;

/** Build the machine from a move table. */
export function machineFromTable(table: MoveTable) {
  const guards: Record<string, GuardImpl> = {};
  const actions: Record<string, ActionImpl> = {};
  const addOnce = <T>(rec: Record<string, T>, name: string, impl: () => T) => {
    if (!(name in rec)) rec[name] = impl();
  };

  for (const move of Object.keys(table)) {
    const e = table[move] as MoveDecl;
    if (e.guard) addOnce(guards, e.guard.name, () => ({ context, event }) => ((table[event.type] as MoveDecl).guard as GuardDecl).test(context));
    if (e.effect) addOnce(actions, e.effect.name, () => update((ctx, event) => (table[event.type] as MoveDecl).effect?.apply(ctx)));
  }
  for (const a of TURN_ORDER) {
    for (const after of ACTOR_TABLE[a].afterMove) addOnce(actions, after.name, () => update((ctx, event) => after.apply(ctx, event.type as MoveName)));
  }
  for (const r of CHANCE_RULES) addOnce(actions, r.name, () => update((ctx, event) => r.apply(ctx, event as ChanceEvent)));
  for (const end of ENDINGS) addOnce(guards, end.guard, () => ({ context }) => end.test(context));
  addOnce(actions, NEXT_ROUND.name, () => update((ctx) => NEXT_ROUND.apply(ctx)));

  function movePhase(actor: Actor, next: string) {
    const on: Record<string, TransitionConfig> = {};
    for (const move of Object.keys(table)) {
      const e = table[move] as MoveDecl;
      if (e.actor !== actor) continue;
      const t: TransitionConfig = { target: next, actions: [...(e.effect ? [ref(e.effect)] : []), ...ACTOR_TABLE[actor].afterMove.map((x) => x.name)] };
      if (e.guard) t.guard = ref(e.guard);
      on[move] = t;
    }
    return { on };
  }

  interface StateConfig {
    on?: Record<string, TransitionConfig>;
    always?: { target: string; guard?: Ref; actions?: Ref }[];
    type?: 'final';
  }

  function gameStates(): Record<string, StateConfig> {
    const states: Record<string, StateConfig> = {};
    TURN_ORDER.forEach((actor, i) => {
      const next = i + 1 < TURN_ORDER.length ? ACTOR_TABLE[TURN_ORDER[i + 1] as Actor].phase : CHANCE_PHASE;
      states[ACTOR_TABLE[actor].phase] = movePhase(actor, next);
    });
    states[CHANCE_PHASE] = { on: { chance: { target: ROUND_END_PHASE, actions: CHANCE_RULES.map((r) => r.name) } } };
    states[ROUND_END_PHASE] = {
      always: [
        ...ENDINGS.map((end) => ({ guard: end.guard, target: end.outcome })),
        { target: ACTOR_TABLE[TURN_ORDER[0] as Actor].phase, actions: NEXT_ROUND.name },
      ],
    };
    for (const end of ENDINGS) states[end.outcome] = { type: 'final' };
    return states;
  }

  return setup({
    types: {
      context: {} as GameContext,
      events: {} as GameEvent,
      input: {} as GameInput,
    },
    guards,
    actions,
  }).createMachine({
    id: 'leverage',
    // Tolerate a missing input: xstate may build a context without one.
    context: ({ input }) => initialContext((input as GameInput | undefined)?.params as Params),
    initial: ACTOR_TABLE[TURN_ORDER[0] as Actor].phase,
    states: gameStates(),
  });
}

/** The leverage game's machine, generated from the game table. */
export const leverageMachine = machineFromTable(GAME_TABLE);

export type LeverageMachine = typeof leverageMachine;
