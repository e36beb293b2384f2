import type { Actor, GameContext } from '../model/context.js';
import { chinaBeliefUsPays, kimBeliefUsPays } from '../model/beliefs.js';
import { warRisk } from '../model/crisis.js';

export interface Meter {
  label: string;
  value: number;
  /** Value at the start of the round, for the change shown beside it. */
  before: number;
  claim: string;
  /** Higher is worse for the person's side: colours the bar. */
  danger?: boolean;
  /** Only the teacher view shows it. */
  hidden?: boolean;
}

type Getter = (c: GameContext) => number;
interface MeterDef {
  label: string;
  get: Getter;
  claim: string;
  danger?: boolean;
}

const D: Record<string, MeterDef> = {
  tension: { label: 'Tension', get: (c) => c.tension, claim: 'C12', danger: true },
  warRisk: { label: 'War risk/round', get: (c) => warRisk(c.tension, c.deterrence, c.params), claim: 'C12', danger: true },
  exposure: { label: "China's exposure", get: (c) => c.exposure, claim: 'C10' },
  europe: { label: "Europe's alignment", get: (c) => c.europeAlignment, claim: 'C10' },
  credibility: { label: 'US credibility', get: (c) => c.usCredibility, claim: 'C8' },
  standing: { label: "Kim's standing", get: (c) => c.kimStanding, claim: 'C7' },
  economy: { label: 'NK economy', get: (c) => c.nkEconomy, claim: 'C7' },
  lifeline: { label: 'China lifeline', get: (c) => c.lifeline, claim: 'C7' },
  sanctions: { label: 'Sanctions', get: (c) => c.sanctions, claim: 'C11' },
  deterrence: { label: 'Deterrence', get: (c) => c.deterrence, claim: 'C11' },
  diplomacy: { label: 'Diplomatic track', get: (c) => c.diplomacy, claim: 'C11' },
  rivalry: { label: 'US-China tension', get: (c) => c.usChinaTension, claim: 'C13' },
  estimate: { label: 'Influence (US est.)', get: (c) => c.usEstimateOfInfluence, claim: 'C1' },
  influence: { label: 'Influence (true)', get: (c) => c.chinaInfluence, claim: 'C1' },
  chinaBelief: { label: 'China: US pays', get: chinaBeliefUsPays, claim: 'C8' },
  kimBelief: { label: 'Kim: US pays', get: kimBeliefUsPays, claim: 'C6' },
};

/** What each side sees, mirroring its view in the model (views.ts). */
const VISIBLE: Record<Actor, string[]> = {
  us: ['tension', 'warRisk', 'exposure', 'europe', 'credibility', 'standing', 'economy', 'sanctions', 'deterrence', 'diplomacy', 'estimate'],
  china: ['tension', 'warRisk', 'exposure', 'europe', 'lifeline', 'standing', 'economy', 'rivalry', 'influence', 'chinaBelief'],
  kim: ['tension', 'warRisk', 'standing', 'economy', 'lifeline', 'sanctions', 'deterrence', 'influence', 'kimBelief'],
};

export function metersFor(actor: Actor, now: GameContext, before: GameContext, teacher: boolean): Meter[] {
  const visible = VISIBLE[actor];
  const keys = teacher ? [...visible, ...Object.keys(D).filter((k) => !visible.includes(k))] : visible;
  return keys.map((k) => {
    const d = D[k] as MeterDef;
    return { label: d.label, value: d.get(now), before: d.get(before), claim: d.claim, danger: d.danger, hidden: !visible.includes(k) };
  });
}
