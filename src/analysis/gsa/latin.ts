import type { Rng } from '../../rng/rng.js';
import type { Design } from './sobol.js';

/** A Latin hypercube of n points in [0, 1)^k: each input's range cut into n strata, one point in each, strata paired at random. */
export function latinHypercube(k: number, n: number, rng: Rng): Design {
  const cols = Array.from({ length: k }, () => {
    const order = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    return order.map((s) => (s + rng.next()) / n);
  });
  return Array.from({ length: n }, (_, j) => cols.map((c) => c[j] as number));
}
