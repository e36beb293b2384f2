import type { KimMove } from './moves.js';
import type { KimView } from './views.js';
import { rungOf } from './moves.js';
import { sanctionsReach, warRiskUncapped } from './crisis.js';
import { testPrestige } from './kim-moves.js';

/** How a particular Kim weighs things. Strategies choose these; the model supplies the arithmetic. */
export interface KimWeights {
  standing: number;
  economy: number;
  war: number;
  /** How much doing what Beijing wants is worth in itself (a loyal client > 0). */
  deference: number;
}

/**
 * C7: Kim's expected gain from a move, from his own view only. Nothing here is scripted:
 * obeying a request costs standing (looking like Xi's tool); refusing, or defying restraint,
 * risks the lifeline in proportion to China's influence and his economy's dependence on it.
 * C6: tests are also bargaining chips, worth more the more he believes the US pays.
 * C12: deterrence shrinks what a test buys; war risk grows with tension.
 */
export function kimMoveUtility(v: KimView, move: KimMove, w: KimWeights): number {
  const r = v.rules;
  const rung = rungOf(move);
  const lifelineRisk = v.chinaInfluence * r.kim.defyLifelineCut * r.kim.lifelineDependence;
  const wantsEscalation = v.requestChannel !== 'none';
  let u = 0;
  if (rung > 0) {
    const i = rung - 1;
    u += w.standing * testPrestige(r, rung, v.escalationLevel, v.deterrence); // C12
    if (v.warmSignal) u += w.standing * r.covert.warmSignalEmboldens; // C5
    u += w.economy * v.kimBeliefUsPays * r.kim.suspensionAid * (rung / 4); // C6
    // C12: the risk a test adds. Tension is not capped here: at the brink a further test
    // must still look dangerous to Kim, or testing would seem free once tension is maxed.
    const after = v.tension + (r.kim.rungTension[i] ?? 0);
    u -= w.war * (warRiskUncapped(after, v.deterrence, r) - warRiskUncapped(v.tension, v.deterrence, r));
    // C11: a test invites sanctions, which bite harder with Europe on board.
    u -= w.economy * (rung / 4) * r.us.sanctionStep * sanctionsReach(v.europeAlignment, r) * r.us.sanctionEconomyBite * 4;
    if (wantsEscalation) {
      const seen = v.requestChannel === 'overt' ? 1 : 0.5;
      u -= w.standing * r.kim.obeyStandingCost * seen; // C7: Xi's tool
      u += w.deference;
    }
    if (v.restraintOrdered) {
      u -= w.economy * lifelineRisk; // C7: defying restraint
      u -= w.deference;
    }
  } else {
    if (wantsEscalation) {
      u -= w.economy * lifelineRisk; // C7: refusing Xi
      u -= w.deference;
    }
    if (move === 'suspendTestsForPayment') {
      // C6: a paid pause helps the economy; an unpaid one looks weak.
      u += w.economy * v.kimBeliefUsPays * r.kim.suspensionAid;
      u -= w.standing * (1 - v.kimBeliefUsPays) * r.kim.unpaidPauseStandingCost;
    }
  }
  return u;
}
