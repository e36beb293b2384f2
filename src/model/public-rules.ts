import type { Params } from './params.js';

/** The rules every side knows: the scenario without its hidden starting truths. */
export type PublicRules = Omit<Params, 'start'>;

const publicRulesCache = new WeakMap<Params, PublicRules>();
/** The scenario's rules as every side sees them, made once per scenario's params. */
export function publicRules(params: Params): PublicRules {
  let r = publicRulesCache.get(params);
  if (!r) {
    const { start: _hidden, ...rest } = params;
    r = rest;
    publicRulesCache.set(params, r);
  }
  return r;
}
