import { assign, setup } from 'xstate';
import type { Actor, GameContext } from './context.js';
import type { GameEvent } from './events.js';
import type { Params } from './params.js';
import { copyContext, initialContext } from './context.js';
import { actionRules, guardRules } from './rule-table.js';

// The game as a diagram. One round:
//   chinaMoves -> kimResponds -> usResponds -> chanceResolves -> roundEnds
//   roundEnds -> war | regimeCrisis | settlement | leverageExposed
//              | concessionsExtracted | stalemate | chinaMoves (next round)
// Each move is its own event; a move is legal when its event has a transition here whose
// guard passes. The arithmetic lives in the named rules (rule-table.ts and the files it cites).

export interface GameInput {
  params: Params;
}

type Rules = typeof actionRules;
type Guards = typeof guardRules;
type ParamsOf<F> = F extends (ctx: GameContext, e: GameEvent, p: infer P) => unknown ? P : undefined;

/** xstate updates context immutably, so the in-place rule runs on a copy. */
function update<P>(rule: (ctx: GameContext, e: GameEvent, p: P) => void) {
  return assign<GameContext, GameEvent, P, GameEvent, never>(({ context, event }, params) => {
    const next = copyContext(context);
    rule(next, event, params);
    return next;
  });
}

function check<P>(rule: (ctx: GameContext, e: GameEvent, p: P) => boolean) {
  return ({ context, event }: { context: GameContext; event: GameEvent }, params: P) => rule(context, event, params);
}

function mapRecord<T extends Record<string, unknown>, R>(rec: T, f: (v: T[keyof T]) => R): { [K in keyof T]: R } {
  const out = {} as { [K in keyof T]: R };
  for (const k of Object.keys(rec) as (keyof T)[]) out[k] = f(rec[k]);
  return out;
}

const xstateActions = mapRecord(actionRules, (r) => update(r as never)) as unknown as {
  [K in keyof Rules]: ReturnType<typeof update<ParamsOf<Rules[K]>>>;
};
const xstateGuards = mapRecord(guardRules, (g) => check(g as never)) as unknown as {
  [K in keyof Guards]: ReturnType<typeof check<ParamsOf<Guards[K]>>>;
};

/** Which actor moves in each phase; 'chance' is the engine drawing numbers. */
export const PHASE_ACTOR = {
  chinaMoves: 'china',
  kimResponds: 'kim',
  usResponds: 'us',
  chanceResolves: 'chance',
} as const satisfies Record<string, Actor | 'chance'>;
export type Phase = keyof typeof PHASE_ACTOR;

const toKim = 'kimResponds';
const toUs = 'usResponds';
const toChance = 'chanceResolves';

export const leverageMachine = setup({
  types: {
    context: {} as GameContext,
    events: {} as GameEvent,
    input: {} as GameInput,
  },
  guards: xstateGuards,
  actions: xstateActions,
}).createMachine({
  id: 'leverage',
  // Tolerate a missing input: xstate may build a context without one.
  context: ({ input }) => initialContext((input as GameInput | undefined)?.params as Params),
  initial: 'chinaMoves',
  states: {
    chinaMoves: {
      on: {
        askEscalationOvertly: {
          target: toKim,
          actions: [{ type: 'askKimToEscalate', params: { channel: 'overt' } }, 'recordChinaMove'],
        },
        askEscalationByCourier: {
          target: toKim,
          actions: [{ type: 'askKimToEscalate', params: { channel: 'covert' } }, 'recordChinaMove'],
        },
        restrainKim: { target: toKim, actions: ['restrainKim', 'recordChinaMove'] },
        offerRestraintForTaiwan: {
          guard: 'thereIsPressureToSell',
          target: toKim,
          actions: [{ type: 'offerRestraint', params: { price: 'taiwan' } }, 'recordChinaMove'],
        },
        offerRestraintForChips: {
          guard: 'thereIsPressureToSell',
          target: toKim,
          actions: [{ type: 'offerRestraint', params: { price: 'chips' } }, 'recordChinaMove'],
        },
        squeezeLifeline: { guard: 'lifelineLeftToSqueeze', target: toKim, actions: ['squeezeLifeline', 'recordChinaMove'] },
        sendWarmSignal: { target: toKim, actions: ['sendWarmSignal', 'recordChinaMove'] },
        backSanctions: { guard: 'chinaCanBackSanctions', target: toKim, actions: ['backSanctions', 'recordChinaMove'] },
        blockSanctions: { guard: 'chinaCanBlockSanctions', target: toKim, actions: ['blockSanctions', 'recordChinaMove'] },
        chinaWaits: { target: toKim, actions: ['recordChinaMove'] },
      },
    },
    kimResponds: {
      on: {
        testShortRange: {
          guard: { type: 'rungWithinReach', params: { rung: 1 } },
          target: toUs,
          actions: [{ type: 'testMissile', params: { rung: 1 } }, 'settleKimAccountWithXi', 'recordKimMove'],
        },
        missileOverJapan: {
          guard: { type: 'rungWithinReach', params: { rung: 2 } },
          target: toUs,
          actions: [{ type: 'testMissile', params: { rung: 2 } }, 'settleKimAccountWithXi', 'recordKimMove'],
        },
        testIcbm: {
          guard: { type: 'rungWithinReach', params: { rung: 3 } },
          target: toUs,
          actions: [{ type: 'testMissile', params: { rung: 3 } }, 'settleKimAccountWithXi', 'recordKimMove'],
        },
        nuclearTest: {
          guard: { type: 'rungWithinReach', params: { rung: 4 } },
          target: toUs,
          actions: [{ type: 'testMissile', params: { rung: 4 } }, 'settleKimAccountWithXi', 'recordKimMove'],
        },
        holdTests: { target: toUs, actions: ['settleKimAccountWithXi', 'recordKimMove'] },
        suspendTestsForPayment: {
          guard: 'kimHasTestsToSuspend',
          target: toUs,
          actions: ['offerPause', 'settleKimAccountWithXi', 'recordKimMove'],
        },
      },
    },
    usResponds: {
      on: {
        concedeTaiwan: { target: toChance, actions: [{ type: 'concede', params: { kind: 'taiwan' } }, 'recordUsMove'] },
        concedeChips: { target: toChance, actions: [{ type: 'concede', params: { kind: 'chips' } }, 'recordUsMove'] },
        payKim: { guard: 'kimHasTestsToSuspend', target: toChance, actions: ['payKim', 'recordUsMove'] },
        askBeijingForHelp: { target: toChance, actions: ['askBeijingForHelp', 'recordUsMove'] },
        exposeBeijing: { target: toChance, actions: ['exposeBeijing', 'recordUsMove'] },
        sanction: { target: toChance, actions: ['sanction', 'recordUsMove'] },
        posture: { target: toChance, actions: ['posture', 'recordUsMove'] },
        openDiplomaticTrack: { target: toChance, actions: ['openDiplomaticTrack', 'recordUsMove'] },
        usWaits: { target: toChance, actions: ['recordUsMove'] },
      },
    },
    chanceResolves: {
      on: {
        chance: {
          target: 'roundEnds',
          actions: [
            'discoverChinasRequest',
            'chinaLearnsWhetherUsPays',
            'kimLearnsWhetherUsPays',
            'sanctionsBite',
            'rollForWar',
            'tensionSettles',
            'driftUsChinaTension',
          ],
        },
      },
    },
    roundEnds: {
      always: [
        { guard: 'warBrokeOut', target: 'war' },
        { guard: 'regimeCollapsed', target: 'regimeCrisis' },
        { guard: 'settlementReached', target: 'settlement' },
        { guard: 'leverageExposed', target: 'leverageExposed' },
        { guard: 'roundLimitWithConcessions', target: 'concessionsExtracted' },
        { guard: 'roundLimitReached', target: 'stalemate' },
        { target: 'chinaMoves', actions: 'beginNextRound' },
      ],
    },
    war: { type: 'final' },
    regimeCrisis: { type: 'final' },
    settlement: { type: 'final' },
    leverageExposed: { type: 'final' },
    concessionsExtracted: { type: 'final' },
    stalemate: { type: 'final' },
  },
});

export type LeverageMachine = typeof leverageMachine;
