// A finite game in normal form, any number of players: the dense payoff table the equilibrium
// tools read. Profiles are numbered with player 0's strategy changing fastest (as Gambit's
// .nfg files list them).

export interface NormalForm {
  title: string;
  players: string[];
  strategies: string[][];
  /** payoffs[profile * players + player] */
  payoffs: Float64Array;
}

/** The lowest payoff in the table and the table's range (never 0), the scale tolerances and lambda are read in. */
export function payoffRange(g: NormalForm): { lo: number; scale: number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of g.payoffs) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return { lo, scale: Math.max(1e-12, hi - lo) };
}

/** A mixed profile: one probability vector per player. */
export type Mixed = number[][];

export function sizes(g: NormalForm): number[] {
  return g.strategies.map((s) => s.length);
}

export function profileIndex(g: NormalForm, pure: readonly number[]): number {
  let idx = 0;
  let stride = 1;
  g.strategies.forEach((s, i) => {
    idx += (pure[i] as number) * stride;
    stride *= s.length;
  });
  return idx;
}

export function makeGame(title: string, players: string[], strategies: string[][], payoff: (pure: number[]) => number[]): NormalForm {
  const n = strategies.reduce((t, s) => t * s.length, 1);
  const payoffs = new Float64Array(n * players.length);
  const pure = new Array<number>(players.length).fill(0);
  for (let p = 0; p < n; p++) {
    let rest = p;
    strategies.forEach((s, i) => {
      pure[i] = rest % s.length;
      rest = Math.floor(rest / s.length);
    });
    const u = payoff(pure);
    for (let i = 0; i < players.length; i++) payoffs[p * players.length + i] = u[i] as number;
  }
  return { title, players, strategies, payoffs };
}

/** Each profile's pure strategy for every player, profile-major: decoded once per table, not on every call. */
const DIGITS = new WeakMap<Float64Array, Int32Array>();

function digitsOf(g: NormalForm): Int32Array {
  let d = DIGITS.get(g.payoffs);
  if (d) return d;
  const P = g.players.length;
  const total = g.payoffs.length / P;
  d = new Int32Array(total * P);
  for (let p = 0; p < total; p++) {
    let rest = p;
    for (let j = 0; j < P; j++) {
      const n = (g.strategies[j] as string[]).length;
      d[p * P + j] = rest % n;
      rest = Math.floor(rest / n);
    }
  }
  DIGITS.set(g.payoffs, d);
  return d;
}

/**
 * Player i's expected payoff from each of its pure strategies against the others' mixed
 * strategies in `sigma` (player i's own entry is ignored). The solvers call it hundreds of
 * thousands of times, so it reads the decoded profiles; the sums are taken in profile order.
 */
export function strategyValues(g: NormalForm, sigma: Mixed, i: number): number[] {
  const P = g.players.length;
  const d = digitsOf(g);
  const out = new Array<number>((g.strategies[i] as string[]).length).fill(0);
  const total = g.payoffs.length / P;
  for (let p = 0; p < total; p++) {
    let w = 1;
    let own = 0;
    for (let j = 0; j < P; j++) {
      const s = d[p * P + j] as number;
      if (j === i) own = s;
      else w *= (sigma[j] as number[])[s] as number;
      if (w === 0) break;
    }
    if (w !== 0) out[own] = (out[own] as number) + w * (g.payoffs[p * P + i] as number);
  }
  return out;
}

/**
 * How side i's strategy values move with side k's play (k != i): entry [s][t] is the
 * derivative of strategyValues(g, sigma, i)[s] with respect to sigma[k][t], that is side i's
 * payoff from s when k plays t and the rest play sigma. One pass over the table.
 */
export function valueSlopes(g: NormalForm, sigma: Mixed, i: number, k: number): number[][] {
  const P = g.players.length;
  const d = digitsOf(g);
  const out = Array.from({ length: (g.strategies[i] as string[]).length }, () => new Array<number>((g.strategies[k] as string[]).length).fill(0));
  const total = g.payoffs.length / P;
  for (let p = 0; p < total; p++) {
    let w = 1;
    for (let j = 0; j < P; j++) if (j !== i && j !== k) w *= (sigma[j] as number[])[d[p * P + j] as number] as number;
    if (w === 0) continue;
    const row = out[d[p * P + i] as number] as number[];
    const t = d[p * P + k] as number;
    row[t] = (row[t] as number) + w * (g.payoffs[p * P + i] as number);
  }
  return out;
}

export function expectedPayoff(g: NormalForm, sigma: Mixed, i: number): number {
  const v = strategyValues(g, sigma, i);
  return v.reduce((t, x, s) => t + x * ((sigma[i] as number[])[s] as number), 0);
}

/** How much the best-placed player could gain by deviating alone (0 at an equilibrium). */
export function regret(g: NormalForm, sigma: Mixed): number {
  let worst = 0;
  for (let i = 0; i < g.players.length; i++) {
    const v = strategyValues(g, sigma, i);
    const now = v.reduce((t, x, s) => t + x * ((sigma[i] as number[])[s] as number), 0);
    worst = Math.max(worst, Math.max(...v) - now);
  }
  return worst;
}

export function pureProfile(g: NormalForm, pure: readonly number[]): Mixed {
  return sizes(g).map((n, i) => Array.from({ length: n }, (_, s) => (s === pure[i] ? 1 : 0)));
}

/** Iterated elimination of pure strategies strictly dominated by another pure strategy: what survives, per player. */
export function undominated(g: NormalForm): number[][] {
  const sz = sizes(g);
  const alive = sz.map((n) => Array.from({ length: n }, (_, s) => s));
  const P = g.players.length;
  let changed = true;
  while (changed) {
    changed = false;
    for (let i = 0; i < P; i++) {
      const others = alive.map((a, j) => (j === i ? [0] : a));
      // Every profile of the others' surviving strategies.
      const combos: number[][] = [[]];
      others.forEach((a, j) => {
        const next: number[][] = [];
        for (const c of combos) for (const s of a) next.push([...c, j === i ? -1 : s]);
        combos.splice(0, combos.length, ...next);
      });
      const value = (s: number, c: number[]) => g.payoffs[profileIndex(g, c.map((x, j) => (j === i ? s : x))) * P + i] as number;
      const keep = (alive[i] as number[]).filter((s) => !(alive[i] as number[]).some((t) => t !== s && combos.every((c) => value(t, c) > value(s, c))));
      if (keep.length < (alive[i] as number[]).length) {
        alive[i] = keep;
        changed = true;
      }
    }
  }
  return alive;
}
