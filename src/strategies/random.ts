import type { Actor } from '../model/context.js';
import type { Strategy } from './types.js';
import { anyLegal } from './types.js';

const WHO: Record<Actor, string> = { us: 'US', china: 'China', kim: 'Kim' };

/** Any legal move, uniformly at random: a yardstick for every side. */
export function randomStrategy<A extends Actor>(actor: A): Strategy<A> {
  return {
    id: `${actor}Random`,
    actor,
    name: `Random (${WHO[actor]})`,
    description: 'Any legal move, uniformly at random: a baseline.',
    models: 'No one: a yardstick',
    memory: 'none',
    stochastic: true,
    claims: [],
    choose: (_v, legal, rng) => anyLegal(legal, rng),
  };
}
