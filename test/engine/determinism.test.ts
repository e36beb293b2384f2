import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/model/context.js';
import type { Strategy } from '../../src/strategies/types.js';
import { playWithActor } from '../../src/engine/reference/actor-runner.js';
import { embeddedScenario, parseLog, replayLog } from '../../src/engine/reference/replay.js';
import { playGame } from '../../src/engine/reference/session.js';
import { leverageGame } from '../../src/engine/reference/stepper.js';
import { movesOf } from '../../src/model/moves.js';
import { resolveScenario } from '../../src/scenario/catalog.js';
import { STRATEGIES } from '../../src/strategies/registry.js';

const scenario = resolveScenario('2022');
const pick = <A extends Actor>(a: A, i: number) => STRATEGIES[a][i % STRATEGIES[a].length] as Strategy<A>;
const sidesFor = (i: number) => ({ us: pick('us', i), china: pick('china', i >> 3), kim: pick('kim', i >> 5) });

describe('seeded play is reproducible', () => {
  it('same scenario, seed and strategies give byte-identical JSONL', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 200 }), (seed, profile) => {
        const a = playGame(scenario, String(seed), 0, sidesFor(profile)).toJsonl();
        const b = playGame(scenario, String(seed), 0, sidesFor(profile)).toJsonl();
        expect(a).toBe(b);
      }),
      { numRuns: 150 },
    );
  });

  it('different seeds give different games', () => {
    const logs = new Set([1, 2, 3, 4, 5].map((s) => playGame(scenario, String(s), 0, sidesFor(0)).toJsonl()));
    expect(logs.size).toBe(5);
  });

  it('a log replays exactly, and a changed scenario is caught at the header, before any step (issue 20 item 6)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 200 }), (seed, profile) => {
        const text = playGame(scenario, String(seed), 0, sidesFor(profile)).toJsonl();
        const log = parseLog(text, 'game.jsonl');
        expect(replayLog(log, embeddedScenario(log.header), 'game.jsonl').ok).toBe(true);
      }),
      { numRuns: 60 },
    );
    const log = parseLog(playGame(scenario, '7', 0, sidesFor(0)).toJsonl(), 'g.jsonl');
    const changed = { ...scenario, params: { ...scenario.params, start: { ...scenario.params.start, tension: 0.2 } } };
    const result = replayLog(log, changed, 'g.jsonl');
    expect(result.ok).toBe(false);
    expect(result.line).toBe(1); // the header's parameters are checked against the scenario replayed
    expect(result.problem).toMatch(/params\.start\.tension: [\d.]+ in the log, 0\.2 now/);
  });
});

describe('the compiled stepper and the live xstate actor agree', () => {
  it('gives identical games, move for move and number for number, over many seeds and profiles', () => {
    for (let i = 0; i < 160; i++) {
      const sides = sidesFor(i * 7 + 3);
      const fast = playGame(scenario, 'agree', i, sides);
      const live = playWithActor(scenario.params, scenario.name, 'agree', i, sides);
      expect(live.outcome).toBe(fast.outcome());
      expect(live.moves).toEqual(fast.steps.flatMap((s) => (s.type === 'move' ? [s.move] : [])));
      const { params: _a, ...liveCtx } = live.context;
      const { params: _b, ...fastCtx } = fast.ctx;
      expect(liveCtx).toEqual(fastCtx);
    }
  });

  it('lists legal moves in the same order as the move catalogue', () => {
    const s = leverageGame.initial(scenario.params);
    expect(leverageGame.legalMoves(s)).toEqual(movesOf('china').filter((m) => leverageGame.isLegal(s, m)));
  });
});
