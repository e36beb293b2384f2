import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

import type { MoveName } from '../../src/model/moves.js';
import type { Profile } from '../../src/engine/batch/fast-game.js';
import type { Strategy } from '../../src/strategies/types.js';
import { compiledRoundSource, GENERATED_FILE } from '../../scripts/gen-compiled-round.js';
import { finishFast, playFast, playInterpreted } from '../../src/engine/batch/fast-game.js';
import { CompiledPlayer } from '../../src/engine/batch/compiled-game.js';
import { leverageGame } from '../../src/engine/reference/stepper.js';
import { runGame } from '../../src/engine/game-loop.js';
import { streamsOfSeed } from '../../src/engine/streams.js';
import { summarize } from '../../src/engine/batch/game-summary.js';
import { listBuiltIn, resolveScenario } from '../../src/scenario/catalog.js';
import { STRATEGIES } from '../../src/strategies/registry.js';

describe('the compiled round is generated from the game table', () => {
  it('the committed file is what the generator writes now (run `npm run gen` after changing the table)', () => {
    expect(readFileSync(GENERATED_FILE, 'utf8')).toBe(compiledRoundSource());
  });
});

/** Every profile: each US strategy, each China strategy, each Kim strategy, all combinations. */
function allProfiles(): Profile[] {
  const out: Profile[] = [];
  for (const us of STRATEGIES.us) for (const china of STRATEGIES.china) for (const kim of STRATEGIES.kim) out.push({ us, china, kim });
  return out;
}

function interpretedWithMoves(params: Parameters<typeof playInterpreted>[0], name: string, seed: string, i: number, p: Profile) {
  const moves: MoveName[] = [];
  return { summary: playInterpreted(params, name, seed, i, p, (m) => moves.push(m)), moves };
}

describe('the compiled path plays bit-identical games to the interpreting stepper', () => {
  const scenarios = listBuiltIn();
  const profiles = allProfiles();

  it('over every shipped scenario, every strategy profile and many seeds: moves, summary and payoffs', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(5);
    let games = 0;
    for (const sc of scenarios) {
      profiles.forEach((p, k) => {
        for (let j = 0; j < 3; j++) {
          const i = k * 3 + j;
          const ref = interpretedWithMoves(sc.params, sc.name, 'same', i, p);
          const moves: MoveName[] = [];
          const fast = playFast(sc.params, sc.name, 'same', i, p, (m) => moves.push(m));
          expect(moves).toEqual(ref.moves);
          // Object.is on every number: bit-identical, not merely close.
          expect(fast).toStrictEqual(ref.summary);
          games++;
        }
      });
    }
    expect(games).toBe(scenarios.length * profiles.length * 3);
  });

  it('over 3000 seeds of the default profile on the baseline scenario', () => {
    const sc = resolveScenario('baseline');
    const p = { us: STRATEGIES.us[0], china: STRATEGIES.china[0], kim: STRATEGIES.kim[0] } as Profile;
    const player = new CompiledPlayer(p);
    for (let i = 0; i < 3000; i++) expect(player.play(sc.params, sc.name, 'many', i)).toStrictEqual(playInterpreted(sc.params, sc.name, 'many', i, p));
  });

  it('from a game in progress (a fork): the same final state, field for field', () => {
    const sc = resolveScenario('2022');
    profiles.slice(0, 80).forEach((p, i) => {
      // Start mid-round (after China's, or China's and Kim's, first move): finish() crosses into the compiled rounds.
      const mid = leverageGame.initial(sc.params);
      runGame(leverageGame, mid, streamsOfSeed(`s|${i}`), p, {}, 1 + (i % 2));
      const ref = leverageGame.clone(mid);
      runGame(leverageGame, ref, streamsOfSeed(`fork|${i}`), p);
      const fast = finishFast(mid, `fork|${i}`, p);
      expect(fast).toStrictEqual(summarize(ref.ctx, leverageGame.outcome(ref) as NonNullable<ReturnType<typeof leverageGame.outcome>>));
      expect(mid.ctx).toStrictEqual(ref.ctx);
      expect(mid.phase).toBe(ref.phase);
      expect(leverageGame.outcome(mid)).toBe(fast.outcome);
    });
  });

  it('a strategy that picks an illegal move is stopped with a clear error (the stepper would loop)', () => {
    const sc = resolveScenario('baseline');
    const bad: Strategy<'china'> = { ...(STRATEGIES.china[0] as Strategy<'china'>), id: 'bad', choose: () => 'offerRestraintForTaiwan' };
    const lowTension = { ...sc.params, start: { ...sc.params.start, tension: 0 } };
    const p = { us: STRATEGIES.us[0], china: bad, kim: STRATEGIES.kim[0] } as Profile;
    expect(() => playFast(lowTension, sc.name, 'x', 0, p)).toThrow(/china chose move 3, which is not legal/);
    const wrongSide: Strategy<'china'> = { ...bad, choose: () => 'holdTests' as MoveName };
    expect(() => playFast(sc.params, sc.name, 'x', 0, { ...p, china: wrongSide })).toThrow(/'holdTests', which is not a china move/);
  });
});



describe('the generator checks the machine against the table before it writes', () => {
  it('accepts the machine built from the table, and refuses one that has drifted from it', async () => {
    const { checkMachineAgainstTable } = await import('../../scripts/gen-compiled-round.js');
    const { leverageMachine, machineFromTable } = await import('../../src/model/machine.js');
    const { GAME_TABLE } = await import('../../src/model/game-table.js');
    expect(() => checkMachineAgainstTable(leverageMachine)).not.toThrow();
    // A move the table does not have (a machine from an edited table).
    const extra = { ...GAME_TABLE, testOnlyTalks: { ...GAME_TABLE.chinaWaits, short: 'test-only-talks' } };
    expect(() => checkMachineAgainstTable(machineFromTable(extra))).toThrow(/chinaMoves takes .*testOnlyTalks/);
    // The same moves in another order (the order legal moves are listed in is part of the games).
    const { chinaWaits, ...rest } = GAME_TABLE;
    expect(() => checkMachineAgainstTable(machineFromTable({ chinaWaits, ...rest }))).toThrow(/machine.ts and the game table disagree/);
  });
});

describe('a game played from inside another (a strategy rollout)', () => {
  it('does not disturb the game it is played from', () => {
    const sc = resolveScenario('2022');
    const base = STRATEGIES.china[0] as Strategy<'china'>;
    let depth = 0;
    const profile = { us: STRATEGIES.us[0], kim: STRATEGIES.kim[0] } as Profile;
    const rollouts: Strategy<'china'> = {
      ...base,
      id: 'rollouts',
      choose(v, legal, rng) {
        if (depth === 0) {
          depth++;
          try {
            playFast(sc.params, sc.name, 'inner', v.round, profile); // the same profile object: a nested game
          } finally {
            depth--;
          }
        }
        return base.choose(v, legal, rng);
      },
    };
    profile.china = rollouts;
    for (let i = 0; i < 30; i++) expect(playFast(sc.params, sc.name, 'outer', i, profile)).toStrictEqual(playInterpreted(sc.params, sc.name, 'outer', i, profile));
  });
});
