import { describe, expect, it } from 'vitest';
import { debrief, standingAgainst } from '../../src/analysis/debrief.js';
import { playGame } from '../../src/engine/reference/session.js';
import { resolveScenario } from '../../src/scenario/catalog.js';
import { STRATEGIES, getStrategy } from '../../src/strategies/registry.js';
import { debriefLines } from '../../src/ui/debrief-lines.js';
import { MOVES } from '../../src/model/moves.js';

// The debrief of a finished game: the timeline with hidden moves revealed, what each side saw,
// why it ended, how much war risk built up, what drove the result.

function games() {
  const out = [];
  for (const name of ['2020', '2022', '2023', 'baseline'])
    for (const us of STRATEGIES.us)
      for (const china of ['covertFirst', 'opportunist', 'ratchet'])
        for (const seed of ['1', '2']) {
          const s = resolveScenario(name);
          const g = playGame(s, seed, 0, { us, china: getStrategy('china', china), kim: getStrategy('kim', 'regimeFirst') });
          out.push({ g, d: debrief({ params: s.params, steps: g.steps, ctx: g.ctx, outcome: g.outcome()! }) });
        }
  return out;
}

/** The same, in a baseline where war is common (the calibrated model makes it rare), so the war checks have wars to read. */
function warGames() {
  const s = resolveScenario('baseline');
  const risky = { ...s, params: { ...s.params, crisis: { ...s.params.crisis, warRiskAtFullTension: 0.6 }, start: { ...s.params.start, tension: 0.8 } } };
  const out = [];
  for (const us of STRATEGIES.us)
    for (const seed of ['1', '2', '3']) {
      const g = playGame(risky, seed, 0, { us, china: getStrategy('china', 'opportunist'), kim: getStrategy('kim', 'regimeFirst') });
      out.push({ g, d: debrief({ params: risky.params, steps: g.steps, ctx: g.ctx, outcome: g.outcome()! }) });
    }
  return out;
}

describe('the debrief', () => {
  const all = [...games(), ...warGames()];

  it('has every step, and a courier request is shown as hidden from Washington unless caught', () => {
    let couriers = 0;
    for (const { g, d } of all) {
      expect(d.timeline).toHaveLength(g.steps.length);
      for (const e of d.timeline) {
        if (e.type !== 'move') continue;
        expect(e.label).toBe(MOVES[e.move].label);
        if (e.move === 'askEscalationByCourier' || e.move === 'askEscalationOvertly') {
          couriers++;
          expect(e.seen.kim).toBe('saw');
          expect(['unseen', 'caught']).toContain(e.seen.us);
          const caught = g.steps.some((s) => s.type === 'chance' && s.round === e.round && s.notes.some((n) => /catches Beijing's request/.test(n.text)));
          expect(e.seen.us).toBe(caught ? 'caught' : 'unseen');
        } else if (e.move === 'chinaWaits') {
          // The game table makes Beijing's Wait observed by China and Kim only (issue 10 item 2,
          // C4): Washington cannot tell a quiet Beijing from a courier it missed. A Wait asks
          // nothing, so there is nothing for the US to catch.
          expect(e.seen).toEqual({ kim: 'saw', us: 'unseen' });
        } else expect(Object.values(e.seen).every((x) => x === 'saw')).toBe(true);
      }
    }
    expect(couriers).toBeGreaterThan(50);
  });

  it("reads each round's war risk right: war broke out exactly when chance drew under it", () => {
    let wars = 0;
    for (const { g, d } of all) {
      const ends = d.timeline.filter((e) => e.type === 'roundEnd');
      for (const e of ends) if (e.type === 'roundEnd') expect(e.war).toBe(e.draw < e.warRisk);
      const survive = d.warRisk.perRound.reduce((p, r) => p * (1 - r), 1);
      expect(d.warRisk.accumulated).toBeCloseTo(1 - survive, 12);
      expect(d.warRisk.peak).toBe(Math.max(0, ...d.warRisk.perRound));
      if (g.outcome() === 'war') {
        wars++;
        expect(ends.at(-1)).toMatchObject({ war: true });
        expect(d.ending.claims).toContain('C12');
      }
    }
    expect(wars).toBeGreaterThan(5);
  });

  it('takes war from the log\'s facts, not its words: the same debrief with every note reworded or dropped', () => {
    let wars = 0;
    for (const { g, d } of warGames()) {
      const chance = g.steps.filter((s) => s.type === 'chance');
      // The fact: war broke at the last round's end of a war game, and nowhere else.
      chance.forEach((s, i) => expect(s.warBroke).toBe(g.outcome() === 'war' && i === chance.length - 1));
      if (g.outcome() === 'war') wars++;
      const wordless = g.steps.map((s) => ({ ...s, notes: s.notes.map((n) => ({ ...n, claims: [], text: '...' })) }));
      const again = debrief({ params: g.scenario.params, steps: wordless, ctx: g.ctx, outcome: g.outcome()! });
      expect(again.timeline.map((e) => e.type === 'roundEnd' && e.war)).toEqual(d.timeline.map((e) => e.type === 'roundEnd' && e.war));
    }
    expect(wars).toBeGreaterThan(2);
  });

  it('names the threshold that ended the game, and it was crossed', () => {
    const seen = new Set<string>();
    for (const { g, d } of all) {
      seen.add(d.ending.outcome);
      expect(d.ending.outcome).toBe(g.outcome());
      expect(d.ending.round).toBe(g.ctx.roundsPlayed);
      if (d.ending.outcome === 'leverageExposed' || d.ending.outcome === 'war') expect(d.ending.thresholds.every((t) => t.crossed)).toBe(true);
      if (d.ending.outcome === 'regimeCrisis') expect(d.ending.thresholds.some((t) => t.crossed)).toBe(true);
      if (d.ending.outcome === 'stalemate') expect(d.ending.thresholds.map((t) => t.crossed)).toEqual([true, false]);
      if (d.ending.outcome === 'concessionsExtracted') expect(d.ending.thresholds.map((t) => t.crossed)).toEqual([true, true]);
    }
    expect(seen.size).toBeGreaterThanOrEqual(3);
  });

  it('gives the parts of each payoff that moved it most, adding to the payoff', () => {
    for (const { g, d } of all.slice(0, 40)) {
      const p = g.payoffs()!;
      for (const a of ['us', 'china', 'kim'] as const) {
        expect(d.payoffs[a].total).toBeCloseTo(p[a], 9);
        const sizes = d.drivers[a].map((c) => Math.abs(c.value));
        expect(sizes).toEqual([...sizes].sort((x, y) => y - x));
      }
    }
  });

  it('in words: reveals the hidden request and says why the game ended, never splitting a number', () => {
    const hit = all.find(({ d }) => d.timeline.some((e) => e.type === 'move' && e.move === 'askEscalationByCourier' && e.seen.us === 'unseen'))!;
    const lines = debriefLines(hit.d, 80);
    const text = lines.join('\n');
    expect(text).toMatch(/Ask Kim to escalate \(by courier\): US missed it/);
    expect(text).toMatch(/^Why it ended: /m);
    expect(text).toMatch(/War risk over the game: \d+\.\d% /);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(80);
  });
});

describe('better or worse than you', () => {
  it('only when your payoff is outside the 95% interval', () => {
    expect(standingAgainst(-5, { low: -4, high: -3 })).toBe('better');
    expect(standingAgainst(-2, { low: -4, high: -3 })).toBe('worse');
    expect(standingAgainst(-3.5, { low: -4, high: -3 })).toBe('withinNoise');
  });
});
