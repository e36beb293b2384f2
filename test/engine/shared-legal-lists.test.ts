import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/model/context.js';
import type { MoveName } from '../../src/model/moves.js';
import type { Profile } from '../../src/engine/batch/fast-game.js';
import type { Strategy } from '../../src/strategies/types.js';
import { sharedLegalList } from '../../src/engine/batch/compiled-game.js';
import { CHINA_MOVES, KIM_MOVES, US_MOVES } from '../../src/engine/batch/compiled-round.generated.js';
import { playFast } from '../../src/engine/batch/fast-game.js';
import { ACTORS } from '../../src/model/context.js';
import { listBuiltIn } from '../../src/scenario/catalog.js';
import { DEFAULT_STRATEGY, findStrategy, STRATEGIES } from '../../src/strategies/registry.js';

// The batch path hands every strategy one shared list of legal moves per mask, and leaves it
// unfrozen (includes on a frozen array is slower): no strategy may change one.

const MOVES: Record<Actor, readonly MoveName[]> = { china: CHINA_MOVES, kim: KIM_MOVES, us: US_MOVES };

/** The masks whose shared list is not the mask's moves in table order. */
function changedLists(actor: Actor): number[] {
  const moves = MOVES[actor];
  const bad: number[] = [];
  for (let mask = 0; mask < 1 << moves.length; mask++) {
    const want = moves.filter((_, i) => (mask >>> i) & 1);
    const got = sharedLegalList(actor, mask);
    if (got.length !== want.length || got.some((m, i) => m !== want[i])) bad.push(mask);
  }
  return bad;
}

const defaults = (): Profile => Object.fromEntries(ACTORS.map((a) => [a, findStrategy(a, DEFAULT_STRATEGY[a])])) as unknown as Profile;

function playWith(profile: Profile, games: number): void {
  for (const sc of listBuiltIn()) for (let i = 0; i < games; i++) playFast(sc.params, sc.name, 'lists', i, profile);
}

describe('the legal-move lists the batch path shares', () => {
  it('are unchanged after every built-in strategy of every side has played', () => {
    for (const a of ACTORS) for (const s of STRATEGIES[a]) playWith({ ...defaults(), [a]: s } as Profile, 20);
    expect(ACTORS.map((a) => changedLists(a))).toEqual([[], [], []]);
  });

  // Last in the file: it spoils the shared lists for what would come after it.
  it('would show a strategy that sorts its list', () => {
    const rogue: Strategy<'us'> = { ...(findStrategy('us', 'columns') as Strategy<'us'>), id: 'rogue', choose: (_v, legal) => (legal as MoveName[]).sort()[0] as MoveName };
    playWith({ ...defaults(), us: rogue } as Profile, 2);
    expect(changedLists('us').length).toBeGreaterThan(0);
  });
});
