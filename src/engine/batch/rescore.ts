import type { Params } from '../../model/params.js';
import type { Profile } from './fast-game.js';
import type { Acc } from './stats.js';
import type { GameContext } from '../../model/context.js';
import { CompiledPlayer } from './compiled-game.js';
import { summarize } from './game-summary.js';
import { addGame, emptyAcc } from './stats.js';

// Playing once, scoring several times. Parameters that only weigh the score of a finished
// game (fields marked `scoresOnly`) change no move, so games under such "twin" parameters
// are the very same games: each is played once and its final state summarised under every
// twin's weights. The result is bit for bit what playing each twin would give
// (test/analysis/reuse.test.ts), at the cost of one game instead of one per twin.

/**
 * Games `from` .. `to - 1` of `scenario` under `params`, each played once and summarised
 * under `params` and under each of `twins` (params that differ only in scores-only fields).
 */
export function playScored(params: Params, twins: readonly Params[], scenario: string, masterSeed: string, from: number, to: number, profile: Profile): { acc: Acc; twins: Acc[] } {
  const acc = emptyAcc();
  const twinAccs = twins.map(() => emptyAcc());
  // The batch path's own player: the same games runUnit plays, seeded without allocation.
  const player = new CompiledPlayer(profile);
  for (let i = from; i < to; i++) {
    const played = player.play(params, scenario, masterSeed, i, undefined, to);
    addGame(acc, played);
    const ctx = player.lastContext as GameContext;
    for (let t = 0; t < twins.length; t++) {
      ctx.params = twins[t] as Params;
      addGame(twinAccs[t] as Acc, summarize(ctx, played.outcome));
    }
    ctx.params = params;
  }
  return { acc, twins: twinAccs };
}
