import { describe, expect, it } from 'vitest';
import { getAdjacencyMap } from 'xstate/graph';
import type { SnapshotFrom } from 'xstate';
import type { GameEvent } from '../../src/model/events.js';
import { leverageMachine, PHASE_ACTOR } from '../../src/model/machine.js';
import { MOVE_NAMES, movesOf } from '../../src/model/moves.js';
import { OUTCOME_NAMES } from '../../src/model/outcomes.js';
import { paramsWith } from '../helpers.js';

// Model-based check of the machine itself, with xstate's own graph traversal: from a start
// placed near every threshold, every phase and every ending is reachable, and no state
// that is not an ending is a dead end. The numeric state space is infinite, so states are
// keyed coarsely (value, round, a few rounded quantities) and the game is kept short.

type Snap = SnapshotFrom<typeof leverageMachine>;

const params = paramsWith({
  start: {
    tension: 0.4,
    diplomacy: 0.9,
    exposure: 0.65,
    europeAlignment: 0.62,
    kimStanding: 0.13, // issue 19: answering exercises lifts standing, so the edge sits nearer
    nkEconomy: 0.5,
    escalationLevel: 2,
  },
});
params.rounds = 3;
// Issue 19: a deal must hold before it settles; one round of probation keeps settlement within three rounds.
params.dynamics.dealProbation = 1;

const CHANCE: GameEvent[] = [
  { type: 'chance', detection: 0.01, war: 0.999, drift: 0.5 },
  { type: 'chance', detection: 0.999, war: 0.999, drift: 0.5 },
  { type: 'chance', detection: 0.5, war: 0, drift: 0.5 },
];

function eventsFor(snap: Snap): GameEvent[] {
  const who = PHASE_ACTOR[snap.value as keyof typeof PHASE_ACTOR];
  if (who === undefined) return [];
  if (who === 'chance') return CHANCE;
  return movesOf(who).map((type) => ({ type }) as GameEvent);
}

const r1 = (x: number) => Math.round(x * 10) / 10;
function key(snap: Snap): string {
  const c = snap.context;
  return [snap.value, c.round, r1(c.tension), r1(c.diplomacy), r1(c.exposure), r1(c.europeAlignment), r1(c.kimStanding), c.concededTaiwan + c.concededChips + c.aidToKim, c.requestChannel, c.offerPrice, c.deal].join('|');
}

describe('the machine as a graph', () => {
  const adjacency = getAdjacencyMap(leverageMachine, {
    input: { params },
    events: eventsFor,
    serializeState: (s) => key(s as Snap),
    limit: 200_000,
  });
  type Node = { state: unknown; transitions: Record<string, { event: GameEvent; state: unknown }> };
  const nodes = Object.values(adjacency) as Node[];

  it('reaches every phase and every ending', () => {
    const values = new Set(nodes.map((n) => String((n.state as Snap).value)));
    for (const phase of Object.keys(PHASE_ACTOR)) expect(values, phase).toContain(phase);
    for (const outcome of OUTCOME_NAMES) expect(values, outcome).toContain(outcome);
  });

  it('has no dead ends: every state that is not an ending has a move that leads on', () => {
    for (const n of nodes) {
      const s = n.state as Snap;
      if (s.status === 'done') continue;
      const onward = Object.values(n.transitions).filter((t) => key(t.state as Snap) !== key(s));
      expect(onward.length, `dead end at ${key(s)}`).toBeGreaterThan(0);
    }
  });

  it('every move is legal somewhere', () => {
    const used = new Set<string>();
    for (const n of nodes) for (const t of Object.values(n.transitions)) if (key(t.state as Snap) !== key(n.state as Snap)) used.add(t.event.type);
    for (const m of MOVE_NAMES) expect(used, m).toContain(m);
  });
});
