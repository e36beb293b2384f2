// The one build-time generator (`npm run gen`, run by `npm run build`). It writes
// src/model/state-code.generated.ts (the state code and the live views' getters) from the
// state table (gen-state-code.ts), the field reference in scenarios/README.md from the
// parameter table (as `npm run docs`), and
// src/engine/batch/compiled-round.generated.ts: the game table compiled into one
// straight-line round (issue 12). Each phase in the table's order, each legality test and
// rule called directly by its name in src/model (never copied), moves as small integers and
// legal moves as a bitmask. Before writing, the machine (machine.ts) is checked to have the
// same states, moves, guards, actions and order, so the compiled round, the stepper and the
// diagram cannot drift apart. `npm run build` runs this; a test fails if the committed file
// differs from what this writes now. `--check` only compares.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeAtomic } from '../src/cli/io.js';
import { withFieldReference } from '../src/scenario/docs.js';
import type { Actor } from '../src/model/context.js';
import type { MoveDecl } from '../src/model/game-table.js';
import { ACTOR_TABLE, CHANCE_PHASE, CHANCE_RULES, ENDINGS, GAME_TABLE, NEXT_ROUND, ROUND_END_PHASE, TURN_ORDER } from '../src/model/game-table.js';
import { leverageMachine } from '../src/model/machine.js';
import * as chanceRules from '../src/model/chance.js';
import * as chinaMoves from '../src/model/china-moves.js';
import * as kimMoves from '../src/model/kim-moves.js';
import * as roundEnd from '../src/model/round-end.js';
import * as usMoves from '../src/model/us-moves.js';
import * as dealRules from '../src/model/deals.js';
import { STATE_CODE_FILE, stateCodeSource } from './gen-state-code.js';
import { FORMULAS_FILE, formulasSource } from './gen-inlined-formulas.js';

export const GENERATED_FILE = join(import.meta.dirname, '..', 'src', 'engine', 'batch', 'compiled-round.generated.ts');

/** The rule modules a call may name, with the alias the generated file imports each under. */
const RULE_MODULES: { alias: string; path: string; exports: Record<string, unknown> }[] = [
  { alias: 'chinaMoves', path: '../../model/china-moves.js', exports: chinaMoves },
  { alias: 'kimMoves', path: '../../model/kim-moves.js', exports: kimMoves },
  { alias: 'usMoves', path: '../../model/us-moves.js', exports: usMoves },
  { alias: 'chanceRules', path: '../../model/chance.js', exports: chanceRules },
  { alias: 'roundEnd', path: '../../model/round-end.js', exports: roundEnd },
  { alias: 'dealRules', path: '../../model/deals.js', exports: dealRules },
];

type Fn = (...args: never[]) => unknown;

/**
 * A rule as a direct call into its module: `alias.name(ctx, ...args)`. The table's entry is
 * either the module's function itself, or a one-call wrapper `(c) => mod.name(c, 'x', n)`
 * whose extra arguments are the declaration's params (literals or same-named variables);
 * anything else is called through the table (`fallback`), so nothing is ever copied.
 */
function directCall(name: string, fn: Fn, params: Readonly<Record<string, number | string>> | undefined, ctxArgs: string, fallback: string, used: Set<string>): string {
  const owners = RULE_MODULES.filter((m) => typeof m.exports[name] === 'function');
  if (owners.length !== 1) return fallback;
  const owner = owners[0] as (typeof RULE_MODULES)[number];
  const target = owner.exports[name] as Fn;
  if (fn === target) {
    used.add(owner.alias);
    const args = ctxArgs.split(', ').slice(0, Math.max(1, target.length));
    return `${owner.alias}.${name}(${args.join(', ')})`;
  }
  // A wrapper: `(c) => mod.name(c, a, b)`, as its source reads (tsc, esbuild and vitest all keep the call).
  const src = String(fn).trim();
  const m = /^\(?\s*(\w+)\s*\)?\s*=>\s*(?:\(0,\s*)?[\w$]+\.(\w+)\)?\s*\(\s*(\w+)\s*((?:,\s*[^,()]+)*)\)$/.exec(src);
  if (!m || m[2] !== name || m[3] !== m[1]) return fallback;
  const extra = (m[4] ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  const values = Object.entries(params ?? {});
  if (extra.length !== values.length || target.length !== 1 + extra.length) return fallback;
  const args: string[] = [];
  for (let i = 0; i < extra.length; i++) {
    const [key, value] = values[i] as [string, number | string];
    const a = extra[i] as string;
    const literal = /^['"](.*)['"]$/.exec(a);
    const ok = a === key || (literal ? literal[1] === value : Number(a) === value);
    if (!ok) return fallback;
    args.push(JSON.stringify(value));
  }
  used.add(owner.alias);
  return `${owner.alias}.${name}(${['ctx', ...args].join(', ')})`;
}

const phaseOf = (a: Actor) => ACTOR_TABLE[a].phase;
const nextPhase = (i: number) => (i + 1 < TURN_ORDER.length ? phaseOf(TURN_ORDER[i + 1] as Actor) : CHANCE_PHASE);
const movesOfActor = (a: Actor) => (Object.keys(GAME_TABLE) as (keyof typeof GAME_TABLE)[]).filter((m) => (GAME_TABLE[m] as MoveDecl).actor === a);
const refName = (r: unknown) => (typeof r === 'string' ? r : (r as { type: string }).type);
const refList = (r: unknown): string[] => (r === undefined ? [] : Array.isArray(r) ? r.map(refName) : [refName(r)]);

/** The machine must be the table's straight line: the same states, transitions and order. */
export function checkMachineAgainstTable(machine: { config: unknown } = leverageMachine): void {
  const cfg = machine.config as { initial?: string; states?: Record<string, { on?: Record<string, { target: string; guard?: unknown; actions?: unknown }>; always?: { target: string; guard?: unknown; actions?: unknown }[]; type?: string }> };
  const states = cfg.states ?? {};
  const fail = (what: string) => {
    throw new Error(`machine.ts and the game table disagree: ${what}. Fix: rebuild the machine from the table (machineFromTable), then rerun.`);
  };
  if (cfg.initial !== phaseOf(TURN_ORDER[0] as Actor)) fail(`initial state ${cfg.initial}`);
  TURN_ORDER.forEach((actor, i) => {
    const on = states[phaseOf(actor)]?.on ?? {};
    const moves = movesOfActor(actor);
    if (JSON.stringify(Object.keys(on)) !== JSON.stringify(moves)) fail(`${phaseOf(actor)} takes ${Object.keys(on).join(',')}`);
    for (const move of moves) {
      const t = on[move] as { target: string; guard?: unknown; actions?: unknown };
      const d = GAME_TABLE[move] as MoveDecl;
      if (t.target !== nextPhase(i)) fail(`${move} leads to ${t.target}`);
      if ((t.guard === undefined ? undefined : refName(t.guard)) !== d.guard?.name) fail(`${move}'s guard`);
      const actions = [...(d.effect ? [d.effect.name] : []), ...ACTOR_TABLE[actor].afterMove.map((x) => x.name)];
      if (JSON.stringify(refList(t.actions)) !== JSON.stringify(actions)) fail(`${move}'s actions`);
    }
  });
  const chance = states[CHANCE_PHASE]?.on?.chance;
  if (!chance || chance.target !== ROUND_END_PHASE || JSON.stringify(refList(chance.actions)) !== JSON.stringify(CHANCE_RULES.map((r) => r.name))) fail('the chance step');
  const always = states[ROUND_END_PHASE]?.always ?? [];
  const expected = [...ENDINGS.map((e) => `${e.guard}->${e.outcome}`), `->${phaseOf(TURN_ORDER[0] as Actor)}:${NEXT_ROUND.name}`];
  const actual = always.map((t) => `${t.guard === undefined ? '' : refName(t.guard)}->${t.target}${t.actions === undefined ? '' : `:${refList(t.actions).join(',')}`}`);
  if (JSON.stringify(actual) !== JSON.stringify(expected)) fail(`the round's end (${actual.join(' ')})`);
  for (const e of ENDINGS) if (states[e.outcome]?.type !== 'final') fail(`${e.outcome} is not final`);
}

/** The generated file's text. */
export function compiledRoundSource(): string {
  checkMachineAgainstTable();
  const used = new Set<string>();
  const body: string[] = [];
  /** Table rules bound to constants at load: name -> where in the table. */
  const hoisted = new Map<string, string>();
  const upper = (a: Actor) => a.toUpperCase();
  const cap = (a: Actor) => a[0]?.toUpperCase() + a.slice(1);

  for (const actor of TURN_ORDER) {
    const moves = movesOfActor(actor);
    if (moves.length > 30) throw new Error(`${actor} has ${moves.length} moves: a legal mask holds 30`);
    body.push(`/** ${cap(actor)}'s moves in table order: move i is bit i of its legal mask. */`);
    body.push(`export const ${upper(actor)}_MOVES = [${moves.map((m) => `'${m}'`).join(', ')}] as const satisfies readonly MoveName[];`);
    body.push('');
    body.push(`/** ${cap(actor)}'s legal moves now, as a bitmask. */`);
    body.push(`export function ${actor}Legal(ctx: GameContext): number {`);
    const free = moves.reduce((mask, m, i) => ((GAME_TABLE[m] as MoveDecl).guard ? mask : mask | (1 << i)), 0);
    body.push(`  let legal = ${free};`);
    // A guard several moves share (the same call) is tested once: guards are pure.
    const calls = moves.map((m) => {
      const g = (GAME_TABLE[m] as MoveDecl).guard;
      return g ? directCall(g.name, g.test as Fn, g.params, 'ctx', `GAME_TABLE.${m}.guard.test(ctx)`, used) : undefined;
    });
    const shared = new Map<string, string>();
    for (const call of calls) {
      if (call === undefined || shared.has(call) || calls.filter((c) => c === call).length < 2) continue;
      const local = `${/\.(\w+)\(/.exec(call)?.[1] ?? 'guard'}${shared.size > 0 ? shared.size : ''}`;
      shared.set(call, local);
      body.push(`  const ${local} = ${call};`);
    }
    moves.forEach((m, i) => {
      const call = calls[i];
      if (call !== undefined) body.push(`  if (${shared.get(call) ?? call}) legal |= ${1 << i}; // ${m}`);
    });
    body.push('  return legal;');
    body.push('}');
    body.push('');
    body.push(`/** ${cap(actor)} makes move \`move\` (an index into ${upper(actor)}_MOVES): its effect, then what follows every ${actor} move. */`);
    body.push(`export function ${actor}Plays(ctx: GameContext, move: number): void {`);
    body.push('  switch (move) {');
    moves.forEach((m, i) => {
      const d = GAME_TABLE[m] as MoveDecl;
      body.push(`    case ${i}: // ${m}`);
      if (d.effect) body.push(`      ${directCall(d.effect.name, d.effect.apply as Fn, d.effect.params, 'ctx', `GAME_TABLE.${m}.effect.apply(ctx)`, used)};`);
      body.push('      break;');
    });
    body.push(`    default:`);
    body.push(`      throw new Error(\`no ${actor} move \${move}\`);`);
    body.push('  }');
    // What follows every move is written once, after the switch, not once per case: a rule
    // repeated in every case (Kim's settling with Xi, seven times) made the function too big
    // for V8 to inline it, or the rules it calls, and their numbers came back boxed.
    ACTOR_TABLE[actor].afterMove.forEach((after, k) => {
      // A rule the table itself holds is read out of it once, at load, into a constant of its
      // own name (hoisted above): not through four property loads at every move.
      const fallback = `${after.name}(ctx, ${upper(actor)}_MOVES[move] as MoveName)`;
      const call = directCall(after.name, after.apply as Fn, undefined, 'ctx', fallback, used);
      if (call === fallback) hoisted.set(after.name, `ACTOR_TABLE.${actor}.afterMove[${k}].apply`);
      body.push(`  ${call};`);
    });
    body.push('}');
    body.push('');
  }

  body.push('/** The ways a round can end, in the order they are tested: playRound returns an index into this. */');
  body.push(`export const ENDING_OUTCOMES = [${ENDINGS.map((e) => `'${e.outcome}'`).join(', ')}] as const satisfies readonly Outcome[];`);
  body.push('');
  body.push('/** Who decides: each side returns its move\'s index given its legal mask; chance hands in a filled event. */');
  body.push('export interface RoundDeciders {');
  for (const actor of TURN_ORDER) body.push(`  ${actor}(ctx: GameContext, legal: number): number;`);
  body.push('  chance(): ChanceEvent;');
  body.push('}');
  body.push('');
  body.push('function illegal(actor: string, move: number, legal: number): never {');
  body.push('  throw new Error(`${actor} chose move ${move}, which is not legal now (legal mask ${legal.toString(2)})`);');
  body.push('}');
  body.push('');
  body.push('/**');
  body.push(` * One whole round, ${TURN_ORDER.map(phaseOf).join(' -> ')} -> ${CHANCE_PHASE} -> ${ROUND_END_PHASE}: the index`);
  body.push(' * of the outcome it ends the game in, or -1 when the next round has begun.');
  body.push(' */');
  body.push('export function playRound(ctx: GameContext, d: RoundDeciders): number {');
  for (const actor of TURN_ORDER) {
    body.push(`  // ${phaseOf(actor)}`);
    body.push(`  const ${actor}Mask = ${actor}Legal(ctx);`);
    body.push(`  const ${actor}Move = d.${actor}(ctx, ${actor}Mask);`);
    body.push(`  if (((${actor}Mask >>> ${actor}Move) & 1) === 0) illegal('${actor}', ${actor}Move, ${actor}Mask);`);
    body.push(`  ${actor}Plays(ctx, ${actor}Move);`);
  }
  body.push(`  ${CHANCE_PHASE}(ctx, d.chance());`);
  body.push(`  return ${ROUND_END_PHASE}(ctx);`);
  body.push('}');
  body.push('');
  // Chance's step and the round's end are functions of their own, each small enough that V8
  // inlines the rules it calls within its own budget; in playRound they shared one budget
  // with the three turns and most stayed out-of-line calls.
  body.push(`/** Chance's step: its rules, in order, on one event of draws. */`);
  body.push(`function ${CHANCE_PHASE}(ctx: GameContext, e: ChanceEvent): void {`);
  CHANCE_RULES.forEach((r, k) => body.push(`  ${directCall(r.name, r.apply as Fn, undefined, 'ctx, e', `CHANCE_RULES[${k}].apply(ctx, e)`, used)};`));
  body.push('}');
  body.push('');
  body.push(`/** The round's end: the index of the outcome it ends the game in, or -1 when the next round has begun. */`);
  body.push(`function ${ROUND_END_PHASE}(ctx: GameContext): number {`);
  ENDINGS.forEach((end, k) => body.push(`  if (${directCall(end.test.name || end.guard, end.test as Fn, undefined, 'ctx', `ENDINGS[${k}].test(ctx)`, used)}) return ${k}; // ${end.outcome}`));
  body.push(`  ${directCall(NEXT_ROUND.name, NEXT_ROUND.apply as Fn, undefined, 'ctx', 'NEXT_ROUND.apply(ctx)', used)};`);
  body.push('  return -1;');
  body.push('}');

  const text = body.join('\n');
  const tableNames = ['GAME_TABLE', 'ACTOR_TABLE', 'CHANCE_RULES', 'ENDINGS', 'NEXT_ROUND'].filter((n) => new RegExp(`\\b${n}\\.|\\b${n}\\[`).test(`${text}\n${[...hoisted.values()].join('\n')}`));
  const head = [
    '// GENERATED by scripts/gen-compiled-round.ts from the game table (src/model/game-table.ts):',
    '// do not edit. `npm run build` rewrites it; a test fails when it is stale.',
    '// The game table compiled into one straight-line round for the batch path (issue 12): the',
    "// rules are the model's own functions, called directly; a test proves the games identical",
    "// to the stepper's (reference/stepper.ts), which interprets the same table.",
    "import type { GameContext } from '../../model/context.js';",
    "import type { ChanceEvent } from '../../model/events.js';",
    "import type { MoveName } from '../../model/moves.js';",
    "import type { Outcome } from '../../model/outcomes.js';",
    ...RULE_MODULES.filter((m) => used.has(m.alias)).map((m) => `import * as ${m.alias} from '${m.path}';`),
    ...(tableNames.length ? [`import { ${tableNames.join(', ')} } from '../../model/game-table.js';`] : []),
    '',
    ...(hoisted.size ? ['// Rules the game table holds itself (not a module\'s export), read out of it once.', ...[...hoisted].map(([name, at]) => `const ${name} = ${at};`), ''] : []),
  ];
  return `${head.join('\n')}\n${text}\n`;
}

/** Write `text` to `file` if it differs (through a temporary file, so a reader never sees half); with --check, only report a stale file. */
function writeIfChanged(file: string, text: string, check: boolean): boolean {
  let old = '';
  try {
    old = readFileSync(file, 'utf8');
  } catch {
    // not written yet
  }
  if (check) {
    if (old !== text) console.error(`${file} is stale. Fix: run 'npm run gen' (or 'npm run build') and commit it.`);
    return old === text;
  }
  if (old === text) return true;
  writeAtomic(file, text);
  console.log(`wrote ${file}`);
  return true;
}

/** The scenario field reference (scenarios/README.md), from the parameter table; `npm run docs` writes it alone. */
const SCENARIO_README = join(import.meta.dirname, '..', 'scenarios', 'README.md');

// The one build-time generator: the state code and live views from the state table, the
// formulas written out from their helpers (gen-inlined-formulas.ts), the compiled round,
// and the field reference from the parameter table.
function main(): void {
  const check = process.argv.includes('--check');
  const fresh = [
    writeIfChanged(STATE_CODE_FILE, stateCodeSource(), check),
    writeIfChanged(FORMULAS_FILE, formulasSource(), check),
    writeIfChanged(GENERATED_FILE, compiledRoundSource(), check),
    // Absent from a package that ships without the scenario docs: nothing to keep fresh.
    !existsSync(SCENARIO_README) || writeIfChanged(SCENARIO_README, withFieldReference(readFileSync(SCENARIO_README, 'utf8')), check),
  ];
  if (!fresh.every(Boolean)) process.exit(1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
