import type { Params } from './params.js';

export type Actor = 'china' | 'kim' | 'us';
export const ACTORS: readonly Actor[] = ['china', 'kim', 'us'];

export type RequestChannel = 'none' | 'overt' | 'covert';
export type Price = 'none' | 'taiwan' | 'chips';
export type KimAnswer = 'none' | 'obeyed' | 'defied';

/**
 * The whole state of one game. Flat numbers so that a copy is cheap and the
 * fast stepper can update it in place. Everything in [0, 1] unless noted.
 */
export interface GameContext {
  params: Params;
  /** 1-based round number. */
  round: number;

  tension: number;
  peakTension: number;
  /** Sum of end-of-round tension, for the average in payoffs. */
  tensionSum: number;
  /** Highest rung reached so far, 0..4. */
  escalationLevel: number;

  chinaInfluence: number;
  usEstimateOfInfluence: number;
  evidence: number;
  exposure: number;
  europeAlignment: number;

  /** Concessions ledger (counts). */
  concededTaiwan: number;
  concededChips: number;
  aidToKim: number;

  usCredibility: number;
  /** C8: China's belief that the US pays, as prior-plus-evidence counts. */
  chinaSawPay: number;
  chinaSawRefuse: number;
  /** C6: Kim's belief that the US pays for a pause, likewise. */
  kimSawPay: number;
  kimSawRefuse: number;

  nkEconomy: number;
  lifeline: number;
  kimStanding: number;
  sanctions: number;
  deterrence: number;
  usChinaTension: number;
  diplomacy: number;
  /** C7, C11: Beijing's stand on sanctions: 1 backs (enforces) them, -1 blocks them, 0 neither. */
  chinaSanctionStance: number;
  /** C1, C7: restraint the US bought this round, which Beijing enforces on Kim next round. */
  restraintOwed: boolean;

  // ---- this round, cleared by beginNextRound ----
  requestChannel: RequestChannel;
  requestDetected: boolean;
  offerPrice: Price;
  restraintOrdered: boolean;
  warmSignal: boolean;
  /** Rung Kim tested this round, 0 if none. */
  testedRung: number;
  kimOfferedPause: boolean;
  kimAnswer: KimAnswer;
  usPaidChina: boolean;
  usPaidKim: boolean;
  usAskedHelp: boolean;
  warBroke: boolean;

  // ---- last round, as remembered for views ----
  lastChinaMove: string;
  lastKimMove: string;
  lastUsMove: string;
  lastRequestDetected: boolean;
  lastKimAnswer: KimAnswer;

  // ---- tallies over the whole game ----
  chinaMoveThisRound: string;
  kimMoveThisRound: string;
  usMoveThisRound: string;
  requestsMade: number;
  requestsDetected: number;
  offersMade: number;
  timesExposed: number;
  kimObeyedCount: number;
  kimDefiedCount: number;
  roundsPlayed: number;
  // ---- calibration tallies (scenarios/CALIBRATION.md): cheap counts the batch keeps ----
  /** Tension when this round began, to tell a round in which tension fell. */
  tensionAtRoundStart: number;
  /** Rounds that ended with tension at or above 0.9 ("pegged"). */
  roundsAtTop: number;
  /** Rounds that ended with less tension than they began with. */
  roundsTensionFell: number;
  /** Kim's rounds without a test (hold or an offered pause), his tests, and nuclear tests among them. */
  kimHolds: number;
  kimTests: number;
  nuclearTests: number;
  /** Sum of the rungs Kim tested: how hard he escalated. */
  rungsTested: number;
  /** C7: requests to escalate that Kim refused. */
  requestsDefied: number;
  /** C12: war rolls made at tension >= 0.9. */
  rollsAtTop: number;
  /** 1 if war broke out in a roll made at tension >= 0.9. */
  warsAtTop: number;
}

export function initialContext(params: Params): GameContext {
  const s = params.start;
  const w = params.repetition.beliefPriorWeight;
  return {
    params,
    round: 1,
    tension: s.tension,
    peakTension: s.tension,
    tensionSum: 0,
    escalationLevel: s.escalationLevel,
    chinaInfluence: s.chinaInfluence,
    usEstimateOfInfluence: s.usEstimateOfInfluence,
    evidence: s.evidence,
    exposure: s.exposure,
    europeAlignment: s.europeAlignment,
    concededTaiwan: 0,
    concededChips: 0,
    aidToKim: 0,
    usCredibility: s.usCredibility,
    chinaSawPay: s.chinaBeliefUsPays * w,
    chinaSawRefuse: (1 - s.chinaBeliefUsPays) * w,
    kimSawPay: s.kimBeliefUsPays * w,
    kimSawRefuse: (1 - s.kimBeliefUsPays) * w,
    nkEconomy: s.nkEconomy,
    lifeline: s.lifeline,
    kimStanding: s.kimStanding,
    sanctions: s.sanctions,
    deterrence: s.deterrence,
    usChinaTension: s.usChinaTension,
    diplomacy: s.diplomacy,
    chinaSanctionStance: 0,
    restraintOwed: false,
    requestChannel: 'none',
    requestDetected: false,
    offerPrice: 'none',
    restraintOrdered: false,
    warmSignal: false,
    testedRung: 0,
    kimOfferedPause: false,
    kimAnswer: 'none',
    usPaidChina: false,
    usPaidKim: false,
    usAskedHelp: false,
    warBroke: false,
    lastChinaMove: 'none',
    lastKimMove: 'none',
    lastUsMove: 'none',
    lastRequestDetected: false,
    lastKimAnswer: 'none',
    chinaMoveThisRound: 'none',
    kimMoveThisRound: 'none',
    usMoveThisRound: 'none',
    requestsMade: 0,
    requestsDetected: 0,
    offersMade: 0,
    timesExposed: 0,
    kimObeyedCount: 0,
    kimDefiedCount: 0,
    roundsPlayed: 0,
    tensionAtRoundStart: s.tension,
    roundsAtTop: 0,
    roundsTensionFell: 0,
    kimHolds: 0,
    kimTests: 0,
    nuclearTests: 0,
    rungsTested: 0,
    requestsDefied: 0,
    rollsAtTop: 0,
    warsAtTop: 0,
  };
}

/** A copy for xstate's immutable updates; params are shared, never mutated. */
export function copyContext(ctx: GameContext): GameContext {
  return { ...ctx };
}
