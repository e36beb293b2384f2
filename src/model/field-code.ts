import type { GameContext, StateField, StateFieldDecl } from './context.js';
import type { Params } from './params.js';

// Field-by-field code written out from the state table (STATE_FIELDS) once, when the model
// loads: a loop that reads and writes fields by a varying name is a megamorphic access in
// V8, and measured ~3x slower over a whole batch game (views are built at every decision).
// The names come from the table only (checked to be plain identifiers), never from input.

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const ident = (name: string): string => {
  if (!IDENTIFIER.test(name)) throw new Error(`state field name '${name}' is not an identifier`);
  return name;
};

/** One field to copy: onto `to`, from the state field `from`, or through `read` if given. */
export interface FieldCopy {
  to: string;
  from: StateField | null;
  read: ((ctx: GameContext) => unknown) | null;
}

/** A function that copies the fields, as straight-line assignments, from a state onto `into`. */
export function fieldCopier(copies: readonly FieldCopy[]): (ctx: GameContext, into: Record<string, unknown>) => void {
  const reads = copies.flatMap((c) => (c.read ? [c.read] : []));
  let r = 0;
  const body = copies.map((c) => (c.read ? `o.${ident(c.to)} = r[${r++}](c);` : `o.${ident(c.to)} = c.${ident(c.from ?? '')};`)).join('\n');
  return new Function('r', `return function copyFields(c, o) {\n${body}\n};`)(reads) as (ctx: GameContext, into: Record<string, unknown>) => void;
}

/** A function that builds a game's first state as one object literal (one shape, no spread). */
export function initialStateBuilder(names: readonly StateField[], decls: Readonly<Record<StateField, StateFieldDecl>>): (params: Params) => GameContext {
  const init = names.map((k) => {
    const d = decls[k];
    const name = ident(k);
    if (d.start === undefined) return `${name}: ${JSON.stringify(d.value)}`;
    const from = `s.${ident(d.start)}`;
    // C8: a belief's counts start as its prior's share of the prior's weight.
    if (d.prior === 'pay') return `${name}: ${from} * w`;
    if (d.prior === 'refuse') return `${name}: (1 - ${from}) * w`;
    return `${name}: ${from}`;
  });
  const body = `const s = p.start;\nconst w = p.repetition.beliefPriorWeight;\nreturn {\nparams: p,\n${init.join(',\n')}\n};`;
  return new Function('p', body) as (params: Params) => GameContext;
}
