import type { StartingState } from './context.js';

// Every assumption of the model is a number here, grouped by the claim it encodes.
// The scenario layer fills these from YAML; the model only reads them.

/** Four numbers, one per rung of Kim's ladder (short-range, over Japan, ICBM, nuclear test). */
export type PerRung = [number, number, number, number];

/**
 * The starting values a scenario sets (`start:`): declared with the state fields they start
 * (model/context.ts, STATE_FIELDS), which name the scenario field each begins at.
 */
export type { StartingState };

export interface PressureParams {
  /** C13: chance Xi asks Kim to escalate with no US-China tension at all. */
  requestBaseLikelihood: number;
  /** C13: how much US-China tension adds to that chance. */
  requestTensionSlope: number;
  /** C2: restraint can only be sold when tension is at least this high. */
  offerMinTension: number;
  /** C1: tension removed per unit of true influence when China restrains Kim. */
  restraintPower: number;
  /** C3: what each concession is worth to China (and costs the US). */
  priceOfTaiwan: number;
  priceOfChips: number;
  /** C6: what one payment of aid to Kim costs the US. */
  priceOfAid: number;
  /** C10, C12: how much exposure deters Xi from asking (the chance of a request falls by this times exposure). */
  exposureDeters: number;
  /** C7, C11: China's share of North Korea's trade: how much harder sanctions bite when Beijing enforces them. */
  chinaTradeShare: number;
  /** C11, C13: share of sanctions' bite lost while Beijing blocks them (a veto, lax enforcement). */
  blockedSanctionsShare: number;
  /** C12: exposure Beijing sheds by backing sanctions (and takes on by blocking them). */
  sanctionStigma: number;
}

export interface CovertParams {
  /** C4: chance an overt request to Kim is detected by US intelligence. */
  detectOvert: number;
  /** C4: the same through human couriers. */
  detectCovert: number;
  /** C4: evidence gained per detection. */
  evidencePerDetection: number;
  /** C5: evidence gained from a warm public letter. */
  evidencePerWarmSignal: number;
  /** C5: how much a warm signal adds to Kim's appetite for testing. */
  warmSignalEmboldens: number;
  /** C5: standing Kim gains at home from public Chinese warmth. */
  warmSignalStanding: number;
}

export interface KimParams {
  /** Tension each rung adds. */
  rungTension: PerRung;
  /** Prestige at home each rung buys Kim (before deterrence discounts it). */
  rungPrestige: PerRung;
  /** C7: standing lost when Kim is seen obeying Xi. */
  obeyStandingCost: number;
  /** C7: lifeline cut (per unit of Chinese influence) when Kim defies Xi. */
  defyLifelineCut: number;
  /** C7: how much of North Korea's economy rides on the lifeline. */
  lifelineDependence: number;
  /** C6: economy Kim gains when the US pays for a pause. */
  suspensionAid: number;
  /** C6: standing lost by pausing without being paid. */
  unpaidPauseStandingCost: number;
  /** Tension that drains away each round without a test. */
  tensionDecay: number;
  /** C7: how fast a weak economy erodes Kim's standing. */
  economyStandingDrag: number;
  /** C7/C11: regime crisis when standing or economy falls below this. */
  regimeCrisisThreshold: number;
  /** C7: economy a test costs, per rung: missiles are dear for an always creaking economy (2020¶9). */
  testCost: number;
  /** C12: share of a test's prestige lost at full tension: a test impresses most when it breaks a calm. */
  brinkDampsPrestige: number;
  /** C12: share of a rung's prestige that repeating an already reached rung still buys. */
  repeatPrestige: number;
  /** C7, C12: standing that fades each round toward `entrenchedStanding`: what a test bought (or a humiliation cost) is soon forgotten at home. */
  standingFade: number;
  /** C7: the standing Kim's entrenched hold at home returns to (0: standing only ever fades). */
  entrenchedStanding: number;
  /** C7, C11: share of the economy's room left that the open lifeline restores each round, per unit of lifeline and dependence. */
  lifelineSustains: number;
  /** C7: how near `regimeCrisisThreshold` (in standing or economy) Kim starts to weigh the regime's survival in his moves (0: never). */
  regimeDangerMargin: number;
  /** C7: the smallest test that counts as doing what Xi asked; a token test below it is a refusal. */
  obeyMinRung: number;
  /** C7: Beijing's red line: a test at or above this rung that Xi did not ask for defies him. */
  redLineRung: number;
}

export interface UsParams {
  /** C8: credibility lost per concession. */
  credibilityLossPerConcession: number;
  /** C9: credibility lost by asking Beijing for help. */
  credibilityLossPerAsk: number;
  /** C9: how strongly an ask reads to China as "the US will pay" (a fraction of a payment). */
  askReadsAsPayment: number;
  /** C9: tension China removes when merely asked (per unit of influence). */
  helpRestraintPower: number;
  /** C3: a concession eases US-China tension by this much. */
  concessionEasesRivalry: number;
  /** C10: exposure gained per act of exposing, before evidence. */
  exposeStrength: number;
  /** C10, C4: share of exposeStrength that lands without evidence (an unproven charge moves few). */
  exposeUnprovenShare: number;
  /** C10: extra exposure per unit of evidence held. */
  exposeEvidenceBonus: number;
  /** C10: how far Europe moves per unit of exposure gained. */
  europeResponsiveness: number;
  /** C10/C13: exposing Beijing raises US-China tension. */
  exposeRaisesRivalry: number;
  /** C11: sanctions added per round of sanctioning. */
  sanctionStep: number;
  /** C11: share of sanctions' bite that needs Europe (seizing money in its banks). */
  sanctionEuropeShare: number;
  /** C11: economy lost per unit of sanctions each round. */
  sanctionEconomyBite: number;
  /** C11: deterrence added per round of posture. */
  postureStep: number;
  /** C11: tension added by a show of force. */
  postureTension: number;
  /** C11: diplomatic progress per round of engagement (scaled by calm). */
  diplomacyStep: number;
  /** C11: the track settles the crisis once progress reaches this. */
  settlementThreshold: number;
  /** C11: a test at or above this rung stalls the talks for the round (short-range tests went on during the 2018-19 talks). */
  talksStallRung: number;
  /** C7: a test at or above this rung ends any detente (diplomacy resets). */
  detenteBreakingRung: number;
  /** C6: tension a paid pause removes. */
  paidPauseCalms: number;
}

export interface RepetitionParams {
  /** C8: weight of the prior in prior-plus-evidence beliefs, in observations. */
  beliefPriorWeight: number;
  /** C8: weight each new observation carries (0 switches learning off). */
  learningRate: number;
}

export interface CrisisParams {
  /** C12: per-round chance of war at full tension, before deterrence. */
  warRiskAtFullTension: number;
  /** C11: share of war risk that full deterrence removes. */
  deterrenceDampsWar: number;
  /** C12: share of escalation's prestige that full deterrence removes. */
  deterrenceDampsPrestige: number;
  /** C13: largest random swing in US-China tension per round. */
  rivalryDrift: number;
  /** C10: leverage is exposed once exposure and Europe's alignment both reach these. */
  exposureEndsGame: number;
  europeEndsGame: number;
  /** C3: at the round limit, this many concessions or more reads as "extracted". */
  concessionsForExtraction: number;
}

/**
 * Issue 19: dynamics that give the record its shape (build-ups, Kim's own calendar, crises
 * that climb). Each is a number whose 0 switches it off and gives back the games before it.
 */
export interface DynamicsParams {
  /** C12: share of a round's rise in tension carried into the next round: crises build before they subside. */
  tensionMomentum: number;
  /** C11, C12: tension the allies' exercises add, per rung of a real test (over Japan or above) they answer. */
  alliesAnswerTests: number;
  /** C6, C12: standing Kim gains from a test that answers last round's exercises or sanctions (action-reaction). */
  answerPrestige: number;
  /** C12: chance per round, at full tension and before deterrence, of an incident that climbs the incident ladder. */
  incidentChance: number;
  /** C12: incidents in a row (each quiet round steps one down) that turn into war. */
  incidentRungsToWar: number;
  /** C6: progress per round of Kim's weapons programme toward a new capability to demonstrate. */
  programmePace: number;
  /** C6, C12: standing a test at `milestoneRung` or above buys once the programme has a capability ready. */
  milestonePrestige: number;
  /** C6: the smallest rung that demonstrates the programme's new capability (3: an ICBM). */
  milestoneRung: number;
  /** C8: how far Beijing's learned belief that the US pays moves the chance Xi presses (0: the counter-view, resolve read from present power and interests). */
  demandFollowsBelief: number;
  /** C13: worth to Beijing, per unit of US-China tension and of sanctions in force, of denying Washington a sanctions win. */
  rivalryShieldsKim: number;
  /** C7, C12: the smallest test Beijing did not ask for that it counts against its border's stability (5: none). */
  unwantedTestRung: number;
  /** C6: share of a paid pause's aid paid in proportion to the tension it ends: the higher the crisis, the dearer the freeze. */
  freezePriceRises: number;
  /** C6, C11: economy the US pays Kim each round a freeze or deal holds, after his verified round of restraint; 0: a paid pause is a one-off, as before. */
  dealInstalment: number;
  /** C11: rounds a deal reached on the diplomatic track must hold before the crisis counts as settled; 0: it settles at once, as before. */
  dealProbation: number;
  /** C6, C11: chance a short-range test under a deal is caught (inspectors, intelligence) and breaks it; 0: covert tests are never caught. */
  dealVerification: number;
  /** C8, C11: chance per round, at full temptation, that a side walks away from a deal (model/deals.ts walkoutChance); 0: deals end only by a breach. */
  dealFragility: number;
  /** C6, C8: weight of what the US does beyond answering Kim (a concession to Beijing, an instalment kept, pressure unprompted, a deal broken) in Kim's belief that it pays; 0: the counter-view, these move nothing. */
  kimReadsResolve: number;
}

export interface ActorWeights {
  us: {
    concessionCost: number;
    credibility: number;
    averageTension: number;
    war: number;
    settlement: number;
    europe: number;
    regimeCrisis: number;
  };
  china: {
    concessionGain: number;
    exposure: number;
    war: number;
    europe: number;
    regimeCrisis: number;
    rivalry: number;
    usStrain: number;
    unwantedTests: number;
  };
  kim: {
    standing: number;
    economy: number;
    aid: number;
    war: number;
    regimeCrisis: number;
    settlement: number;
  };
}

export interface Params {
  /** Rounds before the game stops at the limit. 1 makes it a one-shot game (C8). */
  rounds: number;
  start: StartingState;
  pressure: PressureParams;
  covert: CovertParams;
  kim: KimParams;
  us: UsParams;
  repetition: RepetitionParams;
  crisis: CrisisParams;
  dynamics: DynamicsParams;
  payoffs: ActorWeights;
}
