import type { Actor, GameContext } from '../model/context.js';
import type { ActorView, ChinaView, KimView, UsView } from '../model/views.js';
import { ACTORS } from '../model/context.js';
import { viewFor } from '../model/views.js';

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

/** A number some side's view carries. */
type NumberKeys<V> = { [K in keyof V]-?: V[K] extends number ? K : never }[keyof V];
type ViewNumber = NumberKeys<UsView> | NumberKeys<ChinaView> | NumberKeys<KimView>;

interface MeterDef {
  label: string;
  /** The view field it shows: a side sees the meter exactly when its view has the field. */
  field: ViewNumber;
  claim: string;
  danger?: boolean;
}

// What a side may see is decided once, by its view (model/views.ts): a meter reads the
// side's own view, never the state, so it cannot show what the view withholds.
const METERS: MeterDef[] = [
  { label: 'Tension', field: 'tension', claim: 'C12', danger: true },
  { label: 'War risk/round', field: 'warRisk', claim: 'C12', danger: true },
  { label: "China's exposure", field: 'exposure', claim: 'C10' },
  { label: "Europe's alignment", field: 'europeAlignment', claim: 'C10' },
  { label: 'US credibility', field: 'usCredibility', claim: 'C8' },
  { label: "Kim's standing", field: 'kimStanding', claim: 'C7' },
  { label: 'NK economy', field: 'nkEconomy', claim: 'C7' },
  { label: 'China lifeline', field: 'lifeline', claim: 'C7' },
  { label: 'Sanctions', field: 'sanctions', claim: 'C11' },
  { label: 'Deterrence', field: 'deterrence', claim: 'C11' },
  { label: 'Diplomatic track', field: 'diplomacy', claim: 'C11' },
  { label: 'US-China tension', field: 'usChinaTension', claim: 'C13' },
  { label: 'Influence (US est.)', field: 'usEstimateOfInfluence', claim: 'C1' },
  { label: 'Influence (true)', field: 'chinaInfluence', claim: 'C1' },
  { label: 'China: US pays', field: 'chinaBeliefUsPays', claim: 'C8' },
  { label: 'Kim: US pays', field: 'kimBeliefUsPays', claim: 'C6' },
];

/** Every view's numbers at once: what the teacher, who sees all, reads hidden meters from. */
function allSeeing(ctx: GameContext): Record<string, unknown> {
  return Object.assign({}, ...ACTORS.map((a) => viewFor(ctx, a)));
}

export function metersFor(actor: Actor, now: GameContext, before: GameContext, teacher: boolean): Meter[] {
  const mine = viewFor(now, actor) as unknown as Record<string, unknown>;
  const mineBefore = viewFor(before, actor) as unknown as Record<string, unknown>;
  const visible = METERS.filter((m) => typeof mine[m.field] === 'number');
  const shown = teacher ? [...visible, ...METERS.filter((m) => !visible.includes(m))] : visible;
  const all = teacher ? allSeeing(now) : mine;
  const allBefore = teacher ? allSeeing(before) : mineBefore;
  return shown.map((m) => {
    const hidden = !visible.includes(m);
    const src = hidden ? all : mine;
    const srcBefore = hidden ? allBefore : mineBefore;
    return { label: m.label, value: src[m.field] as number, before: srcBefore[m.field] as number, claim: m.claim, danger: m.danger, hidden };
  });
}

/** The same meters as metersFor without the teacher view, read from the side's view alone (a remote seat has only its view). */
export function metersFromView(_actor: Actor, now: ActorView, before: ActorView): Meter[] {
  const mine = now as unknown as Record<string, unknown>;
  const mineBefore = before as unknown as Record<string, unknown>;
  return METERS.filter((m) => typeof mine[m.field] === 'number').map((m) => ({
    label: m.label,
    value: mine[m.field] as number,
    before: typeof mineBefore[m.field] === 'number' ? (mineBefore[m.field] as number) : 0,
    claim: m.claim,
    danger: m.danger,
    hidden: false,
  }));
}
