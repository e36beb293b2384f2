import type { GameContext, KimAnswer, Price, RequestChannel } from '../../model/context.js';
import type { DealKind } from '../../model/deals.js';
import type { MoveName } from '../../model/moves.js';
import type { ChinaView, KimView, PublicRules, UsView } from '../../model/views.js';
import { chinaBeliefUsPays, kimBeliefUsPays } from '../../model/beliefs.js';
import { warRisk } from '../../model/crisis.js';
import { MOVE_NAMES, moveVisibleTo } from '../../model/moves.js';
import { publicRules } from '../../model/views.js';

// Views for the batch path that copy nothing: each reads its side's fields straight off the
// game's context through accessors, when (and if) a strategy asks. views.ts builds the
// same views by copying ~30 fields per decision; these give the very same values (a test
// compares every field), bound once per game, so a decision allocates nothing.
//
// What a side may see stays a type-level guarantee: a strategy receives these as its side's
// view type (UsView, ChinaView, KimView), which has only its side's fields, and the context
// behind it is a protected member that no view type names (test: live-views.test.ts).

/** C4: China's moves the US does not observe as they are made (a request it must catch). */
const HIDDEN_FROM_US: ReadonlySet<string> = new Set(MOVE_NAMES.filter((m) => !moveVisibleTo(m, 'us')));

abstract class LiveView {
  protected ctx!: GameContext;
  private shared!: PublicRules;

  /** Point the view at a game (once per game; the context is then updated in place). */
  bind(ctx: GameContext): this {
    this.ctx = ctx;
    this.shared = publicRules(ctx.params);
    return this;
  }

  get round(): number {
    return this.ctx.round;
  }
  get rounds(): number {
    return this.ctx.params.rounds;
  }
  get tension(): number {
    return this.ctx.tension;
  }
  get escalationLevel(): number {
    return this.ctx.escalationLevel;
  }
  get exposure(): number {
    return this.ctx.exposure;
  }
  get europeAlignment(): number {
    return this.ctx.europeAlignment;
  }
  get sanctions(): number {
    return this.ctx.sanctions;
  }
  get deterrence(): number {
    return this.ctx.deterrence;
  }
  get usChinaTension(): number {
    return this.ctx.usChinaTension;
  }
  get diplomacy(): number {
    return this.ctx.diplomacy;
  }
  get chinaSanctionStance(): number {
    return this.ctx.chinaSanctionStance;
  }
  get warRisk(): number {
    return warRisk(this.ctx.tension, this.ctx.deterrence, this.ctx.params);
  }
  get concededTaiwan(): number {
    return this.ctx.concededTaiwan;
  }
  get concededChips(): number {
    return this.ctx.concededChips;
  }
  get aidToKim(): number {
    return this.ctx.aidToKim;
  }
  get usCredibility(): number {
    return this.ctx.usCredibility;
  }
  get lastKimMove(): string {
    return this.ctx.lastKimMove;
  }
  get lastUsMove(): string {
    return this.ctx.lastUsMove;
  }
  get rules(): PublicRules {
    return this.shared;
  }
}

export class UsLiveView extends LiveView implements UsView {
  get actor(): 'us' {
    return 'us';
  }
  get usEstimateOfInfluence(): number {
    return this.ctx.usEstimateOfInfluence;
  }
  get evidence(): number {
    return this.ctx.evidence;
  }
  get kimStanding(): number {
    return this.ctx.kimStandingPublic;
  }
  get nkEconomy(): number {
    return this.ctx.nkEconomy;
  }
  get offerPrice(): Price {
    return this.ctx.offerPrice;
  }
  get warmSignal(): boolean {
    return this.ctx.warmSignal;
  }
  get kimMove(): string {
    return this.ctx.kimMoveThisRound;
  }
  get testedRung(): number {
    return this.ctx.testedRung;
  }
  get kimOfferedPause(): boolean {
    return this.ctx.kimOfferedPause;
  }
  /** C4: a request to Kim shows only if US intelligence caught it (as views.ts's usView). */
  get lastChinaMoveSeen(): string {
    const last = this.ctx.lastChinaMove;
    return HIDDEN_FROM_US.has(last) && !this.ctx.lastRequestDetected ? ('chinaWaits' satisfies MoveName) : last;
  }
  get requestsDetected(): number {
    return this.ctx.requestsDetected;
  }
  get timesExposed(): number {
    return this.ctx.timesExposed;
  }
}

export class ChinaLiveView extends LiveView implements ChinaView {
  get actor(): 'china' {
    return 'china';
  }
  get chinaInfluence(): number {
    return this.ctx.chinaInfluence;
  }
  get chinaBeliefUsPays(): number {
    return chinaBeliefUsPays(this.ctx);
  }
  get evidence(): number {
    return this.ctx.evidence;
  }
  get kimStanding(): number {
    return this.ctx.kimStanding;
  }
  get nkEconomy(): number {
    return this.ctx.nkEconomy;
  }
  get lifeline(): number {
    return this.ctx.lifeline;
  }
  get lastChinaMove(): string {
    return this.ctx.lastChinaMove;
  }
  get lastKimAnswer(): KimAnswer {
    return this.ctx.lastKimAnswer;
  }
  get lastRequestDetected(): boolean {
    return this.ctx.lastRequestDetected;
  }
  get lastTestUnwanted(): boolean {
    return this.ctx.lastTestUnwanted;
  }
}


export class KimLiveView extends LiveView implements KimView {
  get actor(): 'kim' {
    return 'kim';
  }
  get chinaInfluence(): number {
    return this.ctx.chinaInfluence;
  }
  get kimStanding(): number {
    return this.ctx.kimStanding;
  }
  get nkEconomy(): number {
    return this.ctx.nkEconomy;
  }
  get lifeline(): number {
    return this.ctx.lifeline;
  }
  get kimBeliefUsPays(): number {
    return kimBeliefUsPays(this.ctx);
  }
  get requestChannel(): RequestChannel {
    return this.ctx.requestChannel;
  }
  get restraintOrdered(): boolean {
    return this.ctx.restraintOrdered;
  }
  get warmSignal(): boolean {
    return this.ctx.warmSignal;
  }
  get offerPrice(): Price {
    return this.ctx.offerPrice;
  }
  get lastChinaMove(): string {
    return this.ctx.lastChinaMove;
  }
  get kimProvoked(): boolean {
    return this.ctx.kimProvoked;
  }
  get programmeProgress(): number {
    return this.ctx.programmeProgress;
  }  get deal(): DealKind {
    return this.ctx.deal;
  }
}
