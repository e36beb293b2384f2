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

/**
 * Gauss-Jordan elimination with partial pivoting on M, n rows of n + 1 numbers (the right-hand
 * side last), in place; the solution into `x`. False if singular. Flat, so the 168 x 168
 * alpha-Rank system and Newton's many small ones cost arithmetic, not indirection.
 */
export function eliminate(M: Float64Array, n: number, x: Float64Array): boolean {
  const W = n + 1;
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r * W + c] as number) > Math.abs(M[piv * W + c] as number)) piv = r;
    if (Math.abs(M[piv * W + c] as number) < 1e-14) return false;
    if (piv !== c)
      for (let k = 0; k < W; k++) {
        const t = M[c * W + k] as number;
        M[c * W + k] = M[piv * W + k] as number;
        M[piv * W + k] = t;
      }
    const pivot = M[c * W + c] as number;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = (M[r * W + c] as number) / pivot;
      if (f !== 0) for (let k = c; k <= n; k++) M[r * W + k] = (M[r * W + k] as number) - f * (M[c * W + k] as number);
    }
  }
  for (let i = 0; i < n; i++) x[i] = (M[i * W + n] as number) / (M[i * W + i] as number);
  return true;
}

/** Solve A x = b by Gaussian elimination with partial pivoting; null if singular. */
export function solveLinear(A: number[][], b: number[]): number[] | null {
  const n = b.length;
  const M = new Float64Array(n * (n + 1));
  A.forEach((row, i) => {
    for (let c = 0; c < n; c++) M[i * (n + 1) + c] = row[c] as number;
    M[i * (n + 1) + n] = b[i] as number;
  });
  const x = new Float64Array(n);
  return eliminate(M, n, x) ? Array.from(x) : null;
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

/**
 * One support's indifference system, laid out flat once per support so that Newton's many
 * steps (13 starts x up to 60 iterations x one residual per unknown) allocate nothing: this
 * loop was most of `equilibria`'s serial time. The arithmetic is the plain definition's, in
 * its order (each weight a product over the other sides in side order, each value a sum over
 * the others' supported combinations with earlier sides varying slowest, Gauss-Jordan with
 * partial pivoting), so the solutions are the same to the bit.
 */
class SupportSystem {
  readonly unknowns: number;
  /** Every side's mixed strategy, flat: side i's strategy s at sideAt[i] + s. */
  private readonly sigma: Float64Array;
  private readonly sideAt: number[];
  private readonly supports: number[][];
  /** Per side with |S| >= 2: its first row, the others' combinations (sigma slots, P - 1 each) and its payoffs per own support strategy and combination. */
  private readonly rows: { side: number; from: number; combos: number; picks: Int32Array; payoffs: Float64Array; own: number }[];
  /** The side each unknown belongs to. */
  private readonly sideOf: Int32Array;
  private readonly weight: Float64Array;
  private readonly F: Float64Array;
  private readonly Fp: Float64Array;
  private readonly xp: Float64Array;
  /** The Newton system, n rows of n + 1 (the right-hand side last). */
  private readonly M: Float64Array;
  private readonly dx: Float64Array;

  constructor(g: NormalForm, supports: number[][], stride: readonly number[]) {
    const P = g.players.length;
    this.supports = supports;
    this.sideAt = [];
    let slots = 0;
    for (const s of g.strategies) {
      this.sideAt.push(slots);
      slots += s.length;
    }
    this.sigma = new Float64Array(slots);
    this.unknowns = supports.reduce((t, S) => t + Math.max(0, S.length - 1), 0);
    this.sideOf = Int32Array.from(supports.flatMap((S, i) => new Array<number>(Math.max(0, S.length - 1)).fill(i)));
    this.rows = [];
    let from = 0;
    let widest = 1;
    supports.forEach((S, i) => {
      if (S.length < 2) return;
      let offsets: number[] = [0];
      let picks: number[][] = [[]];
      supports.forEach((T, j) => {
        if (j === i) return;
        const o2: number[] = [];
        const p2: number[][] = [];
        offsets.forEach((base, k) => {
          for (const t of T) {
            o2.push(base + t * (stride[j] as number));
            p2.push([...(picks[k] as number[]), (this.sideAt[j] as number) + t]);
          }
        });
        offsets = o2;
        picks = p2;
      });
      const combos = offsets.length;
      const payoffs = new Float64Array(S.length * combos);
      S.forEach((s, r) => offsets.forEach((o, k) => (payoffs[r * combos + k] = g.payoffs[(o + s * (stride[i] as number)) * P + i] as number)));
      this.rows.push({ side: i, from, combos, picks: Int32Array.from(picks.flat()), payoffs, own: S.length });
      from += S.length - 1;
      widest = Math.max(widest, combos);
    });
    const n = this.unknowns;
    this.weight = new Float64Array(widest);
    this.F = new Float64Array(n);
    this.Fp = new Float64Array(n);
    this.xp = new Float64Array(n);
    this.M = new Float64Array(n * (n + 1));
    this.dx = new Float64Array(n);
  }

  /**
   * sigma from the unknowns: each side's first support strategy takes what the others leave.
   * Plain loops: a closure over k here allocated on every residual (most of the enumeration's
   * garbage, and so of the main thread's scavenges right after the games).
   */
  private setSigma(x: Float64Array): void {
    const { supports, sideAt, sigma } = this;
    let k = 0;
    for (let i = 0; i < supports.length; i++) {
      const S = supports[i] as number[];
      const at = sideAt[i] as number;
      let rest = 1;
      for (let j = 1; j < S.length; j++) {
        sigma[at + (S[j] as number)] = x[k] as number;
        rest -= x[k++] as number;
      }
      sigma[at + (S[0] as number)] = rest;
    }
  }

  /** Each side's indifference conditions into `out`; with `keepSide`, that side's rows are copied from `F` (they read only the others' play). */
  private residual(x: Float64Array, out: Float64Array, keepSide = -1): void {
    this.setSigma(x);
    const sigma = this.sigma;
    const w = this.weight;
    const others = this.supports.length - 1;
    const rows = this.rows;
    for (let ri = 0; ri < rows.length; ri++) {
      const row = rows[ri] as SupportSystem['rows'][number];
      if (row.side === keepSide) {
        for (let r = 0; r < row.own - 1; r++) out[row.from + r] = this.F[row.from + r] as number;
        continue;
      }
      if (others === 2 && (row.own === 2 || row.own === 3)) {
        this.threeSidedRow(row, out);
        continue;
      }
      for (let k = 0; k < row.combos; k++) {
        let v = 1;
        for (let q = 0; q < others; q++) v *= sigma[row.picks[k * others + q] as number] as number;
        w[k] = v;
      }
      let base = 0;
      for (let k = 0; k < row.combos; k++) base += (w[k] as number) * (row.payoffs[k] as number);
      for (let r = 1; r < row.own; r++) {
        let v = 0;
        for (let k = 0; k < row.combos; k++) v += (w[k] as number) * (row.payoffs[r * row.combos + k] as number);
        out[row.from + r - 1] = v - base;
      }
    }
  }

  /**
   * One side's rows when there are three sides and it mixes 2 or 3 strategies (every support
   * `equilibria` tries): the general loop's sums in one pass over the others' combinations.
   * Each weight is the product of the two others' probabilities (the general loop's 1 * a * b,
   * and 1 * a is a exactly), and each sum still adds the combinations in order, so the numbers
   * are the same to the bit; about a third less time in the solver's hottest loop.
   */
  private threeSidedRow(row: SupportSystem['rows'][number], out: Float64Array): void {
    const sigma = this.sigma;
    const { combos, picks, payoffs, from } = row;
    let base = 0;
    let first = 0;
    if (row.own === 2) {
      for (let k = 0; k < combos; k++) {
        const w = (sigma[picks[2 * k] as number] as number) * (sigma[picks[2 * k + 1] as number] as number);
        base += w * (payoffs[k] as number);
        first += w * (payoffs[combos + k] as number);
      }
      out[from] = first - base;
      return;
    }
    let second = 0;
    for (let k = 0; k < combos; k++) {
      const w = (sigma[picks[2 * k] as number] as number) * (sigma[picks[2 * k + 1] as number] as number);
      base += w * (payoffs[k] as number);
      first += w * (payoffs[combos + k] as number);
      second += w * (payoffs[2 * combos + k] as number);
    }
    out[from] = first - base;
    out[from + 1] = second - base;
  }

  /** Newton's method from x0 with a forward-difference Jacobian; the solution, or null if it fails. */
  newton(x0: ArrayLike<number>, scale: number): number[] | null {
    const n = this.unknowns;
    const x = Float64Array.from(x0);
    const { F, Fp, xp, M } = this;
    const W = n + 1;
    const h = 1e-7;
    for (let it = 0; it < 60; it++) {
      this.residual(x, F);
      // As Math.max over |F|: NaN if any entry is NaN.
      let norm = -Infinity;
      for (let r = 0; r < n; r++) {
        const a = Math.abs(F[r] as number);
        if (Number.isNaN(a) || Number.isNaN(norm)) norm = NaN;
        else if (a > norm) norm = a;
      }
      if (norm < 1e-11 * scale) return Array.from(x);
      for (let c = 0; c < n; c++) {
        xp.set(x);
        xp[c] = (xp[c] as number) + h;
        this.residual(xp, Fp, this.sideOf[c] as number);
        for (let r = 0; r < n; r++) M[r * W + c] = ((Fp[r] as number) - (F[r] as number)) / h;
      }
      for (let r = 0; r < n; r++) M[r * W + n] = -(F[r] as number);
      if (!eliminate(M, n, this.dx)) return null;
      let bad = false;
      for (let c = 0; c < n; c++) {
        const v = (x[c] as number) + (this.dx[c] as number);
        x[c] = v;
        if (!Number.isFinite(v) || Math.abs(v) > 1e6) bad = true;
      }
      if (bad) return null;
    }
    return null;
  }
}

/**
 * A support can hold no equilibrium if some strategy in it is strictly worse than another of
 * the same side against every combination of the others' supports: prune it before solving.
 * Only comparisons, so any loop order gives the same answer; this one allocates nothing: the
 * others' combinations go into `offsets`, room for the most there can be (it runs for every
 * support: 7,749 of them on the 2023 table, in each thread that walks them).
 */
function conditionallyDominated(g: NormalForm, supports: number[][], stride: readonly number[], offsets: Int32Array): boolean {
  const P = g.players.length;
  const pay = g.payoffs;
  for (let i = 0; i < supports.length; i++) {
    let count = 1;
    offsets[0] = 0;
    for (let j = 0; j < supports.length; j++) {
      if (j === i) continue;
      const T = supports[j] as number[];
      const L = T.length;
      const sj = stride[j] as number;
      // Expanded in place from the back: slot a is read before any write reaches it.
      for (let a = count - 1; a >= 0; a--) {
        const o = offsets[a] as number;
        for (let b = L - 1; b >= 0; b--) offsets[a * L + b] = o + (T[b] as number) * sj;
      }
      count *= L;
    }
    const own = stride[i] as number;
    const n = (g.strategies[i] as string[]).length;
    for (const s of supports[i] as number[])
      for (let t = 0; t < n; t++) {
        if (t === s) continue;
        let worse = true;
        for (let a = 0; a < count; a++) {
          const o = offsets[a] as number;
          if (!((pay[(o + t * own) * P + i] as number) > (pay[(o + s * own) * P + i] as number))) {
            worse = false;
            break;
          }
        }
        if (worse) return true;
      }
  }
  return false;
}

/** A solution that survived its support's checks: a clean profile and its regret. */
export interface SupportCandidate {
  sigma: Mixed;
  regret: number;
}

/**
 * The supports a caller solved, by block: each block's candidates in enumeration order
 * (support, then start). Blocks of several callers merge into the serial result.
 */
export interface SupportShare {
  blocks: { block: number; candidates: SupportCandidate[] }[];
  /** The walk's strategies left after removing dominated ones, and its number of supports: the merge reads them rather than work them out again on the serial path. */
  surviving: number[][];
  total: number;
}

/**
 * Supports are handed out in blocks of this many, in enumeration order, to whichever thread
 * asks next: small enough that the last block ends the threads' work together, large enough
 * that asking is rare.
 */
export const SUPPORT_BLOCK = 32;

export interface SupportOptions {
  maxSupport?: number;
  starts?: number;
}

function enumerationOf(g: NormalForm, opts: SupportOptions): { surviving: number[][]; perPlayer: number[][][]; total: number; maxSupport: number } {
  const maxSupport = opts.maxSupport ?? 3;
  const surviving = undominated(g);
  const perPlayer = surviving.map((s) => subsets(s, maxSupport));
  return { surviving, perPlayer, total: perPlayer.reduce((t, l) => t * l.length, 1), maxSupport };
}

/**
 * Solve the blocks of supports that `claim` hands this caller, walking every support in order.
 * `rng` must be the enumeration's own stream from its start: the starting points of a support
 * are drawn from it whoever solves that support, so a caller draws (and drops) the starts of
 * the supports it passes over, and each support gets the draws it gets in the serial walk.
 * Which supports are pruned and how many draws each takes depend only on the table, so any
 * split between callers gives the same candidates. `claim` returns block indices, increasing.
 */
export function solveSupportShare(g: NormalForm, rng: Rng, claim: () => number, opts: SupportOptions = {}): SupportShare {
  const starts = opts.starts ?? 12;
  const { surviving, perPlayer, total } = enumerationOf(g, opts);
  const lastBlock = Math.ceil(total / SUPPORT_BLOCK) - 1;
  const { scale } = payoffRange(g);
  const tol = 1e-7 * scale;
  const stride = strides(g);
  const widest = perPlayer.reduce((m, l) => Math.max(m, ...l.map((S) => S.length)), 1);
  const offsets = new Int32Array(widest ** Math.max(0, perPlayer.length - 1));
  const initial = new Float64Array((starts + 1) * perPlayer.length * Math.max(0, widest - 1));
  const draw = new Float64Array(widest);
  const blocks: SupportShare['blocks'] = [];
  let mine = claim();
  let q = 0;
  let done = mine > lastBlock;
  const visit = (chosen: number[][]) => {
    const block = Math.floor(q++ / SUPPORT_BLOCK);
    // Past the block in hand: ask for another. Claims only grow, so the next is at or after this one.
    if (block > mine) mine = claim();
    if (mine > lastBlock) {
      done = true;
      return;
    }
    if (conditionallyDominated(g, chosen, stride, offsets)) return;
    const unknowns = chosen.reduce((t, S) => t + S.length - 1, 0);
    if (block !== mine) {
      // Another caller's support: only keep the stream in step.
      if (unknowns > 0) for (let s = 0; s < starts; s++) for (const S of chosen) for (let k = 0; k < S.length; k++) rng.next();
      return;
    }
    let own = blocks[blocks.length - 1];
    if (!own || own.block !== block) blocks.push((own = { block, candidates: [] }));
    // The centre, then `starts` random points, row by row in one reused buffer (arrays per
    // start were most of the walk's garbage): each side's exponential draws in turn, its
    // shares after the first divided by their sum, added left to right as before.
    let k = 0;
    for (const S of chosen) for (let j = 1; j < S.length; j++) initial[k++] = 1 / S.length;
    if (unknowns > 0)
      for (let s = 0; s < starts; s++)
        for (const S of chosen) {
          let t = 0;
          for (let j = 0; j < S.length; j++) t += draw[j] = -Math.log(1 - rng.next());
          for (let j = 1; j < S.length; j++) initial[k++] = (draw[j] as number) / t;
        }
    const system = new SupportSystem(g, chosen, stride);
    for (let start = 0; start <= (unknowns ? starts : 0); start++) {
      const x = unknowns ? system.newton(initial.subarray(start * unknowns, (start + 1) * unknowns), scale) : [];
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
      own.candidates.push({ sigma: clean, regret: r });
    }
  };
  const rec = (i: number, chosen: number[][]) => {
    if (i === perPlayer.length) return visit(chosen);
    for (const S of perPlayer[i] as number[][]) {
      if (done) return;
      rec(i + 1, [...chosen, S]);
    }
  };
  if (!done) rec(0, []);
  return { blocks, surviving, total };
}

/** The equilibria from every caller's share: candidates in enumeration order, each kept unless an earlier one is the same. */
export function mergeSupportShares(g: NormalForm, shares: readonly SupportShare[], opts: SupportOptions = {}): MixedResult {
  const maxSupport = opts.maxSupport ?? 3;
  // Every share walked the same table, so any one says what survived and how many supports there are.
  const { surviving, total } = shares[0] ?? enumerationOf(g, opts);
  const blocks = shares.flatMap((s) => s.blocks).sort((a, b) => a.block - b.block);
  const found: MixedEquilibrium[] = [];
  for (const { candidates } of blocks)
    for (const { sigma: clean, regret: r } of candidates) {
      // The same equilibrium reached from another support or start (to 1e-4: a Newton
      // solution may keep a few millionths on a strategy another solve sets to 0).
      if (found.some((f) => f.sigma.every((p, i) => p.every((v, k) => Math.abs(v - ((clean[i] as number[])[k] as number)) < 1e-4)))) continue;
      found.push({ sigma: clean, payoffs: g.players.map((_, j) => strategyValues(g, clean, j).reduce((t, v, s) => t + v * ((clean[j] as number[])[s] as number), 0)), regret: r });
    }
  found.sort((a, b) => a.sigma.map((p) => p.filter((v) => v > 1e-9).length).reduce((x, y) => x + y, 0) - b.sigma.map((p) => p.filter((v) => v > 1e-9).length).reduce((x, y) => x + y, 0));
  return { equilibria: found, surviving, supportsTried: total, maxSupport };
}

/** Every support in this thread: one caller that claims every block. */
export function mixedEquilibria(g: NormalForm, rng: Rng, opts: SupportOptions = {}): MixedResult {
  let next = 0;
  return mergeSupportShares(g, [solveSupportShare(g, rng, () => next++, opts)], opts);
}
