import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/model/context.js';
import type { Observer } from '../../src/model/observe.js';
import type { GameSession, Step } from '../../src/engine/reference/session.js';
import { playGame } from '../../src/engine/reference/session.js';
import { formatAccount, formatStep } from '../../src/cli/format.js';
import { logLines } from '../../src/ui/App.js';
import { ACTORS } from '../../src/model/context.js';
import { GAME_TABLE } from '../../src/model/game-table.js';
import { moveVisibleTo, MOVES } from '../../src/model/moves.js';
import { knows, offerPriceKnownTo, publicStepState } from '../../src/model/observe.js';
import { resolveScenario } from '../../src/scenario/catalog.js';
import { getStrategy } from '../../src/strategies/registry.js';
import { metersFor } from '../../src/ui/meters.js';
import { viewFor } from '../../src/model/views.js';
import { seenStep } from '../../src/net/observe.js';

// Whole games, shown to each side on every surface that renders a game to a person: the
// screen's log, the scripted/`run`/`replay --show` text account. No surface may show a side
// a move or a line its observation lacks, and nothing false may stand in for what is hidden.

const GAMES = [
  { scenario: '2020', china: 'covertFirst', kim: 'loyalClient', us: 'asksBeijing' },
  { scenario: '2022', china: 'opportunist', kim: 'regimeFirst', us: 'columns' },
  { scenario: '2023', china: 'ratchet', kim: 'independent', us: 'exposer' },
  { scenario: 'baseline', china: 'chinaRandom', kim: 'kimRandom', us: 'pragmatist' },
];

function games(): GameSession[] {
  const out: GameSession[] = [];
  for (const g of GAMES) {
    for (const seed of ['1', '2', '3', '4', '5']) {
      out.push(
        playGame(resolveScenario(g.scenario), seed, 0, {
          china: getStrategy('china', g.china),
          kim: getStrategy('kim', g.kim),
          us: getStrategy('us', g.us),
        }),
      );
    }
  }
  return out;
}

/** Each surface's rendering of one step, as text lines. */
const SURFACES: Record<string, (step: Step, side: Actor) => string[]> = {
  screen: (step, side) => logLines([step], side, false).map((l) => `${l.who} ${l.text}`),
  'text account': (step, side) => formatStep(step, side),
  // A class game's seat: what its socket carries (net/observe.ts), drawn by the same screen.
  'class seat': (step, side) => [JSON.stringify(seenStep(step, side)), ...logLines([seenStep(step, side)], side, false).map((l) => `${l.who} ${l.text}`)],
};

/** Observing a seat's already-observed step again as that seat changes nothing. */
function seatLogEqualsScreen(step: Step, side: Actor): void {
  expect(logLines([seenStep(step, side)], side, false)).toEqual(logLines([step], side, false));
}

const stepsOf = (sessions: GameSession[]) => sessions.flatMap((s) => s.steps);

describe('one observation rule, every surface', () => {
  const sessions = games();
  const steps = stepsOf(sessions);

  it('the games exercise hidden moves and hidden lines (else this test proves nothing)', () => {
    const hiddenMoves = steps.filter((s) => s.type === 'move' && !moveVisibleTo(s.move, 'us'));
    expect(hiddenMoves.some((s) => s.type === 'move' && s.move === 'askEscalationByCourier')).toBe(true);
    expect(hiddenMoves.some((s) => s.type === 'move' && s.move === 'askEscalationOvertly')).toBe(true);
    expect(steps.some((s) => s.notes.some((n) => n.seenBy?.length === 1))).toBe(true);
  });

  it("no line Washington sees gives the lifeline's numbers, which its view lacks (it reads only the economy)", () => {
    // The games must squeeze the lifeline or cut it for defiance, else this proves nothing.
    const lifelineLines = steps.flatMap((s) => s.notes).filter((n) => /lifeline \(?(nets )?\d\.\d\d -> /.test(n.text));
    expect(lifelineLines.length).toBeGreaterThan(0);
    expect('lifeline' in viewFor(sessions[0]!.state.ctx, 'us')).toBe(false);
    for (const n of lifelineLines) expect(knows(n.seenBy, 'us'), n.text).toBe(false);
  });

  it('what the lifeline does to the economy, Washington is told by the economy (a squeeze, a cut, a summit)', () => {
    // Every hidden line that moves the economy has a line Washington sees, in the same step,
    // with the same change of the economy: the number on its screen never moves unexplained.
    const economyChange = /economy (\d\.\d\d -> \d\.\d\d)/;
    const hidden = steps.flatMap((s) => s.notes.filter((n) => !knows(n.seenBy, 'us') && economyChange.test(n.text)).map((n) => ({ s, n })));
    // The games must have summits among these lines, else this proves nothing for them.
    expect(hidden.some(({ s }) => s.type === 'move' && s.move === 'courtBeijing')).toBe(true);
    for (const { s, n } of hidden) {
      const moved = economyChange.exec(n.text)?.[1] as string;
      expect(s.notes.some((m) => knows(m.seenBy, 'us') && m.text.includes(moved)), n.text).toBe(true);
    }
  });

  for (const [surface, render] of Object.entries(SURFACES)) {
    for (const side of ACTORS) {
      it(`${surface}, as ${side}: hidden moves read "Nothing observed", seen moves are named truly, no hidden line shows`, () => {
        for (const step of steps) {
          const text = render(step, side).join('\n');
          for (const n of step.notes) {
            if (!knows(n.seenBy, side)) expect(text, `${side} must not see: ${n.text}`).not.toContain(n.text);
          }
          if (step.type !== 'move') continue;
          const ownLabels = Object.values(GAME_TABLE).filter((m) => m.actor === step.actor).map((m) => m.label);
          if (moveVisibleTo(step.move, side)) {
            expect(text).toContain(MOVES[step.move].label);
          } else {
            // Nothing false: no move of that actor is named in its place.
            expect(text).toContain('Nothing observed');
            for (const label of ownLabels) expect(text, `${side} shown '${label}' for a hidden ${step.move}`).not.toContain(label);
            for (const n of step.notes) expect(text).not.toContain(n.text);
          }
        }
      });
    }
  }

  it("a class seat's screen shows exactly what the local screen shows that side", () => {
    for (const step of steps) for (const side of ACTORS) seatLogEqualsScreen(step, side);
  });

  it('the public record (run --no-hidden) shows only what every side observes', () => {
    for (const step of steps) {
      const text = formatStep(step, 'public').join('\n');
      for (const side of ACTORS) {
        for (const n of step.notes) if (!knows(n.seenBy, side)) expect(text).not.toContain(n.text);
        if (step.type === 'move' && !moveVisibleTo(step.move, side)) expect(text).not.toContain(MOVES[step.move].label);
      }
    }
  });

  it("the all-seeing view shows every move and line, each hidden one tagged with who knew it", () => {
    const session = sessions[0] as GameSession;
    const text = formatAccount(session, 'all');
    for (const step of session.steps) {
      if (step.type === 'move') expect(text).toContain(MOVES[step.move].label);
      // An uncited note on a move ('Beijing waits.') only repeats the move's name, which the account omits.
      for (const n of step.notes) if (step.type === 'chance' || n.claims.length > 0) expect(text).toContain(n.text);
    }
    expect(text).toMatch(/Ask Kim to escalate \((by courier|openly)\) \(known only to China and Kim\)/);
  });

  it('a whole account is its steps as the observer saw them, in order', () => {
    const session = sessions[1] as GameSession;
    const observers: Observer[] = ['us', 'china', 'kim', 'public', 'all'];
    for (const o of observers) {
      const account = formatAccount(session, o);
      let at = 0;
      for (const step of session.steps) {
        const block = formatStep(step, o).join('\n');
        const found = account.indexOf(block, at);
        expect(found, `${o}: step ${step.seq}`).toBeGreaterThanOrEqual(at);
        at = found + block.length;
      }
    }
  });

  it('chance steps carry what was caught as a fact, agreeing with their words', () => {
    const chance = steps.filter((s) => s.type === 'chance');
    expect(chance.some((s) => s.requestCaught)).toBe(true);
    for (const s of chance) expect(s.requestCaught).toBe(s.notes.some((n) => n.text.startsWith('US intelligence catches')));
  });

  it("meters show each side exactly its view's numbers; the teacher's extras are marked hidden", () => {
    const session = sessions[2] as GameSession;
    const ctx = session.ctx;
    const us = metersFor('us', ctx, ctx, false).map((m) => m.label);
    expect(us).toContain('Influence (US est.)');
    expect(us).not.toContain('Influence (true)');
    expect(us).not.toContain('China: US concedes');
    for (const side of ACTORS) {
      const view = viewFor(ctx, side) as unknown as Record<string, unknown>;
      const values = new Set(Object.values(view).filter((v) => typeof v === 'number'));
      for (const m of metersFor(side, ctx, ctx, false)) {
        expect(m.hidden).toBe(false);
        expect(values.has(m.value), `${side}: ${m.label}`).toBe(true);
      }
      const teacher = metersFor(side, ctx, ctx, true);
      expect(teacher.filter((m) => !m.hidden).map((m) => m.label)).toEqual(metersFor(side, ctx, ctx, false).map((m) => m.label));
      expect(teacher.some((m) => m.hidden)).toBe(true);
    }
  });
});

describe('the visibility rules a class seat is sent by (model/observe.ts)', () => {
  it('every seat gets the same public numbers of a step: tension and what was paid, nothing else', () => {
    for (const g of games())
      for (const s of g.steps) {
        const pub = publicStepState(s.state);
        expect(Object.keys(pub).sort()).toEqual(['aidToKim', 'concededChips', 'concededTaiwan', 'tension']);
        for (const side of ACTORS) expect(seenStep(s, side).state).toEqual(pub);
      }
  });

  it("Beijing knows its own offer though its view does not carry it; Washington and Kim know it from their views", () => {
    for (const g of games()) {
      const ctx = g.ctx;
      for (const side of ACTORS) {
        const view = viewFor(ctx, side);
        expect('offerPrice' in view).toBe(side !== 'china');
        expect(offerPriceKnownTo(view, ctx)).toBe(ctx.offerPrice);
      }
    }
    // A made-up view shows which source each side's answer comes from.
    const ctx = { ...games()[0]!.ctx, offerPrice: 'chips' as const };
    expect(offerPriceKnownTo({ ...viewFor(ctx, 'us'), offerPrice: 'taiwan' }, ctx)).toBe('taiwan');
    expect(offerPriceKnownTo(viewFor(ctx, 'china'), ctx)).toBe('chips');
  });
});
