import type { NormalForm } from './normal-form.js';
import type { QreTrace } from './qre.js';
import type { AlphaRankResult } from './alpha-rank.js';
import type { StackelbergResult } from './stackelberg.js';
import { makeRng } from '../../rng/rng.js';
import { logitTrace } from './qre.js';
import { alphaRank } from './alpha-rank.js';
import { stackelberg } from './stackelberg.js';

// The solves of `equilibria` that read only the table, never the mixed equilibria: the QRE
// path, alpha-Rank and the US as Stackelberg leader (its own seeded stream). Kept apart so a
// second thread can run them while the first enumerates supports, with the very same settings
// as the serial path: one definition for both.

export interface IndependentSolves {
  qre: QreTrace;
  alphaRank: AlphaRankResult;
  stackelberg: StackelbergResult;
}

export function independentSolves(g: NormalForm, seed: string): IndependentSolves {
  return {
    qre: logitTrace(g, { maxLambda: 2000, steps: 80 }),
    alphaRank: alphaRank(g, 10, 50),
    stackelberg: stackelberg(g, 0, makeRng(`equilibria|stackelberg|${seed}`, 'chance')),
  };
}
