import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOLDEN_CASES, GOLDEN_DIR, playCase } from './cases.js';

// The games themselves are what must not change: each step's move (or chance draws) and the
// state digest after it, and the outcome. Narration is words, checked elsewhere, so a
// rewording does not pass for a rule change or hide one.
function facts(jsonl: string): unknown[] {
  return jsonl
    .trim()
    .split('\n')
    .map((line) => {
      const { notes: _words, ...rest } = JSON.parse(line) as Record<string, unknown>;
      return rest;
    });
}

describe('golden playthroughs (regenerate with npm run golden after an intended change)', () => {
  it.each(GOLDEN_CASES.map((c) => [c.file, c] as const))('%s: same moves, draws, states and outcome', (_f, c) => {
    const expected = readFileSync(join(GOLDEN_DIR, c.file), 'utf8');
    expect(facts(playCase(c).toJsonl())).toEqual(facts(expected));
  });
});
