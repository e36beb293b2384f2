// Writes src/model/state-code.generated.ts from the state table (STATE_FIELDS,
// model/context.ts): a game's first state, the fields each side's view copies, the log's
// digest, the batch summary, a whole-state copy, the per-round reset and the payoff terms
// (PAYOFF_TERMS, model/outcomes.ts), each as plain
// straight-line TypeScript that a reader, "go to definition" and the type checker can all
// follow (issue 17: no code is generated at run time). Straight-line code because a loop that
// reads and writes fields by a varying name is a megamorphic access in V8, measured ~3x
// slower over a whole batch game. Run by `npm run gen` and `npm run build` (through
// gen-compiled-round.ts); a test fails while the committed file is stale.
import { join } from 'node:path';
import type { StateField, StateFieldDecl } from '../src/model/context.js';
import { ACTORS, DECLS, STATE_FIELD_NAMES } from '../src/model/context.js';
import * as beliefs from '../src/model/beliefs.js';
import { PAYOFF_TERMS, SCORING_FACTS } from '../src/model/outcomes.js';

export const STATE_CODE_FILE = join(import.meta.dirname, '..', 'src', 'model', 'state-code.generated.ts');

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const ident = (name: string): string => {
  if (!IDENTIFIER.test(name)) throw new Error(`state field name '${name}' is not an identifier`);
  return name;
};

/** A field's `read` as a call into model/beliefs.ts by name: the only module a read may come from. */
function readCall(field: StateField, read: StateFieldDecl['read']): string {
  const name = Object.entries(beliefs).find(([, f]) => f === read)?.[0];
  if (!name) throw new Error(`state field '${field}': its read must be a function exported by src/model/beliefs.ts`);
  return `${ident(name)}(c)`;
}

const value = (k: StateField) => (DECLS[k].read ? readCall(k, DECLS[k].read) : `c.${ident(k)}`);
const literal = (v: unknown) => (typeof v === 'string' ? `'${v.replace(/[\\']/g, '\\$&')}'` : JSON.stringify(v));

function initialState(): string[] {
  const lines = STATE_FIELD_NAMES.map((k) => {
    const d = DECLS[k];
    if (d.start === undefined) return `    ${ident(k)}: ${literal(d.value)},`;
    const from = `s.${ident(d.start)}`;
    // C8: a belief's counts start as its prior's share of the prior's weight.
    if (d.prior === 'pay') return `    ${ident(k)}: ${from} * w,`;
    if (d.prior === 'refuse') return `    ${ident(k)}: (1 - ${from}) * w,`;
    return `    ${ident(k)}: ${from},`;
  });
  return [
    "/** A game's first state, as one object literal (one shape, no spread). */",
    'export function initialState(p: Params): GameContext {',
    '  const s = p.start;',
    '  const w = p.repetition.beliefPriorWeight;',
    '  return {',
    '    params: p,',
    ...lines,
    '  };',
    '}',
  ];
}

function copier(name: string, doc: string, outType: string, pairs: [string, string][]): string[] {
  return [`/** ${doc} */`, `export function ${name}(c: GameContext, o: ${outType}): void {`, ...pairs.map(([to, from]) => `  o.${ident(to)} = ${from};`), '}'];
}

const Title = (a: string) => a[0]!.toUpperCase() + a.slice(1);

function perRound(): string[] {
  const remembered = STATE_FIELD_NAMES.flatMap((k) => {
    const to = DECLS[k].rememberedAs;
    return to === undefined ? [] : [`  c.${ident(to)} = c.${ident(k)};`];
  });
  const reset = STATE_FIELD_NAMES.flatMap((k) => (DECLS[k].perRound ? [`  c.${ident(k)} = ${literal(DECLS[k].value)};`] : []));
  return [
    '/**',
    ' * What a new round does to the per-round fields: each field tagged `rememberedAs` is first',
    ' * copied into the field it is remembered as, then each field tagged `perRound` is reset.',
    ' */',
    'export function turnRoundFields(c: GameContext): void {',
    ...remembered,
    ...reset,
    '}',
  ];
}

/** The payoff terms (PAYOFF_TERMS, model/outcomes.ts), one straight line each, in table order. */
function payoffTerms(): string[] {
  const facts = new Set<string>(SCORING_FACTS);
  for (const f of facts) if (f in DECLS) throw new Error(`scoring fact '${f}' has the name of a state field; rename one, so a payoff term's factor names one thing`);
  const lines = PAYOFF_TERMS.map((t, i) => {
    const factors = t.of.map((f) => (facts.has(f) ? `s.${ident(f)}` : f in DECLS ? `c.${ident(f)}` : fail(`payoff term ${t.actor}.${t.id}: '${f}' is neither a scoring fact nor a state field`)));
    const product = [`w.${ident(t.actor)}.${ident(t.weightName)}`, ...factors].join(' * ');
    return `  out[${i}] = ${t.sign < 0 ? `-(${product})` : product}; // ${t.actor}.${t.id}`;
  });
  return [
    '/** Each payoff term (PAYOFF_TERMS) into `out`, in table order: its sign, its weight, then each factor. */',
    'export function writeTerms(c: GameContext, s: ScoringFacts, out: number[]): number[] {',
    '  const w = c.params.payoffs;',
    ...lines,
    '  return out;',
    '}',
  ];
}

function fail(message: string): never {
  throw new Error(message);
}

/** The whole generated file. */
export function stateCodeSource(): string {
  for (const k of STATE_FIELD_NAMES) {
    const d = DECLS[k];
    if (d.perRound && d.start !== undefined) throw new Error(`state field '${k}': a perRound field resets to its constant value, so it cannot start from a scenario field`);
    if (d.rememberedAs !== undefined && !(d.rememberedAs in DECLS)) throw new Error(`state field '${k}': rememberedAs names '${d.rememberedAs}', not a state field`);
  }
  const usedReads = new Set(STATE_FIELD_NAMES.flatMap((k) => (DECLS[k].read ? [readCall(k, DECLS[k].read).slice(0, -3)] : [])));
  const tagged = (tag: 'digest' | 'summary') => STATE_FIELD_NAMES.flatMap((k): [string, string][] => (DECLS[k][tag] === undefined ? [] : [[DECLS[k][tag] as string, value(k)]]));
  const parts: string[][] = [
    initialState(),
    ...ACTORS.map((a) =>
      copier(
        `copySeenBy${Title(a)}`,
        `The state fields side ${a} sees (\`seenBy\`), copied onto its view under the names the view gives them.`,
        `SeenFields<'${a}'>`,
        STATE_FIELD_NAMES.flatMap((k): [string, string][] => (DECLS[k].seenBy?.includes(a) ? [[DECLS[k].viewAs ?? k, value(k)]] : [])),
      ),
    ),
    copier('copyDigest', "The fields tagged `digest`: what the log records after every step.", 'DigestFields', tagged('digest')),
    copier('copySummary', 'The fields tagged `summary`: what a batch keeps of each game.', 'SummaryFields', tagged('summary')),
    copier('copyState', 'Every state field, copied from one state onto another (the params are not copied).', 'StateValues', STATE_FIELD_NAMES.map((k) => [k, `c.${ident(k)}`])),
    perRound(),
    payoffTerms(),
    ...liveFields(),
  ];
  const head = [
    '// GENERATED by scripts/gen-state-code.ts from STATE_FIELDS (src/model/context.ts); do not edit.',
    "// Regenerate with `npm run gen` after changing the table; a test fails while this file is stale.",
    "import type { DigestFields, GameContext, StateValues, SummaryFields } from './context.js';",
    "import type { ScoringFacts } from './outcomes.js';",
    "import type { Params } from './params.js';",
    "import type { SeenFields } from './views.js';",
    "import { LiveView } from './live-view-base.js';",
    ...(usedReads.size ? [`import { ${[...usedReads].sort().join(', ')} } from './beliefs.js';`] : []),
  ];
  return `${head.join('\n')}\n\n${parts.map((p) => p.join('\n')).join('\n\n')}\n`;
}

/**
 * The getters of the live views (the batch path's views that copy nothing), one per state
 * field a side sees (`seenBy`), under its view name, reading the context at the moment a
 * strategy asks. The fields every side sees sit once in a shared class; each side's class
 * adds its own. They live in this one generated file, beside the copying views, so a field a
 * side sees is one row of the state table and one regenerated file (issue 17). The views
 * themselves (engine/batch/live-views.ts) extend these with what a view has beyond the state
 * fields; return types are left to the compiler, and `implements <Side>View` there makes a
 * missing or mistyped field fail to compile.
 */
function liveFields(): string[][] {
  const getter = (k: StateField): string[] => {
    const d = DECLS[k];
    const from = d.read ? `${readCall(k, d.read).slice(0, -3)}(this.ctx)` : `this.ctx.${ident(k)}`;
    return [`  get ${ident(d.viewAs ?? k)}() {`, `    return ${from};`, '  }'];
  };
  const seenByAll = (k: StateField) => ACTORS.every((a) => DECLS[k].seenBy?.includes(a));
  const shared = [
    '/** The state fields every side sees, read live off the context (the batch path\'s views). */',
    'export abstract class SharedLiveFields extends LiveView {',
    ...STATE_FIELD_NAMES.filter(seenByAll).flatMap(getter),
    '}',
  ];
  const sides = ACTORS.map((a) => [
    `/** The state fields side ${a} sees beyond those every side sees, read live. */`,
    `export abstract class ${Title(a)}LiveFields extends SharedLiveFields {`,
    ...STATE_FIELD_NAMES.filter((k) => !seenByAll(k) && DECLS[k].seenBy?.includes(a)).flatMap(getter),
    '}',
  ]);
  return [shared, ...sides];
}
