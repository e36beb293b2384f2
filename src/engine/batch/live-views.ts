import type { GameContext } from '../../model/context.js';
import type { MoveName } from '../../model/moves.js';
import type { PublicRules } from '../../model/views.js';
import { warRisk } from '../../model/crisis.js';
import { MOVE_NAMES, moveVisibleTo } from '../../model/moves.js';
import { publicRules } from '../../model/views.js';

// Views for the batch path that copy nothing: each reads its side's fields straight off the
// game's context through accessors, when (and if) a strategy asks. views.ts builds the
// same views by copying ~30 fields per decision; these give the very same values (a test
// compares every field), bound once per game, so a decision allocates nothing.
//
// The getters for the state fields a side sees are generated from the state table
// (live-views.generated.ts, by `npm run gen`); here is only what every view has beyond
// them, as the base each generated class extends.
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

  get rounds(): number {
    return this.ctx.params.rounds;
  }
  get warRisk(): number {
    return warRisk(this.ctx.tension, this.ctx.deterrence, this.ctx.params);
  }
  get rules(): PublicRules {
    return this.shared;
  }
}

export abstract class UsLiveBase extends LiveView {
  get actor(): 'us' {
    return 'us';
  }
  /** C4: a request to Kim shows only if US intelligence caught it (as views.ts's usView). */
  get lastChinaMoveSeen(): string {
    const last = this.ctx.lastChinaMove;
    return HIDDEN_FROM_US.has(last) && !this.ctx.lastRequestDetected ? ('chinaWaits' satisfies MoveName) : last;
  }
}

export abstract class ChinaLiveBase extends LiveView {
  get actor(): 'china' {
    return 'china';
  }
}

export abstract class KimLiveBase extends LiveView {
  get actor(): 'kim' {
    return 'kim';
  }
}
