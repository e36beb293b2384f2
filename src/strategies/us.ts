import type { UsView } from '../model/views.js';
import type { Strategy } from './types.js';
import type { Rng } from '../rng/rng.js';
import { firstLegal } from './types.js';
import { randomStrategy } from './random.js';

/**
 * C1: a Washington that buys restraint pays only while it believes Beijing can deliver: the
 * tension it expects bought restraint to remove (its estimate times the scenario's
 * `pressure.restraintPower`) must beat what one round of waiting removes (`kim.tensionDecay`).
 * Its estimate starts where Beijing's modesty leaves it and moves toward the truth each time
 * it sees restraint bought (us-moves.ts), so paying a China without sway stops by itself.
 */
function chinaCanDeliver(v: UsView): boolean {
  return v.usEstimateOfInfluence * v.rules.pressure.restraintPower >= v.rules.kim.tensionDecay;
}

/**
 * C1, C3, C8: a buyer who weighs the price: restraint is worth buying when the tension it
 * expects removed, weighted as the scenario's US payoff weighs tension over the rounds left,
 * beats the price and the credibility it costs (payoffs.us.*).
 */
function restraintWorthItsPrice(v: UsView, kind: 'taiwan' | 'chips'): boolean {
  const r = v.rules;
  const w = r.payoffs.us;
  const left = (v.rounds - v.round + 1) / v.rounds;
  const gain = v.usEstimateOfInfluence * r.pressure.restraintPower * w.averageTension * left;
  const price = kind === 'taiwan' ? r.pressure.priceOfTaiwan : r.pressure.priceOfChips;
  const cost = w.concessionCost * price + w.credibility * r.us.credibilityLossPerConcession;
  return gain >= cost;
}

/**
 * C1, C9: asking is worth it when the restraint it expects (estimate times
 * `us.helpRestraintPower`, weighed like tension over the rounds left) beats the credibility
 * the ask costs and the payment China will read into it (`us.askReadsAsPayment` of a price).
 */
function helpWorthAsking(v: UsView): boolean {
  const r = v.rules;
  const w = r.payoffs.us;
  const left = (v.rounds - v.round + 1) / v.rounds;
  const gain = v.usEstimateOfInfluence * r.us.helpRestraintPower * w.averageTension * left;
  const price = Math.max(r.pressure.priceOfTaiwan, r.pressure.priceOfChips);
  const cost = w.credibility * r.us.credibilityLossPerAsk + w.concessionCost * r.us.askReadsAsPayment * price;
  return gain >= cost;
}

/**
 * C1, C9: a Washington in the habit of asking Beijing asks when there is a crisis to calm
 * (tension at 0.4 or a test this round) and it believes China can deliver, and then as often
 * as it believes Beijing holds the strings (its estimate of China's sway): what Washington
 * believes about Beijing's sway is why it asks, or not. One draw, made only in a crisis.
 */
function asksNow(v: UsView, rng: Rng): boolean {
  if (!chinaCanDeliver(v) || !(v.tension >= 0.4 || v.testedRung > 0)) return false;
  return rng.next() < v.usEstimateOfInfluence;
}

// United States. The columns argue for the exposer-and-pressure family and against the
// appeaser and the one who asks Beijing (C8-C11).

export const appeaser: Strategy<'us'> = {
  id: 'appeaser',
  actor: 'us',
  name: 'Appeaser',
  description: 'Pays the price asked, to make the crisis stop now, while it thinks China can deliver.',
  models: 'A distracted Washington that buys quiet (what Kim and Xi bet on, C6)',
  memory: 'none',
  stochastic: false,
  claims: ['C3', 'C6', 'C8'],
  choose(v, legal) {
    const deliverable = chinaCanDeliver(v);
    if (deliverable && v.offerPrice === 'taiwan') return firstLegal(legal, 'concedeTaiwan');
    if (deliverable && v.offerPrice === 'chips') return firstLegal(legal, 'concedeChips');
    if (v.kimOfferedPause) return firstLegal(legal, 'payKim', 'usWaits');
    return firstLegal(legal, 'openDiplomaticTrack', 'usWaits');
  },
};

export const asksBeijing: Strategy<'us'> = {
  id: 'asksBeijing',
  actor: 'us',
  name: 'Asks Beijing',
  description: 'Asks China to rein Kim in, and pays the bill when it comes.',
  models: 'The habit the 2022 column warns against (C9)',
  memory: 'none',
  stochastic: true,
  claims: ['C1', 'C9', 'C3'],
  choose(v, legal, rng) {
    const deliverable = chinaCanDeliver(v);
    if (deliverable && v.offerPrice === 'taiwan') return firstLegal(legal, 'concedeTaiwan');
    if (deliverable && v.offerPrice === 'chips') return firstLegal(legal, 'concedeChips');
    if (asksNow(v, rng)) return firstLegal(legal, 'askBeijingForHelp');
    return firstLegal(legal, 'openDiplomaticTrack', 'usWaits');
  },
};

export const exposer: Strategy<'us'> = {
  id: 'exposer',
  actor: 'us',
  name: 'Exposer',
  description: "Keeps showing the world Beijing's hand in Kim's crises; sanctions once that is done.",
  models: 'Exposure alone (C10)',
  memory: 'none',
  stochastic: false,
  claims: ['C10'],
  choose(v, legal) {
    if (v.exposure < 0.9) return firstLegal(legal, 'exposeBeijing');
    return firstLegal(legal, 'sanction');
  },
};

export const sanctioner: Strategy<'us'> = {
  id: 'sanctioner',
  actor: 'us',
  name: 'Sanctioner',
  description: 'Answers every test with sanctions and shows of force; never deals.',
  models: 'Pressure on Kim alone, without exposing China or opening a door (C11 in part)',
  memory: 'none',
  stochastic: false,
  claims: ['C11'],
  choose(v, legal) {
    if (v.tension >= 0.5 && v.deterrence < 0.7) return firstLegal(legal, 'posture');
    return firstLegal(legal, 'sanction');
  },
};

export const columns: Strategy<'us'> = {
  id: 'columns',
  actor: 'us',
  name: "The columns' advice",
  description: "Expose Beijing, keep pressure on Kim, keep the door open; never concede, never ask.",
  models: 'What the three columns recommend (C8-C12)',
  memory: 'last round',
  stochastic: false,
  claims: ['C8', 'C9', 'C10', 'C11', 'C12'],
  choose(v, legal) {
    const chinaInPlay =
      v.offerPrice !== 'none' || v.warmSignal || v.evidence >= 0.2 ||
      v.lastChinaMoveSeen === 'askEscalationOvertly' || v.lastChinaMoveSeen === 'askEscalationByCourier';
    if (chinaInPlay && v.exposure < 0.8) return firstLegal(legal, 'exposeBeijing');
    if (v.tension >= 0.5 && v.deterrence < 0.6) return firstLegal(legal, 'posture');
    // C11: pressure answers a real provocation; a token short-range test (below the rung that
    // stalls talks, `us.talksStallRung`) does not close the door, as in the 2018-19 talks.
    if (v.testedRung >= v.rules.us.talksStallRung || v.tension >= 0.35) return firstLegal(legal, 'sanction');
    return firstLegal(legal, 'openDiplomaticTrack');
  },
};

export const reciprocator: Strategy<'us'> = {
  id: 'reciprocator',
  actor: 'us',
  name: 'Reciprocator',
  description: 'Tit for tat: engages after a calm round, pushes back after a provocation.',
  models: 'A conditional cooperator, as in repeated-game tournaments',
  memory: 'last round',
  stochastic: false,
  claims: ['C10', 'C11'],
  choose(v, legal) {
    const chinaPushed = v.offerPrice !== 'none' || v.lastChinaMoveSeen.startsWith('askEscalation') || v.warmSignal;
    if (chinaPushed) return firstLegal(legal, 'exposeBeijing');
    if (v.testedRung > 0) return firstLegal(legal, 'sanction');
    return firstLegal(legal, 'openDiplomaticTrack');
  },
};

export const pragmatist: Strategy<'us'> = {
  id: 'pragmatist',
  actor: 'us',
  name: 'Pragmatist',
  description: "Follows the columns' advice, but pays when war risk gets frightening.",
  models: 'A Washington that accepts the argument until the brink',
  memory: 'last round',
  stochastic: false,
  claims: ['C8', 'C10', 'C11', 'C12'],
  choose(v, legal, rng) {
    // C12: "frightening" is judged against the scenario's own war curve: past half the risk at full tension.
    if (v.warRisk >= 0.25 * v.rules.crisis.warRiskAtFullTension) {
      // C1: it pays only a price it thinks Beijing's sway is worth.
      if (v.offerPrice === 'taiwan' && restraintWorthItsPrice(v, 'taiwan')) return firstLegal(legal, 'concedeTaiwan');
      if (v.offerPrice === 'chips' && restraintWorthItsPrice(v, 'chips')) return firstLegal(legal, 'concedeChips');
      if (v.kimOfferedPause) return firstLegal(legal, 'payKim');
      if (helpWorthAsking(v)) return firstLegal(legal, 'askBeijingForHelp');
      return firstLegal(legal, 'posture');
    }
    return columns.choose(v, legal, rng);
  },
};

/**
 * C9 apart from C3: asks Beijing for help exactly when `asksBeijing` would, but never pays
 * the bill (no concession, no aid). Set beside `asksBeijing` it shows what paying costs;
 * beside a Washington that never asks, what asking alone costs.
 */
export const asksNeverPays: Strategy<'us'> = {
  id: 'asksNeverPays',
  actor: 'us',
  name: 'Asks, never pays',
  description: 'Asks China to rein Kim in, as the asker does, but refuses every bill.',
  models: 'Asking without paying: the cost of the request itself (C9)',
  memory: 'none',
  stochastic: true,
  claims: ['C1', 'C9'],
  choose(v, legal, rng) {
    if (asksNow(v, rng)) return firstLegal(legal, 'askBeijingForHelp');
    return firstLegal(legal, 'openDiplomaticTrack', 'usWaits');
  },
};

export const usRandom = randomStrategy('us');

export const US_STRATEGIES = [columns, exposer, sanctioner, reciprocator, pragmatist, asksBeijing, appeaser, asksNeverPays, usRandom];
