import type { KimView } from '../model/views.js';
import type { KimWeights } from '../model/kim-utility.js';
import type { Rng } from '../rng/rng.js';
import type { KimWeighing, Strategy } from './types.js';
import { bestKimMove, bestKimMoveIndex, kimWeightsFrom } from '../model/kim-utility.js';
import { randomStrategy } from './random.js';
import { anyLegal, anyLegalIndex } from './types.js';

/**
 * A Kim's weights for the scenario in play, worked out when the scenario (its rules object,
 * never changed in place: edits clone it) changes rather than at every decision.
 */
function weightsFor(how: KimWeighing): (v: KimView) => KimWeights {
  let rules: KimView['rules'] | undefined;
  let weights: KimWeights | undefined;
  return (v) => {
    if (weights === undefined || v.rules !== rules) {
      rules = v.rules;
      weights = kimWeightsFrom(v, how.temperament);
    }
    return weights;
  };
}

/** C7: a weighing Kim's choice: now and then (`whim`) any legal move, else the move with the highest utility for him (ties to the earlier). */
function weighingChoice(how: KimWeighing): Strategy<'kim'>['choose'] {
  const weights = weightsFor(how);
  return (v, legal, rng) => {
    if (how.whim > 0 && rng.next() < how.whim) return anyLegal(legal, rng);
    return bestKimMove(v, legal, weights(v));
  };
}

/**
 * weighingChoice for the legal moves as a mask (bit i: Kim's move i in the table's order), as
 * the move's index: the same draws and the same weighing, so the same move (the batch path's
 * Kim decider; one per player, for its own cache of the weights).
 */
export function weighingIndexChoice(how: KimWeighing): (v: KimView, legal: number, rng: Rng) => number {
  const weights = weightsFor(how);
  return (v, legal, rng) => {
    if (how.whim > 0 && rng.next() < how.whim) return anyLegalIndex(legal, rng);
    return bestKimMoveIndex(v, legal, weights(v));
  };
}

// The scenario's own weights for Kim (payoffs.kim), as they are.
const regimeFirstWeighing: KimWeighing = { temperament: { standing: 1, economy: 1, war: 1, deference: 0 }, whim: 0 };
// Half the scenario's weight on standing, and a taste for doing as Beijing wants.
const loyalClientWeighing: KimWeighing = { temperament: { standing: 0.5, economy: 1, war: 1, deference: 0.3 }, whim: 0 };
// More weight on standing, less on the economy and war, a distaste for deference; one time in ten, anything.
const independentWeighing: KimWeighing = { temperament: { standing: 1.25, economy: 0.67, war: 0.67, deference: -0.05 }, whim: 0.1 };

export const regimeFirst: Strategy<'kim'> = {
  id: 'regimeFirst',
  actor: 'kim',
  name: 'Regime first',
  description: "Weighs every move by standing, economy and war risk; nobody's tool.",
  models: 'Kim as the 2020 and 2022 columns read him (C6, C7)',
  memory: 'whole game',
  stochastic: false,
  claims: ['C6', 'C7', 'C12'],
  weighing: regimeFirstWeighing,
  choose: weighingChoice(regimeFirstWeighing),
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
  weighing: loyalClientWeighing,
  choose: weighingChoice(loyalClientWeighing),
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
  weighing: independentWeighing,
  choose: weighingChoice(independentWeighing),
};

export const kimRandom = randomStrategy('kim');

export const KIM_STRATEGIES = [regimeFirst, loyalClient, independent, kimRandom];
