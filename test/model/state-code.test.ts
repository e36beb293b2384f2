import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STATE_CODE_FILE, stateCodeSource } from '../../scripts/gen-state-code.js';
import { DECLS, initialContext, STATE_FIELD_NAMES } from '../../src/model/context.js';
import { beginNextRound } from '../../src/model/round-end.js';
import { defaultParams } from '../../src/scenario/fields.js';

// The state code (first state, views' copies, digest, summary, whole-state copy, the round's
// reset) is written out at build time from STATE_FIELDS as committed TypeScript, never built
// at run time.

describe('the state code is generated from the state table', () => {
  it('the committed file is what the generator writes now (run `npm run gen` after changing STATE_FIELDS)', () => {
    expect(readFileSync(STATE_CODE_FILE, 'utf8')).toBe(stateCodeSource());
  });

  it('no source file builds code at run time', () => {
    const sources = ['src/model/context.ts', 'src/model/views.ts', 'src/engine/reference/session.ts', 'src/engine/batch/game-summary.ts', 'src/engine/batch/compiled-game.ts', STATE_CODE_FILE];
    for (const f of sources) expect(readFileSync(f, 'utf8'), f).not.toMatch(/new Function|\beval\(/);
  });
});

describe('a new round resets the fields the table tags, and only those', () => {
  it('each perRound field goes back to its start value, each rememberedAs field is copied first, the rest are kept', () => {
    const ctx = initialContext(defaultParams());
    const c = ctx as unknown as Record<string, unknown>;
    // Every field moved off its start: numbers up, flags on, words to another word.
    for (const k of STATE_FIELD_NAMES) {
      const v = c[k];
      c[k] = typeof v === 'number' ? v + 0.25 : typeof v === 'boolean' ? !v : `${String(v)}-then`;
    }
    const before = { ...c };
    beginNextRound(ctx);
    const rememberedInto = new Map(STATE_FIELD_NAMES.flatMap((k) => (DECLS[k].rememberedAs ? [[DECLS[k].rememberedAs as string, k] as const] : [])));
    for (const k of STATE_FIELD_NAMES) {
      const d = DECLS[k];
      if (k === 'round') expect(c.round).toBe((before.round as number) + 1);
      else if (d.perRound) expect(c[k], k).toBe(d.value);
      else if (rememberedInto.has(k)) expect(c[k], k).toBe(before[rememberedInto.get(k)!]);
      else expect(c[k], k).toBe(before[k]);
    }
    expect([...rememberedInto.keys()].sort()).toEqual(['lastChinaMove', 'lastKimAnswer', 'lastKimMove', 'lastRequestDetected', 'lastTestUnwanted', 'lastUsMove', 'restraintOrdered', 'tensionAtRoundStart']);
  });
});
