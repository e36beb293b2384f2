import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The layers depend inward only: the rules know nothing of the engine, the engine nothing of
// analysis, and so on up to the CLI. A file may import from its own layer or a lower one.

const SRC = resolve(__dirname, '..', 'src');
const RANK: Record<string, number> = {
  // Shared leaves with no game knowledge.
  'input-error': 0,
  'text-wrap': 0,
  'closest-name': 0,
  'package-root': 0,
  rng: 0,
  model: 0,
  scenario: 1,
  strategies: 1,
  engine: 2,
  analysis: 3,
  report: 4,
  net: 4,
  ui: 5,
  cli: 6,
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(n) ? [p] : [];
  });
}

const layerOf = (file: string) => relative(SRC, file).split(/[\\/]/)[0]!.replace(/\.tsx?$/, '');

describe('layers', () => {
  it('every source file imports only from its own layer or a lower one', () => {
    const upward: string[] = [];
    for (const f of files(SRC)) {
      const from = layerOf(f);
      expect(RANK[from], `${relative(SRC, f)}: a folder with no layer; add it to RANK`).toBeDefined();
      for (const m of readFileSync(f, 'utf8').matchAll(/(?:from|import\()\s*'(\.[^']+)'/g)) {
        const to = layerOf(resolve(dirname(f), m[1]!));
        if (to !== from && (RANK[to] as number) > (RANK[from] as number)) upward.push(`${relative(SRC, f)} -> ${m[1]}`);
      }
    }
    expect(upward).toEqual([]);
  });
});
