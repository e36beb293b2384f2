import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/model/context.js';
import { ACTORS, DECLS, STATE_FIELD_NAMES, initialContext } from '../../src/model/context.js';
import { viewFor } from '../../src/model/views.js';
import { digest, GameSession, sidesOf } from '../../src/engine/reference/session.js';
import { summarize } from '../../src/engine/batch/fast-game.js';
import { leverageGame } from '../../src/engine/reference/stepper.js';
import { defaultParams } from '../../src/scenario/fields.js';
import { PARAM_TABLE } from '../../src/model/params.js';
import { resolveScenario } from '../../src/scenario/catalog.js';
import { DEFAULT_STRATEGY, getStrategy } from '../../src/strategies/registry.js';

// The state fields are declared once (STATE_FIELDS); the state, the scenario's starting
// fields, the views, the log's digest and the batch summary are derived from it. These
// check that the derived things behave as the declaration says.

const fieldsSeenBy = (a: Actor) => STATE_FIELD_NAMES.filter((k) => DECLS[k].seenBy?.includes(a));

describe('state fields declared once', () => {
  it('a game starts each field at the scenario starting field it names, or at its constant', () => {
    const p = defaultParams();
    const ctx = initialContext(p) as unknown as Record<string, unknown>;
    const start = p.start as unknown as Record<string, number>;
    for (const k of STATE_FIELD_NAMES) {
      const d = DECLS[k];
      if (d.start === undefined) expect(ctx[k], k).toBe(d.value);
      else if (d.prior === undefined) expect(ctx[k], k).toBe(start[d.start]);
    }
    // C8: a belief starts as its prior, whatever weight the prior carries.
    for (const weight of [1, 4, 50]) {
      const q = defaultParams();
      q.repetition.beliefPriorWeight = weight;
      const v = viewFor(initialContext(q), 'china');
      expect(v.chinaBeliefUsPays).toBeCloseTo(q.start.chinaBeliefUsPays, 12);
      expect(viewFor(initialContext(q), 'kim').kimBeliefUsPays).toBeCloseTo(q.start.kimBeliefUsPays, 12);
    }
  });

  it('every starting field a scenario can set moves some state field, and none is read that a scenario cannot set', () => {
    const named = new Set(STATE_FIELD_NAMES.flatMap((k) => (DECLS[k].start ? [DECLS[k].start] : [])));
    expect([...named].sort()).toEqual(Object.keys(PARAM_TABLE.start).sort());
    for (const key of named) {
      const p = defaultParams();
      const base = initialContext(p) as unknown as Record<string, unknown>;
      (p.start as unknown as Record<string, number>)[key as string] = 0.123;
      const moved = initialContext(p) as unknown as Record<string, unknown>;
      expect(STATE_FIELD_NAMES.some((k) => moved[k] !== base[k]), `start.${key}`).toBe(true);
    }
  });

  it('each view shows exactly the fields declared seen by its side, and hidden truths stay hidden', () => {
    const ctx = initialContext(defaultParams());
    for (const a of ACTORS) {
      const v = viewFor(ctx, a) as unknown as Record<string, unknown>;
      // A view name may stand for different fields to different sides (kimStanding: the
      // truth to Beijing and Pyongyang, the public figure to Washington): a name is in a
      // view exactly when some field of that name is seen by the side.
      const seen = new Set(fieldsSeenBy(a).map((k) => DECLS[k].viewAs ?? k));
      for (const k of STATE_FIELD_NAMES) {
        const name = DECLS[k].viewAs ?? k;
        expect(name in v, `${a} sees ${k}`).toBe(seen.has(name));
      }
      for (const k of fieldsSeenBy(a)) expect(v[DECLS[k].viewAs ?? k], `${a}'s ${k}`).toBe(DECLS[k].read ? (DECLS[k].read as (c: never) => unknown)(ctx as never) : ctx[k]);
    }
    // C1, C4: Washington never sees China's true sway, the lifeline, or Beijing's message to Kim.
    const us = viewFor(ctx, 'us') as unknown as Record<string, unknown>;
    for (const hidden of ['chinaInfluence', 'lifeline', 'requestChannel', 'chinaBeliefUsPays', 'kimBeliefUsPays']) expect(us).not.toHaveProperty(hidden);
    // C4: Washington's kimStanding is the public figure, not the truth (which includes an uncaught courier's cost).
    const moved = { ...ctx, kimStanding: 0.1, kimStandingPublic: 0.7 };
    expect((viewFor(moved, 'us') as unknown as Record<string, unknown>).kimStanding).toBe(0.7);
    expect((viewFor(moved, 'kim') as unknown as Record<string, unknown>).kimStanding).toBe(0.1);
    // Kim does not see the evidence Washington holds.
    expect(viewFor(ctx, 'kim')).not.toHaveProperty('evidence');
  });

  it('the digest and the summary read the tagged fields of a real game', () => {
    const s = resolveScenario('baseline');
    const session = new GameSession({ name: s.name, source: s.source, sha256: s.sha256, params: s.params }, 'fields', 0, sidesOf((a) => getStrategy(a, DEFAULT_STRATEGY[a])));
    session.advanceUntilHuman();
    const d = digest(session.state) as unknown as Record<string, unknown>;
    const c = session.ctx as unknown as Record<string, unknown>;
    expect(d.phase).toBe(session.state.phase);
    expect(d.chinaInfluenceEstimate).toBe(c.usEstimateOfInfluence);
    expect(d.chinaBeliefUsPays).toBe((c.chinaSawPay as number) / ((c.chinaSawPay as number) + (c.chinaSawRefuse as number)));
    for (const k of STATE_FIELD_NAMES) if (DECLS[k].digest && !DECLS[k].read) expect(d[DECLS[k].digest as string], k).toBe(c[k]);
    const outcome = leverageGame.outcome(session.state);
    expect(outcome).not.toBeNull();
    const sum = summarize(session.ctx, outcome!) as unknown as Record<string, unknown>;
    for (const k of STATE_FIELD_NAMES) if (DECLS[k].summary) expect(sum[DECLS[k].summary as string], k).toBe(c[k]);
    expect(sum.rounds).toBe(session.ctx.roundsPlayed);
  });
});
