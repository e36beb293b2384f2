import type { Mixed, NormalForm } from './normal-form.js';
import { payoffRange, regret, sizes } from './normal-form.js';
import { eliminate } from './mixed.js';

// Logit quantal response equilibria (McKelvey and Palfrey 1995), traced over the precision
// lambda as Gambit's `logit` does: at lambda = 0 every side plays uniformly; as lambda grows
// each side answers the others' play with a softmax of its payoffs, and the branch starting at
// the centre leads to one Nash equilibrium. Gambit follows the branch by arc-length
// continuation; here lambda rises on a geometric grid and each point is corrected by Newton's
// method on the fixed-point equations in log-probabilities, started from the previous point.
// That loses the branch where it folds back in lambda (then the trace stops and says so).

export interface QrePoint {
  lambda: number;
  sigma: Mixed;
  regret: number;
}

export interface QreTrace {
  points: QrePoint[];
  /** True when the last step's corrector failed (a fold in lambda, or the grid too coarse). */
  stopped: boolean;
  /** Lambda is in units of 1 / (the table's payoff range). */
  payoffScale: number;
}

/**
 * The logit fixed-point system of one table, on flat buffers made once per trace: each side's
 * values and each ordered pair of sides' slopes (how i's values move with k's play) are
 * gathered in one pass over the table, and the Newton system is written straight into the
 * flat matrix the elimination reads. The corrector's hundreds of steps then allocate almost
 * nothing; on the 2022 table the QRE path was the longest of equilibria's solves after the
 * games. Every number is the plain definition's (strategyValues and valueSlopes in
 * normal-form.ts, the softmax, the Jacobian below): the same products in side order, the
 * same sums in profile order, so the path is the same to the bit (a test compares them).
 */
export class LogitSystem {
  readonly n: number;
  private readonly P: number;
  private readonly sz: number[];
  /** Where side i's strategies start in the flat vectors. */
  private readonly start: number[];
  private readonly digits: Int32Array;
  private readonly payoffs: Float64Array;
  /** Where the slopes of side i's values in side k's play start, at i * P + k; entry s * sz[k] + t. */
  private readonly slopeAt: number[];
  readonly sigma: Float64Array;
  readonly values: Float64Array;
  readonly slopes: Float64Array;
  private readonly q: Float64Array;
  private readonly F: Float64Array;
  private readonly M: Float64Array;
  private readonly dy: Float64Array;

  constructor(g: NormalForm) {
    this.P = g.players.length;
    this.sz = sizes(g);
    this.start = this.sz.map((_, i) => this.sz.slice(0, i).reduce((a, b) => a + b, 0));
    this.n = this.sz.reduce((a, b) => a + b, 0);
    this.payoffs = g.payoffs;
    const total = g.payoffs.length / this.P;
    this.digits = new Int32Array(total * this.P);
    for (let p = 0; p < total; p++) {
      let rest = p;
      for (let j = 0; j < this.P; j++) {
        const nj = this.sz[j] as number;
        this.digits[p * this.P + j] = rest % nj;
        rest = Math.floor(rest / nj);
      }
    }
    this.slopeAt = [];
    let at = 0;
    for (let i = 0; i < this.P; i++)
      for (let k = 0; k < this.P; k++) {
        this.slopeAt.push(at);
        if (k !== i) at += (this.sz[i] as number) * (this.sz[k] as number);
      }
    this.sigma = new Float64Array(this.n);
    this.values = new Float64Array(this.n);
    this.slopes = new Float64Array(at);
    this.q = new Float64Array(this.n);
    this.F = new Float64Array(this.n);
    this.M = new Float64Array(this.n * (this.n + 1));
    this.dy = new Float64Array(this.n);
  }

  /** sigma = exp(y); then every side's values, and with `slopes`, every pair's slopes, in one pass. */
  gather(y: readonly number[], slopes: boolean): void {
    const { P, digits: d, payoffs: pay, sigma, values, start } = this;
    for (let c = 0; c < this.n; c++) sigma[c] = Math.exp(y[c] as number);
    values.fill(0);
    if (slopes) this.slopes.fill(0);
    const total = pay.length / P;
    for (let p = 0; p < total; p++) {
      const row = p * P;
      for (let i = 0; i < P; i++) {
        const u = pay[row + i] as number;
        const own = d[row + i] as number;
        // As strategyValues: the others' probabilities multiplied in side order, stopping at a 0.
        let w = 1;
        for (let j = 0; j < P; j++) {
          if (j === i) continue;
          w *= sigma[(start[j] as number) + (d[row + j] as number)] as number;
          if (w === 0) break;
        }
        if (w !== 0) values[(start[i] as number) + own] = (values[(start[i] as number) + own] as number) + w * u;
        if (!slopes) continue;
        for (let k = 0; k < P; k++) {
          if (k === i) continue;
          // As valueSlopes: the probabilities of the sides other than i and k.
          let v = 1;
          for (let j = 0; j < P; j++) if (j !== i && j !== k) v *= sigma[(start[j] as number) + (d[row + j] as number)] as number;
          if (v === 0) continue;
          const at = (this.slopeAt[i * P + k] as number) + own * (this.sz[k] as number) + (d[row + k] as number);
          this.slopes[at] = (this.slopes[at] as number) + v * u;
        }
      }
    }
  }

  /** Each side's logit reply to its values into q (the softmax, as written before: max, exp, sum in order). */
  private replies(lambda: number): void {
    for (let i = 0; i < this.P; i++) {
      const from = this.start[i] as number;
      const ni = this.sz[i] as number;
      const v = this.values.subarray(from, from + ni);
      const m = Math.max(...v);
      let t = 0;
      for (let s = 0; s < ni; s++) {
        const e = Math.exp(lambda * ((v[s] as number) - m));
        this.q[from + s] = e;
        t = t + e;
      }
      for (let s = 0; s < ni; s++) this.q[from + s] = (this.q[from + s] as number) / t;
    }
  }

  /** F(log sigma) = log sigma - log softmax(lambda * values), after gather; its largest entry (NaN if any is). */
  private residual(lambda: number): number {
    this.replies(lambda);
    let norm = -Infinity;
    for (let c = 0; c < this.n; c++) {
      const f = Math.log(this.sigma[c] as number) - Math.log(this.q[c] as number);
      this.F[c] = f;
      const a = Math.abs(f);
      if (Number.isNaN(a) || Number.isNaN(norm)) norm = NaN;
      else if (a > norm) norm = a;
    }
    return norm;
  }

  /**
   * The Newton step into dy, false if the system is singular. The Jacobian of the residual in
   * y = log sigma, written out: dF[i,s]/dy[k,t] is 1 on the diagonal, and for another side k,
   * -lambda * sigma[k,t] * (slope[s][t] - sum_r q[r] slope[r][t]), where slope is how i's
   * values move with k's play and q i's logit reply.
   */
  private step(lambda: number): boolean {
    const { n, M, P, sz, start } = this;
    const W = n + 1;
    M.fill(0);
    for (let r = 0; r < n; r++) {
      M[r * W + r] = 1;
      M[r * W + n] = -(this.F[r] as number);
    }
    for (let i = 0; i < P; i++) {
      const ni = sz[i] as number;
      const si = start[i] as number;
      for (let k = 0; k < P; k++) {
        if (k === i) continue;
        const nk = sz[k] as number;
        const sk0 = start[k] as number;
        const at = this.slopeAt[i * P + k] as number;
        for (let t = 0; t < nk; t++) {
          let mean = 0;
          for (let r = 0; r < ni; r++) mean += (this.q[si + r] as number) * (this.slopes[at + r * nk + t] as number);
          const sk = this.sigma[sk0 + t] as number;
          for (let s = 0; s < ni; s++) M[(si + s) * W + sk0 + t] = -lambda * sk * ((this.slopes[at + s * nk + t] as number) - mean);
        }
      }
    }
    return eliminate(M, n, this.dy);
  }

  /** Newton's method on the fixed-point equations at `lambda`, from y0: the corrected point, or null. */
  correct(y0: readonly number[], lambda: number): number[] | null {
    let y = [...y0];
    for (let it = 0; it < 40; it++) {
      this.gather(y, true);
      if (this.residual(lambda) < 1e-10) return y;
      if (!this.step(lambda)) return null;
      // Damped: log-probabilities move at most 2 per step.
      let big = -Infinity;
      for (let c = 0; c < this.n; c++) {
        const a = Math.abs(this.dy[c] as number);
        if (Number.isNaN(a) || Number.isNaN(big)) big = NaN;
        else if (a > big) big = a;
      }
      const damp = big > 2 ? 2 / big : 1;
      y = y.map((v, c) => v + damp * (this.dy[c] as number));
      if (y.some((v) => !Number.isFinite(v))) return null;
    }
    this.gather(y, false);
    return this.residual(lambda) < 1e-8 ? y : null;
  }
}

function unflatten(x: readonly number[], sz: readonly number[]): Mixed {
  let k = 0;
  return sz.map((n) => Array.from({ length: n }, () => x[k++] as number));
}

export function logitTrace(g: NormalForm, opts: { maxLambda?: number; steps?: number } = {}): QreTrace {
  const sz = sizes(g);
  const { lo, scale } = payoffRange(g);
  // Normalise payoffs to a range of 1, so lambda means the same in every table.
  const norm: NormalForm = { ...g, payoffs: g.payoffs.map((v) => (v - lo) / scale) };
  const maxLambda = opts.maxLambda ?? 1000;
  const steps = opts.steps ?? 120;
  const system = new LogitSystem(norm);
  let y = sz.flatMap((n) => new Array<number>(n).fill(1 / n)).map(Math.log);
  const points: QrePoint[] = [];
  const sigma0 = unflatten(y.map(Math.exp), sz);
  points.push({ lambda: 0, sigma: sigma0, regret: regret(g, sigma0) });
  let stopped = false;
  for (let k = 1; k <= steps; k++) {
    const lambda = 0.1 * Math.pow(maxLambda / 0.1, (k - 1) / (steps - 1));
    const next = system.correct(y, lambda);
    if (!next) {
      stopped = true;
      break;
    }
    y = next;
    const sigma = unflatten(y.map(Math.exp), sz);
    points.push({ lambda, sigma, regret: regret(g, sigma) });
  }
  return { points, stopped, payoffScale: scale };
}
