import type { KimMove, MoveName } from './moves.js';
import type { KimView, PublicRules } from './views.js';
import { movesOf, rungOf } from './moves.js';
import { ladderWarRisk, sanctionsBiteFactor, sanctionsReach, warRiskUncapped } from './crisis.js';
import { heedingCost, prestigeAtBrink, prestigeDeterred, summitPledged, summitStandingCost, testBonus, testPrestigeDamped } from './kim-moves.js';
import { pausePrice } from './us-moves.js';
import { dealForfeit } from './deals.js';

/** How a particular Kim weighs things. Strategies choose these; the model supplies the arithmetic. */
export interface KimWeights {
  standing: number;
  economy: number;
  war: number;
  /** C11: what a settlement would be worth to him (the diplomatic track's progress at stake). */
  settlement: number;
  /** How much doing what Beijing wants is worth in itself (a loyal client > 0). */
  deference: number;
  /** C7: what the regime's survival is worth (payoffs.kim.regimeCrisis), weighed near the edge. */
  regimeCrisis: number;
}

/** A Kim's temperament: how much more or less than the scenario's payoff weights he cares for each, and for deference to Beijing. */
export interface KimTemperament {
  standing: number;
  economy: number;
  war: number;
  deference: number;
}

/**
 * Kim's weights read from the scenario's payoff weights (`payoffs.kim.*`), scaled by a
 * strategy's temperament: a scenario that makes war costlier for Kim makes every AI Kim
 * more careful (issue 13: value weights act on choices).
 */
export function kimWeightsFrom(v: KimView, scale: KimTemperament): KimWeights {
  const w = v.rules.payoffs.kim;
  return {
    standing: w.standing * scale.standing,
    economy: w.economy * scale.economy,
    war: w.war * scale.war,
    settlement: w.settlement,
    deference: scale.deference,
    regimeCrisis: w.regimeCrisis,
  };
}

/**
 * C7: Kim's expected gain from a move, from his own view only. Nothing here is scripted:
 * obeying a request costs standing (looking like Xi's tool); refusing it, defying restraint
 * (ordered, or bought by the US), or crossing Beijing's red line risks the lifeline in
 * proportion to China's influence and his economy's dependence on it.
 * C6: aid comes only from a paid pause, so only the pause is credited with it.
 * C12: deterrence shrinks what a test buys, and prestige past full standing buys nothing;
 * war risk grows with tension. C11: a big test throws away the diplomatic track.
 */
export function kimMoveUtility(v: KimView, move: KimMove, w: KimWeights): number {
  return bestOrWeigh(v, [move], w, true);
}

/**
 * C7: the move with the highest utility for this Kim; ties go to the earlier move. What every
 * move's weighing shares is worked out once per decision, not once per move (a batch spent a
 * third of its time weighing Kim's moves); they are the same expressions, so the same bits.
 */
export function bestKimMove(v: KimView, legal: readonly MoveName[], w: KimWeights): MoveName {
  return bestOrWeigh(v, legal, w, false);
}

/** Kim's moves in the table's order: move i is bit i of a legal-move mask (as the batch path's). */
export const KIM_MOVE_ORDER: readonly KimMove[] = movesOf('kim');

/**
 * bestKimMove for the legal moves as a mask (bit i: KIM_MOVE_ORDER[i] is legal), returning the
 * move's index: the same weighing, move by move in the same order, so the same choice, without
 * a move's name to look up. `legal` must have a bit set.
 */
export function bestKimMoveIndex(v: KimView, legal: number, w: KimWeights): number {
  const d = DECISION;
  shareDecision(v, w, d);
  d.best = 31 - Math.clz32(legal & -legal);
  d.bestUtility = -Infinity;
  // The tests come first in the table's order (TEST_MOVES), so weighing them first, in one
  // call, keeps the order of the comparisons and so the choice.
  weighTests(v, legal & TEST_MOVES, w, d);
  let best = d.best;
  let bestU = d.bestUtility;
  for (let rest = legal & ~TEST_MOVES; rest !== 0; rest &= rest - 1) {
    const m = 31 - Math.clz32(rest & -rest);
    weighHold(v, m, w, d);
    weighSurvival(v, w, d);
    const u = d.utility;
    if (u > bestU) {
      best = m;
      bestU = u;
    }
  }
  return best;
}

// Kim's weighing is four functions (shareDecision; weighTests or weighHold; weighSurvival), not
// one: V8's inlining budget is per optimized function, and one function calling every rule
// helper outgrew it, leaving helpers as calls that boxed the numbers passed and returned. They
// pass their numbers through one reused scratch (KimDecision) instead.
function bestOrWeigh(v: KimView, legal: readonly MoveName[], w: KimWeights, utilityOfFirst: true): number;
function bestOrWeigh(v: KimView, legal: readonly MoveName[], w: KimWeights, utilityOfFirst: false): MoveName;
function bestOrWeigh(v: KimView, legal: readonly MoveName[], w: KimWeights, utilityOfFirst: boolean): MoveName | number {
  const d = DECISION;
  shareDecision(v, w, d);
  let best = legal[0] as MoveName;
  let bestU = -Infinity;
  for (let k = 0; k < legal.length; k++) {
    const m = legal[k] as MoveName;
    weighMove(v, kimMoveIndex(m), w, d);
    const u = d.utility;
    if (utilityOfFirst) return u;
    if (u > bestU) {
      best = m;
      bestU = u;
    }
  }
  return best;
}

/** Kim's move `move` (an index into KIM_MOVE_ORDER) weighed, into d.utility: what every way of choosing shares. */
function weighMove(v: KimView, move: number, w: KimWeights, d: KimDecision): void {
  if (((TEST_MOVES >>> move) & 1) === 1) {
    d.bestUtility = -Infinity;
    weighTests(v, 1 << move, w, d);
  } else {
    weighHold(v, move, w, d);
    weighSurvival(v, w, d);
  }
}

/** The index of a Kim move in KIM_MOVE_ORDER (a scan of interned names, as rungOf's). */
function kimMoveIndex(move: MoveName): number {
  for (let i = 0; i < KIM_MOVE_ORDER.length; i++) if (KIM_MOVE_ORDER[i] === move) return i;
  throw new Error(`'${String(move)}' is not a Kim move`);
}

// Read once from the table: each Kim move's rung (0 for a move without a test), and the two
// moves weighHold tells apart.
const KIM_RUNGS = Int32Array.from(KIM_MOVE_ORDER, (m) => rungOf(m));
/** The tests, as a mask: move i is the test at rung i + 1, and every test comes before every other move (weighTests, bestKimMoveIndex). */
const TEST_MOVES = testMoves();

function testMoves(): number {
  let mask = 0;
  KIM_RUNGS.forEach((rung, i) => {
    if (rung === 0) return;
    if (rung !== i + 1 || mask !== (1 << i) - 1) throw new Error(`Kim's tests must be his first moves, by rung (move ${i} is at rung ${rung})`);
    mask |= 1 << i;
  });
  return mask;
}
const COURT_BEIJING = KIM_MOVE_ORDER.indexOf('courtBeijing');
const PAUSE_FOR_PAYMENT = KIM_MOVE_ORDER.indexOf('suspendTestsForPayment');

/**
 * What every move's weighing shares, worked out once a decision, not once a move (a batch spent
 * a third of its time weighing Kim's moves); the same expressions, so the same bits.
 */
function shareDecision(v: KimView, w: KimWeights, d: KimDecision): void {
  const r = v.rules;
  d.lifelineRisk = v.chinaInfluence * r.kim.defyLifelineCut * r.kim.lifelineDependence;
  d.lifelineCost = w.economy * d.lifelineRisk;
  d.wantsEscalation = v.requestChannel !== 'none';
  // C7: obeying a request costs standing, half when it came covertly (weighTests).
  const seen = v.requestChannel === 'overt' ? 1 : 0.5;
  d.obeyLoss = r.kim.obeyStandingCost * seen;
  d.obeyCost = w.standing * r.kim.obeyStandingCost * seen;
  d.standingNow = v.kimStanding;
  d.standingRoom = 1 - v.kimStanding;
  // C11: what a test ends (the track at the detente-breaking rung) or stalls (a round of talks), as weighTests weighs them.
  // The progress so far over the threshold: how near the deal is.
  const nearness = v.diplomacy / r.us.settlementThreshold;
  d.settlementLost = w.settlement * nearness;
  d.talksOpen = v.diplomacy > 0;
  d.talksStallCost = w.settlement * nearness * ((r.us.diplomacyStep * (1 - v.tension)) / r.us.settlementThreshold);
  // C12: prestige, but standing cannot rise past full: at the top a test buys nothing more.
  // C5: a warm letter adds to the appetite, as prestige does, within the same cap.
  d.warm = v.warmSignal ? r.covert.warmSignalEmboldens : 0;
  d.roundsLeft = v.rounds - v.round + 1;
  // C12 (issue 19): and the incident ladder's risk, steeper the nearer it stands to war (dynamics.ladderFear).
  d.riskNow = warRiskUncapped(v.tension, v.deterrence, r) + ladderWarRisk(v.tension, v.deterrence, v.incidentRung, r);
  // C11: a test invites sanctions, which bite harder with Europe on board and with
  // Beijing enforcing them (C7: it carries most of the trade), less when it blocks them.
  d.bite = r.us.sanctionEconomyBite * sanctionsBiteFactor(v.chinaSanctionStance, r);
  d.reach = sanctionsReach(v.europeAlignment, r);
  // C7: how near the regime stands to cracking now, on each measure (weighSurvival).
  const near = r.kim.regimeDangerMargin > 0;
  d.economyDanger = near ? regimeDanger(v.nkEconomy, r) : 0;
  d.standingDanger = near ? regimeDanger(v.kimStanding, r) : 0;
  // What the rules alone decide per rung, once a scenario (RUNG_TABLE).
  if (r !== RUNG_TABLE.rules) fillRungTable(r);
  d.heedCost = heedingCost(r);
  // C6 (issue 19): escalate, then sell the freeze. A pause's price rises with the tension it
  // ends, so a test now raises what a pause will fetch later, as far as Kim expects the US to pay.
  d.freezeGainPerTension = r.dynamics.freezePriceRises > 0 && d.roundsLeft > 1 ? v.kimBeliefUsPays * r.kim.suspensionAid * r.dynamics.freezePriceRises : 0;
  // C7 (issue 19): a test within the calm pledged at a summit defies Xi, as a restraint order does.
  d.pledged = summitPledged(r, v.round, v.summitRound);
  d.defiant = v.restraintOrdered || d.pledged;
  // What a test's weighing reads of the view and of the rules, read once a decision (every
  // test weighed reads them): fields of the scratch, not a getter and a rules path per test.
  d.tension = v.tension;
  d.deterrence = v.deterrence;
  d.nkEconomy = v.nkEconomy;
  d.reached = v.escalationLevel;
  d.incidentRung = v.incidentRung;
  d.programmeProgress = v.programmeProgress;
  d.kimProvoked = v.kimProvoked;
  d.dealInForce = v.deal !== 'none';
  d.prestigeDeterred = prestigeDeterred(r, v.deterrence);
  d.prestigeAtBrink = prestigeAtBrink(r, v.tension);
  d.economyPerRung = w.economy * r.kim.testCost;
  d.detenteBreakingRung = r.us.detenteBreakingRung;
  d.talksStallRung = r.us.talksStallRung;
  d.obeyMinRung = r.kim.obeyMinRung;
  d.redLineRung = r.kim.redLineRung;
  // C7: the regime's survival is weighed only near the edge (weighSurvival); where a move keeps
  // both measures at or above it, its term is w * (0 - 0), +0 for a weight of 0 or more, and u - (+0) is u.
  d.survivalWeighed = near;
  d.safeLevel = near ? r.kim.regimeCrisisThreshold + r.kim.regimeDangerMargin : -Infinity;
  d.survivalSkippable = near && w.regimeCrisis >= 0 && w.regimeCrisis < Infinity && d.economyDanger === 0 && d.standingDanger === 0;
}

/**
 * C6, C7, C11, C12: what each test in `tests` (a mask: bit rung - 1) is worth to Kim, weighed
 * rung by rung upward, each into d.utility (with its effects, d.dEconomy and d.dStanding, and
 * the regime's survival) and then into the best so far (d.best, d.bestUtility; ties to the
 * earlier move). One call weighs every test of a decision, so what they share stays in locals:
 * one function a test was too large for V8 to inline, a call per test.
 */
function weighTests(v: KimView, tests: number, w: KimWeights, d: KimDecision): void {
  const r = v.rules;
  const t = RUNG_TABLE;
  // What every test reads, read once into locals (registers or the stack, not a field each time).
  const { standing: wStanding, economy: wEconomy, war: wWar, deference: wDeference } = w;
  const { tension, deterrence, nkEconomy, reached, incidentRung, programmeProgress, kimProvoked, prestigeDeterred, prestigeAtBrink } = d;
  const { warm, standingRoom, economyPerRung, roundsLeft, riskNow, reach, bite, freezeGainPerTension, dealInForce } = d;
  const { detenteBreakingRung, settlementLost, talksOpen, talksStallRung, talksStallCost } = d;
  const { wantsEscalation, obeyMinRung, obeyCost, obeyLoss, lifelineCost, lifelineRisk, defiant, redLineRung } = d;
  for (let rest = tests; rest !== 0; rest &= rest - 1) {
    const i = 31 - Math.clz32(rest & -rest);
    const rung = i + 1;
    let u = 0;
    // What the move does at once to the economy and to standing, for the regime's survival (weighSurvival).
    let dEconomy = 0;
    let dStanding = 0;
    // Issue 19: answering exercises or sanctions, and showing the programme's new capability (C6, C12).
    const bonus = testBonus(r, programmeProgress, kimProvoked, rung);
    const prestige = Math.min(testPrestigeDamped(r, rung, reached, prestigeDeterred, prestigeAtBrink) + warm + bonus, standingRoom);
    u += wStanding * prestige;
    u -= economyPerRung * rung; // C7: what the test costs the economy
    dStanding += prestige;
    dEconomy -= t.testCost[i] as number;
    // C12: the risk a test adds. Tension is not capped here: at the brink a further test
    // must still look dangerous to Kim, or testing would seem free once tension is maxed.
    // The tension a test adds lingers until decay drains it, so Kim weighs the added risk
    // over the rounds it lasts (at most the rounds left), not only this one.
    const added = t.tensionAdded[i] as number;
    const after = tension + added;
    const lingers = Math.min(roundsLeft, t.roundsLingering[i] as number);
    u -= wWar * lingers * (warRiskUncapped(after, deterrence, r) + ladderWarRisk(after, deterrence, incidentRung, r) - riskNow);
    // C11: the sanctions a test invites (their bite and reach: shareDecision).
    const sanctionsCost = (t.sanctionsShare[i] as number) * reach * bite * nkEconomy * 4;
    u -= wEconomy * sanctionsCost;
    dEconomy -= sanctionsCost;
    if (freezeGainPerTension > 0) u += wEconomy * freezeGainPerTension * Math.min(added, 1 - tension);
    // C6, C11 (issue 19): a test under a deal in force risks the deal (weighDealAtRisk).
    if (dealInForce) {
      d.utility = u;
      weighDealAtRisk(v, rung, w, d);
      u = d.utility;
    }
    // C11, C7: a test at the detente-breaking rung ends the track, and with it the deal.
    // Any test while the track is open stalls it for the round: the progress forgone.
    if (rung >= detenteBreakingRung) u -= settlementLost;
    // A smaller test stalls the talks for a round: the progress forgone, worth more the
    // nearer the deal (progress so far over the threshold).
    else if (talksOpen && rung >= talksStallRung) u -= talksStallCost;
    if (wantsEscalation) {
      if (rung >= obeyMinRung) {
        u -= obeyCost; // C7: Xi's tool
        u += wDeference;
        dStanding -= obeyLoss;
      } else {
        u -= lifelineCost; // C7: a token test refuses Xi
        u -= wDeference;
        dEconomy -= lifelineRisk;
      }
    } else if (defiant || rung >= redLineRung) {
      u -= lifelineCost; // C7: defying restraint (ordered or pledged), or Beijing's red line
      u -= wDeference;
      dEconomy -= lifelineRisk;
    }
    d.utility = u;
    d.dEconomy = dEconomy;
    d.dStanding = dStanding;
    weighSurvival(v, w, d);
    if (d.utility > d.bestUtility) {
      d.best = i;
      d.bestUtility = d.utility;
    }
  }
}

/** C6, C7: what a move without a test (holding, courting Beijing, a paid pause) is worth to Kim, into d.utility (and its effects). */
function weighHold(v: KimView, move: number, w: KimWeights, d: KimDecision): void {
  let u = 0;
  let dEconomy = 0;
  let dStanding = 0;
  if (d.wantsEscalation) {
    u -= d.lifelineCost; // C7: refusing Xi
    u -= w.deference;
    dEconomy -= d.lifelineRisk;
  } else if (v.restraintOrdered && d.heedCost > 0) {
    // C7 (issue 19): holding under Beijing's order is doing as Xi says, which costs at home.
    u -= w.standing * d.heedCost;
    dStanding -= d.heedCost;
  }
  d.utility = u;
  d.dEconomy = dEconomy;
  d.dStanding = dStanding;
  if (move === COURT_BEIJING) weighSummit(v, w, d);
  if (move === PAUSE_FOR_PAYMENT) weighPause(v, w, d);
}

// The three below weigh what only some decisions meet (a deal in force, a summit, a pause to
// sell) onto the decision's scratch, taking and returning no numbers: where one is rare, V8
// leaves it a call, and a call to the helpers it uses would box the numbers passed and returned.

/** C6, C11 (issue 19): a test under a deal in force risks the deal (deals.ts), off d.utility. */
function weighDealAtRisk(v: KimView, rung: number, w: KimWeights, d: KimDecision): void {
  d.utility -= dealForfeit(v, rung, w);
}

/** C7 (issue 19): a summit with Xi: the lifeline and cover it buys (summitGain), against standing as Beijing's client. */
function weighSummit(v: KimView, w: KimWeights, d: KimDecision): void {
  const clientCost = summitStandingCost(v.rules);
  d.utility += w.economy * summitGain(v, d.roundsLeft) - w.standing * clientCost;
  d.dEconomy += summitLifelineNow(v);
  d.dStanding -= clientCost;
}

/** C6: a paid pause helps the economy; an unpaid one looks weak. */
function weighPause(v: KimView, w: KimWeights, d: KimDecision): void {
  const r = v.rules;
  const aid = pausePrice(r, d.tension);
  // Read once: the view works it out from Kim's counts at each read.
  const pays = v.kimBeliefUsPays;
  let u = d.utility;
  u += w.economy * pays * aid;
  u -= w.standing * (1 - pays) * r.kim.unpaidPauseStandingCost;
  d.utility = u;
  d.dEconomy += pays * aid;
  d.dStanding -= (1 - pays) * r.kim.unpaidPauseStandingCost;
}

/**
 * C7: near the edge, Kim weighs the regime's survival: what a move takes from (or adds to) a
 * standing or an economy within `kim.regimeDangerMargin` of the crisis threshold is weighed by
 * what a regime crisis costs him, so a cracking regime stops paying for tests. Onto d.utility.
 */
function weighSurvival(v: KimView, w: KimWeights, d: KimDecision): void {
  if (d.survivalWeighed) {
    // Far from the edge, before and after the move, the weighing adds nothing (shareDecision).
    if (d.survivalSkippable && d.nkEconomy + d.dEconomy >= d.safeLevel && d.standingNow + d.dStanding >= d.safeLevel) return;
    const r = v.rules;
    let u = d.utility;
    u -= w.regimeCrisis * (regimeDanger(d.nkEconomy + d.dEconomy, r) - d.economyDanger);
    u -= w.regimeCrisis * (regimeDanger(d.standingNow + d.dStanding, r) - d.standingDanger);
    d.utility = u;
  }
}

/**
 * What every move of one decision shares, worked out once a decision (shareDecision), and the
 * move being weighed (its utility and what it does at once to the economy and standing). One
 * object, reused: Kim weighs one decision at a time, to its end, and nothing here outlives it.
 * Its numbers are doubles in fields, written in place: a number passed to or returned from a
 * function V8 has not inlined is boxed (16 bytes), and the weighing is split into functions
 * (so that each has V8's inlining budget for the rule helpers it calls) that pass their numbers
 * here instead.
 */
class KimDecision {
  // Per decision.
  lifelineRisk = 0.5;
  warm = 0.5;
  roundsLeft = 0.5;
  riskNow = 0.5;
  bite = 0.5;
  reach = 0.5;
  economyDanger = 0.5;
  standingDanger = 0.5;
  heedCost = 0.5;
  freezeGainPerTension = 0.5;
  lifelineCost = 0.5;
  obeyLoss = 0.5;
  obeyCost = 0.5;
  standingRoom = 0.5;
  settlementLost = 0.5;
  talksStallCost = 0.5;
  wantsEscalation = false;
  pledged = false;
  defiant = false;
  talksOpen = false;
  // Read of the view and the rules once a decision, for weighTests and weighSurvival.
  tension = 0.5;
  deterrence = 0.5;
  nkEconomy = 0.5;
  standingNow = 0.5;
  reached = 0;
  incidentRung = 0;
  programmeProgress = 0.5;
  kimProvoked = false;
  dealInForce = false;
  prestigeDeterred = 0.5;
  prestigeAtBrink = 0.5;
  economyPerRung = 0.5;
  detenteBreakingRung = 0.5;
  talksStallRung = 0.5;
  obeyMinRung = 0.5;
  redLineRung = 0.5;
  safeLevel = 0.5;
  survivalWeighed = false;
  survivalSkippable = false;
  // Per move.
  utility = 0.5;
  // The best move so far (an index into KIM_MOVE_ORDER) and its utility.
  best = 0;
  bestUtility = 0.5;
  dEconomy = 0.5;
  dStanding = 0.5;
}
const DECISION = new KimDecision();

/**
 * What Kim's weighing reads from the rules alone, per rung (index rung - 1): worked out once a
 * scenario (a rules object is never changed in place: edits replace it), not each decision.
 */
const RUNG_TABLE = {
  rules: undefined as PublicRules | undefined,
  roundsLingering: new Float64Array(0),
  /** The tension a test adds (kim.rungTension; 0 past its end). */
  tensionAdded: new Float64Array(0),
  /** What a test costs the economy (kim.testCost * rung). */
  testCost: new Float64Array(0),
  /** The first factors of the sanctions a test invites, (rung / 4) * us.sanctionStep: a left prefix of weighTests' product, so the same bits. */
  sanctionsShare: new Float64Array(0),
};

function fillRungTable(r: PublicRules): void {
  const t = RUNG_TABLE;
  // Every rung Kim's moves reach, even past the end of kim.rungTension (where it adds nothing).
  const rungs = Math.max(r.kim.rungTension.length, ...KIM_RUNGS);
  if (t.roundsLingering.length !== rungs) {
    t.roundsLingering = new Float64Array(rungs);
    t.tensionAdded = new Float64Array(rungs);
    t.testCost = new Float64Array(rungs);
    t.sanctionsShare = new Float64Array(rungs);
  }
  for (let i = 0; i < rungs; i++) {
    const rung = i + 1;
    t.roundsLingering[i] = roundsTestLingers(r, rung);
    t.tensionAdded[i] = r.kim.rungTension[i] ?? 0;
    t.testCost[i] = r.kim.testCost * rung;
    t.sanctionsShare[i] = (rung / 4) * r.us.sanctionStep;
  }
  t.rules = r;
}

/**
 * C12: the most rounds the tension a test at `rung` adds goes on weighing on the war risk: until
 * `kim.tensionDecay` a round drains it (at least the round of the test; with no decay, for
 * ever: Kim's weighing caps it at the rounds left). C12 (issue 19): with momentum the rise
 * goes on growing for a while (a share m, m^2, ...: in all, the rise over 1 - m).
 */
export function roundsTestLingers(r: Pick<PublicRules, 'kim' | 'dynamics'>, rung: number): number {
  const momentum = r.dynamics.tensionMomentum;
  const added = r.kim.rungTension[rung - 1] ?? 0;
  // Always a division (x / 1 is x, bit for bit): a choice between a quotient and `added`
  // itself made V8 box the quotient.
  const lasting = added / (momentum > 0 ? 1 - Math.min(momentum, 0.95) : 1);
  return r.kim.tensionDecay > 0 ? Math.max(1, lasting / r.kim.tensionDecay) : Infinity;
}

/**
 * C7 (issue 19): what courting Beijing (a summit with Xi) is worth to Kim's economy, in the
 * rules' own units, from his view: the lifeline Beijing reopens lifts it at once
 * (summitLifelineNow) and then sustains it each round left (`kim.lifelineSustains`); and if
 * Beijing was backing sanctions, its standing aside spares him their extra bite each round
 * left (he does not count on it backing them again). Its cost, standing as Beijing's client,
 * is summitStandingCost; the pledge of calm is not priced here but weighed when a test comes
 * (a test within it defies Xi). Numbers, not an object: Kim weighs moves in a hot loop.
 */
export function summitGain(v: KimView, roundsLeft: number): number {
  const r = v.rules;
  const k = r.kim;
  const sustained = k.lifelineSustains * summitLifelineNow(v) * (1 - v.nkEconomy) * roundsLeft;
  const cover =
    v.chinaSanctionStance > 0 ? v.sanctions * r.us.sanctionEconomyBite * (sanctionsBiteFactor(1, r) - sanctionsBiteFactor(0, r)) * v.nkEconomy * roundsLeft : 0;
  return summitLifelineNow(v) + sustained + cover;
}

/** C7: the economy a summit's reopened lifeline (`dynamics.summitLifeline`, up to a full one) brings at once, by Kim's dependence on it. */
export function summitLifelineNow(v: KimView): number {
  const r = v.rules;
  return Math.min(r.dynamics.summitLifeline, 1 - v.lifeline) * r.kim.lifelineDependence;
}

/**
 * C7: how near the regime is to cracking on one measure (standing or economy): 0 at
 * `kim.regimeDangerMargin` or more above `kim.regimeCrisisThreshold`, rising in a straight
 * line to 1 at the threshold (and on below it). Callers check the margin is positive.
 */
export function regimeDanger(level: number, r: Pick<KimView['rules'], 'kim'>): number {
  const k = r.kim;
  const safe = k.regimeCrisisThreshold + k.regimeDangerMargin;
  // At or above `safe` the formula gives +0 (Math.max(0, -0) is +0 too): said without the
  // division, which Kim's weighing met four times a move (~15% of bestOrWeigh's time).
  return level >= safe ? 0 : Math.max(0, (safe - level) / k.regimeDangerMargin);
}
