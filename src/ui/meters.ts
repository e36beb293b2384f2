import type { Actor, GameContext } from '../model/context.js';
import { chinaBeliefUsPays, kimBeliefUsPays } from '../model/beliefs.js';
import { warRisk } from '../model/crisis.js';
import type { ActorView } from '../model/views.js';

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

/** Where each meter's number sits in a side's view (views.ts), for a screen that has only its view. */
const VIEW_FIELD: Record<string, string> = {
  tension: 'tension',
  warRisk: 'warRisk',
  exposure: 'exposure',
  europe: 'europeAlignment',
  credibility: 'usCredibility',
  standing: 'kimStanding',
  economy: 'nkEconomy',
  lifeline: 'lifeline',
  sanctions: 'sanctions',
  deterrence: 'deterrence',
  diplomacy: 'diplomacy',
  rivalry: 'usChinaTension',
  estimate: 'usEstimateOfInfluence',
  influence: 'chinaInfluence',
  chinaBelief: 'chinaBeliefUsPays',
  kimBelief: 'kimBeliefUsPays',
};

/** The same meters as metersFor without the teacher view, read from the side's view alone. */
export function metersFromView(actor: Actor, now: ActorView, before: ActorView): Meter[] {
  const num = (v: ActorView, k: string) => Number((v as unknown as Record<string, unknown>)[VIEW_FIELD[k] as string] ?? 0);
  return VISIBLE[actor].map((k) => {
    const d = D[k] as MeterDef;
    return { label: d.label, value: num(now, k), before: num(before, k), claim: d.claim, danger: d.danger, hidden: false };
  });
}
