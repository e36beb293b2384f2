import type { ChinaView } from './views.js';
import { clamp01 } from './math.js';

/**
 * C13: how likely Xi is to ask Kim for escalation, given US-China tension; C10, C12: the
 * more publicly Beijing is already tied to Kim, the less it dares (`pressure.exposureDeters`).
 */
export function xiRequestLikelihood(v: Pick<ChinaView, 'usChinaTension' | 'exposure' | 'rules'>): number {
  const p = v.rules.pressure;
  return clamp01((p.requestBaseLikelihood + p.requestTensionSlope * v.usChinaTension) * (1 - p.exposureDeters * v.exposure));
}

/**
 * C3: what asking each price is worth now. A concession already won on the same issue is
 * worth less the next time (a second loosening of the same controls adds less), so a
 * Beijing that has been paid in one coin names the other: chips as well as Taiwan.
 */
export function priceWorth(v: Pick<ChinaView, 'rules' | 'concededTaiwan' | 'concededChips'>, kind: 'taiwan' | 'chips'): number {
  const p = v.rules.pressure;
  return kind === 'taiwan' ? p.priceOfTaiwan / (1 + v.concededTaiwan) : p.priceOfChips / (1 + v.concededChips);
}

/** C3: the better of the two prices China can ask now; an exact tie goes to chips, the newer front (2022¶6). */
export function bestPrice(v: Pick<ChinaView, 'rules' | 'concededTaiwan' | 'concededChips'>): 'taiwan' | 'chips' {
  return priceWorth(v, 'taiwan') > priceWorth(v, 'chips') ? 'taiwan' : 'chips';
}

/**
 * C2, C4, C8, C12: what China expects from one more round of pressure. The gain is the
 * price times how sure Beijing is the US pays (learned, C8) times how reliably Kim can be
 * moved (its influence, C1). The cost is the chance of being caught (C4) times the stigma
 * that exposure carries (C12), which grows with Europe's alignment and exposure so far (C10).
 */
export function chinaPressureReturn(v: ChinaView, channel: 'overt' | 'covert'): number {
  const r = v.rules;
  const price = priceWorth(v, bestPrice(v));
  const gain = v.chinaBeliefUsPays * price * v.chinaInfluence * r.payoffs.china.concessionGain;
  const pDetect = channel === 'overt' ? r.covert.detectOvert : r.covert.detectCovert;
  const stigma =
    r.covert.evidencePerDetection *
    (r.us.exposeEvidenceBonus + r.us.exposeStrength) *
    r.payoffs.china.exposure *
    (1 + v.exposure + v.europeAlignment);
  return gain - pDetect * stigma;
}
