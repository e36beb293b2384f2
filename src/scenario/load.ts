import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { MAX_SCENARIO_BYTES, decodeText, printable, readBounded } from '../bounded-read.js';
import YAML, { isPair, isScalar, LineCounter } from 'yaml';
import type { Actor } from '../model/context.js';
import type { Params } from '../model/params.js';
import type { ClaimId } from '../model/claims.js';
import type { Field } from './fields.js';
import { closest } from '../closest-name.js';
import { InputError } from '../input-error.js';
import { CLAIMS } from '../model/claims.js';
import { allFields, defaultParams, fieldAt, FIELD_GROUPS, getPath, setPath } from './fields.js';
import { SCENARIO_SCHEMA_VERSION, scenarioSchema } from './schema.js';

export type AssumptionSetting = 'on' | 'off' | Record<string, number>;

export interface Scenario {
  name: string;
  title: string;
  description: string;
  /** The file it came from, as given. */
  source: string;
  /** sha256 of the file's text: a log records it so a changed file can be noticed. */
  sha256: string;
  params: Params;
  /** Default strategies for sides not chosen on the command line. */
  strategies: Partial<Record<Actor, string>>;
  assumptions: Partial<Record<ClaimId, AssumptionSetting>>;
  /**
   * A round is one month; `firstMonth` (YYYY-MM) is the month round 1 stands for, absent for
   * a scenario tied to no date (baseline). The record view lays the record on this clock.
   */
  clock?: ScenarioClock;
}

export interface ScenarioClock {
  round: 'month';
  firstMonth?: string;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function where(file: string, lc: LineCounter, offset: number | undefined): string {
  if (offset === undefined) return file;
  const { line, col } = lc.linePos(offset);
  return `${file}:${line}:${col}`;
}

function fail(place: string, message: string): never {
  throw new InputError(`${place}: ${message}`);
}

/**
 * A scenario file with problems: `problems` lists every one found, in line order, each as
 * one `file:line:col: what; fix` line; the message is the first of them, so a command that
 * only needs to refuse the file still prints one line.
 */
export class ScenarioProblems extends InputError {
  constructor(readonly problems: string[]) {
    super(problems[0] ?? 'the scenario has problems');
  }
}

interface Problem {
  offset: number;
  text: string;
}

/** Past this many problems a file is not a scenario with typos: the rest are counted, not listed. */
export const MAX_PROBLEMS_LISTED = 50;

function failAll(file: string, lc: LineCounter, found: Problem[]): never {
  const sorted = [...found].sort((a, b) => a.offset - b.offset);
  const listed = sorted.slice(0, MAX_PROBLEMS_LISTED).map((p) => `${where(file, lc, p.offset)}: ${p.text}`);
  const more = sorted.length - listed.length;
  if (more > 0) listed.push(`${file}: ${more} more problem${more === 1 ? '' : 's'} not listed (${sorted.length} in all). Fix: the ones above first.`);
  throw new ScenarioProblems(listed);
}

function readText(file: string): string {
  let st;
  try {
    st = statSync(file);
  } catch {
    fail(file, "no such file. Fix: check the path, or run 'leverage scenarios' to list the built-in scenarios.");
  }
  if (st.isDirectory()) fail(file, 'is a directory, not a scenario file. Fix: name a .yaml file inside it.');
  let bytes: Buffer;
  try {
    bytes = readBounded(file, MAX_SCENARIO_BYTES, 'scenario file');
  } catch (e) {
    if (e instanceof InputError) throw e;
    fail(file, `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}). Fix: check its permissions.`);
  }
  return decodeText(bytes, file);
}

function allowedText(f: Field): string {
  const what = f.kind === 'perRung' ? 'a list of 4 numbers, each' : f.kind === 'number' && f.int ? 'a whole number' : 'a number';
  return `${what} from ${f.min} to ${f.max}`;
}

const TOP_KEYS = Object.keys(scenarioSchema.shape);

function keysAllowedAt(path: (string | number)[]): string[] {
  if (path.length === 0) return TOP_KEYS;
  const joined = path.join('.');
  if (joined === 'payoffs') return ['us', 'china', 'kim'];
  if (joined === 'strategies') return ['us', 'china', 'kim'];
  if (joined === 'clock') return ['round', 'firstMonth'];
  if (joined === 'assumptions') return Object.keys(CLAIMS);
  const group = (FIELD_GROUPS as Record<string, Record<string, Field>>)[joined];
  return group ? Object.keys(group) : [];
}

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
  received?: string;
}

function describeIssue(issue: Issue, data: unknown): { path: (string | number)[]; text: string } {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const dotted = path.filter((p) => typeof p === 'string').join('.');
  const field = fieldAt(dotted);
  const value = getPath(data, path.map(String));
  // Worked out only when a message shows the value: for a problem with the whole file (an
  // unknown top-level key), stringifying it once per problem made many problems quadratic.
  const show = () => (typeof value === 'number' && !Number.isFinite(value) ? String(value) : JSON.stringify(value));
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys?.[0] ?? '?';
    const allowed = keysAllowedAt(path);
    const guess = closest(key, allowed);
    const at = path.length ? ` in ${path.join('.')}` : '';
    return {
      path: [...path, key],
      text: `unknown field '${key}'${at}.${guess ? ` Did you mean '${guess}'?` : ''} Allowed: ${allowed.join(', ')}.`,
    };
  }
  if (value === null && issue.code === 'invalid_type' && path.length > 0) {
    // A group takes fields under it; a single field (name:, rounds:, start.tension:) takes a value.
    if (keysAllowedAt(path).length > 0) {
      return { path, text: `'${dotted}' is empty. Fix: give it fields, indented under it (see scenarios/README.md), or delete the line.` };
    }
    const example = field ? ` (${allowedText(field)})` : dotted === 'name' ? " (letters, digits, '.', '_' or '-')" : '';
    return { path, text: `'${dotted}' is empty. Fix: give it a value after the colon${example}, or delete the line.` };
  }
  if (value === undefined && issue.code === 'invalid_type') {
    return { path, text: `missing required field '${dotted}'. Fix: add it (see scenarios/README.md).` };
  }
  if (dotted === 'schema') {
    return { path, text: `schema is ${show()}; this version of leverage reads schema ${SCENARIO_SCHEMA_VERSION}. Fix: set 'schema: ${SCENARIO_SCHEMA_VERSION}'.` };
  }
  if (dotted === 'clock.round') {
    return { path, text: `clock.round is ${show()}; a round is a month. Fix: set 'round: month'.` };
  }
  if (dotted === 'clock.firstMonth') {
    return { path, text: `clock.firstMonth is ${show()}; it must be a month written YYYY-MM, in quotes (e.g. "2022-01").` };
  }
  if (dotted === 'name') {
    return { path, text: `name ${show()} must be 1-60 letters, digits, '.', '_' or '-', starting with a letter or digit.` };
  }
  if (path[0] === 'assumptions' && path.length === 2) {
    return { path, text: `assumption ${String(path[1])} is ${show()}; allowed: on, off, or a map of parameter overrides such as { chinaInfluence: 0.1 }.` };
  }
  if (field) {
    return { path, text: `${dotted} is ${show()}; allowed: ${allowedText(field)}.` };
  }
  return { path, text: `${dotted || 'the file'}: ${issue.message}.` };
}

/** Parse and validate scenario text. `file` is used in messages only. */
export function parseScenario(text: string, file: string): Scenario {
  const lc = new LineCounter();
  if (text.trim() === '') {
    fail(`${file}:1:1`, "the file is empty. Fix: a scenario needs at least 'schema: 1', 'name', 'title' and 'description'.");
  }
  // Duplicate keys are found below in one pass: the parser's own check compares every key
  // with every other (8,000 keys took seconds).
  const doc = YAML.parseDocument(text, { lineCounter: lc, uniqueKeys: false, prettyErrors: false });
  // Syntax errors first, all of them: past one, what the file means is guesswork.
  if (doc.errors.length > 0) {
    failAll(
      file,
      lc,
      doc.errors.map((e) => ({
        offset: e.pos[0],
        text: e.code === 'DUPLICATE_KEY' ? 'a key appears twice in the same map. Fix: keep one.' : `invalid YAML: ${e.message.split('\n')[0]}.`,
      })),
    );
  }
  const duplicates: Problem[] = [];
  YAML.visit(doc, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const k = String(pair.key.value);
        if (seen.has(k)) duplicates.push({ offset: pair.key.range?.[0] ?? 0, text: 'a key appears twice in the same map. Fix: keep one.' });
        seen.add(k);
      }
    },
  });
  if (duplicates.length > 0) failAll(file, lc, duplicates);
  const forbidden: Problem[] = [];
  YAML.visit(doc, {
    Pair(_, pair) {
      if (isPair(pair) && isScalar(pair.key) && FORBIDDEN_KEYS.has(String(pair.key.value))) {
        forbidden.push({ offset: pair.key.range?.[0] ?? 0, text: `the key '${String(pair.key.value)}' is not allowed. Fix: remove it.` });
      }
    },
  });
  if (forbidden.length > 0) failAll(file, lc, forbidden);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (e) {
    fail(`${file}:1:1`, `${(e as Error).message.split('\n')[0]}. Fix: avoid YAML aliases that expand recursively.`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    fail(`${file}:1:1`, 'a scenario must be a YAML map of fields (schema, name, title, ...).');
  }
  const parsed = scenarioSchema.safeParse(data);
  if (!parsed.success) {
    // Every issue, an unknown-keys issue once per key, each placed at its line.
    const keyOffsets = new WeakMap<object, Map<string, number>>();
    const issues = (parsed.error.issues as Issue[]).flatMap((i) => (i.code === 'unrecognized_keys' && (i.keys?.length ?? 0) > 1 ? (i.keys ?? []).map((k) => ({ ...i, keys: [k] })) : [i]));
    failAll(
      file,
      lc,
      issues.map((issue) => {
        const { path, text: msg } = describeIssue(issue, data);
        return { offset: locateOffset(doc, path, keyOffsets), text: msg };
      }),
    );
  }
  const s = parsed.data;
  const params = defaultParams();
  mergeInto(params as unknown as Record<string, unknown>, s as Record<string, unknown>);
  const assumptions = (s.assumptions ?? {}) as Partial<Record<ClaimId, AssumptionSetting>>;
  const wrong: Problem[] = [];
  applyAssumptions(params, assumptions, (claim, key, msg) => wrong.push({ offset: locateOffset(doc, ['assumptions', claim, ...(key ? [key] : [])]), text: msg }));
  if (wrong.length > 0) failAll(file, lc, wrong);
  return {
    name: s.name,
    // Shown on screens and pages: control characters (terminal escapes) are dropped.
    title: printable(s.title),
    description: printable(s.description),
    source: file,
    sha256: createHash('sha256').update(text).digest('hex'),
    // A clone, because params built field by field (defaultParams) leave objects of ~20
    // fields in V8's slow dictionary mode: reading `params.us.*` then cost ~12 ns a field,
    // and the rules read them millions of times a batch. A clone's objects are fast.
    params: structuredClone(params),
    strategies: s.strategies ?? {},
    assumptions,
    ...(s.clock ? { clock: s.clock.firstMonth ? { round: s.clock.round, firstMonth: s.clock.firstMonth } : { round: s.clock.round } } : {}),
  };
}

/** The offset of each key of a map node, indexed once (a scan per lookup made many problems quadratic). */
function keyOffsetsOf(parent: object, cache: WeakMap<object, Map<string, number>>): Map<string, number> {
  let m = cache.get(parent);
  if (!m) {
    m = new Map();
    for (const item of (parent as { items?: unknown[] }).items ?? []) {
      if (isPair(item) && isScalar(item.key)) {
        const k = String(item.key.value);
        if (!m.has(k)) m.set(k, item.key.range?.[0] ?? 0);
      }
    }
    cache.set(parent, m);
  }
  return m;
}

/** The nearest YAML node to a path, as an offset in the text. */
function locateOffset(doc: YAML.Document, path: (string | number)[], cache = new WeakMap<object, Map<string, number>>()): number {
  for (let n = path.length; n >= 0; n--) {
    const sub = path.slice(0, n);
    if (n > 0) {
      // Prefer the key's position: "field: value" points at the field.
      const parent = n > 1 ? doc.getIn(sub.slice(0, -1), true) : doc.contents;
      if (parent && typeof parent === 'object' && Array.isArray((parent as { items?: unknown[] }).items)) {
        const at = keyOffsetsOf(parent, cache).get(String(sub[n - 1]));
        if (at !== undefined) return at;
      }
      const node = doc.getIn(sub, true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return node.range[0];
    } else {
      const c = doc.contents as { range?: [number, number, number] } | null;
      return c?.range?.[0] ?? 0;
    }
  }
  return 0;
}

const META_KEYS = new Set(['schema', 'name', 'title', 'description', 'strategies', 'assumptions', 'clock']);

function mergeInto(target: Record<string, unknown>, src: Record<string, unknown>, depth = 0): void {
  for (const [k, v] of Object.entries(src)) {
    if (depth === 0 && META_KEYS.has(k)) continue;
    if (v === undefined) continue;
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
      if (typeof target[k] !== 'object' || target[k] === null) target[k] = {};
      mergeInto(target[k] as Record<string, unknown>, v as Record<string, unknown>, depth + 1);
    } else {
      target[k] = Array.isArray(v) ? [...v] : v;
    }
  }
}

/**
 * Switch claims off, or weaken them, as a scenario's `assumptions:` block says.
 * `off` applies the claim's own overrides (model/claims.ts); a map sets parameters,
 * named by full path (`start.chinaInfluence`) or by a field name the claim is tagged with.
 */
export function applyAssumptions(
  params: Params,
  assumptions: Partial<Record<ClaimId, AssumptionSetting>>,
  /** Told of each bad override; the override is then skipped (it may also throw). */
  onError: (claim: string, key: string | undefined, message: string) => void,
): void {
  const target = params as unknown as Record<string, unknown>;
  for (const [claim, setting] of Object.entries(assumptions) as [ClaimId, AssumptionSetting][]) {
    if (setting === 'on') continue;
    const overrides = setting === 'off' ? CLAIMS[claim].off : setting;
    for (const [key, value] of Object.entries(overrides)) {
      const path = resolveAssumptionKey(claim, key);
      if (!path) {
        const tagged = allFields().filter((f) => f.field.claims.includes(claim)).map((f) => f.path);
        onError(claim, key, `'${key}' is not a parameter of ${claim}. Allowed: ${tagged.join(', ') || 'none'} (or any full path such as start.chinaInfluence).`);
        continue;
      }
      const field = fieldAt(path) as Field;
      if (field.kind !== 'number' || !Number.isFinite(value) || value < field.min || value > field.max || (field.int && !Number.isInteger(value))) {
        onError(claim, key, `${path} is ${value}; allowed: ${allowedText(field)}.`);
        continue;
      }
      setPath(target, path.split('.'), value);
    }
  }
}

function resolveAssumptionKey(claim: ClaimId, key: string): string | undefined {
  if (key.includes('.')) return fieldAt(key) ? key : undefined;
  const tagged = allFields().filter((f) => f.field.claims.includes(claim) && f.path.endsWith(`.${key}`));
  if (tagged.length === 1) return tagged[0]?.path;
  const any = allFields().filter((f) => f.path.endsWith(`.${key}`) || f.path === key);
  return any.length === 1 ? any[0]?.path : undefined;
}

export function loadScenarioFile(file: string): Scenario {
  return parseScenario(readText(file), file);
}
