import type { Actor } from '../model/context.js';
import { ACTOR_TABLE } from '../model/game-table.js';
import type { Strategy } from './types.js';
import { nameFix } from '../closest-name.js';
import { InputError } from '../input-error.js';
import { CHINA_STRATEGIES } from './china.js';
import { KIM_STRATEGIES } from './kim.js';
import { US_STRATEGIES } from './us.js';

export const STRATEGIES: { [A in Actor]: Strategy<A>[] } = {
  us: US_STRATEGIES,
  china: CHINA_STRATEGIES,
  kim: KIM_STRATEGIES,
};

/** What each side plays when neither the command line nor the scenario says. */
export const DEFAULT_STRATEGY: Record<Actor, string> = { us: 'columns', china: 'opportunist', kim: 'regimeFirst' };

/** A side's default: the scenario's choice, else the built-in one. */
export function defaultStrategyId(actor: Actor, scenarioStrategies?: Partial<Record<Actor, string>>): string {
  return scenarioStrategies?.[actor] ?? DEFAULT_STRATEGY[actor];
}

export function strategyIds(actor: Actor): string[] {
  return STRATEGIES[actor].map((s) => s.id);
}

export function findStrategy<A extends Actor>(actor: A, id: string): Strategy<A> | undefined {
  return (STRATEGIES[actor] as Strategy<A>[]).find((s) => s.id.toLowerCase() === id.toLowerCase());
}

/** A strategy by id, or an InputError naming the flag and the choices. */
export function getStrategy<A extends Actor>(actor: A, id: string, place = `--${actor}`): Strategy<A> {
  const s = findStrategy(actor, id);
  if (!s) {
    throw new InputError(`${place}: unknown ${ACTOR_TABLE[actor].label} strategy '${id}'. ${nameFix(id, strategyIds(actor))} (See 'leverage strategies'.)`);
  }
  return s;
}
