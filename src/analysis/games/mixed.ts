import type { Rng } from '../../rng/rng.js';
import type { Mixed, NormalForm } from './normal-form.js';
import { payoffRange, regret, sizes, strategyValues, undominated } from './normal-form.js';

// Mixed Nash equilibria by support enumeration. After iterated elimination of strictly
// dominated pure strategies, every combination of supports (each side's set of strategies
// played with positive probability, up to `maxSupport` of them) is tried: within a support
// each side must be indifferent among the strategies it plays. With two players those
// conditions are linear; with three they are polynomial, so each system is solved by Newton's
// method from several seeded starting points, and every solution is kept that is a
// probability profile from which no side gains by switching to any strategy, in the support
// or out of it. Isolated equilibria whose supports fit the bound are found; a game with a
// continuum of equilibria yields some points of it, not the whole set.

export interface MixedEquilibrium {
  sigma: Mixed;
  /** Each side's expected payoff. */
  payoffs: number[];
  regret: number;
}

export interface MixedResult {
  equilibria: MixedEquilibrium[];
  /** Strategies left after removing strictly dominated ones (indices per player). */
  surviving: number[][];
  supportsTried: number;
  maxSupport: number;
}

function subsets(items: readonly number[], max: number): number[][] {
  const out: number[][] = [];
  const rec = (start: number, cur: number[]) => {
    if (cur.length) out.push([...cur]);
    if (cur.length === max) return;
    for (let i = start; i < items.length; i++) rec(i + 1, [...cur, items[i] as number]);
  };
  rec(0, []);
  return out;
}

/** Solve A x = b by Gaussian elimination with partial pivoting; null if singular. */
export function solveLinear(A: number[][], b: number[]): number[] | null {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i] as number]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs((M[r] as number[])[c] as number) > Math.abs((M[piv] as number[])[c] as number)) piv = r;
    if (Math.abs((M[piv] as number[])[c] as number) < 1e-14) return null;
    [M[c], M[piv]] = [M[piv] as number[], M[c] as number[]];
    const row = M[c] as number[];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = ((M[r] as number[])[c] as number) / (row[c] as number);
      if (f !== 0) for (let k = c; k <= n; k++) (M[r] as number[])[k] = ((M[r] as number[])[k] as number) - f * (row[k] as number);
    }
  }
  return M.map((row, i) => (row[n] as number) / (row[i] as number));
}

function profileFrom(g: NormalForm, supports: number[][], x: readonly number[]): Mixed {
  const sz = sizes(g);
  let k = 0;
  return supports.map((S, i) => {
    const p = new Array<number>(sz[i] as number).fill(0);
    let rest = 1;
    for (let j = 1; j < S.length; j++) {
      p[S[j] as number] = x[k] as number;
      rest -= x[k++] as number;
    }
    p[S[0] as number] = rest;
    return p;
  });
}

/** Profile-table strides: profile index = sum of strategy x stride. */
function strides(g: NormalForm): number[] {
  const out: number[] = [];
  let k = 1;
  for (const s of g.strategies) {
    out.push(k);
    k *= s.length;
  }
  return out;
}

/** The others' supported combinations for player i: each one's table offset and probability. */
function othersOnSupports(supports: number[][], sigma: Mixed, i: number, stride: readonly number[]): { offset: number[]; weight: number[] } {
  let offset = [0];
  let weight = [1];
  supports.forEach((S, j) => {
    if (j === i) return;
    const o2: number[] = [];
    const w2: number[] = [];
    offset.forEach((o, k) => {
      for (const s of S) {
        o2.push(o + s * (stride[j] as number));
        w2.push((weight[k] as number) * ((sigma[j] as number[])[s] as number));
      }
    });
    offset = o2;
    weight = w2;
  });
  return { offset, weight };
}

/** Player i's payoff from its strategy s when the others play only on their supports. */
function valueOn(g: NormalForm, c: { offset: number[]; weight: number[] }, i: number, s: number, stride: readonly number[]): number {
  const P = g.players.length;
  let v = 0;
  for (let k = 0; k < c.offset.length; k++) v += (c.weight[k] as number) * (g.payoffs[((c.offset[k] as number) + s * (stride[i] as number)) * P + i] as number);
  return v;
}

/**
 * For each side, the others' supported combinations as othersOnSupports lists them (the same
 * order, so the same sums): each one's table offset and the (side, strategy) pairs whose
 * probabilities weigh it. Made once per support; Newton then only multiplies.
 */
interface SupportPlan {
  offset: number[][];
  picks: [number, number][][][];
}

function planSupport(supports: number[][], stride: readonly number[]): SupportPlan {
  const offset: number[][] = [];
  const picks: [number, number][][][] = [];
  supports.forEach((_, i) => {
    let o: number[] = [0];
    let p: [number, number][][] = [[]];
    supports.forEach((S, j) => {
      if (j === i) return;
      const o2: number[] = [];
      const p2: [number, number][][] = [];
      o.forEach((base, k) => {
        for (const s of S) {
          o2.push(base + s * (stride[j] as number));
          p2.push([...(p[k] as [number, number][]), [j, s]]);
        }
      });
      o = o2;
      p = p2;
    });
    offset.push(o);
    picks.push(p);
  });
  return { offset, picks };
}

/**
 * Each side's indifference conditions on its support. With `keep`, side keep.side's rows are
 * copied from keep.rows: a side's conditions read only the others' play, so when x moves only
 * that side's unknowns they are the same numbers (the Jacobian's columns move one at a time).
 */
function residual(g: NormalForm, supports: number[][], x: readonly number[], stride: readonly number[], keep?: { side: number; rows: readonly number[] }, plan?: SupportPlan): number[] {
  const sigma = profileFrom(g, supports, x);
  const out: number[] = [];
  supports.forEach((S, i) => {
    if (S.length < 2) return;
    if (keep && keep.side === i) {
      const from = supports.slice(0, i).reduce((t, T) => t + Math.max(0, T.length - 1), 0);
      for (let j = 1; j < S.length; j++) out.push(keep.rows[from + j - 1] as number);
      return;
    }
    const c = plan ? { offset: plan.offset[i] as number[], weight: (plan.picks[i] as [number, number][][]).map((pk) => pk.reduce((w, [j, t]) => w * ((sigma[j] as number[])[t] as number), 1)) } : othersOnSupports(supports, sigma, i, stride);
    const base = valueOn(g, c, i, S[0] as number, stride);
    for (let j = 1; j < S.length; j++) out.push(valueOn(g, c, i, S[j] as number, stride) - base);
  });
  return out;
}

/**
 * A support can hold no equilibrium if some strategy in it is strictly worse than another of
 * the same side against every combination of the others' supports: prune it before solving.
 */
function conditionallyDominated(g: NormalForm, supports: number[][], stride: readonly number[]): boolean {
  const P = g.players.length;
  return supports.some((S, i) => {
    const c = othersOnSupports(supports, supports.map((_, j) => {
      const p = new Array<number>((g.strategies[j] as string[]).length).fill(0);
      for (const s of supports[j] as number[]) p[s] = 1;
      return p;
    }), i, stride);
    return S.some((s) =>
      (g.strategies[i] as string[]).some((_, t) => t !== s && c.offset.every((o) => (g.payoffs[(o + t * (stride[i] as number)) * P + i] as number) > (g.payoffs[(o + s * (stride[i] as number)) * P + i] as number))),
    );
  });
}

function newton(g: NormalForm, supports: number[][], x0: number[], scale: number, stride: readonly number[], plan: SupportPlan): number[] | null {
  let x = [...x0];
  // The side each unknown belongs to (a side with support S has |S| - 1 unknowns).
  const sideOf = supports.flatMap((S, i) => new Array<number>(Math.max(0, S.length - 1)).fill(i));
  for (let it = 0; it < 60; it++) {
    const F = residual(g, supports, x, stride, undefined, plan);
    const norm = Math.max(...F.map(Math.abs));
    if (norm < 1e-11 * scale) return x;
    const h = 1e-7;
    const J = x.map((_, c) => {
      const xp = [...x];
      xp[c] = (xp[c] as number) + h;
      const Fp = residual(g, supports, xp, stride, { side: sideOf[c] as number, rows: F }, plan);
      return Fp.map((f, r) => (f - (F[r] as number)) / h);
    });
    // J was built column by column; transpose into rows.
    const rows = F.map((_, r) => x.map((__, c) => (J[c] as number[])[r] as number));
    const dx = solveLinear(rows, F.map((f) => -f));
    if (!dx) return null;
    x = x.map((v, c) => v + (dx[c] as number));
    if (x.some((v) => !Number.isFinite(v) || Math.abs(v) > 1e6)) return null;
  }
  return null;
}

export function mixedEquilibria(g: NormalForm, rng: Rng, opts: { maxSupport?: number; starts?: number } = {}): MixedResult {
  const maxSupport = opts.maxSupport ?? 3;
  const starts = opts.starts ?? 12;
  const surviving = undominated(g);
  const { scale } = payoffRange(g);
  const tol = 1e-7 * scale;
  const found: MixedEquilibrium[] = [];
  const perPlayer = surviving.map((s) => subsets(s, maxSupport));
  const stride = strides(g);
  let tried = 0;
  const rec = (i: number, chosen: number[][]) => {
    if (i === perPlayer.length) {
      tried++;
      if (conditionallyDominated(g, chosen, stride)) return;
      const unknowns = chosen.reduce((t, S) => t + S.length - 1, 0);
      const inits: number[][] = [chosen.flatMap((S) => S.slice(1).map(() => 1 / S.length))];
      if (unknowns > 0) for (let s = 0; s < starts; s++) inits.push(chosen.flatMap((S) => {
        const w = S.map(() => -Math.log(1 - rng.next()));
        const t = w.reduce((a, b) => a + b, 0);
        return w.slice(1).map((v) => v / t);
      }));
      const plan = planSupport(chosen, stride);
      for (const x0 of unknowns ? inits : [[]]) {
        const x = unknowns ? newton(g, chosen, x0, scale, stride, plan) : [];
        if (!x) continue;
        const sigma = profileFrom(g, chosen, x);
        if (sigma.some((p) => p.some((v) => v < -1e-9))) continue;
        const clean = sigma.map((p) => {
          const c = p.map((v) => Math.max(0, v));
          const t = c.reduce((a, b) => a + b, 0);
          return c.map((v) => v / t);
        });
        const r = regret(g, clean);
        if (r > tol * 10) continue;
        // The same equilibrium reached from another support or start (to 1e-4: a Newton
        // solution may keep a few millionths on a strategy another solve sets to 0).
        if (found.some((f) => f.sigma.every((p, i) => p.every((v, k) => Math.abs(v - ((clean[i] as number[])[k] as number)) < 1e-4)))) continue;
        found.push({ sigma: clean, payoffs: g.players.map((_, j) => strategyValues(g, clean, j).reduce((t, v, s) => t + v * ((clean[j] as number[])[s] as number), 0)), regret: r });
      }
      return;
    }
    for (const S of perPlayer[i] as number[][]) rec(i + 1, [...chosen, S]);
  };
  rec(0, []);
  found.sort((a, b) => a.sigma.map((p) => p.filter((v) => v > 1e-9).length).reduce((x, y) => x + y, 0) - b.sigma.map((p) => p.filter((v) => v > 1e-9).length).reduce((x, y) => x + y, 0));
  return { equilibria: found, surviving, supportsTried: tried, maxSupport };
}
