import type { GameContext, Price, RequestChannel } from './context.js';
import type { ChanceEvent, GameEvent } from './events.js';
import * as china from './china-moves.js';
import * as kim from './kim-moves.js';
import * as us from './us-moves.js';
import * as chance from './chance.js';
import * as end from './round-end.js';

// Every named guard and action the machine uses, as a plain function over a context it
// may update in place. The xstate machine wraps these (copying the context first); the
// batch stepper calls them directly. One set of rules, two ways of driving them.

export type GuardRule = (ctx: GameContext, event: GameEvent, params: never) => boolean;
export type ActionRule = (ctx: GameContext, event: GameEvent, params: never) => void;

const asChance = (e: GameEvent) => e as ChanceEvent;

export const guardRules = {
  thereIsPressureToSell: (ctx: GameContext) => china.thereIsPressureToSell(ctx),
  lifelineLeftToSqueeze: (ctx: GameContext) => china.lifelineLeftToSqueeze(ctx),
  chinaCanBackSanctions: (ctx: GameContext) => china.chinaCanBackSanctions(ctx),
  chinaCanBlockSanctions: (ctx: GameContext) => china.chinaCanBlockSanctions(ctx),
  rungWithinReach: (ctx: GameContext, _e: GameEvent, p: { rung: number }) => kim.rungWithinReach(ctx, p.rung),
  kimHasTestsToSuspend: (ctx: GameContext) => kim.kimHasTestsToSuspend(ctx),
  warBrokeOut: (ctx: GameContext) => end.warBrokeOut(ctx),
  regimeCollapsed: (ctx: GameContext) => end.regimeCollapsed(ctx),
  settlementReached: (ctx: GameContext) => end.settlementReached(ctx),
  leverageExposed: (ctx: GameContext) => end.leverageExposed(ctx),
  roundLimitWithConcessions: (ctx: GameContext) => end.roundLimitWithConcessions(ctx),
  roundLimitReached: (ctx: GameContext) => end.roundLimitReached(ctx),
};

export const actionRules = {
  // China
  askKimToEscalate: (ctx: GameContext, _e: GameEvent, p: { channel: RequestChannel }) =>
    china.askKimToEscalate(ctx, p.channel),
  restrainKim: (ctx: GameContext) => china.restrainKim(ctx),
  offerRestraint: (ctx: GameContext, _e: GameEvent, p: { price: Price }) => china.offerRestraint(ctx, p.price),
  squeezeLifeline: (ctx: GameContext) => china.squeezeLifeline(ctx),
  sendWarmSignal: (ctx: GameContext) => china.sendWarmSignal(ctx),
  backSanctions: (ctx: GameContext) => china.backSanctions(ctx),
  blockSanctions: (ctx: GameContext) => china.blockSanctions(ctx),
  recordChinaMove: (ctx: GameContext, e: GameEvent) => {
    ctx.chinaMoveThisRound = e.type;
  },
  // Kim
  testMissile: (ctx: GameContext, _e: GameEvent, p: { rung: number }) => kim.testMissile(ctx, p.rung),
  offerPause: (ctx: GameContext) => kim.offerPause(ctx),
  settleKimAccountWithXi: (ctx: GameContext) => kim.settleKimAccountWithXi(ctx),
  recordKimMove: (ctx: GameContext, e: GameEvent) => {
    ctx.kimMoveThisRound = e.type;
  },
  // United States
  concede: (ctx: GameContext, _e: GameEvent, p: { kind: 'taiwan' | 'chips' }) => us.concede(ctx, p.kind),
  payKim: (ctx: GameContext) => us.payKim(ctx),
  askBeijingForHelp: (ctx: GameContext) => us.askBeijingForHelp(ctx),
  exposeBeijing: (ctx: GameContext) => us.exposeBeijing(ctx),
  sanction: (ctx: GameContext) => us.sanction(ctx),
  posture: (ctx: GameContext) => us.posture(ctx),
  openDiplomaticTrack: (ctx: GameContext) => us.openDiplomaticTrack(ctx),
  recordUsMove: (ctx: GameContext, e: GameEvent) => {
    ctx.usMoveThisRound = e.type;
  },
  // Chance and the round's end
  discoverChinasRequest: (ctx: GameContext, e: GameEvent) => chance.discoverChinasRequest(ctx, asChance(e)),
  chinaLearnsWhetherUsPays: (ctx: GameContext) => chance.chinaLearnsWhetherUsPays(ctx),
  kimLearnsWhetherUsPays: (ctx: GameContext) => chance.kimLearnsWhetherUsPays(ctx),
  sanctionsBite: (ctx: GameContext) => chance.sanctionsBite(ctx),
  rollForWar: (ctx: GameContext, e: GameEvent) => chance.rollForWar(ctx, asChance(e)),
  tensionSettles: (ctx: GameContext) => chance.tensionSettles(ctx),
  driftUsChinaTension: (ctx: GameContext, e: GameEvent) => chance.driftUsChinaTension(ctx, asChance(e)),
  beginNextRound: (ctx: GameContext) => end.beginNextRound(ctx),
};

export type GuardName = keyof typeof guardRules;
export type ActionName = keyof typeof actionRules;
