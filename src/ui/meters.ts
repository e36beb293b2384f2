import type { Actor, GameContext } from '../model/context.js';
import type { ActorView, ChinaView, KimView, UsView } from '../model/views.js';
import { ACTORS } from '../model/context.js';
import { viewFor } from '../model/views.js';
import type { PublicRules } from '../model/views.js';

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
  /** The line at which this meter ends the game, if one does. */
  line?: EndingLine;
}

/** A scenario threshold an ending reads on this meter: crossing `at` (falling under it, when `below`) ends the game in `ending`. */
export interface EndingLine {
  at: number;
  below: boolean;
  ending: string;
}

/** How near a line counts as near enough to warn about (a typical round's move is 0.05-0.15). */
export const NEAR_LINE = 0.1;

/** Is the meter within NEAR_LINE of its line, on the side that has not crossed it yet? */
export function nearLine(m: Meter): boolean {
  const l = m.line;
  if (!l) return false;
  return l.below ? m.value >= l.at && m.value < l.at + NEAR_LINE : m.value < l.at && m.value > l.at - NEAR_LINE;
}

/** A warning line for a meter near its line, or null. */
export function lineWarning(m: Meter): string | null {
  const l = m.line;
  if (!l || !nearLine(m)) return null;
  return `${m.label} ${m.value.toFixed(2)}: ${l.ending} ${l.below ? 'under' : 'at'} ${l.at.toFixed(2)}`;
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
  /** What it means, for the help screen (one line at 80 columns). */
  means: string;
  /** The ending whose threshold it reads, from the public rules every side knows. */
  line?: (r: PublicRules) => EndingLine;
}

const regimeCrisis = (r: PublicRules): EndingLine => ({ at: r.kim.regimeCrisisThreshold, below: true, ending: 'regime crisis' });

// What a side may see is decided once, by its view (model/views.ts): a meter reads the
// side's own view, never the state, so it cannot show what the view withholds.
const METERS: MeterDef[] = [
  { label: 'Tension', field: 'tension', claim: 'C12', danger: true, means: 'the Korean crisis: the higher, the likelier war (C12)' },
  { label: 'War risk/round', field: 'warRisk', claim: 'C12', danger: true, means: "this round's chance of war, from tension and deterrence" },
  { label: "China's exposure", field: 'exposure', claim: 'C10', means: "how publicly Beijing is tied to Kim's provocations (C10)", line: (r) => ({ at: r.crisis.exposureEndsGame, below: false, ending: 'leverage exposed (with Europe)' }) },
  { label: "Europe's alignment", field: 'europeAlignment', claim: 'C10', means: 'how far Europe sides with Washington against Beijing (C10)', line: (r) => ({ at: r.crisis.europeEndsGame, below: false, ending: 'leverage exposed (with exposure)' }) },
  { label: 'US credibility', field: 'usCredibility', claim: 'C8', means: "whether Washington's word is believed; paying erodes it" },
  { label: "Kim's standing", field: 'kimStanding', claim: 'C7', means: "Kim's hold at home; too low and the regime cracks (C7)", line: regimeCrisis },
  { label: 'NK economy', field: 'nkEconomy', claim: 'C7', means: "North Korea's economy; too low and the regime cracks", line: regimeCrisis },
  { label: 'China lifeline', field: 'lifeline', claim: 'C7', means: "China's trade, keeping North Korea's economy going (C7)" },
  { label: 'Sanctions', field: 'sanctions', claim: 'C11', means: 'how hard sanctions squeeze North Korea (C11)' },
  { label: 'Deterrence', field: 'deterrence', claim: 'C11', means: 'military pressure: less war risk at the same tension (C11)' },
  { label: 'Diplomatic track', field: 'diplomacy', claim: 'C11', means: 'progress toward a durable deal with Pyongyang (C11)', line: (r) => ({ at: r.us.settlementThreshold, below: false, ending: 'settlement' }) },
  { label: 'US-China tension', field: 'usChinaTension', claim: 'C13', means: 'the Washington-Beijing rivalry, not the Korea crisis (C13)' },
  { label: 'Influence (US est.)', field: 'usEstimateOfInfluence', claim: 'C1', means: "Washington's estimate of how far Beijing steers Kim (C1)" },
  { label: 'Influence (true)', field: 'chinaInfluence', claim: 'C1', means: 'how far Beijing can really steer Kim (C1)' },
  { label: 'China: US concedes', field: 'chinaBeliefUsPays', claim: 'C8', means: "Beijing's belief the US pays Beijing when pressed (C8)" },
  { label: 'Kim: US pays him', field: 'kimBeliefUsPays', claim: 'C6', means: "Kim's belief the US pays him for a pause or test (C6)" },
];

/** What each meter means, for the help screen. */
export function meterMeanings(labels: readonly string[]): [string, string][] {
  return METERS.filter((m) => labels.includes(m.label)).map((m) => [m.label, m.means]);
}


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
    const rules = (src as { rules?: PublicRules }).rules;
    return { label: m.label, value: src[m.field] as number, before: srcBefore[m.field] as number, claim: m.claim, danger: m.danger, hidden, line: m.line && rules ? m.line(rules) : undefined };
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
    line: m.line ? m.line(now.rules) : undefined,
  }));
}
