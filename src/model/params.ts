import type { StartingState } from './context.js';
import type { ClaimId } from './claims.js';

// Every assumption of the model is a number here, declared once: its default, its range,
// the claims it encodes, a line of doc and (for payoff weights) which strategies read it.
// The `Params` type the rules read is derived from this table, and the scenario layer
// builds its schema, its defaults and the field reference of scenarios/README.md from it,
// so no field can be declared in one place and forgotten in another. "Go to definition" on
// a parameter (`p.kim.testCost`) lands on its row here.

/** Four numbers, one per rung of Kim's ladder (short-range, over Japan, ICBM, nuclear test). */
export type PerRung = [number, number, number, number];

export interface NumberField {
  kind: 'number';
  default: number;
  min: number;
  max: number;
  int?: boolean;
  claims: ClaimId[];
  doc: string;
  /**
   * Set on payoff weights: no rule reads the field, and only these strategies read it while
   * choosing (none: it only weighs the score). In a game none of them plays, changing it
   * changes no move, so analyses play such a setting once and rescore it
   * (test/analysis/scores-only.test.ts proves it, for every strategy profile).
   */
  readBy?: readonly string[];
}

export interface PerRungField {
  kind: 'perRung';
  default: readonly [number, number, number, number];
  min: number;
  max: number;
  claims: ClaimId[];
  doc: string;
}

export type Field = NumberField | PerRungField;

const n = (def: number, min: number, max: number, claims: ClaimId[], doc: string, int = false): NumberField => ({
  kind: 'number',
  default: def,
  min,
  max,
  int,
  claims,
  doc,
});
const unit = (def: number, claims: ClaimId[], doc: string) => n(def, 0, 1, claims, doc);
const weight = (def: number, claims: ClaimId[], doc: string) => n(def, 0, 100, claims, doc);
/** A payoff weight that only these strategies read while the game is played (NumberField.readBy). */
const readBy = (strategies: string[], f: NumberField): NumberField => ({ ...f, readBy: strategies });
/** A payoff weight that nothing reads while the game is played: it only weighs the score. */
const scoresOnly = (f: NumberField): NumberField => readBy([], f);
const KIM_AI = ['regimeFirst', 'loyalClient', 'independent'];

/**
 * Every parameter, grouped by the part of the game it governs (`payoffs` by actor). A new
 * parameter is one row here (a rule then reads it as `p.<group>.<name>`); `npm run docs`
 * adds it to scenarios/README.md. A new group is one key here: the scenario schema reads
 * every group of the table.
 */
export const PARAM_TABLE = {
  rounds: n(12, 1, 200, ['C8'], 'Rounds before the game stops. 1 makes it a one-shot game.', true),
  start: {
    tension: unit(0.35, [], 'North Korean tension at the start, 0 calm .. 1 on the brink.'),
    escalationLevel: n(1, 0, 4, ['C6'], 'Highest rung Kim has reached already (0 none, 1 short-range .. 4 nuclear test).', true),
    chinaInfluence: unit(0.7, ['C1'], "China's true sway over Pyongyang. Hidden from the US."),
    usEstimateOfInfluence: unit(0.3, ['C1'], "What Washington believes China's sway to be (Beijing plays it down)."),
    evidence: unit(0.1, ['C4', 'C5'], "Evidence the US holds of Beijing's hand."),
    exposure: unit(0.05, ['C10', 'C12'], 'How publicly China is tied to Kim already.'),
    europeAlignment: unit(0.35, ['C10'], 'How far Europe stands with the US on Korea.'),
    usCredibility: unit(0.8, ['C8'], 'US credibility with allies and other adversaries.'),
    chinaBeliefUsPays: unit(0.4, ['C8'], "China's prior belief that the US pays when pressed."),
    kimBeliefUsPays: unit(0.3, ['C6'], "Kim's prior belief that the US pays for a pause."),
    nkEconomy: unit(0.5, ['C7'], "North Korea's economy."),
    lifeline: unit(0.8, ['C7'], 'The trade lifeline China keeps open.'),
    kimStanding: unit(0.6, ['C7'], "Kim's standing at home."),
    sanctions: unit(0.2, ['C11'], 'Sanctions in force, including seized assets.'),
    deterrence: unit(0.3, ['C11'], 'Allied deterrence: exercises, carriers, Japan.'),
    usChinaTension: unit(0.5, ['C13'], 'US-China tension.'),
    diplomacy: unit(0, ['C11'], 'Progress of a durable diplomatic track.'),
  },
  pressure: {
    requestBaseLikelihood: unit(0.15, ['C13'], 'Chance Xi asks Kim to escalate when US-China tension is zero.'),
    requestTensionSlope: unit(0.6, ['C13'], 'How much US-China tension adds to that chance.'),
    offerMinTension: n(0.35, 0, 2, ['C2'], 'Restraint can be sold only at or above this tension (above 1: never).'),
    restraintPower: unit(0.4, ['C1'], 'Tension China removes per unit of real influence when it restrains Kim for a price.'),
    priceOfTaiwan: n(1, 0, 10, ['C3'], 'Worth to China (and cost to the US) of less US support for Taiwan.'),
    priceOfChips: n(0.7, 0, 10, ['C3'], 'Worth to China (and cost to the US) of looser chip export controls.'),
    priceOfAid: n(0.3, 0, 10, ['C6'], 'Cost to the US (and worth to Kim) of one payment of aid.'),
    exposureDeters: unit(1, ['C10', 'C12'], "How much exposure deters Xi from asking: the chance of a request is cut by this times exposure."),
    chinaTradeShare: unit(0.9, ['C7', 'C11'], "China's share of North Korea's trade: sanctions bite this much harder while Beijing enforces them."),
    blockedSanctionsShare: unit(0.5, ['C11', 'C13'], "Share of sanctions' bite lost while Beijing blocks them."),
    sanctionStigma: unit(0.05, ['C12'], 'Exposure Beijing sheds by backing sanctions, and takes on by blocking them.'),
  },
  covert: {
    detectOvert: unit(0.7, ['C4'], 'Chance an open request to Kim is detected.'),
    detectCovert: unit(0.2, ['C4'], 'Chance a request sent by human courier is detected.'),
    evidencePerDetection: unit(0.25, ['C4'], 'Evidence gained per detected request.'),
    evidencePerWarmSignal: unit(0.1, ['C5'], 'Evidence gained from a warm public letter to Kim.'),
    warmSignalEmboldens: unit(0.015, ['C5'], "How much a warm letter adds to Kim's appetite for a test."),
    warmSignalStanding: unit(0.03, ['C5'], 'Standing Kim gains at home from public Chinese warmth.'),
  },
  kim: {
    rungTension: {
      kind: 'perRung',
      default: [0.06, 0.12, 0.18, 0.25],
      min: 0,
      max: 1,
      claims: ['C12'],
      doc: 'Tension each rung adds: short-range, over Japan, ICBM, nuclear test.',
    } satisfies PerRungField,
    rungPrestige: {
      kind: 'perRung',
      default: [0.02, 0.04, 0.06, 0.08],
      min: 0,
      max: 1,
      claims: ['C6', 'C12'],
      doc: 'Standing each rung buys Kim at home, before deterrence discounts it.',
    } satisfies PerRungField,
    obeyStandingCost: unit(0.05, ['C7'], "Standing Kim loses when seen obeying Xi (half when the request was covert)."),
    defyLifelineCut: unit(0.15, ['C7'], 'Lifeline cut, per unit of Chinese influence, when Kim defies Xi.'),
    lifelineDependence: unit(0.6, ['C7'], "How much of North Korea's economy rides on the lifeline."),
    suspensionAid: unit(0.08, ['C6'], 'Economy Kim gains when the US pays for a pause.'),
    unpaidPauseStandingCost: unit(0.02, ['C6'], 'Standing Kim loses for a pause nobody paid for.'),
    tensionDecay: unit(0.1, [], 'Tension that drains away in a round without a test.'),
    economyStandingDrag: unit(0.1, ['C7'], "How fast an economy below 0.5 erodes Kim's standing."),
    regimeCrisisThreshold: unit(0.12, ['C7', 'C11'], 'Regime crisis when standing or economy falls below this.'),
    testCost: unit(0.008, ['C7'], 'Economy a test costs, per rung: missiles are dear for a creaking economy.'),
    brinkDampsPrestige: unit(0.8, ['C12'], "Share of a test's prestige lost at full tension: a test impresses most when it breaks a calm."),
    repeatPrestige: unit(0.4, ['C12'], "Share of a rung's prestige that repeating a rung already reached still buys."),
    standingFade: unit(0.02, ['C7', 'C12'], 'Standing that fades each round toward kim.entrenchedStanding: what a test bought, or a humiliation cost, is soon forgotten at home.'),
    entrenchedStanding: unit(0.5, ['C7'], "The standing Kim's entrenched hold at home (party, security apparatus, propaganda) drifts back to; 0: standing only ever fades."),
    lifelineSustains: unit(0.04, ['C7', 'C11'], "Share of the economy's room left that China's open lifeline restores each round, per unit of lifeline and dependence (0: nothing refills a weak economy)."),
    regimeDangerMargin: unit(0.1, ['C7'], 'How near kim.regimeCrisisThreshold, in standing or economy, Kim starts to weigh the regime\'s survival (payoffs.kim.regimeCrisis) in his moves; 0: never.'),
    obeyMinRung: n(2, 1, 4, ['C7'], 'Smallest test that counts as doing what Xi asked; a token test below it is a refusal.', true),
    redLineRung: n(4, 1, 5, ['C7'], "Beijing's red line: a test at or above this rung that Xi did not ask for defies him (5: none).", true),
  },
  us: {
    credibilityLossPerConcession: unit(0.07, ['C8'], 'Credibility lost per concession or payment.'),
    credibilityLossPerAsk: unit(0.03, ['C9'], 'Credibility lost by asking Beijing for help.'),
    askReadsAsPayment: unit(0.5, ['C9'], 'How strongly China reads an ask for help as "the US will pay" (share of one payment).'),
    helpRestraintPower: unit(0.15, ['C9'], 'Tension China removes, per unit of influence, when merely asked.'),
    concessionEasesRivalry: unit(0.05, ['C3'], 'US-China tension eased by a concession.'),
    exposeStrength: unit(0.1, ['C10'], 'Exposure gained per act of exposing, before evidence.'),
    exposeUnprovenShare: unit(0.2, ['C10', 'C4'], 'Share of exposeStrength that lands without evidence: an unproven charge moves few.'),
    exposeEvidenceBonus: unit(0.25, ['C10', 'C4'], 'Extra exposure per unit of evidence held.'),
    europeResponsiveness: n(0.6, 0, 2, ['C10'], 'How far Europe moves per unit of exposure gained.'),
    exposeRaisesRivalry: unit(0.04, ['C10', 'C13'], 'US-China tension added by exposing Beijing.'),
    sanctionStep: unit(0.1, ['C11'], 'Sanctions added per round of sanctioning.'),
    sanctionEuropeShare: unit(0.4, ['C11', 'C10'], "Share of sanctions' reach that needs Europe (seizing money in its banks)."),
    sanctionEconomyBite: unit(0.05, ['C11'], 'Economy lost per unit of sanctions each round.'),
    postureStep: unit(0.1, ['C11'], 'Deterrence added per round of posture.'),
    postureTension: unit(0.01, ['C11'], 'Tension added by a show of force.'),
    diplomacyStep: unit(0.1, ['C11'], 'Diplomatic progress per round of engagement, scaled by calm.'),
    settlementThreshold: n(1, 0.01, 1, ['C11'], 'Progress at which the track settles the crisis.'),
    talksStallRung: n(2, 1, 5, ['C11'], 'A test at or above this rung stalls the diplomatic track for the round (5: never).', true),
    detenteBreakingRung: n(3, 1, 5, ['C7'], 'A test at or above this rung resets diplomacy (5: never).', true),
    paidPauseCalms: unit(0.12, ['C6'], 'Tension removed by a pause the US paid for.'),
  },
  repetition: {
    beliefPriorWeight: n(4, 0.1, 1000, ['C8'], 'Weight of prior beliefs, in observations. Larger learns slower.'),
    learningRate: n(1, 0, 5, ['C8'], 'Weight of each new observation. 0 switches learning off.'),
  },
  crisis: {
    warRiskAtFullTension: unit(0.006, ['C12'], 'Chance per round of war at full tension, before deterrence.'),
    deterrenceDampsWar: unit(0.5, ['C11'], 'Share of war risk that full deterrence removes.'),
    deterrenceDampsPrestige: unit(0.8, ['C12'], "Share of a test's prestige that full deterrence removes."),
    rivalryDrift: unit(0.05, ['C13'], 'Largest random swing in US-China tension per round.'),
    exposureEndsGame: unit(0.8, ['C10'], 'Exposure at which, with Europe aligned, the leverage game is over.'),
    europeEndsGame: unit(0.7, ['C10'], 'Europe alignment needed for that.'),
    concessionsForExtraction: n(2, 1, 1000, ['C3'], 'Concessions at the round limit that count as "extracted".', true),
  },
  // Issue 19: each of these at 0 switches its mechanism off and gives back the games before it.
  dynamics: {
    tensionMomentum: unit(0.6, ['C12'], "Share of a round's rise in tension carried into the next round, so a crisis builds for rounds before it subsides; 0: tension only drains."),
    alliesAnswerTests: unit(0.01, ['C11', 'C12'], 'Tension allied exercises add in answer to a real test (over Japan or above), per rung; the exercises provoke Kim in turn; 0: no answer.'),
    answerPrestige: unit(0.02, ['C6', 'C12'], "Standing Kim gains from a test that answers last round's exercises or sanctions (action-reaction); 0: nothing to answer."),
    incidentChance: unit(0.05, ['C12'], 'Chance per round, at full tension and before deterrence (as crisis.warRiskAtFullTension), of an incident; incidents climb a ladder to war; 0: no incidents.'),
    incidentRungsToWar: n(3, 1, 20, ['C12'], 'Incidents in a row that become war; a round without one steps the ladder down one.', true),
    programmePace: unit(0.25, ['C6'], "Progress per round of Kim's programme toward a new capability to show (a solid-fuel ICBM); 0: no programme."),
    milestonePrestige: unit(0.1, ['C6', 'C12'], 'Standing a test at dynamics.milestoneRung or above buys when it shows a capability the programme has ready.'),
    milestoneRung: n(3, 1, 4, ['C6'], 'Smallest test that shows the new capability (3: an ICBM).', true),
    demandFollowsBelief: n(2, 0, 10, ['C8'], "Credibility as belief: Xi's chance of pressing is scaled by 1 + this times (China's belief that the US pays - 0.5), so a concession raises the next demand; 0: the counter-view (resolve read from present power and interests, Press 2005)."),
    rivalryShieldsKim: n(2, 0, 10, ['C13'], 'Worth to a best-responding Beijing, per unit of US-China tension and of sanctions in force, of blocking sanctions (and cost of backing them): denying Washington a win; 0: rivalry plays no part.'),
    unwantedTestRung: n(3, 1, 5, ['C7', 'C12'], 'Smallest test Beijing did not ask for that it counts against its border\'s stability (payoffs.china.unwantedTests; 3: ICBMs and nuclear tests; 5: none).', true),
    freezePriceRises: unit(0.6, ['C6'], 'Share of a paid pause\'s aid that is paid in proportion to the tension it ends (a calm is worth little to buy), so escalating first raises the price of the freeze; 0: a flat price.'),
    ladderFear: unit(1, ['C12'], "Share of the incident ladder's war risk Kim counts when weighing a test (an incident is war if the rungs left follow in a row, so the risk rises steeply near the top); 1: he reads the ladder as it is; 0: he weighs the tension roll alone."),
    heedingRestraintCost: unit(1, ['C7'], "Standing Kim loses when he holds his tests under Beijing's restraint order (seen doing as Xi says), as a share of kim.obeyStandingCost; 0: heeding Beijing costs nothing at home."),
    dealInstalment: unit(0.02, ['C6', 'C11'], 'Economy the US pays Kim each round a freeze (a paid pause) or a deal holds, after a verified round of his restraint (sequencing); the deal holds until a side breaks it or walks away; 0: a paid pause is a one-off and nothing is in force.'),
    dealProbation: n(3, 0, 100, ['C11'], 'Rounds a deal reached on the diplomatic track must hold before the crisis counts as settled (it can collapse meanwhile, as 2007-09 and Singapore-Hanoi did); 0: it settles at once.', true),
    dealVerification: unit(0.5, ['C6', 'C11'], 'Chance a short-range test under a deal is caught and breaks it (a test over Japan or above always does); 0: covert tests are never caught.'),
    dealFragility: unit(0.15, ['C8', 'C11'], 'Chance per round, at full temptation, that a side walks away from a deal; each side\'s temptation is what leaving is worth to it against what the deal pays it (Kim: the standing a readied capability would buy vs an instalment; the US: an instalment\'s cost vs the tension a freeze keeps off); 0: deals end only by a breach.'),
    kimReadsResolve: n(1, 0, 10, ['C6', 'C8'], "Weight, in observations, of what Washington does beyond answering Kim (a concession to Beijing or an instalment kept: it pays; pressure unprompted or a deal broken: it refuses) in Kim's belief that the US pays; 0: the counter-view (resolve read from present power), these move nothing."),
    summitLifeline: unit(0.15, ['C7'], "Lifeline Beijing reopens when Kim courts Xi with a summit (trade and aid resumed for a client who came to pay respects); a summit also turns Beijing from backing sanctions to standing aside; 0: no summit move."),
    summitStandingCost: unit(1, ['C7'], "Standing Kim loses at home when he courts Xi (seen as Beijing's client), as a share of kim.obeyStandingCost (1: as dear as being seen doing what Xi asked); 0: a summit costs no standing."),
    summitPledge: n(2, 0, 12, ['C7'], 'Rounds after a summit in which a test defies Xi (the calm Kim promised his patron), as a restraint order does; no new summit while a pledge runs; 0: no pledge.', true),
  },
  payoffs: {
    us: {
      concessionCost: readBy(['pragmatist'], weight(0.75, ['C3', 'C8'], 'Weight on what the US paid out.')),
      credibility: readBy(['pragmatist'], weight(4, ['C8'], 'Weight on credibility kept.')),
      averageTension: readBy(['pragmatist'], weight(4, [], 'Weight on average tension endured.')),
      war: scoresOnly(weight(20, ['C12'], 'Cost of war.')),
      settlement: scoresOnly(weight(6, ['C11'], 'Value of a settlement.')),
      europe: scoresOnly(weight(2, ['C10'], "Value of Europe's alignment.")),
      regimeCrisis: scoresOnly(weight(2, [], 'Cost of a regime crisis next door to allies.')),
    },
    china: {
      concessionGain: readBy(['opportunist', 'covertFirst', 'bestResponder'], weight(3, ['C2', 'C3'], 'Weight on concessions won.')),
      exposure: readBy(['opportunist', 'covertFirst', 'bestResponder'], weight(4, ['C12'], 'Cost of the stigma of sponsoring Kim.')),
      war: readBy(['bestResponder'], weight(10, [], 'Cost of war on its border.')),
      europe: scoresOnly(weight(2, ['C10'], 'Cost of Europe lining up with the US.')),
      regimeCrisis: readBy(['bestResponder'], weight(4, [], 'Cost of chaos in Pyongyang.')),
      rivalry: readBy(['bestResponder'], weight(1, ['C13'], 'Cost of US-China tension.')),
      // Issue 19: what a best-responding Beijing weighs beyond its concessions.
      usStrain: readBy(['bestResponder'], weight(2, ['C2'], "Worth of the strain Kim's pressure puts on Washington (the average tension it endures); 0: none.")),
      unwantedTests: readBy(['bestResponder'], weight(0.5, ['C7', 'C12'], 'Cost of each test at dynamics.unwantedTestRung or above that Beijing did not ask for (its border\'s stability); 0: none.')),
    },
    kim: {
      standing: readBy(KIM_AI, weight(4, ['C7'], 'Weight on standing at home.')),
      economy: readBy(KIM_AI, weight(3, ['C7'], 'Weight on the economy.')),
      aid: scoresOnly(weight(1, ['C6'], 'Weight on aid received.')),
      war: readBy(KIM_AI, weight(20, [], 'Cost of war.')),
      // Kim weighs the regime's survival near the edge (kim.regimeDangerMargin) by this weight.
      regimeCrisis: readBy(KIM_AI, weight(10, ['C7'], 'Cost of a regime crisis.')),
      settlement: readBy(KIM_AI, weight(2, ['C11'], 'Value of a settlement.')),
    },
  },
} as const;

/** A group of rows (or of groups, as `payoffs`). */
export type Rows = { readonly [name: string]: Field | Rows };
/** Is this a parameter's row (not a group of them)? */
export function isField(row: Field | Rows): row is Field {
  return typeof row.kind === 'string';
}
/** The values a table of rows defines: a number per row, four per `perRung` row. */
type ValuesOf<T> = T extends { kind: 'perRung' } ? PerRung : T extends { kind: 'number' } ? number : { -readonly [K in keyof T]: ValuesOf<T[K]> };

/** The numbers a game is played under: one per row of PARAM_TABLE, by the same path. */
export type Params = ValuesOf<typeof PARAM_TABLE>;

export type PressureParams = Params['pressure'];
export type CovertParams = Params['covert'];
export type KimParams = Params['kim'];
export type UsParams = Params['us'];
export type RepetitionParams = Params['repetition'];
export type CrisisParams = Params['crisis'];
export type DynamicsParams = Params['dynamics'];
export type ActorWeights = Params['payoffs'];

// The starting values (`start:`) are the scenario fields the state table's fields begin at
// (STATE_FIELDS, model/context.ts): the table's `start` group must name exactly those, or
// this fails to compile.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const startMatchesState: Same<Params['start'], StartingState> = true;
void startMatchesState;
const tableIsRows: Rows = PARAM_TABLE;
void tableIsRows;

/** Every parameter's row with its dotted path (`rounds`, `start.chinaInfluence`, `payoffs.us.war`), in table order. */
export function paramRows(): { path: string; field: Field }[] {
  const out: { path: string; field: Field }[] = [];
  const walk = (rows: Rows, prefix: string): void => {
    for (const [name, row] of Object.entries(rows)) {
      if (isField(row)) out.push({ path: prefix + name, field: row });
      else walk(row, `${prefix}${name}.`);
    }
  };
  walk(PARAM_TABLE, '');
  return out;
}
