import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportGraph } from './import-graph.js';
import { forbiddenImports, importGraph, runtimeCycles } from './import-graph.js';

// The layers depend inward only: the rules know nothing of the RNG, the engine or anything
// else, the engine nothing of analysis, and so on up to the CLI. The rule functions are
// checked on the real tree and on small made-up trees that break them, so a rule that could
// never fail would show here.
const graph = importGraph(resolve(import.meta.dirname, '..', 'src'));

/** A made-up tree: file -> [spec, target, typeOnly] per import. */
function synthetic(files: Record<string, [string, string | null, boolean?][]>): ImportGraph {
  return new Map(Object.entries(files).map(([f, imps]) => [f, imps.map(([spec, target, typeOnly]) => ({ spec, target, typeOnly: typeOnly ?? false }))]));
}

describe('layers', () => {
  it('the source tree was read (the graph is not empty and sees the model importing xstate)', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('model/machine')?.some((i) => i.spec === 'xstate')).toBe(true);
  });

  it('every source file imports only from its own layer or a lower one', () => {
    expect(forbiddenImports(graph)).toEqual([]);
  });

  it('the rule fails on the model importing the RNG, the engine, a package with I/O, or a folder with no layer', () => {
    const bad = forbiddenImports(
      synthetic({
        'model/crisis': [['../rng/rng.js', 'rng/rng'], ['./math.js', 'model/math']],
        'model/math': [],
        'model/notes': [['../engine/stats.js', 'engine/stats', true]],
        'model/tension': [['node:fs', null], ['seedrandom', null], ['xstate', null]],
        'engine/batch': [['../analysis/summary.js', 'analysis/summary']],
        'engine/stats': [['../model/math.js', 'model/math'], ['../rng/rng.js', 'rng/rng']],
        'plugins/x': [],
      }),
    );
    expect(bad).toEqual([
      'model/crisis -> ../rng/rng.js: model may not import rng, a layer above it',
      'model/notes -> ../engine/stats.js: model may not import engine, a layer above it',
      'model/tension -> node:fs: the model imports no package but xstate',
      'model/tension -> seedrandom: the model imports no package but xstate',
      'engine/batch -> ../analysis/summary.js: engine may not import analysis, a layer above it',
      'plugins/x: a folder with no layer; add it to RANK',
    ]);
  });
});

describe('import cycles', () => {
  it('the model has no runtime import cycle', () => {
    expect(runtimeCycles(graph, 'model/')).toEqual([]);
  });

  it('the check finds a runtime cycle, and ignores one closed only by a type import', () => {
    const tree = synthetic({
      'model/moves': [['./game-table.js', 'model/game-table']],
      'model/game-table': [['./kim-moves.js', 'model/kim-moves']],
      'model/kim-moves': [['./views.js', 'model/views']],
      'model/views': [['./moves.js', 'model/moves'], ['./context.js', 'model/context']],
      'model/context': [['./params.js', 'model/params']],
      'model/params': [['./context.js', 'model/context', true]],
    });
    expect(runtimeCycles(tree, 'model/')).toEqual([['model/game-table', 'model/kim-moves', 'model/views', 'model/moves', 'model/game-table']]);
  });
});
