import type { Rng } from '../../rng/rng.js';
import type { Design } from './sobol.js';

// Morris screening: r random one-at-a-time trajectories through a p-level grid. Each step moves
// one input by delta and reads the change in output (an elementary effect). mu* (the mean of
// |effect|) ranks how much an input matters; sigma (their spread) flags interactions or
// curvature. Cheap: r (k + 1) evaluations.

export interface MorrisDesign {
  k: number;
  r: number;
  levels: number;
  delta: number;
  /** r trajectories of k + 1 points each, concatenated; `moved[t][s]` is the input step s changed, `sign` its direction. */
  points: Design;
  moved: number[][];
  sign: number[][];
}

export function morrisDesign(k: number, r: number, rng: Rng, levels = 4): MorrisDesign {
  const delta = levels / (2 * (levels - 1));
  const grid = Array.from({ length: levels }, (_, l) => l / (levels - 1));
  const points: Design = [];
  const moved: number[][] = [];
  const sign: number[][] = [];
  for (let t = 0; t < r; t++) {
    // Start where every input can move by delta in at least one direction.
    let x = Array.from({ length: k }, () => grid[Math.floor(rng.next() * levels)] as number);
    const order = Array.from({ length: k }, (_, i) => i);
    for (let i = k - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    points.push([...x]);
    const m: number[] = [];
    const s: number[] = [];
    for (const i of order) {
      const up = (x[i] as number) + delta <= 1 + 1e-12;
      const dir = up ? 1 : -1;
      x = x.map((v, c) => (c === i ? Math.min(1, Math.max(0, v + dir * delta)) : v));
      points.push([...x]);
      m.push(i);
      s.push(dir);
    }
    moved.push(m);
    sign.push(s);
  }
  return { k, r, levels, delta, points, moved, sign };
}

export interface MorrisResult {
  muStar: number[];
  mu: number[];
  sigma: number[];
}

export function morrisEffects(d: MorrisDesign, y: readonly number[]): MorrisResult {
  const effects: number[][] = Array.from({ length: d.k }, () => []);
  for (let t = 0; t < d.r; t++) {
    const base = t * (d.k + 1);
    for (let s = 0; s < d.k; s++) {
      const i = (d.moved[t] as number[])[s] as number;
      const dir = (d.sign[t] as number[])[s] as number;
      const e = ((y[base + s + 1] as number) - (y[base + s] as number)) / (dir * d.delta);
      (effects[i] as number[]).push(e);
    }
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const mu = effects.map(mean);
  const muStar = effects.map((xs) => mean(xs.map(Math.abs)));
  const sigma = effects.map((xs, i) => Math.sqrt(xs.reduce((a, b) => a + (b - (mu[i] as number)) ** 2, 0) / Math.max(1, xs.length - 1)));
  return { muStar, mu, sigma };
}
