import type { Params } from './params.js';
import { chinaBeliefUsPays, kimBeliefUsPays } from './beliefs.js';
import type { DealKind } from './deals.js';
import { initialState } from './state-code.generated.js';

export type Actor = 'china' | 'kim' | 'us';
export const ACTORS: readonly Actor[] = ['china', 'kim', 'us'];

export type RequestChannel = 'none' | 'overt' | 'covert';
export type Price = 'none' | 'taiwan' | 'chips';
export type KimAnswer = 'none' | 'obeyed' | 'defied';

// Every state field of a game, declared once (after boardgame.io's one definition per
// piece of state): its value when a game begins (a constant, or the scenario's starting
// field it comes from), who can see it in their own view, and whether the log's per-step
// digest and a batch's per-game summary keep it. The state type (GameContext), the starting
// fields a scenario sets (Params['start']), the digest, the summary and the views are all
// derived from this table, so a field cannot be added to one and forgotten in another.

const EVERYONE = ['china', 'kim', 'us'] as const;

/** One state field. T is its value's type; S the scenario starting field it reads, if any. */
export interface StateFieldDecl<T = unknown, S extends string = string> {
  /** Its value when a game begins, unless `start` names the scenario field it starts from. */
  value: T;
  /** The scenario's starting field (`start.<name>` in a scenario file) it begins at. */
  start?: S;
  /** C8: a belief held as prior-plus-evidence counts: the share `start` (or 1 minus it, `refuse`) of the prior's weight. */
  prior?: 'pay' | 'refuse';
  /** The sides that see it in their own view (model/views.ts); absent: no side reads it (bookkeeping). */
  seenBy?: readonly Actor[];
  /** The name a side's view gives it, when not its own. */
  viewAs?: string;
  /** The log records it after every step (session digest), under this name. */
  digest?: string;
  /** A batch keeps its final value in each game's summary (engine/batch/fast-game.ts), under this name. */
  summary?: string;
  /** What views and the digest show instead of the stored value (a belief's share of its counts); an export of model/beliefs.ts. */
  read?: (ctx: never) => unknown;
  /** Lasts one round: a new round resets it to `value` (beginNextRound). */
  perRound?: true;
  /** A new round first copies it into this field (how the last round is remembered), before any reset. */
  rememberedAs?: string;
}

type Opts = Omit<StateFieldDecl, 'value' | 'start' | 'prior'>;
/** A number that starts at a constant. */
const num = <const O extends Opts = {}>(value: number, opts?: O) => ({ value, ...opts }) as { value: number } & O;
/** A number that starts at the scenario's starting field `key`. */
const started = <K extends string, const O extends Opts = {}>(key: K, opts?: O) => ({ value: 0, start: key, ...opts }) as { value: number; start: K } & O;
/** A yes/no that starts false. */
const flag = <const O extends Opts = {}>(opts?: O) => ({ value: false, ...opts }) as { value: boolean } & O;
/** One of a few words, starting at `value`. */
const word = <T extends string, const O extends Opts = {}>(value: T, opts?: O) => ({ value, ...opts }) as { value: T } & O;
/** C8: belief counts, from the scenario's prior `key` (the chance the US pays). */
const belief = <K extends string, const O extends Opts = {}>(key: K, prior: 'pay' | 'refuse', opts?: O) =>
  ({ value: 0, start: key, prior, ...opts }) as { value: number; start: K; prior: 'pay' | 'refuse' } & O;

/**
 * The whole state of one game, field by field, in the order a state is laid out. Flat
 * values, so that a copy is cheap and the fast stepper can update it in place. Everything
 * in [0, 1] unless noted.
 */
export const STATE_FIELDS = {
  /** 1-based round number. */
  round: num(1, { seenBy: EVERYONE, digest: 'round' }),

  /** North Korean tension, 0 calm .. 1 on the brink. */
  tension: started('tension', { seenBy: EVERYONE, digest: 'tension', rememberedAs: 'tensionAtRoundStart' }),
  peakTension: started('tension', { summary: 'peakTension' }),
  /** Sum of end-of-round tension, for the average in payoffs. */
  tensionSum: num(0),
  /** Highest rung reached so far, 0 none .. 4 nuclear test. */
  escalationLevel: started('escalationLevel', { seenBy: EVERYONE, digest: 'escalationLevel' }),

  /** C1: China's true sway over Pyongyang (hidden from the US). */
  chinaInfluence: started('chinaInfluence', { seenBy: ['china', 'kim'] }),
  /** C1: what Washington believes that sway to be. */
  usEstimateOfInfluence: started('usEstimateOfInfluence', { seenBy: ['us'], digest: 'chinaInfluenceEstimate' }),
  /** C4/C5: evidence the US holds of Beijing's hand. */
  evidence: started('evidence', { seenBy: ['china', 'us'], digest: 'evidence' }),
  /** C10/C12: how publicly China is tied to Kim's provocations. */
  exposure: started('exposure', { seenBy: EVERYONE, digest: 'exposure', summary: 'exposure' }),
  /** C10: how far Europe stands with the US on Korea. */
  europeAlignment: started('europeAlignment', { seenBy: EVERYONE, digest: 'europeAlignment', summary: 'europeAlignment' }),

  /** Concessions ledger (counts). */
  concededTaiwan: num(0, { seenBy: EVERYONE, digest: 'concededTaiwan', summary: 'concededTaiwan' }),
  concededChips: num(0, { seenBy: EVERYONE, digest: 'concededChips', summary: 'concededChips' }),
  aidToKim: num(0, { seenBy: EVERYONE, digest: 'aidToKim', summary: 'aidToKim' }),

  /** C8: US credibility with allies and other adversaries. */
  usCredibility: started('usCredibility', { seenBy: EVERYONE, digest: 'usCredibility' }),
  /** C8: China's belief that the US pays, as prior-plus-evidence counts (its prior: start.chinaBeliefUsPays). */
  chinaSawPay: belief('chinaBeliefUsPays', 'pay', { seenBy: ['china'], viewAs: 'chinaBeliefUsPays', digest: 'chinaBeliefUsPays', read: chinaBeliefUsPays }),
  chinaSawRefuse: belief('chinaBeliefUsPays', 'refuse'),
  /** C6: Kim's belief that the US pays for a pause, likewise (start.kimBeliefUsPays). */
  kimSawPay: belief('kimBeliefUsPays', 'pay', { seenBy: ['kim'], viewAs: 'kimBeliefUsPays', digest: 'kimBeliefUsPays', read: kimBeliefUsPays }),
  kimSawRefuse: belief('kimBeliefUsPays', 'refuse'),

  /** C7: North Korea's economy. */
  nkEconomy: started('nkEconomy', { seenBy: EVERYONE, digest: 'nkEconomy' }),
  /** C7: the trade lifeline China keeps open. */
  lifeline: started('lifeline', { seenBy: ['china', 'kim'], digest: 'lifeline' }),
  /** C7: Kim's standing at home, as Pyongyang and Beijing know it (it includes what obeying a covert request cost him). */
  kimStanding: started('kimStanding', { seenBy: ['china', 'kim'], digest: 'kimStanding', summary: 'kimStanding' }),
  /**
   * C4, C7: Kim's standing as Washington can read it, moved only by what it observes (tests, letters,
   * unpaid pauses, the economy, the fade, an overt request obeyed), never by an uncaught request:
   * otherwise the figure would betray the courier the detection roll kept hidden.
   */
  kimStandingPublic: started('kimStanding', { seenBy: ['us'], viewAs: 'kimStanding', digest: 'kimStandingPublic' }),
  /** C11: sanctions in force (incl. seized assets). */
  sanctions: started('sanctions', { seenBy: EVERYONE, digest: 'sanctions' }),
  /** C11: allied deterrence (exercises, carrier, Japan). */
  deterrence: started('deterrence', { seenBy: EVERYONE, digest: 'deterrence' }),
  /** C13: US-China tension. */
  usChinaTension: started('usChinaTension', { seenBy: EVERYONE, digest: 'usChinaTension' }),
  /** C11: progress of a durable diplomatic track. */
  diplomacy: started('diplomacy', { seenBy: EVERYONE, digest: 'diplomacy' }),
  /** C7, C11: Beijing's stand on sanctions: 1 backs (enforces) them, -1 blocks them, 0 neither. Public. */
  chinaSanctionStance: num(0, { seenBy: EVERYONE }),
  /** C1, C7: restraint the US bought this round, which Beijing enforces on Kim next round. */
  restraintOwed: flag({ perRound: true, rememberedAs: 'restraintOrdered' }),
  /** C12 (issue 19): the share of last round's rise in tension still to come (dynamics.tensionMomentum). */
  tensionCarried: num(0),
  /** C12: incidents in a row on the ladder to war (dynamics.incidentChance); Kim knows how near the top it stands (dynamics.ladderFear). */
  incidentRung: num(0, { seenBy: ['kim'] }),
  /** C6, C12: last round's exercises or sanctions give Kim something to answer (dynamics.answerPrestige). */
  kimProvoked: flag({ seenBy: ['kim'] }),
  /** C6: Kim's programme, 0 .. 1: at 1 a new capability is ready to show (dynamics.programmePace). */
  programmeProgress: num(0, { seenBy: ['kim'] }),
  /** C6, C11 (issue 19): the deal in force: none, a paid freeze, or the track's deal on probation (model/deals.ts). Public. */
  deal: word('none' as DealKind, { seenBy: EVERYONE }),
  /** C11: sequencing: rounds of verified restraint Kim has delivered under it; the US pays an instalment after each. */
  dealRoundsHeld: num(0),
  dealInstalmentsPaid: num(0),
  /** C7 (issue 19): the round of Kim's last summit with Xi (0: none yet); its pledge runs dynamics.summitPledge rounds after it. Public. */
  summitRound: num(0, { seenBy: EVERYONE }),
  /** C7: summits Kim has held with Xi this game. */
  summitsHeld: num(0),

  // ---- this round: fields tagged perRound are reset by beginNextRound ----
  /** This round's message from Beijing to Kim, which Kim always receives. */
  requestChannel: word('none' as RequestChannel, { seenBy: ['kim'], perRound: true }),
  requestDetected: flag({ perRound: true, rememberedAs: 'lastRequestDetected' }),
  /** What China put on the table this round (offers are made to Washington; Kim hears of them). */
  offerPrice: word('none' as Price, { seenBy: ['kim', 'us'], perRound: true }),
  restraintOrdered: flag({ seenBy: ['kim'] }),
  warmSignal: flag({ seenBy: ['kim', 'us'], perRound: true }),
  /** Rung Kim tested this round, 0 if none. */
  testedRung: num(0, { seenBy: ['us'], perRound: true }),
  kimOfferedPause: flag({ seenBy: ['us'], perRound: true }),
  kimAnswer: word('none' as KimAnswer, { perRound: true, rememberedAs: 'lastKimAnswer' }),
  usPaidChina: flag({ perRound: true }),
  usPaidKim: flag({ perRound: true }),
  usAskedHelp: flag({ perRound: true }),
  /** A deal signed this round owes nothing until the next (deals.ts). */
  dealSignedThisRound: flag({ perRound: true }),
  /** Set by every war roll (rollForWar), so it needs no reset. */
  /** C11, C12: the allies held exercises this round in answer to a test. */
  alliesExercised: flag({ perRound: true }),
  warBroke: flag(),

  // ---- last round, as remembered for views ----
  lastChinaMove: word('none' as string, { seenBy: ['china', 'kim'] }),
  lastKimMove: word('none' as string, { seenBy: EVERYONE }),
  lastUsMove: word('none' as string, { seenBy: EVERYONE }),
  lastRequestDetected: flag({ seenBy: ['china'] }),
  lastKimAnswer: word('none' as KimAnswer, { seenBy: ['china'] }),

  // ---- tallies over the whole game ----
  chinaMoveThisRound: word('none' as string, { perRound: true, rememberedAs: 'lastChinaMove' }),
  kimMoveThisRound: word('none' as string, { seenBy: ['us'], viewAs: 'kimMove', perRound: true, rememberedAs: 'lastKimMove' }),
  usMoveThisRound: word('none' as string, { perRound: true, rememberedAs: 'lastUsMove' }),
  requestsMade: num(0, { summary: 'requestsMade' }),
  requestsDetected: num(0, { seenBy: ['us'], summary: 'requestsDetected' }),
  offersMade: num(0),
  timesExposed: num(0, { seenBy: ['us'] }),
  kimObeyedCount: num(0, { summary: 'kimObeyed' }),
  kimDefiedCount: num(0, { summary: 'kimDefied' }),
  roundsPlayed: num(0, { summary: 'rounds' }),
  // ---- calibration tallies (scenarios/CALIBRATION.md): cheap counts the batch keeps ----
  /** Tension when this round began, to tell a round in which tension fell. */
  tensionAtRoundStart: started('tension'),
  /** Rounds that ended with tension at or above 0.9 ("pegged"). */
  roundsAtTop: num(0, { summary: 'roundsAtTop' }),
  /** Rounds that ended with less tension than they began with. */
  roundsTensionFell: num(0, { summary: 'roundsTensionFell' }),
  /** Kim's rounds without a test (hold or an offered pause), his tests, and nuclear tests among them. */
  kimHolds: num(0, { summary: 'kimHolds' }),
  kimTests: num(0, { summary: 'kimTests' }),
  nuclearTests: num(0, { summary: 'nuclearTests' }),
  /** Sum of the rungs Kim tested: how hard he escalated. */
  rungsTested: num(0, { summary: 'rungsTested' }),
  /** C7: requests to escalate that Kim refused. */
  requestsDefied: num(0, { summary: 'requestsDefied' }),
  /** C7, C12: big tests (dynamics.unwantedTestRung or above) Beijing did not ask for (issue 19), and whether last round's was one. */
  unwantedTests: num(0),
  testUnwanted: flag({ perRound: true, rememberedAs: 'lastTestUnwanted' }),
  lastTestUnwanted: flag({ seenBy: ['china'] }),
  /** C6: capabilities Kim's programme has shown (issue 19). */
  milestonesShown: num(0),
  /** C6, C11: deals and freezes signed, those that collapsed, and short-range tests under one that verification missed (issue 19). */
  freezesReached: num(0),
  freezesCollapsed: num(0),
  covertBreaches: num(0),
  /** C12: incidents, and wars that came from climbing their ladder (issue 19). */
  incidents: num(0),
  warsFromIncidents: num(0),
  /** C12: war rolls made at tension >= 0.9. */
  rollsAtTop: num(0, { summary: 'rollsAtTop' }),
  /** 1 if war broke out in a roll made at tension >= 0.9. */
  warsAtTop: num(0, { summary: 'warsAtTop' }),
} as const satisfies Record<string, StateFieldDecl>;

export type Fields = typeof STATE_FIELDS;
export type StateField = keyof Fields;

/** The whole state of one game: the parameters it is played under and every field of STATE_FIELDS. */
export type StateValues = { -readonly [K in StateField]: Fields[K]['value'] };
export interface GameContext extends StateValues {
  params: Params;
}

/** The scenario's starting fields (`start:` in a scenario file): every `start` the table names. */
export type StartingState = { [K in { [F in StateField]: Fields[F] extends { start: infer S extends string } ? S : never }[StateField]]: number };

export const DECLS = STATE_FIELDS as Readonly<Record<StateField, StateFieldDecl>>;
/** The field names in declaration order. */
export const STATE_FIELD_NAMES = Object.keys(STATE_FIELDS) as StateField[];

/** What views and the digest show of a field: what its `read` gives, else the stored value. */
export type Shown<K extends StateField> = Fields[K] extends { read: (ctx: never) => infer R } ? R : Fields[K]['value'];
/** The fields tagged `digest` (the log's per-step record), under their digest names. */
export type DigestFields = { [K in StateField as Fields[K] extends { digest: infer D extends string } ? D : never]: Shown<K> };
/** The fields tagged `summary` (what a batch keeps of each game), under their summary names. */
export type SummaryFields = { [K in StateField as Fields[K] extends { summary: infer D extends string } ? D : never]: Fields[K]['value'] };

export function initialContext(params: Params): GameContext {
  return initialState(params);
}

/** A copy for xstate's immutable updates; params are shared, never mutated. */
export function copyContext(ctx: GameContext): GameContext {
  return { ...ctx };
}
