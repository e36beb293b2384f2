import type { Actor, GameContext, KimAnswer, Price, RequestChannel } from './context.js';
import type { Params } from './params.js';
import { chinaBeliefUsPays, kimBeliefUsPays } from './beliefs.js';
import { warRisk } from './crisis.js';
import { isMoveName, moveVisibleTo } from './moves.js';

// Each actor sees only its own view (as boardgame.io's playerView); strategies get nothing else.

/** The rules every side knows: the scenario without its hidden starting truths. */
export type PublicRules = Omit<Params, 'start'>;

const publicRulesCache = new WeakMap<Params, PublicRules>();
export function publicRules(params: Params): PublicRules {
  let r = publicRulesCache.get(params);
  if (!r) {
    const { start: _hidden, ...rest } = params;
    r = rest;
    publicRulesCache.set(params, r);
  }
  return r;
}

interface CommonView {
  round: number;
  rounds: number;
  tension: number;
  escalationLevel: number;
  exposure: number;
  europeAlignment: number;
  sanctions: number;
  deterrence: number;
  usChinaTension: number;
  diplomacy: number;
  /** C7, C11: Beijing's stand on sanctions (1 backs, -1 blocks, 0 neither): public. */
  chinaSanctionStance: number;
  warRisk: number;
  concededTaiwan: number;
  concededChips: number;
  aidToKim: number;
  usCredibility: number;
  lastKimMove: string;
  lastUsMove: string;
  rules: PublicRules;
}

export interface UsView extends CommonView {
  actor: 'us';
  /** C1: only the estimate; the truth is hidden. */
  usEstimateOfInfluence: number;
  evidence: number;
  kimStanding: number;
  nkEconomy: number;
  /** What China put on the table this round (offers are made to Washington). */
  offerPrice: Price;
  warmSignal: boolean;
  kimMove: string;
  testedRung: number;
  kimOfferedPause: boolean;
  /** China's last move as Washington saw it: a request shows only if it was detected (C4). */
  lastChinaMoveSeen: string;
  requestsDetected: number;
  timesExposed: number;
}

export interface ChinaView extends CommonView {
  actor: 'china';
  chinaInfluence: number;
  /** C8: what Beijing has learned about Washington. */
  chinaBeliefUsPays: number;
  evidence: number;
  kimStanding: number;
  nkEconomy: number;
  lifeline: number;
  lastChinaMove: string;
  lastKimAnswer: KimAnswer;
  lastRequestDetected: boolean;
}

export interface KimView extends CommonView {
  actor: 'kim';
  /** C7: Kim knows how hard China can squeeze him. */
  chinaInfluence: number;
  kimStanding: number;
  nkEconomy: number;
  lifeline: number;
  kimBeliefUsPays: number;
  /** This round's message from Beijing, which Kim always receives. */
  requestChannel: RequestChannel;
  restraintOrdered: boolean;
  warmSignal: boolean;
  offerPrice: Price;
  lastChinaMove: string;
}

export type ActorView = UsView | ChinaView | KimView;
/** Each actor's view type, by actor: a new actor without a view fails to compile. */
export interface ViewByActor {
  us: UsView;
  china: ChinaView;
  kim: KimView;
}
export type ViewOf<A extends Actor> = ViewByActor[A];

// Views are built by assigning onto one object: on Node 20, an object literal that spreads
// ~20 fields and adds more measured ~100x slower (27 us against 0.27 us), and views are
// built at every decision of every batch game.
function common(ctx: GameContext, into: object): CommonView {
  const v = into as CommonView;
  v.round = ctx.round;
  v.rounds = ctx.params.rounds;
  v.tension = ctx.tension;
  v.escalationLevel = ctx.escalationLevel;
  v.exposure = ctx.exposure;
  v.europeAlignment = ctx.europeAlignment;
  v.sanctions = ctx.sanctions;
  v.deterrence = ctx.deterrence;
  v.usChinaTension = ctx.usChinaTension;
  v.diplomacy = ctx.diplomacy;
  v.chinaSanctionStance = ctx.chinaSanctionStance;
  v.warRisk = warRisk(ctx.tension, ctx.deterrence, ctx.params);
  v.concededTaiwan = ctx.concededTaiwan;
  v.concededChips = ctx.concededChips;
  v.aidToKim = ctx.aidToKim;
  v.usCredibility = ctx.usCredibility;
  v.lastKimMove = ctx.lastKimMove;
  v.lastUsMove = ctx.lastUsMove;
  v.rules = publicRules(ctx.params);
  return v;
}

/** `into` lets a batch reuse one object per side; strategies never keep a view. */
export function usView(ctx: GameContext, into: object = {}): UsView {
  // C4: a request to Kim shows only if US intelligence caught it.
  const last = ctx.lastChinaMove;
  const seen = isMoveName(last) && !moveVisibleTo(last, 'us') && !ctx.lastRequestDetected ? 'chinaWaits' : last;
  const v = common(ctx, into) as UsView;
  v.actor = 'us';
  v.usEstimateOfInfluence = ctx.usEstimateOfInfluence;
  v.evidence = ctx.evidence;
  v.kimStanding = ctx.kimStanding;
  v.nkEconomy = ctx.nkEconomy;
  v.offerPrice = ctx.offerPrice;
  v.warmSignal = ctx.warmSignal;
  v.kimMove = ctx.kimMoveThisRound;
  v.testedRung = ctx.testedRung;
  v.kimOfferedPause = ctx.kimOfferedPause;
  v.lastChinaMoveSeen = seen;
  v.requestsDetected = ctx.requestsDetected;
  v.timesExposed = ctx.timesExposed;
  return v;
}

/** `into` lets a batch reuse one object per side; strategies never keep a view. */
export function chinaView(ctx: GameContext, into: object = {}): ChinaView {
  const v = common(ctx, into) as ChinaView;
  v.actor = 'china';
  v.chinaInfluence = ctx.chinaInfluence;
  v.chinaBeliefUsPays = chinaBeliefUsPays(ctx);
  v.evidence = ctx.evidence;
  v.kimStanding = ctx.kimStanding;
  v.nkEconomy = ctx.nkEconomy;
  v.lifeline = ctx.lifeline;
  v.lastChinaMove = ctx.lastChinaMove;
  v.lastKimAnswer = ctx.lastKimAnswer;
  v.lastRequestDetected = ctx.lastRequestDetected;
  return v;
}

/** `into` lets a batch reuse one object per side; strategies never keep a view. */
export function kimView(ctx: GameContext, into: object = {}): KimView {
  const v = common(ctx, into) as KimView;
  v.actor = 'kim';
  v.chinaInfluence = ctx.chinaInfluence;
  v.kimStanding = ctx.kimStanding;
  v.nkEconomy = ctx.nkEconomy;
  v.lifeline = ctx.lifeline;
  v.kimBeliefUsPays = kimBeliefUsPays(ctx);
  v.requestChannel = ctx.requestChannel;
  v.restraintOrdered = ctx.restraintOrdered;
  v.warmSignal = ctx.warmSignal;
  v.offerPrice = ctx.offerPrice;
  v.lastChinaMove = ctx.lastChinaMove;
  return v;
}

/** Each side's view function, by actor (the playerView of boardgame.io). */
export const VIEW_OF: { readonly [A in Actor]: (ctx: GameContext, into?: object) => ViewOf<A> } = {
  us: usView,
  china: chinaView,
  kim: kimView,
};

export function viewFor<A extends Actor>(ctx: GameContext, actor: A, into?: object): ViewOf<A> {
  return (VIEW_OF[actor] as (ctx: GameContext, into?: object) => ViewOf<A>)(ctx, into);
}
