import { describe, expect, it } from 'vitest';
import type { MoveName } from '../../src/model/moves.js';
import { regimeDanger } from '../../src/model/kim-utility.js';
import { listBuiltIn } from '../../src/scenario/catalog.js';
import { firstLegal } from '../../src/strategies/types.js';

// Issue 17 item 5 rewrote a few hot functions for speed and promised the same numbers, bit for
// bit. The golden games and the batch-vs-stepper test check whole games; these check the
// promise where it is made, including the edges those games may never reach.

describe('regimeDanger: the shortcut at and above the safe level gives the formula exactly', () => {
  it('for every shipped scenario, at levels around the safe level and across [-1, 2]', () => {
    for (const s of listBuiltIn()) {
      const k = s.params.kim;
      const safe = k.regimeCrisisThreshold + k.regimeDangerMargin;
      const formula = (level: number) => Math.max(0, (k.regimeCrisisThreshold + k.regimeDangerMargin - level) / k.regimeDangerMargin);
      const levels = [safe, safe + Number.EPSILON, safe - Number.EPSILON, 0, -0, 1, 2, -1, k.regimeCrisisThreshold, NaN, Infinity, -Infinity];
      for (let i = -1000; i <= 2000; i++) levels.push(i / 1000);
      for (const level of levels) expect(Object.is(regimeDanger(level, s.params), formula(level)), `${s.name} at ${level}`).toBe(true);
    }
  });
});

describe('firstLegal: one or two preferred moves, then the first legal move', () => {
  const legal: MoveName[] = ['posture', 'sanction', 'usWaits'];
  it('takes the first preferred move that is legal, in the order given', () => {
    expect(firstLegal(legal, 'sanction')).toBe('sanction');
    expect(firstLegal(legal, 'payKim', 'usWaits')).toBe('usWaits');
    expect(firstLegal(legal, 'usWaits', 'posture')).toBe('usWaits');
  });
  it('falls back to the first legal move when no preferred move is legal', () => {
    expect(firstLegal(legal, 'payKim')).toBe('posture');
    expect(firstLegal(legal, 'payKim', 'concedeChips')).toBe('posture');
  });
});
