// Part of the one build-time generator (gen-compiled-round.ts: `npm run gen`, run by
// `npm run build`). It writes src/model/formulas.generated.ts: for each entry point below, the function of that name in src/model with every small pure
// helper it calls (a function whose body is `const`s and one `return`) written out in place,
// renamed apart, in the order the calls evaluate their arguments. Nothing is copied by hand:
// the formula stays in its helper, and this file is rewritten from it. Why: the compiled round
// is larger than V8's inlining budget, so some helpers it calls are not inlined, and a call
// that is not inlined boxes each number passed or returned (16 bytes); an entry point here
// takes and returns no numbers and calls nothing, so it allocates nothing either way. A test
// fails if the committed file differs from what this writes now.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const MODEL = join(import.meta.dirname, '..', 'src', 'model');
export const FORMULAS_FILE = join(MODEL, 'formulas.generated.ts');

/** The functions written out, each from its module. */
const ENTRIES: { module: string; name: string }[] = [{ module: 'crisis.ts', name: 'warDrawn' }];

/** Where the helpers they call may live: every top-level function of these modules is a candidate. */
const HELPER_MODULES = ['crisis.ts', 'math.ts'];

/** Names a formula may use without declaring them. */
const GLOBALS = new Set(['Math', 'Infinity', 'NaN']);

type Helper = { decl: ts.FunctionDeclaration; module: string };

function parse(module: string): ts.SourceFile {
  return ts.createSourceFile(module, readFileSync(join(MODEL, module), 'utf8'), ts.ScriptTarget.ES2022, true);
}

function functionsOf(file: ts.SourceFile): ts.FunctionDeclaration[] {
  return file.statements.filter((s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && s.name !== undefined && s.body !== undefined);
}

/** The `const`s and the final `return` of a formula's body; anything else is refused, by name. */
function formulaBody(fn: ts.FunctionDeclaration, where: string): { consts: ts.VariableDeclaration[]; result: ts.Expression } {
  const statements = fn.body?.statements ?? ts.factory.createNodeArray();
  const consts: ts.VariableDeclaration[] = [];
  statements.forEach((s, i) => {
    const last = i === statements.length - 1;
    if (last && ts.isReturnStatement(s) && s.expression) return;
    if (!last && ts.isVariableStatement(s) && (s.declarationList.flags & ts.NodeFlags.Const) !== 0) {
      for (const d of s.declarationList.declarations) {
        if (!ts.isIdentifier(d.name) || !d.initializer) throw new Error(`${where}: only \`const name = expression\` can be written out`);
        consts.push(d);
      }
      return;
    }
    throw new Error(`${where}: ${fn.name?.text} is not a formula (only consts and one final return can be written out)`);
  });
  const ret = statements[statements.length - 1] as ts.ReturnStatement;
  return { consts, result: ret.expression as ts.Expression };
}

/** A call may be written out before its statement only if the statement always evaluates it. */
function alwaysEvaluated(node: ts.Node): boolean {
  for (let n: ts.Node = node; n.parent && !ts.isStatement(n.parent); n = n.parent) {
    const p = n.parent;
    if (ts.isConditionalExpression(p) && p.condition !== n) return false;
    if (ts.isBinaryExpression(p) && p.right === n && [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(p.operatorToken.kind)) return false;
  }
  return true;
}

class Writer {
  readonly lines: string[] = [];
  private readonly taken = new Set<string>();
  private readonly printer = ts.createPrinter({ removeComments: true });
  constructor(
    private readonly helpers: Map<string, Helper>,
    reserved: Iterable<string>,
  ) {
    for (const r of reserved) this.taken.add(r);
  }

  /** A fresh name for `base` (the helper's own names, numbered only if used twice). */
  fresh(base: string): string {
    let name = base;
    for (let k = 2; this.taken.has(name); k++) name = `${base}${k}`;
    this.taken.add(name);
    return name;
  }

  /**
   * `expr` with each name renamed (`names`) and each helper call replaced by the name of a
   * const holding its result, those consts written first, in evaluation order.
   */
  expression(expr: ts.Expression, names: Map<string, string>, where: string): string {
    const visit = (node: ts.Node): ts.Node => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && this.helpers.has(node.expression.text)) {
        if (!alwaysEvaluated(node)) throw new Error(`${where}: ${node.expression.text} is called in a branch; only calls every evaluation makes can be written out`);
        // Arguments first, left to right, as the call evaluates them.
        const args = node.arguments.map((a) => this.expression(a, names, where));
        return ts.factory.createIdentifier(this.inline(node.expression.text, args));
      }
      if (ts.isPropertyAccessExpression(node)) return ts.factory.updatePropertyAccessExpression(node, visit(node.expression) as ts.Expression, node.name);
      if (ts.isIdentifier(node)) {
        const renamed = names.get(node.text);
        if (renamed !== undefined) return ts.factory.createIdentifier(renamed);
        if (!GLOBALS.has(node.text)) throw new Error(`${where}: ${node.text} is neither a parameter, a const nor a formula helper`);
        return node;
      }
      return ts.visitEachChild(node, visit, undefined);
    };
    const out = visit(expr) as ts.Expression;
    return this.printer.printNode(ts.EmitHint.Expression, out, expr.getSourceFile());
  }

  /** Write out helper `name` applied to `args` (already written): the name of the const holding its result. */
  inline(name: string, args: string[]): string {
    const helper = this.helpers.get(name) as Helper;
    const where = `${helper.module}: ${name}`;
    const { consts, result } = formulaBody(helper.decl, where);
    const names = new Map<string, string>();
    helper.decl.parameters.forEach((p, i) => {
      if (!ts.isIdentifier(p.name)) throw new Error(`${where}: parameters must be plain names`);
      // A name passed on is used as it is (formulas never reassign); anything else is worked out once.
      const arg = args[i] ?? 'undefined';
      if (/^[A-Za-z_$][\w$]*$/.test(arg)) {
        names.set(p.name.text, arg);
        return;
      }
      const local = this.fresh(p.name.text);
      this.lines.push(`const ${local} = ${arg};`);
      names.set(p.name.text, local);
    });
    for (const c of consts) {
      const value = this.expression(c.initializer as ts.Expression, names, where);
      const local = this.fresh((c.name as ts.Identifier).text);
      this.lines.push(`const ${local} = ${value};`);
      names.set((c.name as ts.Identifier).text, local);
    }
    const value = this.expression(result, names, where);
    if (/^[A-Za-z_$][\w$]*$/.test(value)) return value;
    const local = this.fresh(name);
    this.lines.push(`const ${local} = ${value}; // ${name} (${helper.module})`);
    return local;
  }
}

/** The type imports an entry's signature names, from its module's own imports. */
function typeImports(file: ts.SourceFile, signature: string): string[] {
  const out: string[] = [];
  for (const s of file.statements) {
    if (!ts.isImportDeclaration(s) || !s.importClause?.isTypeOnly || !s.importClause.namedBindings || !ts.isNamedImports(s.importClause.namedBindings)) continue;
    const used = s.importClause.namedBindings.elements.map((e) => e.name.text).filter((n) => new RegExp(`\\b${n}\\b`).test(signature));
    if (used.length > 0) out.push(`import type { ${used.join(', ')} } from ${s.moduleSpecifier.getText(file)};`);
  }
  return out;
}

export function formulasSource(): string {
  const helpers = new Map<string, Helper>();
  for (const module of HELPER_MODULES) {
    for (const decl of functionsOf(parse(module))) {
      const name = (decl.name as ts.Identifier).text;
      if (helpers.has(name)) throw new Error(`${module}: ${name} is also declared in ${helpers.get(name)?.module}`);
      helpers.set(name, { decl, module });
    }
  }
  const imports: string[] = [];
  const bodies: string[] = [];
  for (const entry of ENTRIES) {
    const file = parse(entry.module);
    const fn = functionsOf(file).find((f) => f.name?.text === entry.name);
    if (!fn) throw new Error(`${entry.module}: no function ${entry.name} to write out`);
    const where = `${entry.module}: ${entry.name}`;
    // The entry's own parameters keep their names; helpers' names are made fresh around them.
    const params = fn.parameters.map((p) => (p.name as ts.Identifier).text);
    const writer = new Writer(helpers, params);
    const names = new Map(params.map((p) => [p, p]));
    const { consts, result } = formulaBody(fn, where);
    for (const c of consts) {
      const local = writer.fresh((c.name as ts.Identifier).text);
      writer.lines.push(`const ${local} = ${writer.expression(c.initializer as ts.Expression, names, where)};`);
      names.set((c.name as ts.Identifier).text, local);
    }
    const value = writer.expression(result, names, where);
    const signature = `(${fn.parameters.map((p) => p.getText(file)).join(', ')})${fn.type ? `: ${fn.type.getText(file)}` : ''}`;
    imports.push(...typeImports(file, signature));
    bodies.push(
      [
        `/** ${entry.name} (${entry.module}), its helpers written out. */`,
        `export function ${entry.name}${signature} {`,
        ...writer.lines.map((l) => `  ${l}`),
        `  return ${value};`,
        '}',
      ].join('\n'),
    );
  }
  return [
    '// Generated by scripts/gen-inlined-formulas.ts (`npm run gen`): do not edit. Each function is',
    '// the one of the same name in the module named above it, with the small pure helpers it',
    '// calls written out in the order they evaluate, so that it takes and returns no numbers and',
    '// calls nothing: it allocates nothing whether or not V8 inlines it into the round.',
    ...[...new Set(imports)],
    '',
    bodies.join('\n\n'),
    '',
  ].join('\n');
}
