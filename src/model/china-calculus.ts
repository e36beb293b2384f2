import type { ChinaView } from './views.js';
import { clamp01 } from './math.js';

/** C13: how likely Xi is to ask Kim for escalation, given US-China tension. */
export function xiRequestLikelihood(v: Pick<ChinaView, 'usChinaTension' | 'rules'>): number {
  const p = v.rules.pressure;
  return clamp01(p.requestBaseLikelihood + p.requestTensionSlope * v.usChinaTension);
}

/** C3: the better of the two prices China can ask. */
export function bestPrice(v: Pick<ChinaView, 'rules'>): 'taiwan' | 'chips' {
  const p = v.rules.pressure;
  return p.priceOfTaiwan >= p.priceOfChips ? 'taiwan' : 'chips';
}

/**
 * C2, C4, C8, C12: what China expects from one more round of pressure. The gain is the
 * price times how sure Beijing is the US pays (learned, C8) times how reliably Kim can be
 * moved (its influence, C1). The cost is the chance of being caught (C4) times the stigma
 * that exposure carries (C12), which grows with Europe's alignment and exposure so far (C10).
 */
export function chinaPressureReturn(v: ChinaView, channel: 'overt' | 'covert'): number {
  const r = v.rules;
  const price = Math.max(r.pressure.priceOfTaiwan, r.pressure.priceOfChips);
  const gain = v.chinaBeliefUsPays * price * v.chinaInfluence * r.payoffs.china.concessionGain;
  const pDetect = channel === 'overt' ? r.covert.detectOvert : r.covert.detectCovert;
  const stigma =
    r.covert.evidencePerDetection *
    (r.us.exposeEvidenceBonus + r.us.exposeStrength) *
    r.payoffs.china.exposure *
    (1 + v.exposure + v.europeAlignment);
  return gain - pDetect * stigma;
}
