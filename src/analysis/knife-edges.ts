import type { Params } from '../model/params.js';
import type { Actor } from '../model/context.js';
import type { Scenario } from '../scenario/load.js';
import type { Cell, ProfileIds } from '../engine/batch/batch.js';
import type { MetricKey } from '../engine/batch/stats.js';
import type { FactId, FactResult } from './calibrate.js';
import { WorkerPool } from '../engine/batch/pool.js';
import { METRICS, meanInterval } from '../engine/batch/stats.js';
import { allFields, getPath, setPath } from '../scenario/fields.js';
import { DEFAULT_STRATEGY, defaultStrategyId } from '../strategies/registry.js';
import { InputError } from '../input-error.js';
import { nameFix } from '../closest-name.js';
import { calibrate } from './calibrate.js';
import { CONCLUSIONS, contrast, neededProfiles, verdictOf } from './robustness.js';
import { pairedSettings, runOnce } from './experiment.js';

// Knife edges (issue 19, item 6): how far one parameter can move, alone, before a stylized
// fact of the calibration battery or one of the columns' conclusions changes its verdict.
// Each parameter is halved and doubled; where either end flips something, the point between
// is found by bisection on a log scale. A verdict counts only when its 95% interval is clear
// of its line: an interval that straddles is "undecided", never a flip, so a flip cannot come
// from luck picked among many probes.

/** The parameters checked when none are named: issue 19's mechanisms and the issue's own knife edges. */
export function defaultKnifeEdgeParams(): string[] {
  const dynamics = allFields()
    .filter((f) => f.path.startsWith('dynamics.') && f.field.kind === 'number')
    .map((f) => f.path);
  return [
    ...dynamics,
    // Named in issue 19's "Knife edges" paragraph.
    'kim.testCost',
    'kim.lifelineDependence',
    'kim.tensionDecay',
    // The payoff weights the columns' conclusions lean on (C8) and China's two new terms (C2, C7).
    'payoffs.us.credibility',
    'payoffs.china.usStrain',
    'payoffs.china.unwantedTests',
  ];
}

/** Bisection steps between the shipped value and a flipping end: 4 halve a factor of 2 down to about 4%. */
export const DEFAULT_BISECTION_STEPS = 4;

/** The named parameters checked: each a single-number scenario field, else a one-line error with the nearest name. */
export function parseKnifeEdgeParams(names: readonly string[]): string[] {
  const numeric = allFields().filter((f) => f.field.kind === 'number');
  const out: string[] = [];
  for (const raw of names) {
    const name = raw.trim();
    const found = allFields().find((f) => f.path === name);
    if (!found) throw new InputError(`--param ${name}: no scenario field of that name. ${nameFix(name, numeric.map((f) => f.path))}`);
    if (found.field.kind !== 'number') throw new InputError(`--param ${name}: a list of four numbers (one per rung); name a single-number field.`);
    if (!out.includes(name)) out.push(name);
  }
  return out;
}

// ---------- verdicts, three-valued ----------

export type ItemState = 'pass' | 'fail' | 'holds' | 'breaks' | 'undecided';

export interface ItemStatus {
  kind: 'fact' | 'conclusion';
  id: string;
  /** The fact or the conclusion, as calibrate and robustness word it. */
  label: string;
  state: ItemState;
  value: number;
  low: number;
  high: number;
}

type Line = { kind: 'above' | 'below'; at: number; strict: boolean } | { kind: 'between'; from: number; to: number };

/**
 * The line a fact's target draws, read from the target calibrate prints (so the two cannot
 * disagree): "<= 3% ...", "> 0, interval", "15%..60%", "rising, ...", "lower, ...".
 * Undefined where there is no interval to judge (a count of cells that pass).
 */
export function targetLine(target: string): Line | undefined {
  const num = (x: string, pct: string) => Number(x) / (pct ? 100 : 1);
  const range = /^(-?[\d.]+)%\.\.(-?[\d.]+)%/.exec(target);
  if (range) return { kind: 'between', from: num(range[1] as string, '%'), to: num(range[2] as string, '%') };
  const cmp = /^(<=|>=|<|>) (-?[\d.]+)(%?)/.exec(target);
  if (cmp) {
    const op = cmp[1] as string;
    return { kind: op.startsWith('>') ? 'above' : 'below', at: num(cmp[2] as string, cmp[3] as string), strict: op.length === 1 };
  }
  // Sweeps and paired differences: calibrate states them as (last - first) with the interval of that difference.
  if (/^rising\b/.test(target)) return { kind: 'above', at: 0, strict: true };
  if (/^(falling|lower)\b/.test(target)) return { kind: 'below', at: 0, strict: true };
  return undefined;
}

/**
 * A fact's verdict, kept only where its interval agrees: calibrate's pass with the interval
 * clear of the line on the passing side, its fail with the interval clear on the failing
 * side; anything else (the interval straddles, or calibrate's extra conditions disagree) is
 * undecided. A fact reported without an interval (a count of cells that clear a line, as
 * ending.settlement) keeps a pass, which calibrate grants only on intervals clear of the line,
 * but not a fail: too few cells clearing is not the same as cells clearly below it.
 */
export function factState(f: Pick<FactResult, 'pass' | 'target' | 'low' | 'high'>): ItemState {
  const line = targetLine(f.target);
  if (!line || Number.isNaN(f.low) || Number.isNaN(f.high)) return f.pass ? 'pass' : 'undecided';
  let clearPass: boolean;
  let clearFail: boolean;
  if (line.kind === 'between') {
    clearPass = f.low >= line.from && f.high <= line.to;
    clearFail = f.high < line.from || f.low > line.to;
  } else if (line.kind === 'above') {
    clearPass = line.strict ? f.low > line.at : f.low >= line.at;
    clearFail = line.strict ? f.high <= line.at : f.high < line.at;
  } else {
    clearPass = line.strict ? f.high < line.at : f.high <= line.at;
    clearFail = line.strict ? f.low >= line.at : f.low > line.at;
  }
  if (f.pass && clearPass) return 'pass';
  if (!f.pass && clearFail) return 'fail';
  return 'undecided';
}

const decided = (s: ItemState) => s !== 'undecided';

export interface Change {
  kind: ItemStatus['kind'];
  id: string;
  label: string;
  from: ItemState;
  to: ItemState;
}

/** Items whose decided verdict differs from the shipped one (`flips`), and those decided there and undecided here. */
export function compareStatus(shipped: readonly ItemStatus[], probe: readonly ItemStatus[]): { flips: Change[]; undecided: Change[] } {
  const flips: Change[] = [];
  const undecided: Change[] = [];
  for (const s of shipped) {
    const p = probe.find((x) => x.kind === s.kind && x.id === s.id);
    if (!p || !decided(s.state)) continue;
    const change = { kind: s.kind, id: s.id, label: s.label, from: s.state, to: p.state };
    if (!decided(p.state)) undecided.push(change);
    else if (p.state !== s.state) flips.push(change);
  }
  return { flips, undecided };
}

// ---------- the search ----------

/** One setting of the scenario's params to measure: an id (for seeds' sake the scenario keeps its name) and the params. */
export interface Setting {
  id: string;
  params: Params;
}

/**
 * Measures each setting's facts and conclusions, in the order given. `replicate` 0 is the
 * search's seeds; 1 is a fresh set of seeds on which a flip found is measured again.
 */
export type Evaluate = (settings: readonly Setting[], replicate: number) => Promise<ItemStatus[][]>;

export interface EdgeSide {
  direction: 'down' | 'up';
  /** The far end probed: half or double the shipped value, kept within the field's bounds (and whole for a whole field). */
  end: number;
  endFactor: number;
  /**
   * flips: a verdict flips, and fresh seeds give the flipped verdict at the end too;
   * unconfirmed: the search's seeds flip it, fresh seeds at the end do not; fixed: the value cannot move this way
   * (shipped 0, or at its bound).
   */
  result: 'flips' | 'unconfirmed' | 'undecided' | 'none' | 'fixed';
  /**
   * Where something flips: the nearest value probed that flips it, and the farthest probed
   * that flips nothing. `items` flip on the search's seeds and, at the end, on fresh ones;
   * `unconfirmed` only on the search's.
   */
  flip?: { at: number; factor: number; safe: number; safeFactor: number; items: Change[]; unconfirmed: Change[] };
  /** At the end, with no decided flip: the verdicts whose interval now straddles their line. */
  undecided: Change[];
  /**
   * Verdicts flipped at the end that the nearest flip does not include (they flip further
   * out), confirmed on fresh seeds the same way; where they start to flip is not searched.
   */
  alsoAtEnd?: Change[];
}

export interface ParamEdges {
  path: string;
  shipped: number;
  whole: boolean;
  down: EdgeSide;
  up: EdgeSide;
}

export interface ScenarioEdges {
  scenario: string;
  /** Verdicts already undecided at the shipped values: no flip of these is reported. */
  shippedUndecided: ItemStatus[];
  shipped: ItemStatus[];
  params: ParamEdges[];
  /** Distinct settings measured (the shipped one included), and those measured again on fresh seeds. */
  settings: number;
}

interface Bracket {
  param: number;
  side: EdgeSide;
  /** What the end flips on the search's seeds. */
  endFlips: Change[];
  whole: boolean;
  safe: number;
  flipped: number;
  flips: Change[];
  stepsLeft: number;
}

const ratio = (v: number, shipped: number) => (shipped === 0 ? NaN : v / shipped);

function between(b: Bracket): number | undefined {
  if (b.whole) {
    if (Math.abs(b.flipped - b.safe) <= 1) return undefined;
    const mid = Math.round(Math.sqrt(b.safe * b.flipped));
    // Strictly inside the bracket, so every step narrows it.
    const lo = Math.min(b.safe, b.flipped) + 1;
    const hi = Math.max(b.safe, b.flipped) - 1;
    return Math.min(hi, Math.max(lo, mid));
  }
  if (b.stepsLeft <= 0) return undefined;
  return Math.sqrt(b.safe * b.flipped);
}

/**
 * Halve and double each parameter of `paths` in `params` (alone; every other value as
 * shipped), then bisect each end that flips a verdict. Every round of probes is measured in
 * one call of `evaluate`, so the batches are large and the order of work (and so every
 * number) does not depend on how many workers play them.
 */
export async function findKnifeEdges(
  params: Params,
  paths: readonly string[],
  evaluate: Evaluate,
  o: { steps?: number; onProgress?: (message: string) => void } = {},
): Promise<Omit<ScenarioEdges, 'scenario'>> {
  const steps = o.steps ?? DEFAULT_BISECTION_STEPS;
  const fields = new Map(allFields().map((f) => [f.path, f.field]));
  const cache = new Map<string, ItemStatus[]>();
  const keyOf = (p: Params, replicate = 0) => `${replicate}\n${JSON.stringify(p)}`;
  const setting = (path: string, value: number): Setting => {
    const p = structuredClone(params);
    setPath(p as unknown as Record<string, unknown>, path.split('.'), value);
    return { id: `${path}=${value}`, params: p };
  };
  // Each distinct setting is measured once, however many probes land on it.
  const measure = async (list: Setting[], replicate = 0) => {
    const fresh = [...new Map(list.filter((s) => !cache.has(keyOf(s.params, replicate))).map((s) => [keyOf(s.params, replicate), s])).values()];
    if (fresh.length) {
      const results = await evaluate(fresh, replicate);
      fresh.forEach((s, i) => cache.set(keyOf(s.params, replicate), results[i] as ItemStatus[]));
    }
    return list.map((s) => cache.get(keyOf(s.params, replicate)) as ItemStatus[]);
  };

  o.onProgress?.('the shipped values');
  const [shipped] = (await measure([{ id: 'shipped', params }])) as [ItemStatus[]];

  const edges: ParamEdges[] = paths.map((path) => {
    const field = fields.get(path);
    if (!field || field.kind !== 'number') throw new InputError(`--param ${path}: not a single-number scenario field.`);
    const v0 = getPath(params, path.split('.')) as number;
    const whole = !!field.int;
    const endOf = (factor: number) => {
      const raw = Math.min(field.max, Math.max(field.min, v0 * factor));
      return whole ? Math.round(raw) : raw;
    };
    const side = (direction: 'down' | 'up', end: number): EdgeSide => ({ direction, end, endFactor: ratio(end, v0), result: end === v0 ? 'fixed' : 'none', undecided: [] });
    return { path, shipped: v0, whole, down: side('down', endOf(0.5)), up: side('up', endOf(2)) };
  });

  const ends = edges.flatMap((e, i) => [e.down, e.up].filter((s) => s.result !== 'fixed').map((s) => ({ i, s })));
  o.onProgress?.(`halving and doubling ${edges.length} parameters (${ends.length} settings)`);
  const endStatus = await measure(ends.map(({ i, s }) => setting((edges[i] as ParamEdges).path, s.end)));
  const brackets: Bracket[] = [];
  ends.forEach(({ i, s }, k) => {
    const e = edges[i] as ParamEdges;
    const { flips, undecided } = compareStatus(shipped, endStatus[k] as ItemStatus[]);
    if (flips.length) {
      s.result = 'flips';
      brackets.push({ param: i, side: s, endFlips: flips, whole: e.whole, safe: e.shipped, flipped: s.end, flips, stepsLeft: steps });
    } else if (undecided.length) {
      s.result = 'undecided';
      s.undecided = undecided;
    }
  });

  for (let round = 1; ; round++) {
    const open = brackets.map((b) => ({ b, mid: between(b) })).filter((x): x is { b: Bracket; mid: number } => x.mid !== undefined);
    if (!open.length) break;
    o.onProgress?.(`bisection step ${round}: ${open.length} settings`);
    const statuses = await measure(open.map(({ b, mid }) => setting((edges[b.param] as ParamEdges).path, mid)));
    open.forEach(({ b, mid }, k) => {
      b.stepsLeft--;
      const { flips } = compareStatus(shipped, statuses[k] as ItemStatus[]);
      if (flips.length) [b.flipped, b.flips] = [mid, flips];
      else b.safe = mid;
    });
  }
  // Many verdicts at many probes: some flip by chance. A flip stands only if fresh seeds give
  // the flipped verdict, decided, at the end of the range too. (At the flip point itself the
  // verdict sits at its line by construction, so fresh seeds there would mostly say undecided.)
  if (brackets.length) {
    o.onProgress?.(`confirming ${brackets.length} flips on fresh seeds`);
    const atEnd = await measure(brackets.map((b) => setting((edges[b.param] as ParamEdges).path, b.side.end)), 1);
    brackets.forEach((b, k) => {
      const fresh = atEnd[k] as ItemStatus[];
      const holds = (c: Change) => fresh.some((x) => x.kind === c.kind && x.id === c.id && x.state === c.to);
      const v0 = (edges[b.param] as ParamEdges).shipped;
      const items = b.flips.filter(holds);
      b.side.flip = { at: b.flipped, factor: ratio(b.flipped, v0), safe: b.safe, safeFactor: ratio(b.safe, v0), items, unconfirmed: b.flips.filter((c) => !holds(c)) };
      if (!items.length) b.side.result = 'unconfirmed';
      const further = b.endFlips.filter((c) => holds(c) && !b.flips.some((x) => x.kind === c.kind && x.id === c.id));
      if (further.length) b.side.alsoAtEnd = further;
    });
  }
  return { shipped, shippedUndecided: shipped.filter((s) => !decided(s.state)), params: edges, settings: cache.size };
}

// ---------- measuring with the real battery ----------

export interface KnifeEdgeOptions {
  runs: number;
  seed: string;
  rounds: number;
  workers: number;
  params: readonly string[];
  steps?: number;
  /** Only these facts of the battery (default: all); tests narrow it to keep them quick. */
  facts?: readonly FactId[];
  /** Judge the columns' conclusions too (default: yes). */
  conclusions?: boolean;
  onProgress?: (message: string) => void;
}

export interface KnifeEdgeReport {
  kind: 'leverage-knife-edges';
  seed: string;
  runs: number;
  rounds: number;
  steps: number;
  scenarios: ScenarioEdges[];
}

function conclusionStatus(cells: Cell[], at: number, profiles: ProfileIds[], defaults: ProfileIds): ItemStatus[] {
  const key = (p: ProfileIds) => `${p.us}|${p.china}|${p.kim}`;
  const stat = (profile: Partial<ProfileIds>, metric: MetricKey) => {
    const full = { ...defaults, ...profile };
    const p = profiles.findIndex((x) => key(x) === key(full));
    const m = (cells[at * profiles.length + p] as Cell).acc.metrics[METRICS.findIndex((x) => x.key === metric)];
    if (!m) throw new Error(`no metric ${metric}`);
    return { ...meanInterval(m), n: m.n };
  };
  return CONCLUSIONS.map((c) => {
    const effects = c.comparisons.map((cmp) =>
      contrast(
        cmp.plus.map((p) => stat(p, cmp.metric)),
        cmp.minus.map((p) => stat(p, cmp.metric)),
      ),
    );
    const v = verdictOf(effects);
    const first = effects[0] as { diff: number; low: number; high: number };
    return { kind: 'conclusion', id: c.id, label: c.label, state: v === 'unclear' ? 'undecided' : v, value: first.diff, low: first.low, high: first.high };
  });
}

/** The facts and conclusions of one scenario under each setting: the battery per setting, the conclusions' games in one batch. */
function realEvaluator(s: Scenario, o: KnifeEdgeOptions, pool: WorkerPool | undefined): Evaluate {
  const defaults: ProfileIds = {
    us: DEFAULT_STRATEGY.us,
    china: defaultStrategyId('china', s.strategies as Partial<Record<Actor, string>>),
    kim: defaultStrategyId('kim', s.strategies as Partial<Record<Actor, string>>),
  };
  const profiles = neededProfiles(defaults);
  return async (settings, replicate) => {
    // A seed of its own, in the seed alphabet: games unrelated to the search's.
    const seed = replicate ? `${o.seed}.fresh${replicate}` : o.seed;
    const out: ItemStatus[][] = settings.map(() => []);
    if (o.conclusions !== false) {
      // Paired on the same seeds; a setting that only reweighs a score is rescored, not replayed.
      const cells = await runOnce({ command: 'knife-edges', seed, runs: o.runs, scenarios: pairedSettings(s, settings), profiles }, { workers: o.workers, pool });
      settings.forEach((_, i) => out[i]!.push(...conclusionStatus(cells, i, profiles, defaults)));
    }
    if (!o.facts || o.facts.length) {
      for (const [i, setting] of settings.entries()) {
        const r = await calibrate([{ ...s, params: setting.params }], { runs: o.runs, seed, rounds: o.rounds, run: { workers: o.workers, pool }, ...(o.facts ? { only: o.facts } : {}) });
        out[i]!.push(...r.facts.map((f): ItemStatus => ({ kind: 'fact', id: f.id, label: f.fact, state: factState(f), value: f.value, low: f.low, high: f.high })));
      }
    }
    return out;
  };
}

export async function knifeEdges(scenarios: readonly Scenario[], o: KnifeEdgeOptions): Promise<KnifeEdgeReport> {
  const pool = o.workers > 0 ? new WorkerPool(o.workers) : undefined;
  try {
    const out: ScenarioEdges[] = [];
    for (const s of scenarios) {
      const params = structuredClone(s.params);
      params.rounds = o.rounds;
      const found = await findKnifeEdges(params, o.params, realEvaluator(s, o, pool), {
        ...(o.steps !== undefined ? { steps: o.steps } : {}),
        ...(o.onProgress ? { onProgress: (m: string) => o.onProgress?.(`knife edges ${s.name}: ${m}`) } : {}),
      });
      out.push({ scenario: s.name, ...found });
    }
    return { kind: 'leverage-knife-edges', seed: o.seed, runs: o.runs, rounds: o.rounds, steps: o.steps ?? DEFAULT_BISECTION_STEPS, scenarios: out };
  } finally {
    pool?.close();
  }
}

// ---------- in words ----------

const CONCLUSION_WORDS: Record<string, { breaks: string; holds: string }> = {
  dontConcede: { breaks: 'paying (the appeaser) starts to beat refusing (the sanctioner)', holds: 'refusing (the sanctioner) starts to beat paying (the appeaser)' },
  dontAskBeijing: { breaks: 'asking Beijing for help starts to beat refusing (the sanctioner)', holds: 'refusing (the sanctioner) starts to beat asking Beijing for help' },
  exposeAndPressure: { breaks: "the columns' advice stops beating the appeaser", holds: "the columns' advice starts to beat the appeaser" },
  chinaGainsUnlessExposed: { breaks: 'China stops gaining from the leverage game unless exposed', holds: 'China starts to gain from the leverage game unless exposed' },
};

/** What a change means, in a student's words. */
export function changeWords(c: Change): string {
  if (c.kind === 'conclusion') {
    const w = CONCLUSION_WORDS[c.id];
    if (c.to === 'undecided') return `it is no longer clear whether "${c.label}" holds`;
    if (w) return c.to === 'breaks' ? w.breaks : w.holds;
    return c.to === 'breaks' ? `"${c.label}" stops holding` : `"${c.label}" starts to hold`;
  }
  if (c.to === 'undecided') return `it is no longer clear whether ${c.id} passes (${c.label})`;
  return `the fact ${c.id} ${c.to === 'fail' ? 'fails' : 'passes'} (${c.label})`;
}

/** A value as a person reads it: two significant figures, no trailing zeros. */
export function shownValue(v: number, whole = false, digits = 2): string {
  if (whole) return String(Math.round(v));
  return String(Number(v.toPrecision(digits)));
}

/** The fewest significant figures (2 at least) that tell the given values apart. */
export function digitsToTell(values: readonly number[]): number {
  for (let d = 2; d < 8; d++) {
    const shown = values.map((v) => Number(v.toPrecision(d)));
    if (values.every((v, i) => values.every((w, j) => v === w || shown[i] !== shown[j]))) return d;
  }
  return 8;
}

export const shownFactor = (f: number, digits = 2) => `x${Number(f.toPrecision(digits))}`;

/** "the columns' advice stops beating the appeaser when kim.testCost rises to 0.31 (shipped 0.2, x1.6; not yet at 0.29)" */
export function flipSentence(p: ParamEdges, s: EdgeSide): string[] {
  if (!s.flip) return [];
  const moves = s.direction === 'up' ? 'rises to' : 'falls to';
  // The flip lies between the last value probed that flipped nothing and the first that did.
  const d = digitsToTell([s.flip.at, s.flip.safe, p.shipped]);
  const v = (x: number) => shownValue(x, p.whole, d);
  // Where every probe flipped, the flip lies between the shipped value and the nearest probe.
  const before = s.flip.safe === p.shipped ? 'the nearest value probed' : `not yet at ${v(s.flip.safe)}`;
  const where = `${p.path} ${moves} ${v(s.flip.at)} (shipped ${v(p.shipped)}, ${shownFactor(s.flip.factor, d)}; ${before})`;
  return s.flip.items.map((c) => `${changeWords(c)} when ${where}`);
}
