import { describe, expect, it } from 'vitest';
import type { MoveName } from '../../src/model/moves.js';
import type { KimView } from '../../src/model/views.js';
import type { Profile } from '../../src/engine/batch/fast-game.js';
import type { Strategy } from '../../src/strategies/types.js';
import { bestKimMove, bestKimMoveIndex, KIM_MOVE_ORDER, kimWeightsFrom } from '../../src/model/kim-utility.js';
import { CompiledPlayer } from '../../src/engine/batch/compiled-game.js';
import { KIM_MOVES } from '../../src/engine/batch/compiled-round.generated.js';
import { listBuiltIn } from '../../src/scenario/catalog.js';
import { independent, loyalClient, regimeFirst, weighingIndexChoice } from '../../src/strategies/kim.js';
import { STRATEGIES } from '../../src/strategies/registry.js';
import { anyLegal, anyLegalIndex } from '../../src/strategies/types.js';
import { withoutIssue19 } from '../fixtures/dynamics/off.js';
import { draws } from '../strategies/decide.js';

// The batch path asks a Kim who declares his weighing (Strategy.weighing) for a move index from
// the legal-move mask (model: bestKimMoveIndex), not for a name from a list: it must be the
// very choice his `choose` makes, and a Kim without the declaration must still be asked `choose`.

const WEIGHING_KIMS = [regimeFirst, loyalClient, independent];

const maskOf = (legal: readonly MoveName[]) => legal.reduce((m, move) => m | (1 << KIM_MOVE_ORDER.indexOf(move as (typeof KIM_MOVE_ORDER)[number])), 0);

/** A Kim that plays as `like` but through `choose` only (no declared weighing), each decision seen by `seen`. */
function undeclared(like: Strategy<'kim'>, seen?: (v: KimView, legal: readonly MoveName[]) => void): Strategy<'kim'> {
  const { weighing: _declared, ...rest } = like;
  return {
    ...rest,
    id: `${like.id}-undeclared`,
    choose: (v, legal, rng) => {
      seen?.(v, legal);
      return like.choose(v, legal, rng);
    },
  };
}

/** Kim's views and legal moves at real decisions: games of every shipped scenario (dynamics on and off) under several profiles. */
function realDecisions(gamesEach: number): { view: KimView; legal: readonly MoveName[] }[] {
  const out: { view: KimView; legal: readonly MoveName[] }[] = [];
  for (const sc of listBuiltIn()) {
    for (const params of [sc.params, withoutIssue19(sc.params)]) {
      for (const like of WEIGHING_KIMS) {
        for (const us of STRATEGIES.us.slice(0, 3)) {
          const kim = undeclared(like, (v, legal) => out.push({ view: { ...v }, legal: [...legal] }));
          const player = new CompiledPlayer({ us, china: STRATEGIES.china[0], kim } as Profile);
          for (let i = 0; i < gamesEach; i++) player.play(params, sc.name, 'kim-decider', i);
        }
      }
    }
  }
  return out;
}

describe("Kim's moves as integers on the batch path", () => {
  it("the compiled round numbers Kim's moves as the model does (bit i of the legal mask is the same move)", () => {
    expect([...KIM_MOVES]).toEqual([...KIM_MOVE_ORDER]);
  });

  it('over thousands of real decisions, the mask-and-index weighing picks the move the named one picks, for every declared temperament', () => {
    const decisions = realDecisions(8);
    expect(decisions.length).toBeGreaterThan(3000);
    const chosen = new Set<MoveName>();
    let mismatches = 0;
    for (const { view, legal } of decisions) {
      for (const kim of WEIGHING_KIMS) {
        const w = kimWeightsFrom(view, (kim.weighing as NonNullable<typeof kim.weighing>).temperament);
        const byName = bestKimMove(view, legal, w);
        const byIndex = KIM_MOVE_ORDER[bestKimMoveIndex(view, maskOf(legal), w)];
        if (byIndex !== byName) mismatches++;
        chosen.add(byName);
      }
    }
    expect(mismatches).toBe(0);
    // Real decisions, not one kind: tests of several rungs, holding and a paid pause among the choices.
    expect(chosen.size).toBeGreaterThanOrEqual(4);
  });

  it("a declared Kim's index choice is his choose, draw for draw (the independent's whims included)", () => {
    const decisions = realDecisions(2);
    let whims = 0;
    decisions.forEach(({ view, legal }, k) => {
      for (const kim of WEIGHING_KIMS) {
        const byIndex = weighingIndexChoice(kim.weighing as NonNullable<typeof kim.weighing>);
        // Draws that make a whim at every other decision and spread its pick over the legal moves.
        const first = k % 2 === 0 ? 0.05 : 0.5;
        const second = (k % 7) / 7;
        const named = kim.choose(view, legal, draws(first, second));
        expect(KIM_MOVE_ORDER[byIndex(view, maskOf(legal), draws(first, second))]).toBe(named);
        if (kim === independent && first < 0.1) whims++;
      }
    });
    expect(whims).toBeGreaterThan(100);
  });

  it('anyLegalIndex draws the move anyLegal draws from the same stream', () => {
    const legal: MoveName[] = ['testShortRange', 'testIcbm', 'holdTests', 'courtBeijing'];
    for (let k = 0; k < 40; k++) {
      const x = (k + 0.5) / 40;
      expect(KIM_MOVE_ORDER[anyLegalIndex(maskOf(legal), draws(x))]).toBe(anyLegal(legal, draws(x)));
    }
  });

  it('a Kim that declares his weighing plays the very games he plays through choose alone (every scenario, dynamics on and off)', () => {
    for (const sc of listBuiltIn()) {
      for (const params of [sc.params, withoutIssue19(sc.params)]) {
        for (const kim of [regimeFirst, independent]) {
          const declared = new CompiledPlayer({ us: STRATEGIES.us[0], china: STRATEGIES.china[0], kim } as Profile);
          const plain = new CompiledPlayer({ us: STRATEGIES.us[0], china: STRATEGIES.china[0], kim: undeclared(kim) } as Profile);
          for (let i = 0; i < 60; i++) expect(declared.play(params, sc.name, 'pair', i)).toStrictEqual(plain.play(params, sc.name, 'pair', i));
        }
      }
    }
  });

  it('a Kim without the declaration is asked choose, and his moves are played', () => {
    const holder: Strategy<'kim'> = { ...STRATEGIES.kim[0], id: 'alwaysHolds', weighing: undefined, stochastic: false, choose: () => 'holdTests' } as Strategy<'kim'>;
    const player = new CompiledPlayer({ us: STRATEGIES.us[0], china: STRATEGIES.china[0], kim: holder } as Profile);
    const kimMoves: MoveName[] = [];
    player.onMove = (m) => {
      if ((KIM_MOVE_ORDER as readonly MoveName[]).includes(m)) kimMoves.push(m);
    };
    const sc = listBuiltIn()[0] as (ReturnType<typeof listBuiltIn>)[number];
    for (let i = 0; i < 20; i++) player.play(sc.params, sc.name, 'holds', i);
    expect(kimMoves.length).toBeGreaterThan(20);
    expect(new Set(kimMoves)).toEqual(new Set(['holdTests']));
  });
});
