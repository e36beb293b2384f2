import type { GameContext } from '../src/model/context.js';
import type { Params } from '../src/model/params.js';
import { initialContext } from '../src/model/context.js';
import { defaultParams } from '../src/scenario/fields.js';

/** Default parameters with some groups overridden: tests state only what they vary. */
export function paramsWith(over: { [G in keyof Params]?: Partial<Params[G]> } = {}): Params {
  const p = defaultParams();
  for (const [k, v] of Object.entries(over)) {
    const key = k as keyof Params;
    p[key] = (typeof v === 'object' && v !== null ? { ...(p[key] as object), ...v } : v) as never;
  }
  return p;
}

export function ctxWith(over: Partial<GameContext> = {}, params: Params = defaultParams()): GameContext {
  return { ...initialContext(params), ...over };
}
