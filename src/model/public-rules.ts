import type { Params } from './params.js';

/** The rules every side knows: the scenario without its hidden starting truths. */
export type PublicRules = Omit<Params, 'start'>;

const publicRulesCache = new WeakMap<Params, PublicRules>();
// The last params asked about, checked before the WeakMap: a batch asks at every decision of
// every game, almost always about the same params, and a WeakMap lookup was ~1% of a batch
// (holding the last params alive until the next call is the price).
let lastParams: Params | undefined;
let lastRules: PublicRules | undefined;
/** The scenario's rules as every side sees them, made once per scenario's params. */
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
