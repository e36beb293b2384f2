import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLAIMS } from '../../src/model/claims.js';
import { ACTOR_TABLE, CHANCE_RULES, ENDINGS, GAME_TABLE, moveDecl, NEXT_ROUND } from '../../src/model/game-table.js';
import { MOVE_NAMES } from '../../src/model/moves.js';

// The claims registry names the rules that encode each claim; a renamed or deleted rule
// must not leave the registry citing something that is not there.

const MODEL_DIR = join(import.meta.dirname, '..', '..', 'src', 'model');

async function modelNames(): Promise<Set<string>> {
  const names = new Set<string>();
  for (const f of readdirSync(MODEL_DIR).filter((f) => f.endsWith('.ts'))) {
    const mod = (await import(join(MODEL_DIR, f))) as Record<string, unknown>;
    for (const k of Object.keys(mod)) names.add(k);
  }
  for (const m of MOVE_NAMES) {
    const e = moveDecl(m);
    names.add(m);
    if (e.guard) names.add(e.guard.name);
    if (e.effect) names.add(e.effect.name);
  }
  for (const a of Object.values(ACTOR_TABLE)) for (const r of a.afterMove) names.add(r.name);
  for (const r of CHANCE_RULES) names.add(r.name);
  for (const e of ENDINGS) names.add(e.guard);
  names.add(NEXT_ROUND.name);
  return names;
}

describe('the claims registry', () => {
  it("names only rules that exist (a rule's first word is a model export or a game-table rule)", async () => {
    const names = await modelNames();
    expect(Object.keys(GAME_TABLE).length).toBeGreaterThan(0);
    for (const [id, claim] of Object.entries(CLAIMS)) {
      for (const rule of claim.rules) {
        const name = rule.split(/[ (]/)[0] as string;
        expect(names.has(name), `${id} cites '${rule}', but no rule '${name}' exists`).toBe(true);
      }
    }
  });
});
