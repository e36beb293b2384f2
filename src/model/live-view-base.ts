import type { GameContext } from './context.js';
import type { PublicRules } from './public-rules.js';
import { warRisk } from './crisis.js';
import { publicRules } from './public-rules.js';

/**
 * What every live view (the batch path's views, engine/batch/live-views.ts) has beyond the
 * state fields its side sees: the game it reads, bound once per game, and what views.ts adds
 * to every copied view. The getters for the state fields are generated
 * (state-code.generated.ts) on top of this.
 */
export abstract class LiveView {
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
