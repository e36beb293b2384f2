// The benchmark's yardstick: one game played by a hand-written loop over the game table's
// rule functions, in the same order as the machine runs them, with no states, no
// transitions and no events: the round is a straight line china -> kim -> us -> chance.
// It is what "as fast as the rules allow" means; the batch engine is measured against it,
// and a test proves the two give identical games. It reads the table, so a new move needs
// no change here.
import type { Actor, GameContext } from '../src/model/context.js';
import type { ChanceEvent } from '../src/model/events.js';
import type { MoveName } from '../src/model/moves.js';
import type { Outcome } from '../src/model/outcomes.js';
import type { Params } from '../src/model/params.js';
import type { GameSummary, Profile } from '../src/engine/batch/fast-game.js';
import { initialContext } from '../src/model/context.js';
import { ACTOR_TABLE, CHANCE_RULES, ENDINGS, moveDecl, NEXT_ROUND } from '../src/model/game-table.js';
import { movesOf } from '../src/model/moves.js';
import { VIEW_OF } from '../src/model/views.js';
import { gameStreams } from '../src/engine/streams.js';
import { summarize } from '../src/engine/batch/fast-game.js';

interface Row {
  name: MoveName;
  test: ((ctx: GameContext) => boolean) | null;
  apply: ((ctx: GameContext) => void) | null;
}

const ROWS: Record<Actor, Row[]> = { china: [], kim: [], us: [] };
const ROW_OF = {} as Record<MoveName, Row>;
for (const a of ['china', 'kim', 'us'] as Actor[]) {
  ROWS[a] = movesOf(a).map((name) => {
    const e = moveDecl(name);
    return (ROW_OF[name] = { name, test: e.guard?.test ?? null, apply: e.effect?.apply ?? null });
  });
}

function legalFor(actor: Actor, ctx: GameContext): MoveName[] {
  const out: MoveName[] = [];
  for (const r of ROWS[actor]) if (r.test === null || r.test(ctx)) out.push(r.name);
  return out;
}

function play(actor: Actor, ctx: GameContext, m: MoveName): void {
  const apply = ROW_OF[m].apply;
  if (apply) apply(ctx);
  for (const after of ACTOR_TABLE[actor].afterMove) after.apply(ctx, m);
}

function resolveRound(ctx: GameContext, e: ChanceEvent): Outcome | null {
  for (const r of CHANCE_RULES) r.apply(ctx, e);
  for (const end of ENDINGS) if (end.test(ctx)) return end.outcome;
  NEXT_ROUND.apply(ctx);
  return null;
}

export function playBaseline(params: Params, scenarioName: string, masterSeed: string, index: number, profile: Profile): GameSummary {
  const streams = gameStreams(masterSeed, scenarioName, index);
  const ctx = initialContext(params);
  const e: ChanceEvent = { type: 'chance', detection: 0, war: 0, drift: 0 };
  for (;;) {
    play('china', ctx, profile.china.choose(VIEW_OF.china(ctx), legalFor('china', ctx), streams.china));
    play('kim', ctx, profile.kim.choose(VIEW_OF.kim(ctx), legalFor('kim', ctx), streams.kim));
    play('us', ctx, profile.us.choose(VIEW_OF.us(ctx), legalFor('us', ctx), streams.us));
    e.detection = streams.chance.next();
    e.war = streams.chance.next();
    e.drift = streams.chance.next();
    const outcome = resolveRound(ctx, e);
    if (outcome) return summarize(ctx, outcome);
  }
}
