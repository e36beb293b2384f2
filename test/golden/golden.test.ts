import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOLDEN_CASES, GOLDEN_DIR, playCase } from './cases.js';

describe('golden playthroughs (regenerate with npm run golden after an intended change)', () => {
  it.each(GOLDEN_CASES.map((c) => [c.file, c] as const))('%s is unchanged', (_f, c) => {
    const expected = readFileSync(join(GOLDEN_DIR, c.file), 'utf8');
    expect(playCase(c).toJsonl()).toBe(expected);
  });
});
