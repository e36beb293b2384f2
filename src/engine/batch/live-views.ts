import type { MoveName } from '../../model/moves.js';
import type { ChinaView, KimView, UsView } from '../../model/views.js';
import { MOVE_NAMES, moveVisibleTo } from '../../model/moves.js';
import { ChinaLiveFields, KimLiveFields, UsLiveFields } from '../../model/state-code.generated.js';

// Views for the batch path that copy nothing: each reads its side's fields straight off the
// game's context through accessors, when (and if) a strategy asks. views.ts builds the
// same views by copying ~30 fields per decision; these give the very same values (a test
// compares every field), bound once per game, so a decision allocates nothing.
//
// The getters for the state fields each side sees are generated from the state table
// (model/state-code.generated.ts, `npm run gen`), on the base every view shares
// (model/live-view-base.ts); here is only what a side's view has beyond them.
//
// What a side may see stays a type-level guarantee: a strategy receives these as its side's
// view type (UsView, ChinaView, KimView), which has only its side's fields, and the context
// behind it is a protected member that no view type names (test: live-views.test.ts).

/** C4: China's moves the US does not observe as they are made (a request it must catch). */
const HIDDEN_FROM_US: ReadonlySet<string> = new Set(MOVE_NAMES.filter((m) => !moveVisibleTo(m, 'us')));

export class UsLiveView extends UsLiveFields implements UsView {
  get actor(): 'us' {
    return 'us';
  }
  /** C4: a request to Kim shows only if US intelligence caught it (as views.ts's usView). */
  get lastChinaMoveSeen(): string {
    const last = this.ctx.lastChinaMove;
    return HIDDEN_FROM_US.has(last) && !this.ctx.lastRequestDetected ? ('chinaWaits' satisfies MoveName) : last;
  }
}

export class ChinaLiveView extends ChinaLiveFields implements ChinaView {
  get actor(): 'china' {
    return 'china';
  }
}

export class KimLiveView extends KimLiveFields implements KimView {
  get actor(): 'kim' {
    return 'kim';
  }
}
