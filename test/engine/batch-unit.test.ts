import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BatchSpec } from '../../src/engine/batch/batch.js';
import type { GameSummary } from '../../src/engine/batch/fast-game.js';
import { resolveProfile, runUnit } from '../../src/engine/batch/batch.js';
import { CompiledPlayer } from '../../src/engine/batch/compiled-game.js';
import { playFast, takePlayer } from '../../src/engine/batch/fast-game.js';
import { addGame, CHUNK_SIZE, emptyAcc } from '../../src/engine/batch/stats.js';
import { PAYOFF_SLOT, PAYOFF_TERMS, sumTerms, sumTermsToArray } from '../../src/model/outcomes.js';
import { resolveScenario } from '../../src/scenario/catalog.js';

// runUnit plays on its profile's shared player (takePlayer), kept from unit to unit: a unit
// must come out the same whatever that player played before it.

const ids = { us: 'columns', china: 'opportunist', kim: 'regimeFirst' };
const profile = resolveProfile(ids);

function specOf(name: string, seed: string): BatchSpec {
  const s = resolveScenario(name);
  return { command: 'batch', seed, runs: 3 * CHUNK_SIZE, scenarios: [{ name: s.name, source: s.source, sha256: s.sha256, params: s.params }], profiles: [ids] };
}

/** A unit as a player that never played anything else would play it. */
function freshUnit(spec: BatchSpec, chunk: number): string {
  const player = new CompiledPlayer(profile);
  const sc = spec.scenarios[0] as BatchSpec['scenarios'][number];
  const acc = emptyAcc();
  let summary: GameSummary | undefined;
  for (let i = chunk * CHUNK_SIZE; i < (chunk + 1) * CHUNK_SIZE; i++) {
    summary = player.play(sc.params, sc.name, spec.seed, i, summary);
    addGame(acc, summary);
  }
  return JSON.stringify(acc);
}

describe("a batch unit on its profile's shared player", () => {
  it('is the unit a fresh player plays, after units of other scenarios, seeds and chunks, in any order', () => {
    const a = specOf('2022', 'u');
    const b = specOf('one-shot', 'v');
    const order: [BatchSpec, number][] = [[a, 2], [b, 0], [a, 0], [a, 1], [b, 2], [a, 2]];
    for (const [spec, chunk] of order) expect(JSON.stringify(runUnit(spec, chunk, [profile])), `${spec.scenarios[0]?.name} chunk ${chunk}`).toBe(freshUnit(spec, chunk));
  });

  it('is handed out once at a time: a game played while it is taken gets a player of its own', () => {
    const taken = takePlayer(profile);
    try {
      expect(takePlayer(profile)).not.toBe(taken);
    } finally {
      taken.busy = false;
    }
    const again = takePlayer(profile);
    again.busy = false;
    expect(again).toBe(taken);
  });
});

// A unit seeds the streams of its next games together with each game's (GameSeeder,
// rng/alea.ts): its games must be the games playFast plays one at a time.
describe('games of a run seeded several at once', () => {
  // The default profile (China's opportunist draws from its stream), and one whose every side draws.
  const profiles = [ids, { us: 'usRandom', china: 'chinaRandom', kim: 'independent' }].map(resolveProfile);

  it('are the games playFast plays one by one: across a chunk boundary, an odd last game, index digits 9 -> 10 and 99 -> 100', () => {
    const sc = resolveScenario('2022');
    for (const p of profiles) {
      expect(p.china.stochastic).toBe(true);
      // Two units: 0..999 and a last one of three games, 1000..1002.
      const spec: BatchSpec = { command: 'batch', seed: 'pairs', runs: CHUNK_SIZE + 3, scenarios: [{ name: sc.name, source: sc.source, sha256: sc.sha256, params: sc.params }], profiles: [ids] };
      for (let unit = 0; unit < 2; unit++) {
        const alone = emptyAcc();
        for (let i = unit * CHUNK_SIZE; i < Math.min(spec.runs, (unit + 1) * CHUNK_SIZE); i++) addGame(alone, playFast(sc.params, sc.name, 'pairs', i, p));
        expect(JSON.stringify(runUnit(spec, unit, [p])), `${p.us.id} unit ${unit}`).toBe(JSON.stringify(alone));
      }
      // Game by game, runs that start at odd indices and end mid-group, and a game asked for out of order.
      const player = new CompiledPlayer(p);
      for (const [from, to] of [[7, 12], [97, 104], [998, 1003], [3, 4]] as const) {
        for (let i = from; i < to; i++) expect(player.play(sc.params, sc.name, 'pairs', i, undefined, to), `game ${i}`).toStrictEqual(playFast(sc.params, sc.name, 'pairs', i, p));
        expect(player.play(sc.params, sc.name, 'pairs', from + 1)).toStrictEqual(playFast(sc.params, sc.name, 'pairs', from + 1, p));
        expect(player.play(sc.params, 'other', 'pairs', from + 2, undefined, to)).toStrictEqual(playFast(sc.params, 'other', 'pairs', from + 2, p));
      }
    }
  });
});

describe('payoff sums written into a kept typed array (sumTermsToArray)', () => {
  it('are sumTerms bit for bit, whatever the array held before', () => {
    const kept = Float64Array.of(0.25, -3, 7);
    const terms = fc.array(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), { minLength: PAYOFF_TERMS.length, maxLength: PAYOFF_TERMS.length });
    fc.assert(
      fc.property(terms, (t) => {
        const into = sumTermsToArray(t, kept);
        expect(into).toBe(kept);
        const fresh = sumTerms(t);
        const slot = PAYOFF_SLOT;
        expect([Object.is(into[slot.us], fresh.us), Object.is(into[slot.china], fresh.china), Object.is(into[slot.kim], fresh.kim)]).toEqual([true, true, true]);
      }),
      { numRuns: 300 },
    );
  });
});
