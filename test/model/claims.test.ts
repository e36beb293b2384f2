import { describe, expect, it } from 'vitest';
import type { GameContext } from '../../src/model/context.js';
import type { GameEvent } from '../../src/model/events.js';
import type { MoveName } from '../../src/model/moves.js';
import { chinaBeliefUsPays } from '../../src/model/beliefs.js';
import { chinaPressureReturn, xiRequestLikelihood } from '../../src/model/china-calculus.js';
import { CLAIM_IDS, CLAIMS } from '../../src/model/claims.js';
import { kimMoveUtility } from '../../src/model/kim-utility.js';
import { chinaView, kimView, usView } from '../../src/model/views.js';
import { leverageGame } from '../../src/engine/reference/stepper.js';
import { allFields } from '../../src/scenario/fields.js';
import { ctxWith, paramsWith } from '../helpers.js';

// One test (at least) per claim, each showing the claim's effect in the direction the
// columns state it. Each would fail if the rule encoding the claim were removed.

const calm: GameEvent = { type: 'chance', detection: 0.999, war: 0.999, drift: 0.5 };

/** Play one round from a context: China, Kim and the US moves given, then chance. */
function round(ctx: GameContext, china: MoveName, kim: MoveName, us: MoveName, chance: GameEvent = calm): GameContext {
  const state = { phase: 'chinaMoves', ctx: { ...ctx } };
  for (const ev of [{ type: china }, { type: kim }, { type: us }, chance] as GameEvent[]) {
    expect(leverageGame.apply(state, ev), `${ev.type} should be legal`).toBe(true);
  }
  return state.ctx;
}

const regimeFirst = { standing: 4, economy: 3, war: 20, settlement: 2, deference: 0, regimeCrisis: 10 };

describe('C1: China has real, hidden influence and can turn pressure down', () => {
  it('restraint calms more the more influence China really has', () => {
    const strong = round(ctxWith({ tension: 0.6, chinaInfluence: 0.9 }), 'restrainKim', 'holdTests', 'usWaits');
    const weak = round(ctxWith({ tension: 0.6, chinaInfluence: 0.1 }), 'restrainKim', 'holdTests', 'usWaits');
    expect(strong.tension).toBeLessThan(weak.tension);
  });
  it('the US view carries only the estimate, never the true influence', () => {
    const v = usView(ctxWith({ chinaInfluence: 0.9, usEstimateOfInfluence: 0.2 }));
    expect(v).not.toHaveProperty('chinaInfluence');
    expect(v.usEstimateOfInfluence).toBe(0.2);
    expect(v.rules).not.toHaveProperty('start');
  });
});

describe('C2: pressure is something to sell', () => {
  it('restraint can be offered only while there is pressure to sell', () => {
    const low = leverageGame.initial(paramsWith());
    low.ctx.tension = 0.1;
    expect(leverageGame.legalMoves(low)).not.toContain('offerRestraintForTaiwan');
    low.ctx.tension = 0.6;
    expect(leverageGame.legalMoves(low)).toContain('offerRestraintForTaiwan');
  });
});

describe('C3: the price is Taiwan or chips', () => {
  it('paying the named price buys restraint; the concession is booked in the ledger', () => {
    const base = ctxWith({ tension: 0.6, chinaInfluence: 0.8 });
    const paid = round(base, 'offerRestraintForChips', 'holdTests', 'concedeChips');
    const unpaid = round(base, 'offerRestraintForChips', 'holdTests', 'usWaits');
    expect(paid.concededChips).toBe(1);
    expect(paid.tension).toBeLessThan(unpaid.tension);
  });
});

describe('C4: couriers lower the chance of being caught', () => {
  it('a draw that catches an open request misses a courier', () => {
    const draw: GameEvent = { type: 'chance', detection: 0.5, war: 0.999, drift: 0.5 };
    const overt = round(ctxWith(), 'askEscalationOvertly', 'holdTests', 'usWaits', draw);
    const covert = round(ctxWith(), 'askEscalationByCourier', 'holdTests', 'usWaits', draw);
    expect(overt.requestsDetected).toBe(1);
    expect(covert.requestsDetected).toBe(0);
    expect(overt.evidence).toBeGreaterThan(covert.evidence);
  });
  it('being caught is what makes pressure costly for China', () => {
    const v = chinaView(ctxWith());
    expect(chinaPressureReturn(v, 'covert')).toBeGreaterThan(chinaPressureReturn(v, 'overt'));
  });
});

describe('C5: a warm letter reveals comfort with brinkmanship', () => {
  it('adds evidence of Beijing\'s hand and makes a test more attractive to Kim', () => {
    const before = ctxWith({ tension: 0.4 });
    const after = round(before, 'sendWarmSignal', 'holdTests', 'usWaits');
    expect(after.evidence).toBeGreaterThan(before.evidence);
    const cold = kimView(ctxWith({ warmSignal: false }));
    const warm = kimView(ctxWith({ warmSignal: true }));
    expect(kimMoveUtility(warm, 'testShortRange', regimeFirst)).toBeGreaterThan(kimMoveUtility(cold, 'testShortRange', regimeFirst));
  });
});

describe('C6: Kim sells pauses, betting the US pays', () => {
  it('a paid pause helps his economy, and paying raises his belief that pauses pay', () => {
    const base = ctxWith({ tension: 0.6, escalationLevel: 2 });
    const paid = round(base, 'chinaWaits', 'suspendTestsForPayment', 'payKim');
    const unpaid = round(base, 'chinaWaits', 'suspendTestsForPayment', 'usWaits');
    expect(paid.nkEconomy).toBeGreaterThan(unpaid.nkEconomy);
    expect(kimView(paid).kimBeliefUsPays).toBeGreaterThan(kimView(unpaid).kimBeliefUsPays);
  });
});

describe('C7: Kim weighs looking like Xi\'s tool against losing the lifeline', () => {
  it('defying Xi with a high lifeline dependence hurts his economy', () => {
    const dependent = paramsWith({ kim: { lifelineDependence: 0.9 } });
    const after = round(ctxWith({ chinaInfluence: 0.8 }, dependent), 'askEscalationOvertly', 'holdTests', 'usWaits');
    expect(after.kimDefiedCount).toBe(1);
    expect(after.nkEconomy).toBeLessThan(ctxWith({}, dependent).nkEconomy - 0.05);
  });
  it('obeying an open request costs standing that a free test would not', () => {
    const asked = round(ctxWith(), 'askEscalationOvertly', 'missileOverJapan', 'usWaits');
    const free = round(ctxWith(), 'chinaWaits', 'missileOverJapan', 'usWaits');
    expect(asked.kimStanding).toBeLessThan(free.kimStanding);
  });
  it('his choice turns on his dependence: refusing looks worse the more he relies on China', () => {
    const low = kimView(ctxWith({ requestChannel: 'overt', chinaInfluence: 0.8 }, paramsWith({ kim: { lifelineDependence: 0.1 } })));
    const high = kimView(ctxWith({ requestChannel: 'overt', chinaInfluence: 0.8 }, paramsWith({ kim: { lifelineDependence: 1 } })));
    const gap = (v: typeof low) => kimMoveUtility(v, 'missileOverJapan', regimeFirst) - kimMoveUtility(v, 'holdTests', regimeFirst);
    expect(gap(high)).toBeGreaterThan(gap(low));
  });
});

describe('C8: paying invites more pressure, through what China learns', () => {
  it('a concession raises China\'s belief that the US pays, and so its expected return on the next round of pressure', () => {
    const base = ctxWith({ tension: 0.6 });
    const paid = round(base, 'offerRestraintForTaiwan', 'holdTests', 'concedeTaiwan');
    const refused = round(base, 'offerRestraintForTaiwan', 'holdTests', 'sanction');
    expect(chinaBeliefUsPays(paid)).toBeGreaterThan(chinaBeliefUsPays(refused));
    expect(chinaPressureReturn(chinaView(paid), 'covert')).toBeGreaterThan(chinaPressureReturn(chinaView(refused), 'covert'));
  });
  it('with learning off, paying teaches nothing', () => {
    const off = paramsWith({ repetition: { learningRate: 0, beliefPriorWeight: 4 } });
    const base = ctxWith({ tension: 0.6 }, off);
    const paid = round(base, 'offerRestraintForTaiwan', 'holdTests', 'concedeTaiwan');
    expect(chinaBeliefUsPays(paid)).toBe(chinaBeliefUsPays(base));
  });
  it('conceding costs credibility', () => {
    const paid = round(ctxWith({ tension: 0.6 }), 'chinaWaits', 'holdTests', 'concedeChips');
    expect(paid.usCredibility).toBeLessThan(ctxWith().usCredibility);
  });
});

describe('C9: asking Beijing for help is the opening it wants', () => {
  it('an ask raises China\'s belief that the US will pay, though nothing was paid', () => {
    const base = ctxWith({ tension: 0.6 });
    const asked = round(base, 'chinaWaits', 'holdTests', 'askBeijingForHelp');
    const not = round(base, 'chinaWaits', 'holdTests', 'usWaits');
    expect(chinaBeliefUsPays(asked)).toBeGreaterThan(chinaBeliefUsPays(not));
  });
});

describe('C10: exposure raises China\'s cost and pulls Europe toward the US', () => {
  it('exposing moves exposure and Europe, more so with evidence', () => {
    const bare = round(ctxWith({ evidence: 0 }), 'chinaWaits', 'holdTests', 'exposeBeijing');
    const proven = round(ctxWith({ evidence: 0.8 }), 'chinaWaits', 'holdTests', 'exposeBeijing');
    expect(bare.europeAlignment).toBeGreaterThan(ctxWith().europeAlignment);
    expect(proven.exposure).toBeGreaterThan(bare.exposure);
    expect(chinaPressureReturn(chinaView(proven), 'overt')).toBeLessThan(chinaPressureReturn(chinaView(ctxWith()), 'overt'));
  });
});

describe('C11: pressure on Kim, and an open door', () => {
  it('sanctions bite harder when Europe is aligned; posture raises deterrence; the door leads to settlement', () => {
    const withEurope = round(ctxWith({ europeAlignment: 1, sanctions: 0 }), 'chinaWaits', 'holdTests', 'sanction');
    const without = round(ctxWith({ europeAlignment: 0, sanctions: 0 }), 'chinaWaits', 'holdTests', 'sanction');
    expect(withEurope.sanctions).toBeGreaterThan(without.sanctions);
    const postured = round(ctxWith(), 'chinaWaits', 'holdTests', 'posture');
    expect(postured.deterrence).toBeGreaterThan(ctxWith().deterrence);
    const state = { phase: 'chinaMoves', ctx: ctxWith({ diplomacy: 0.95, tension: 0.1 }) };
    const quietRound = [{ type: 'chinaWaits' }, { type: 'holdTests' }, { type: 'openDiplomaticTrack' }, calm] as GameEvent[];
    for (const ev of quietRound) leverageGame.apply(state, ev);
    // Issue 19: the track's deal must hold its probation (dynamics.dealProbation rounds) first.
    expect(state.ctx.deal).toBe('settlement');
    for (let r = 0; r < state.ctx.params.dynamics.dealProbation; r++) {
      expect(state.phase).toBe('chinaMoves');
      for (const ev of quietRound) leverageGame.apply(state, ev);
    }
    expect(state.phase).toBe('settlement');
  });
});

describe('C12: escalation must cost more than it yields', () => {
  it('deterrence shrinks what a test is worth to Kim', () => {
    const weak = kimView(ctxWith({ deterrence: 0 }));
    const strong = kimView(ctxWith({ deterrence: 1 }));
    expect(kimMoveUtility(strong, 'missileOverJapan', regimeFirst)).toBeLessThan(kimMoveUtility(weak, 'missileOverJapan', regimeFirst));
  });
});

describe('C13: Xi\'s request grows likelier with US-China tension', () => {
  it('likelihood rises with rivalry, and not at all with the claim switched off', () => {
    const p = paramsWith();
    const { start: _s, ...rules } = p;
    expect(xiRequestLikelihood({ usChinaTension: 0.9, exposure: 0, chinaBeliefUsPays: 0.4, rules })).toBeGreaterThan(xiRequestLikelihood({ usChinaTension: 0.1, exposure: 0, chinaBeliefUsPays: 0.4, rules }));
    const flat = { ...rules, pressure: { ...rules.pressure, requestTensionSlope: 0 } };
    expect(xiRequestLikelihood({ usChinaTension: 0.9, exposure: 0, chinaBeliefUsPays: 0.4, rules: flat })).toBe(xiRequestLikelihood({ usChinaTension: 0.1, exposure: 0, chinaBeliefUsPays: 0.4, rules: flat }));
  });
});

describe('the claims registry', () => {
  it('covers C1-C13, and every claim is encoded by at least one scenario parameter', () => {
    expect(Object.keys(CLAIMS)).toEqual([...CLAIM_IDS]);
    for (const id of CLAIM_IDS) {
      expect(allFields().some((f) => f.field.claims.includes(id)), `${id} has a parameter`).toBe(true);
      expect(CLAIMS[id].rules.length, `${id} names its rules`).toBeGreaterThan(0);
    }
  });
  it('every "off" switch names a real parameter', () => {
    const paths = new Set(allFields().map((f) => f.path));
    for (const id of CLAIM_IDS) for (const path of Object.keys(CLAIMS[id].off)) expect(paths.has(path), `${id}: ${path}`).toBe(true);
  });
});
