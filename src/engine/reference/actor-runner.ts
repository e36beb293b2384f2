import { createActor } from 'xstate';
import type { Actor, GameContext } from '../../model/context.js';
import type { MoveName } from '../../model/moves.js';
import type { Outcome } from '../../model/outcomes.js';
import type { Params } from '../../model/params.js';
import type { Strategy } from '../../strategies/types.js';
import { leverageMachine, PHASE_ACTOR } from '../../model/machine.js';
import { movesOf } from '../../model/moves.js';
import { isOutcome } from '../../model/outcomes.js';
import { viewFor } from '../../model/views.js';
import type { GameStreams } from '../streams.js';
import { drawChance, gameStreams } from '../streams.js';

function chooseFor<A extends Actor>(who: A, sides: { [K in Actor]: Strategy<K> }, ctx: GameContext, legal: MoveName[], streams: GameStreams): MoveName {
  return sides[who].choose(viewFor(ctx, who), legal, streams[who]);
}

// The reference way to play: a live xstate actor, one `send` per move. Slow (xstate copies
// context and builds a snapshot on every event), so batches use the compiled stepper; this
// runner exists so tests and the benchmark can check the two agree, game for game.

export interface ActorGameResult {
  outcome: Outcome;
  context: GameContext;
  moves: MoveName[];
}

export function playWithActor(
  params: Params,
  scenarioName: string,
  masterSeed: string,
  index: number,
  sides: { [A in Actor]: Strategy<A> },
): ActorGameResult {
  const rngs = gameStreams(masterSeed, scenarioName, index);
  const actor = createActor(leverageMachine, { input: { params } });
  actor.start();
  const moves: MoveName[] = [];
  for (;;) {
    const snap = actor.getSnapshot();
    if (snap.status === 'done') {
      const value = String(snap.value);
      if (!isOutcome(value)) throw new Error(`ended in a state that is not an outcome: ${value}`);
      actor.stop();
      return { outcome: value, context: snap.context, moves };
    }
    const who = PHASE_ACTOR[snap.value as keyof typeof PHASE_ACTOR];
    if (who === 'chance') {
      actor.send(drawChance(rngs.chance));
      continue;
    }
    // Legal moves straight from the machine: the events it can take now.
    const legal = movesOf(who).filter((m) => snap.can({ type: m }));
    const move = chooseFor(who, sides, snap.context, legal, rngs);
    moves.push(move);
    actor.send({ type: move });
  }
}
