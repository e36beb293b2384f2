import { describe, expect, it } from 'vitest';
import type { MoveName } from '../../src/model/moves.js';
import type { Step } from '../../src/engine/reference/session.js';
import { GameSession, playGame } from '../../src/engine/reference/session.js';
import { observe } from '../../src/model/observe.js';
import { viewFor } from '../../src/model/views.js';
import { seenStep } from '../../src/net/observe.js';
import { formatStep } from '../../src/cli/format.js';
import { makeRng } from '../../src/rng/rng.js';
import { resolveScenario } from '../../src/scenario/catalog.js';
import { getStrategy } from '../../src/strategies/registry.js';
import { UsLiveView } from '../../src/engine/batch/live-views.js';

// Issue 20, item 1 (C4): an uncaught courier request must not reach Washington through
// anything it observes, numbers included. Each pair of games below is the same game (same
// seed, same earlier moves, same chance draws) except that in one Beijing sends a courier
// request and in the other it waits; Kim answers both with the same real test (what obeying
// takes, below Beijing's red line), the request goes uncaught, and play goes on alike for another round. Everything
// the US side is given (its view, its live view, every step as observed, as its socket and
// text account carry it) must then be the same in both games; pairs over many seeds and
// positions make the two distributions equal, not merely the note text.

const SCENARIO = resolveScenario('2022');
const HORIZON = 2; // the forked round and the next one

/** Everything the US side can read after a step. */
function usVisible(g: GameSession, step: Step): unknown {
  const live = new UsLiveView().bind(g.ctx) as unknown as Record<string, unknown>;
  const view = viewFor(g.ctx, 'us') as unknown as Record<string, unknown>;
  const liveFields = Object.fromEntries(Object.keys(view).filter((k) => k in live && k !== 'rules').map((k) => [k, live[k]]));
  return { view: { ...view, rules: undefined }, liveFields, observed: observe(step, 'us'), seat: seenStep(step, 'us'), text: formatStep(step, 'us') };
}

const pick = <T>(xs: readonly T[], r: () => number): T => xs[Math.floor(r() * xs.length)] as T;

interface Pair {
  withRequest: unknown[];
  without: unknown[];
}

/** One forked pair, or null when the position does not allow it (game over, no real test legal, request caught). */
function forkedPair(seed: number): Pair | null {
  const rng = makeRng(`side-channel|${seed}`, 'us');
  const r = () => rng.next();
  const a = new GameSession(SCENARIO, String(seed), 0, { china: 'human', kim: 'human', us: 'human' });
  const b = new GameSession(SCENARIO, String(seed), 0, { china: 'human', kim: 'human', us: 'human' });
  const both = (m: MoveName) => [a.play(m), b.play(m)];
  // A random shared history of 0..3 rounds first, so the fork happens in varied positions.
  const prefixRounds = Math.floor(r() * 4);
  while (a.ctx.round <= prefixRounds && !a.isOver()) {
    if (a.toMove() === 'chance') {
      a.advance();
      b.advance();
    } else both(pick(a.legalMoves(), r));
  }
  if (a.isOver() || a.toMove() !== 'china') return null;
  const out: Pair = { withRequest: [], without: [] };
  const record = (sa: Step, sb: Step) => {
    out.withRequest.push(usVisible(a, sa));
    out.without.push(usVisible(b, sb));
  };
  if (!a.legalMoves().includes('askEscalationByCourier')) return null;
  record(a.play('askEscalationByCourier'), b.play('chinaWaits'));
  // A test that obeys, below Beijing's red line: at or above it, an unasked test is answered
  // in the open (the lifeline cut, C7), a public reaction and not the channel in question.
  const { obeyMinRung, redLineRung } = SCENARIO.params.kim;
  const realTests = (['missileOverJapan', 'testIcbm', 'nuclearTest'] as const).filter((m, i) => i + 2 >= obeyMinRung && i + 2 < redLineRung);
  const legalTests = realTests.filter((m) => a.legalMoves().includes(m) && b.legalMoves().includes(m));
  if (legalTests.length === 0) return null;
  const [ka, kb] = both(pick(legalTests, r)) as [Step, Step];
  record(ka, kb);
  // Without the request the test must meet no reaction from Beijing (no restraint it defies):
  // a lifeline cut in answer to it would be a public reaction, not the channel in question.
  if (b.ctx.kimAnswer !== 'none') return null;
  const startRound = a.ctx.round;
  while (a.ctx.round < startRound + HORIZON && !a.isOver()) {
    if (a.toMove() === 'chance') {
      const ca = a.advance() as Step;
      const cb = b.advance() as Step;
      if (ca.type === 'chance' && ca.round === startRound && ca.requestCaught) return null; // caught: not the case in question
      record(ca, cb);
    } else {
      const legal = a.legalMoves().filter((m) => b.legalMoves().includes(m));
      const [sa, sb] = both(pick(legal, r)) as [Step, Step];
      record(sa, sb);
    }
  }
  return out;
}

describe('an uncaught courier request is invisible to Washington (issue 20, item 1)', () => {
  it('every value the US side is given is the same with and without the request, over many seeds and positions', () => {
    let pairs = 0;
    let comparedSteps = 0;
    for (let seed = 1; seed <= 400 && pairs < 150; seed++) {
      const p = forkedPair(seed);
      if (!p) continue;
      pairs++;
      comparedSteps += p.withRequest.length;
      expect(p.withRequest, `seed ${seed}`).toEqual(p.without);
    }
    // The check must actually have compared many forks, each several steps long.
    expect(pairs).toBeGreaterThanOrEqual(100);
    expect(comparedSteps).toBeGreaterThan(pairs * 6);
  });

  it('the true standing still pays for the courier: Kim and Beijing see the cost the US does not', () => {
    let differed = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const g = playGame(SCENARIO, String(seed), 0, { china: getStrategy('china', 'covertFirst'), kim: getStrategy('kim', 'loyalClient'), us: getStrategy('us', 'columns') });
      if (g.ctx.kimStanding !== g.ctx.kimStandingPublic) differed++;
    }
    expect(differed).toBeGreaterThan(0);
  });
});
