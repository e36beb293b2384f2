import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STATE_CODE_FILE, stateCodeSource } from '../../scripts/gen-state-code.js';
import type { GameContext } from '../../src/model/context.js';
import type { ChinaView, KimView, UsView } from '../../src/model/views.js';
import { ChinaLiveView, KimLiveView, UsLiveView } from '../../src/engine/batch/live-views.js';
import { chinaView, kimView, usView } from '../../src/model/views.js';
import { leverageGame } from '../../src/engine/reference/stepper.js';
import { runGame } from '../../src/engine/game-loop.js';
import { streamsOfSeed } from '../../src/engine/streams.js';
import { resolveScenario } from '../../src/scenario/catalog.js';
import { STRATEGIES } from '../../src/strategies/registry.js';

/** Contexts from real games, at every step, so every field takes many values (requests caught and not, offers, answers). */
function contexts(): GameContext[] {
  const out: GameContext[] = [];
  const sc = resolveScenario('2022');
  for (let i = 0; i < 40; i++) {
    const profile = { us: STRATEGIES.us[i % 9]!, china: STRATEGIES.china[i % 7]!, kim: STRATEGIES.kim[i % 4]! };
    const s = leverageGame.initial(sc.params);
    const streams = streamsOfSeed(`v|${i}`);
    while (!leverageGame.isTerminal(s)) {
      runGame(leverageGame, s, streams, profile, {}, 1);
      out.push({ ...s.ctx });
    }
  }
  return out;
}

/** Every field a view has, read as a strategy reads it. */
function readAll(view: object, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = (view as Record<string, unknown>)[k];
  return out;
}

describe('the live views are generated from the state table', () => {
  it('the committed file is what the generator writes now (run `npm run gen` after changing STATE_FIELDS)', () => {
    expect(readFileSync(STATE_CODE_FILE, 'utf8')).toBe(stateCodeSource());
  });

  it('each side gets a getter for each field it sees, under its view name, and nothing it does not see', () => {
    const src = stateCodeSource();
    const usClass = src.slice(src.indexOf('class UsLiveFields'));
    const chinaClass = src.slice(src.indexOf('class ChinaLiveFields'), src.indexOf('class KimLiveFields'));
    const shared = src.slice(src.indexOf('class SharedLiveFields'), src.indexOf('class ChinaLiveFields'));
    // What every side sees is written once, in the shared class.
    expect(shared).toContain('get tension() {');
    expect(src.match(/get tension\(\)/g)).toHaveLength(1);
    // The US sees Kim's public standing under the view name `kimStanding`, never the true one.
    expect(usClass).toContain('get kimStanding() {\n    return this.ctx.kimStandingPublic;');
    expect(usClass).not.toContain('this.ctx.chinaInfluence');
    // A belief is shown as its share of its counts (its `read`), not the stored counts.
    expect(chinaClass).toContain('get chinaBeliefUsPays() {\n    return chinaBeliefUsPays(this.ctx);');
  });
});

describe('live views read the context through accessors and give the copied views\' values', () => {
  const all = contexts();
  it('field for field, for each side, at every step of many games', () => {
    expect(all.length).toBeGreaterThan(500);
    const us = new UsLiveView();
    const china = new ChinaLiveView();
    const kim = new KimLiveView();
    let hiddenRequests = 0;
    for (const ctx of all) {
      const u = usView(ctx);
      expect(readAll(us.bind(ctx), Object.keys(u))).toStrictEqual(u);
      const c = chinaView(ctx);
      expect(readAll(china.bind(ctx), Object.keys(c))).toStrictEqual(c);
      const k = kimView(ctx);
      expect(readAll(kim.bind(ctx), Object.keys(k))).toStrictEqual(k);
      if (u.lastChinaMoveSeen !== ctx.lastChinaMove) hiddenRequests++;
    }
    // C4 was exercised: some requests stayed hidden from the US view.
    expect(hiddenRequests).toBeGreaterThan(0);
  });

  it('a view has no field beyond its side\'s (nothing else to enumerate or read)', () => {
    const ctx = all[0] as GameContext;
    const fieldsOf = (cls: object) => {
      const names = new Set<string>();
      for (let p = cls; p && p !== Object.prototype; p = Object.getPrototypeOf(p)) for (const n of Object.getOwnPropertyNames(p)) names.add(n);
      names.delete('constructor');
      names.delete('bind');
      return [...names].sort();
    };
    expect(fieldsOf(UsLiveView.prototype)).toEqual(Object.keys(usView(ctx)).sort());
    expect(fieldsOf(ChinaLiveView.prototype)).toEqual(Object.keys(chinaView(ctx)).sort());
    expect(fieldsOf(KimLiveView.prototype)).toEqual(Object.keys(kimView(ctx)).sort());
  });

  it('the types let each side read only its own fields', () => {
    const ctx = all[0] as GameContext;
    const us: UsView = new UsLiveView().bind(ctx);
    const china: ChinaView = new ChinaLiveView().bind(ctx);
    const kim: KimView = new KimLiveView().bind(ctx);
    // @ts-expect-error C1: Washington sees only its estimate of China's influence, never the truth
    void us.chinaInfluence;
    // @ts-expect-error the context behind a view is not part of any view type
    void us.ctx;
    // @ts-expect-error nor can a view be pointed at another game by a strategy
    void kim.bind;
    // @ts-expect-error C8: Beijing's belief about Washington is China's alone
    void kim.chinaBeliefUsPays;
    // @ts-expect-error C4: China sees its own last move, not the US's picture of it
    void china.lastChinaMoveSeen;
    expect([us.usEstimateOfInfluence, china.chinaInfluence, kim.chinaInfluence]).toEqual([ctx.usEstimateOfInfluence, ctx.chinaInfluence, ctx.chinaInfluence]);
  });
});
