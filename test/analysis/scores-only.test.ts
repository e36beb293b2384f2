import { describe, expect, it } from 'vitest';
import type { MoveName } from '../../src/model/moves.js';
import type { ProfileIds } from '../../src/engine/batch/batch.js';
import type { GameSummary } from '../../src/engine/batch/fast-game.js';
import { READ_BY, scoresOnlyPaths, withValues } from '../../src/analysis/experiment.js';
import { resolveProfile } from '../../src/engine/batch/batch.js';
import { playFast } from '../../src/engine/batch/fast-game.js';
import { ACTORS } from '../../src/model/context.js';
import { resolveScenario } from '../../src/scenario/catalog.js';
import { fieldAt } from '../../src/scenario/fields.js';
import { findStrategy, strategyIds } from '../../src/strategies/registry.js';

// The field table says which payoff weights no rule reads and which strategies read each
// one while choosing (`readBy`). Analyses rely on it to play a setting once and rescore it,
// so it is proven here rather than trusted: each such weight, moved to both ends of its
// range, leaves every move and every non-payoff measure of many games unchanged, for every
// strategy profile that has none of its readers. A strategy (or rule) that starts reading
// one fails this test.

const GAMES = 4;
const SCENARIOS = ['2022', 'baseline'];

function everyProfile(): ProfileIds[] {
  const out: ProfileIds[] = [];
  for (const us of strategyIds('us')) for (const china of strategyIds('china')) for (const kim of strategyIds('kim')) out.push({ us, china, kim });
  return out;
}

/** A game as the moves made and what it measured, payoffs aside. */
function course(params: Parameters<typeof playFast>[0], name: string, i: number, profile: ReturnType<typeof resolveProfile>): string {
  const moves: MoveName[] = [];
  const g: Partial<GameSummary> = { ...playFast(params, name, '11', i, profile, (m) => moves.push(m)) };
  delete g.payoffUs;
  delete g.payoffChina;
  delete g.payoffKim;
  delete g.payoffParts;
  return `${moves.join(',')}|${JSON.stringify(g)}`;
}

describe('payoff weights that only weigh the score (field table: readBy)', () => {
  it('are declared on payoff weights, naming strategies that exist', () => {
    expect(READ_BY.size).toBeGreaterThan(0);
    for (const [path, readers] of READ_BY) {
      expect(path.startsWith('payoffs.')).toBe(true);
      for (const id of readers) expect(ACTORS.some((a) => findStrategy(a, id)), `${path}: unknown strategy ${id}`).toBe(true);
    }
  });

  it('change no move and no measure but the payoffs, for every profile without their readers', { timeout: 240_000 }, () => {
    const profiles = everyProfile();
    let compared = 0;
    for (const name of SCENARIOS) {
      const s = resolveScenario(name);
      for (const ids of profiles) {
        const profile = resolveProfile(ids);
        const paths = scoresOnlyPaths(ids);
        if (paths.length === 0) continue;
        const asWritten = Array.from({ length: GAMES }, (_, i) => course(s.params, s.name, i, profile));
        for (const path of paths) {
          const f = fieldAt(path);
          if (f?.kind !== 'number') throw new Error(`${path} is not a number field`);
          for (const v of [f.min, f.max]) {
            const p = withValues(s.params, { [path]: v });
            for (let i = 0; i < GAMES; i++) {
              const c = course(p, s.name, i, profile);
              if (c !== asWritten[i]) expect.fail(`${name}: ${path}=${v} changed game ${i} of ${ids.us}/${ids.china}/${ids.kim}`);
              compared++;
            }
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(10_000);
  });

  it('scoresOnlyPaths leaves out a weight whose reader plays', () => {
    const all = scoresOnlyPaths({ us: 'sanctioner', china: 'restrained', kim: 'kimRandom' });
    const readersProfile = { us: 'pragmatist', china: 'opportunist', kim: 'regimeFirst' };
    const withReaders = scoresOnlyPaths(readersProfile);
    for (const [path, readers] of READ_BY) {
      expect(all).toContain(path);
      // A weight read only by a strategy this profile does not play (bestResponder) still only scores here.
      if (readers.some((r) => Object.values(readersProfile).includes(r))) expect(withReaders).not.toContain(path);
      else expect(withReaders).toContain(path);
    }
  });
});
