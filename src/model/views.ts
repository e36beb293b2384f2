import type { Actor, Fields, GameContext, Shown, StateField } from './context.js';
import type { Params } from './params.js';
import { warRisk } from './crisis.js';
import { isMoveName, moveVisibleTo } from './moves.js';
import { copySeenByChina, copySeenByKim, copySeenByUs } from './state-code.generated.js';

// Each actor sees only its own view (as boardgame.io's playerView); strategies get nothing else.
// Which state fields a side sees is declared once, with the field (`seenBy` in STATE_FIELDS,
// model/context.ts); the view types and the view builders are both derived from it.

/** The rules every side knows: the scenario without its hidden starting truths. */
export type PublicRules = Omit<Params, 'start'>;

const publicRulesCache = new WeakMap<Params, PublicRules>();
// The last params asked about, checked before the WeakMap: a batch asks at every decision of
// every game, almost always about the same params, and a WeakMap lookup was ~1% of a batch
// (holding the last params alive until the next call is the price).
let lastParams: Params | undefined;
let lastRules: PublicRules | undefined;
export function publicRules(params: Params): PublicRules {
  if (params === lastParams) return lastRules as PublicRules;
  let r = publicRulesCache.get(params);
  if (!r) {
    const { start: _hidden, ...rest } = params;
    r = rest;
    publicRulesCache.set(params, r);
  }
  lastParams = params;
  lastRules = r;
  return r;
}

type SeenBy<K extends StateField, A extends Actor> = Fields[K] extends { seenBy: readonly (infer X)[] } ? (A extends X ? true : false) : false;
type ViewName<K extends StateField> = Fields[K] extends { viewAs: infer N extends string } ? N : K;
/** The state fields side A sees (those whose `seenBy` names it), under the names its view gives them. */
export type SeenFields<A extends Actor> = { [K in StateField as SeenBy<K, A> extends true ? ViewName<K> : never]: Shown<K> };

/** What every view carries beyond the state fields it sees. */
interface ViewExtras {
  rounds: number;
  /** C12: this round's chance of war, worked out from public tension and deterrence. */
  warRisk: number;
  rules: PublicRules;
}

export interface UsView extends SeenFields<'us'>, ViewExtras {
  actor: 'us';
  /** China's last move as Washington saw it: a request shows only if it was detected (C4). */
  lastChinaMoveSeen: string;
}

export interface ChinaView extends SeenFields<'china'>, ViewExtras {
  actor: 'china';
}

export interface KimView extends SeenFields<'kim'>, ViewExtras {
  actor: 'kim';
}

export type ActorView = UsView | ChinaView | KimView;
/** Each actor's view type, by actor: a new actor without a view fails to compile. */
export interface ViewByActor {
  us: UsView;
  china: ChinaView;
  kim: KimView;
}
export type ViewOf<A extends Actor> = ViewByActor[A];

// Each side's view is filled by its own straight-line copy of the fields it sees, generated
// from the table (state-code.generated.ts), then what every view carries beyond them. Views
// are built by assigning onto one object: on Node 20, an object literal that spreads ~20
// fields and adds more measured ~100x slower (27 us against 0.27 us), and views are built at
// every decision of every game the stepper plays.

/** Side `actor`'s view, filled onto `v`: the fields it sees, then what every view carries beyond them. */
function filled<V extends ActorView>(ctx: GameContext, v: V, copySeen: (c: GameContext, o: V) => void, actor: V['actor']): V {
  copySeen(ctx, v);
  v.rounds = ctx.params.rounds;
  v.warRisk = warRisk(ctx.tension, ctx.deterrence, ctx.params);
  v.rules = publicRules(ctx.params);
  v.actor = actor;
  return v;
}

/** `into` lets a batch reuse one object per side; strategies never keep a view. */
export function usView(ctx: GameContext, into: object = {}): UsView {
  const v = filled(ctx, into as UsView, copySeenByUs, 'us');
  // C4: a request to Kim shows only if US intelligence caught it.
  const last = ctx.lastChinaMove;
  v.lastChinaMoveSeen = isMoveName(last) && !moveVisibleTo(last, 'us') && !ctx.lastRequestDetected ? 'chinaWaits' : last;
  return v;
}

/** `into` lets a batch reuse one object per side; strategies never keep a view. */
export function chinaView(ctx: GameContext, into: object = {}): ChinaView {
  return filled(ctx, into as ChinaView, copySeenByChina, 'china');
}

/** `into` lets a batch reuse one object per side; strategies never keep a view. */
export function kimView(ctx: GameContext, into: object = {}): KimView {
  return filled(ctx, into as KimView, copySeenByKim, 'kim');
}

/** Each side's view function, by actor (the playerView of boardgame.io): a new actor without one fails to compile. */
export const VIEW_OF: { readonly [A in Actor]: (ctx: GameContext, into?: object) => ViewOf<A> } = {
  us: usView,
  china: chinaView,
  kim: kimView,
};

export function viewFor<A extends Actor>(ctx: GameContext, actor: A, into?: object): ViewOf<A> {
  return (VIEW_OF[actor] as (ctx: GameContext, into?: object) => ViewOf<A>)(ctx, into);
}
