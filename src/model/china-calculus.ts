import type { ChinaView } from './views.js';
import type { ChinaMove, MoveName } from './moves.js';
import { clamp01 } from './math.js';
import { warRiskUncapped } from './crisis.js';

/**
 * C13: how likely Xi is to ask Kim for escalation, given US-China tension; C10, C12: the
 * more publicly Beijing is already tied to Kim, the less it dares (`pressure.exposureDeters`).
 */
export function xiRequestLikelihood(v: Pick<ChinaView, 'usChinaTension' | 'exposure' | 'rules' | 'chinaBeliefUsPays'>): number {
  xiRequestLikelihoodInto(v, ONE_CALL, 0);
  return ONE_CALL[0] as number;
}

/**
 * xiRequestLikelihood into `out[at]`: the one place it is worked out. A strategy that draws
 * against it each decision reads it from there: a number returned by a call V8 did not inline
 * into the round is boxed (~130 bytes a game in the processes where it was not).
 */
export function xiRequestLikelihoodInto(v: Pick<ChinaView, 'usChinaTension' | 'exposure' | 'rules' | 'chinaBeliefUsPays'>, out: Float64Array, at: number): void {
  const p = v.rules.pressure;
  const base = (p.requestBaseLikelihood + p.requestTensionSlope * v.usChinaTension) * (1 - p.exposureDeters * v.exposure);
  // C8 (issue 19): credibility as belief. What Beijing has learned of US resolve moves its next
  // demand: the surer it is that Washington pays, the likelier it presses (a concession raises
  // the next demand). At 0 the counter-view holds: resolve is read from present power and
  // interests (US-China tension, exposure), not from what the US did before.
  const resolveRead = v.rules.dynamics.demandFollowsBelief;
  out[at] = clamp01(resolveRead > 0 ? base * (1 + resolveRead * (v.chinaBeliefUsPays - 0.5)) : base);
}

/**
 * C3: what asking each price is worth now. A concession already won on the same issue is
 * worth less the next time (a second loosening of the same controls adds less), so a
 * Beijing that has been paid in one coin names the other: chips as well as Taiwan.
 */
export function priceWorth(v: Pick<ChinaView, 'rules' | 'concededTaiwan' | 'concededChips'>, kind: 'taiwan' | 'chips'): number {
  pricesWorthInto(v, PRICES);
  return PRICES[kind === 'taiwan' ? TAIWAN : CHIPS] as number;
}

/** Where pricesWorthInto puts each price's worth. */
const TAIWAN = 0;
const CHIPS = 1;
const PRICES = new Float64Array(2);

/**
 * priceWorth of both prices, into `out[TAIWAN]` and `out[CHIPS]`: the one place it is worked
 * out. China's pressure return asks for it every decision, and a number returned by a call V8
 * did not inline into the round was boxed (~130 bytes a game in the processes where it was not).
 */
function pricesWorthInto(v: Pick<ChinaView, 'rules' | 'concededTaiwan' | 'concededChips'>, out: Float64Array): void {
  const p = v.rules.pressure;
  out[TAIWAN] = p.priceOfTaiwan / (1 + v.concededTaiwan);
  out[CHIPS] = p.priceOfChips / (1 + v.concededChips);
}

/** C3: the better of the two prices China can ask now; an exact tie goes to chips, the newer front (2022¶6). */
export function bestPrice(v: Pick<ChinaView, 'rules' | 'concededTaiwan' | 'concededChips'>): 'taiwan' | 'chips' {
  pricesWorthInto(v, PRICES);
  return (PRICES[TAIWAN] as number) > (PRICES[CHIPS] as number) ? 'taiwan' : 'chips';
}

/**
 * C2, C4, C8, C12: what China expects from one more round of pressure. The gain is the
 * price times how sure Beijing is the US pays (learned, C8) times how reliably Kim can be
 * moved (its influence, C1). The cost is the chance of being caught (C4) times the stigma
 * that exposure carries (C12), which grows with Europe's alignment and exposure so far (C10).
 */
export function chinaPressureReturn(v: ChinaView, channel: 'overt' | 'covert'): number {
  chinaPressureReturnsInto(v, ONE_CALL);
  return ONE_CALL[channel === 'overt' ? OVERT : COVERT] as number;
}

/** Where chinaPressureReturnsInto puts each channel's return. */
export const COVERT = 0;
export const OVERT = 1;
const ONE_CALL = new Float64Array(2);

/**
 * chinaPressureReturn for both channels at once, into `out[COVERT]` and `out[OVERT]`: the one
 * place it is worked out. A strategy that weighs both calls this: two calls returning numbers
 * boxed one each (16 bytes) whenever V8 did not inline them into the strategy.
 */
export function chinaPressureReturnsInto(v: ChinaView, out: Float64Array): void {
  const r = v.rules;
  // C3: the worth of the better price (bestPrice's), worked out once into the scratch (why: pricesWorthInto).
  pricesWorthInto(v, PRICES);
  const taiwan = PRICES[TAIWAN] as number;
  const chips = PRICES[CHIPS] as number;
  const price = taiwan > chips ? taiwan : chips;
  const gain = v.chinaBeliefUsPays * price * v.chinaInfluence * r.payoffs.china.concessionGain;
  const stigma =
    r.covert.evidencePerDetection *
    (r.us.exposeEvidenceBonus + r.us.exposeStrength) *
    r.payoffs.china.exposure *
    (1 + v.exposure + v.europeAlignment);
  out[COVERT] = gain - r.covert.detectCovert * stigma;
  out[OVERT] = gain - r.covert.detectOvert * stigma;
}

/**
 * Issue 19: what one move is worth to Beijing by its own payoff (payoffs.china.*), from its
 * own view, as kim-utility.ts weighs Kim's. A change in tension is C2 strain on Washington
 * (`usStrain`, over the rounds it lingers, as a share of the game's average) against the war
 * it risks on China's border (`war`); requests and offers earn what chinaPressureReturn and
 * the price say (C2, C3, C8); the sanctions stand weighs the stigma it sheds or takes on
 * (C12), the big tests Kim made unasked (C7: `unwantedTests`), and denying Washington a win
 * in proportion to US-China rivalry and the sanctions there are to block (C13:
 * `dynamics.rivalryShieldsKim`). Waiting is worth 0.
 */
export function chinaMoveUtility(v: ChinaView, move: ChinaMove): number {
  const r = v.rules;
  const w = r.payoffs.china;
  const roundsLeft = v.rounds - v.round + 1;
  const decay = r.kim.tensionDecay;
  const tensionWorth = (dT: number): number => {
    const lingers = decay > 0 ? Math.min(roundsLeft, Math.max(1, Math.abs(dT) / decay)) : roundsLeft;
    const risk = warRiskUncapped(Math.max(0, v.tension + dT), v.deterrence, r) - warRiskUncapped(v.tension, v.deterrence, r);
    return lingers * ((w.usStrain * dT) / v.rounds - w.war * risk);
  };
  const stigma = w.exposure * r.pressure.sanctionStigma;
  const unwanted = v.lastTestUnwanted ? w.unwantedTests : 0;
  const shield = r.dynamics.rivalryShieldsKim * v.usChinaTension * v.sanctions;
  switch (move) {
    case 'askEscalationOvertly':
    case 'askEscalationByCourier': {
      // The escalation asked for, as likely as Beijing can move Kim (C1).
      const dT = v.chinaInfluence * (r.kim.rungTension[r.kim.obeyMinRung - 1] ?? 0);
      return chinaPressureReturn(v, move === 'askEscalationOvertly' ? 'overt' : 'covert') + tensionWorth(dT);
    }
    case 'offerRestraintForTaiwan':
    case 'offerRestraintForChips': {
      const kind = move === 'offerRestraintForTaiwan' ? 'taiwan' : 'chips';
      const dT = -v.chinaInfluence * r.pressure.restraintPower;
      return v.chinaBeliefUsPays * (priceWorth(v, kind) * w.concessionGain + tensionWorth(dT));
    }
    case 'restrainKim':
      return tensionWorth(-0.5 * v.chinaInfluence * r.pressure.restraintPower);
    case 'backSanctions':
      return stigma + unwanted - shield;
    case 'blockSanctions':
      return -stigma - unwanted + shield;
    case 'squeezeLifeline':
      // C7: bringing a defiant Kim to heel is worth what his next unwanted test would cost;
      // otherwise a squeeze only pushes the regime toward the edge.
      return (v.lastKimAnswer === 'defied' ? w.unwantedTests : 0) -
        w.regimeCrisis * r.kim.defyLifelineCut * v.chinaInfluence * r.kim.lifelineDependence;
    case 'sendWarmSignal':
      // C5: the comfort it shows is evidence the US can use against Beijing.
      return -w.exposure * r.covert.evidencePerWarmSignal * r.us.exposeEvidenceBonus;
    case 'chinaWaits':
      return 0;
  }
}

/** Issue 19: the legal move worth most to Beijing by chinaMoveUtility; ties go to the earlier move. */
export function bestChinaMove(v: ChinaView, legal: readonly MoveName[]): MoveName {
  let best = legal[0] as MoveName;
  let bestU = -Infinity;
  for (const m of legal) {
    const u = chinaMoveUtility(v, m as ChinaMove);
    if (u > bestU) {
      best = m;
      bestU = u;
    }
  }
  return best;
}
