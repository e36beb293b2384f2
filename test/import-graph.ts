// The source tree's import graph and the architecture rules checked on it, as pure
// functions of a graph, so the tests can feed them a synthetic graph and see them fail.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export interface Import {
  /** As written: './moves.js', 'xstate', 'node:fs'. */
  spec: string;
  /** For a relative import, the imported file relative to src with '/' separators and no extension (e.g. 'model/moves'); else null. */
  target: string | null;
  /** Erased at compile time (`import type`, or only `type` names): no runtime edge. */
  typeOnly: boolean;
}

/** File (relative to src, '/' separators, no extension) -> its imports. */
export type ImportGraph = Map<string, Import[]>;

const key = (file: string, root: string) => relative(root, file).split(sep).join('/').replace(/\.(tsx?|jsx?)$/, '');

function importsOf(file: string, root: string): Import[] {
  const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: Import[] = [];
  const add = (spec: string, typeOnly: boolean) =>
    out.push({ spec, typeOnly, target: spec.startsWith('.') ? key(resolve(dirname(file), spec), root) : null });
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const c = node.importClause;
      const named = c?.namedBindings && ts.isNamedImports(c.namedBindings) ? c.namedBindings.elements : undefined;
      const typeOnly = !!c && (c.isTypeOnly || (!c.name && !!named && named.length > 0 && named.every((e) => e.isTypeOnly)));
      add(node.moduleSpecifier.text, typeOnly);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      add(node.arguments[0].text, false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      add(node.argument.literal.text, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(src);
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(n) && !n.endsWith('.d.ts') ? [p] : [];
  });
}

export function importGraph(root: string): ImportGraph {
  return new Map(sourceFiles(root).map((f) => [key(f, root), importsOf(f, root)]));
}

/** A file's layer: its top folder under src, or its own name for a file at the top. */
export const layerOf = (file: string) => file.split('/')[0]!;

/**
 * The layers, lowest first: a file may import from its own layer or a lower one. The model
 * is alone at the bottom, so it cannot reach the RNG or any other layer.
 */
export const RANK: Record<string, number> = {
  // The rules: no I/O, no randomness source, no other layer.
  model: 0,
  // Shared leaves with no game knowledge.
  'input-error': 1,
  'text-wrap': 1,
  'closest-name': 1,
  'package-root': 1,
  rng: 1,
  'bounded-read': 1,
  scenario: 2,
  record: 2,
  strategies: 2,
  engine: 3,
  analysis: 4,
  report: 5,
  net: 5,
  ui: 6,
  cli: 7,
};

/** The only packages the model may import: no I/O (node:*), no randomness source (seedrandom). */
export const MODEL_PACKAGES: readonly string[] = ['xstate'];

/** Every import that breaks a layer rule, as 'file -> spec: why'. */
export function forbiddenImports(graph: ImportGraph, rank: Record<string, number> = RANK): string[] {
  const bad: string[] = [];
  for (const [file, imports] of graph) {
    const from = layerOf(file);
    if (rank[from] === undefined) {
      bad.push(`${file}: a folder with no layer; add it to RANK`);
      continue;
    }
    for (const imp of imports) {
      if (imp.target === null) {
        if (from === 'model' && !MODEL_PACKAGES.includes(imp.spec)) bad.push(`${file} -> ${imp.spec}: the model imports no package but ${MODEL_PACKAGES.join(', ')}`);
        continue;
      }
      const to = layerOf(imp.target);
      if (to === from) continue;
      if (rank[to] === undefined) bad.push(`${file} -> ${imp.spec}: imports ${to}, which has no layer`);
      else if (rank[to]! > rank[from]!) bad.push(`${file} -> ${imp.spec}: ${from} may not import ${to}, a layer above it`);
    }
  }
  return bad;
}

/** Cycles of runtime imports (type-only imports are erased, so they do not count) among files under `prefix`; each cycle as its files in order, the first repeated at the end. */
export function runtimeCycles(graph: ImportGraph, prefix = ''): string[][] {
  const inside = (f: string | null): f is string => f !== null && f.startsWith(prefix) && graph.has(f);
  const edges = (f: string) => (graph.get(f) ?? []).filter((i) => !i.typeOnly && inside(i.target)).map((i) => i.target as string);
  const cycles: string[][] = [];
  const seen = new Set<string>();
  // One cycle is reported once, whichever file the search met it from.
  const keyOf = (c: string[]) => {
    const body = c.slice(0, -1);
    const start = body.indexOf([...body].sort()[0]!);
    return [...body.slice(start), ...body.slice(0, start)].join(' -> ');
  };
  const found = new Set<string>();
  // Depth-first search with the current path on a stack: an edge back into the path closes a cycle.
  const walk = (f: string, path: string[], onPath: Set<string>) => {
    for (const t of edges(f)) {
      if (onPath.has(t)) {
        const c = [...path.slice(path.indexOf(t)), t];
        const k = keyOf(c);
        if (!found.has(k)) {
          found.add(k);
          cycles.push(c);
        }
      } else if (!seen.has(t)) {
        onPath.add(t);
        path.push(t);
        walk(t, path, onPath);
        path.pop();
        onPath.delete(t);
      }
    }
    seen.add(f);
  };
  for (const f of [...graph.keys()].filter(inside).sort()) {
    if (!seen.has(f)) walk(f, [f], new Set([f]));
  }
  return cycles;
}
