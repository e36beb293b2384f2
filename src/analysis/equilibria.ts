// Pure-strategy Nash equilibria of a 3-player normal-form game given as a payoff table.
// Small enough to enumerate: a profile is an equilibrium when no player gains more than
// `tolerance` by switching strategy alone.

export type Payoff3 = [number, number, number];

export interface Game3 {
  /** Number of strategies of each player. */
  sizes: [number, number, number];
  /** Payoffs of the three players at profile (a, b, c). */
  payoff(a: number, b: number, c: number): Payoff3;
}

type Profile3 = [number, number, number];

function at(g: Game3, p: Profile3): Payoff3 {
  return g.payoff(p[0], p[1], p[2]);
}

/** Player i's best replies to the others' strategies in `p` (all ties within tolerance). */
export function bestResponses(g: Game3, player: 0 | 1 | 2, p: Profile3, tolerance = 0): number[] {
  let best = -Infinity;
  const values: number[] = [];
  for (let s = 0; s < g.sizes[player]; s++) {
    const q: Profile3 = [...p];
    q[player] = s;
    const v = at(g, q)[player];
    values.push(v);
    if (v > best) best = v;
  }
  return values.flatMap((v, s) => (v >= best - tolerance ? [s] : []));
}

export function isEquilibrium(g: Game3, p: Profile3, tolerance = 0): boolean {
  return ([0, 1, 2] as const).every((i) => bestResponses(g, i, p, tolerance).includes(p[i]));
}

export function pureEquilibria(g: Game3, tolerance = 0): Profile3[] {
  const out: Profile3[] = [];
  for (let a = 0; a < g.sizes[0]; a++)
    for (let b = 0; b < g.sizes[1]; b++)
      for (let c = 0; c < g.sizes[2]; c++) if (isEquilibrium(g, [a, b, c], tolerance)) out.push([a, b, c]);
  return out;
}
