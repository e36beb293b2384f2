import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import type { GameContext } from '../../src/model/context.js';
import type { MoveDecl } from '../../src/model/game-table.js';
import type { GameEvent } from '../../src/model/events.js';
import { compileTable } from '../../src/engine/reference/stepper.js';
import { GAME_TABLE } from '../../src/model/game-table.js';
import { machineFromTable } from '../../src/model/machine.js';
import { observe, observedMoveText } from '../../src/model/observe.js';
import { clamp01 } from '../../src/model/math.js';
import { paramsWith } from '../helpers.js';

// Adding a move is one entry in the game table plus its rule function. This example (a
// China "mediate talks" move that exists only in this test, under a name no real move would
// take, so that adding the README's own example move to the game cannot collide with it) is
// exactly that, and the machine, the stepper, the legal-move lists and the observation rule
// all take it up with no other change. README: "Adding a move".

/** The rule function (in the game it would live in china-moves.ts, citing its claim). */
function testOnlyTalks(ctx: GameContext): void {
  // Our own modelling assumption, for the example: mediation moves the track a little.
  ctx.diplomacy = clamp01(ctx.diplomacy + 0.1);
}

const mediate: MoveDecl = {
  actor: 'china',
  short: 'test-only-talks',
  label: 'Mediate talks',
  hint: 'Moves the diplomatic track along, if tension allows.',
  claims: [],
  guard: { name: 'tensionBelowHalf', test: (c) => c.tension < 0.5 },
  effect: { name: 'testOnlyTalks', apply: testOnlyTalks },
  narrate: (b, a) => [{ claims: [], text: `Beijing mediates: diplomacy ${b.diplomacy.toFixed(2)} -> ${a.diplomacy.toFixed(2)}.` }],
};
const TABLE = { ...GAME_TABLE, testOnlyTalks: mediate };

describe('adding a move: one table entry plus its rule', () => {
  const params = paramsWith({ start: { tension: 0.3, diplomacy: 0.2 } });

  it('the stepper lists it where its guard passes, applies its rule and passes the turn', () => {
    const game = compileTable(TABLE);
    const s = game.initial(params);
    expect(game.legalMoves(s)).toContain('testOnlyTalks');
    expect(game.apply(s, { type: 'testOnlyTalks' } as unknown as GameEvent)).toBe(true);
    expect(s.ctx.diplomacy).toBeCloseTo(0.3);
    expect(s.ctx.chinaMoveThisRound).toBe('testOnlyTalks');
    expect(s.phase).toBe('kimResponds');
    const tense = game.initial(paramsWith({ start: { tension: 0.8 } }));
    expect(game.legalMoves(tense)).not.toContain('testOnlyTalks');
    // The real game does not have it.
    expect(compileTable().legalMoves(compileTable().initial(params))).not.toContain('testOnlyTalks');
  });

  it('the xstate machine built from the same table takes it, to the same state', () => {
    const machine = machineFromTable(TABLE);
    const actor = createActor(machine, { input: { params } });
    actor.start();
    expect(actor.getSnapshot().can({ type: 'testOnlyTalks' } as never)).toBe(true);
    actor.send({ type: 'testOnlyTalks' } as never);
    const snap = actor.getSnapshot();
    expect(snap.value).toBe('kimResponds');
    expect(snap.context.diplomacy).toBeCloseTo(0.3);
    actor.stop();
  });

  it('the observation rule shows it by its label and words to every side (no observedBy: public), or hides it', () => {
    const b = compileTable(TABLE).initial(params);
    const a = { ...b.ctx, diplomacy: 0.3 };
    const step = { type: 'move' as const, round: 1, actor: 'china' as const, move: 'testOnlyTalks' as never, notes: mediate.narrate(b.ctx, a) };
    for (const side of ['us', 'china', 'kim'] as const) {
      const o = observe(step, side, TABLE);
      expect(observedMoveText(o, TABLE)).toBe('Mediate talks');
      expect(o.notes.map((n) => n.text)).toEqual(['Beijing mediates: diplomacy 0.20 -> 0.30.']);
    }
    const secret = { ...TABLE, testOnlyTalks: { ...mediate, observedBy: ['china', 'kim'] as const } };
    expect(observedMoveText(observe(step, 'us', secret), secret)).toBe('Nothing observed');
    expect(observe(step, 'us', secret).notes).toEqual([]);
  });
});
