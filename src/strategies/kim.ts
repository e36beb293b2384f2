import type { MoveName } from '../model/moves.js';
import type { KimView } from '../model/views.js';
import type { KimWeights } from '../model/kim-utility.js';
import type { Rng } from '../rng/rng.js';
import type { Strategy } from './types.js';
import { bestKimMove, kimWeightsFrom } from '../model/kim-utility.js';
import { randomStrategy } from './random.js';
import { anyLegal } from './types.js';

/** C7: the move with the highest utility for this Kim; ties go to the earlier move. */
function bestFor(v: KimView, legal: readonly MoveName[], w: KimWeights): MoveName {
  return bestKimMove(v, legal, w);
}

type Temperament = Parameters<typeof kimWeightsFrom>[1];

/**
 * A Kim's weights for the scenario in play, worked out when the scenario (its rules object,
 * never changed in place: edits clone it) changes rather than at every decision.
 */
function weightsFor(scale: Temperament): (v: KimView) => KimWeights {
  let rules: KimView['rules'] | undefined;
  let weights: KimWeights | undefined;
  return (v) => {
    if (weights === undefined || v.rules !== rules) {
      rules = v.rules;
      weights = kimWeightsFrom(v, scale);
    }
    return weights;
  };
}
const regimeFirstWeights = weightsFor({ standing: 1, economy: 1, war: 1, deference: 0 });
const loyalClientWeights = weightsFor({ standing: 0.5, economy: 1, war: 1, deference: 0.3 });
const independentWeights = weightsFor({ standing: 1.25, economy: 0.67, war: 0.67, deference: -0.05 });

export const regimeFirst: Strategy<'kim'> = {
  id: 'regimeFirst',
  actor: 'kim',
  name: 'Regime first',
  description: "Weighs every move by standing, economy and war risk; nobody's tool.",
  models: 'Kim as the 2020 and 2022 columns read him (C6, C7)',
  memory: 'whole game',
  stochastic: false,
  claims: ['C6', 'C7', 'C12'],
  // The scenario's own weights for Kim (payoffs.kim), as they are.
  choose: (v, legal) => bestFor(v, legal, regimeFirstWeights(v)),
};

export const loyalClient: Strategy<'kim'> = {
  id: 'loyalClient',
  actor: 'kim',
  name: 'Loyal client',
  description: "Does what Beijing wants unless it is ruinous.",
  models: "A Kim who is Xi's instrument (the fear C7 says he must avoid seeming)",
  memory: 'whole game',
  stochastic: false,
  claims: ['C1', 'C7'],
  // Half the scenario's weight on standing, and a taste for doing as Beijing wants.
  choose: (v, legal) => bestFor(v, legal, loyalClientWeights(v)),
};

export const independent: Strategy<'kim'> = {
  id: 'independent',
  actor: 'kim',
  name: 'Independent',
  description: "Prizes standing, bristles at Beijing, and sometimes surprises everyone.",
  models: 'A Kim who resents Chinese patronage (C7)',
  memory: 'whole game',
  stochastic: true,
  claims: ['C6', 'C7'],
  choose(v, legal, rng: Rng) {
    if (rng.next() < 0.1) return anyLegal(legal, rng);
    return bestFor(v, legal, independentWeights(v));
  },
};

export const kimRandom = randomStrategy('kim');

export const KIM_STRATEGIES = [regimeFirst, loyalClient, independent, kimRandom];
