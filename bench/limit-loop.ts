// The benchmark's speed yardstick (issue 12), frozen as version 1 (issue 17): how fast
// rules like these can be played at all. One tight loop for the baseline scenario and the
// default profile (US columns, China opportunist, Kim regimeFirst): all state in locals,
// moves and enums as small integers, no views, no legal-move lists, alea inlined (seeded
// from the seed's characters, no strings built), the scenario's parameters read once into
// constants, and the batch's statistics (chunked Welford sums and histograms, as stats.ts
// keeps them) in typed arrays.
//
// This is NOT the rules. It is a hand copy of the rules as they stood at commit a7ec99f,
// kept only to measure speed against, and it is allowed to drift from src/model: no test
// ties its games to the batch path's, and nobody mirrors a rule change here. `npm run bench`
// reports how many of its games still agree with the batch path, for information only; when
// the rules have moved far enough that the comparison says little, write a new version from
// the then-current rules and bump LIMIT_LOOP_VERSION. Version 2 (tight-loop.ts) plays these
// same games faster; this one is kept for continuity of the bench's figures.
import type { Params } from '../src/model/params.js';
import { CHUNK_SIZE, HIST_BINS, METRICS } from '../src/engine/batch/stats.js';
import type { LimitStats } from './limit-stats.js';
import { emptyStats, F, LIMIT_FIELDS, mergeStats, NM, resetStats, TERMS } from './limit-stats.js';

export { LIMIT_FIELDS, type LimitStats } from './limit-stats.js';

/** Which frozen copy of the rules this is; printed by the bench beside its figures. */
export const LIMIT_LOOP_VERSION = 'limit loop v1 (rules of a7ec99f)';

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

// Move numbers, as each side's moves are ordered in the game table.
const C_ASK_OVERT = 0;
const C_ASK_COURIER = 1;
const C_OFFER_TAIWAN = 3;
const C_OFFER_CHIPS = 4;
const C_SQUEEZE = 5;
const C_BACK = 7;
const C_BLOCK = 8;
const C_WAIT = 9;
const K_NUCLEAR = 3;
const K_HOLD = 4;
const K_SUSPEND = 5;
const U_EXPOSE = 4;
const U_SANCTION = 5;
const U_POSTURE = 6;
const U_DIPLOMACY = 7;
const NONE = -1;
// Enums: request channel 0 none / 1 overt / 2 covert; price 0 none / 1 taiwan / 2 chips; Kim's answer 0 / 1 obeyed / 2 defied.

const TWO_POW_M32 = 2.3283064365386963e-10;

/**
 * Play games [first, first + count) of the baseline scenario under `masterSeed`, folding
 * them into statistics chunk by chunk as the batch engine does. `perGame`, when given, gets
 * each game's summary (LIMIT_FIELDS order) and its payoff parts (tests).
 */
export function limitBatch(params: Params, scenarioName: string, masterSeed: string, first: number, count: number, perGame?: (g: Float64Array, parts: Float64Array) => void): LimitStats {
  const P = params;
  const S = P.start;
  // ---- parameters, read once ----
  const rounds = P.rounds;
  const offerMinTension = P.pressure.offerMinTension;
  const priceOfTaiwan = P.pressure.priceOfTaiwan;
  const priceOfChips = P.pressure.priceOfChips;
  const priceOfAid = P.pressure.priceOfAid;
  const reqBase = P.pressure.requestBaseLikelihood;
  const reqSlope = P.pressure.requestTensionSlope;
  const exposureDeters = P.pressure.exposureDeters;
  const chinaTradeShare = P.pressure.chinaTradeShare;
  const blockedShare = P.pressure.blockedSanctionsShare;
  const sanctionStigma = P.pressure.sanctionStigma;
  const detectOvert = P.covert.detectOvert;
  const detectCovert = P.covert.detectCovert;
  const evidencePerDetection = P.covert.evidencePerDetection;
  const warmEmboldens = P.covert.warmSignalEmboldens;
  const K = P.kim;
  const rungTension = K.rungTension;
  const rungPrestige = K.rungPrestige;
  const obeyStandingCost = K.obeyStandingCost;
  const defyLifelineCut = K.defyLifelineCut;
  const lifelineDependence = K.lifelineDependence;
  const suspensionAid = K.suspensionAid;
  const unpaidPauseCost = K.unpaidPauseStandingCost;
  const tensionDecay = K.tensionDecay;
  const economyDrag = K.economyStandingDrag;
  const regimeThreshold = K.regimeCrisisThreshold;
  const testCost = K.testCost;
  const brinkDamps = K.brinkDampsPrestige;
  const repeatPrestige = K.repeatPrestige;
  const standingFade = K.standingFade;
  const entrenched = K.entrenchedStanding;
  const lifelineSustains = K.lifelineSustains;
  const dangerMargin = K.regimeDangerMargin;
  const obeyMinRung = K.obeyMinRung;
  const redLineRung = K.redLineRung;
  const U = P.us;
  const exposeStrength = U.exposeStrength;
  const exposeUnproven = U.exposeUnprovenShare;
  const exposeBonus = U.exposeEvidenceBonus;
  const europeResp = U.europeResponsiveness;
  const exposeRivalry = U.exposeRaisesRivalry;
  const sanctionStep = U.sanctionStep;
  const europeShare = U.sanctionEuropeShare;
  const economyBite = U.sanctionEconomyBite;
  const postureStep = U.postureStep;
  const postureTension = U.postureTension;
  const diplomacyStep = U.diplomacyStep;
  const settleAt = U.settlementThreshold;
  const talksStallRung = U.talksStallRung;
  const detenteRung = U.detenteBreakingRung;
  const learningRate = P.repetition.learningRate;
  const priorWeight = P.repetition.beliefPriorWeight;
  const C = P.crisis;
  const warAtFull = C.warRiskAtFullTension;
  const detDampsWar = C.deterrenceDampsWar;
  const detDampsPrestige = C.deterrenceDampsPrestige;
  const rivalryDrift = C.rivalryDrift;
  const exposureEnds = C.exposureEndsGame;
  const europeEnds = C.europeEndsGame;
  const extractionAt = C.concessionsForExtraction;
  const W = P.payoffs;
  const wUs = W.us;
  const wCh = W.china;
  const wKim = W.kim;
  // Kim regimeFirst's weights: the scenario's, times 1 (deference 0 adds nothing to any utility).
  const kStanding = wKim.standing * 1;
  const kEconomy = wKim.economy * 1;
  const kWar = wKim.war * 1;
  const kSettlement = wKim.settlement;
  const kRegime = wKim.regimeCrisis;
  // kim-utility.ts regimeDanger(level) = max(0, (T - level) / margin): 0 from T up, so a
  // difference of two dangers both at or above T is 0 and is skipped (u - 0 is u, bit for bit).
  const dangerFrom = regimeThreshold + dangerMargin;
  // China's stigma of being caught (china-calculus chinaPressureReturn), without the exposure factor.
  const stigmaBase = evidencePerDetection * (exposeBonus + exposeStrength) * wCh.exposure;

  // ---- alea: the seed `${masterSeed}|${scenarioName}|${index}|${stream}`, hashed from char codes ----
  const prefixText = `${masterSeed}|${scenarioName}|`;
  const prefix = new Int32Array(prefixText.length);
  for (let i = 0; i < prefixText.length; i++) prefix[i] = prefixText.charCodeAt(i);
  const tailChance = new Int32Array([124, ...Array.from('chance', (c) => c.charCodeAt(0))]);
  const tailChina = new Int32Array([124, ...Array.from('china', (c) => c.charCodeAt(0))]);
  const digits = new Int32Array(20);
  // Mash of three spaces, once.
  let n0 = 0xefc8249d;
  const spaces = new Float64Array(3);
  for (let k = 0; k < 3; k++) {
    n0 += 32;
    let h = 0.02519603282416938 * n0;
    n0 = h >>> 0;
    h -= n0;
    h *= n0;
    n0 = h >>> 0;
    h -= n0;
    n0 += h * 0x100000000;
    spaces[k] = (n0 >>> 0) * TWO_POW_M32;
  }
  const afterSpaces = n0;
  let prefixState = afterSpaces;
  for (let i = 0; i < prefix.length; i++) {
    prefixState += prefix[i] as number;
    let h = 0.02519603282416938 * prefixState;
    prefixState = h >>> 0;
    h -= prefixState;
    h *= prefixState;
    prefixState = h >>> 0;
    h -= prefixState;
    prefixState += h * 0x100000000;
  }
  const seedOut = new Float64Array(6);
  /** Seed chance's stream and China's of game `index` side by side (two independent hash chains) into seedOut. */
  const seedBoth = (nd: number) => {
    let a = afterSpaces;
    let b = afterSpaces;
    for (let pass = 0; pass < 3; pass++) {
      if (pass > 0) {
        for (let i = 0; i < prefix.length; i++) {
          const code = prefix[i] as number;
          a += code;
          b += code;
          let ha = 0.02519603282416938 * a;
          let hb = 0.02519603282416938 * b;
          a = ha >>> 0;
          b = hb >>> 0;
          ha -= a;
          hb -= b;
          ha *= a;
          hb *= b;
          a = ha >>> 0;
          b = hb >>> 0;
          ha -= a;
          hb -= b;
          a += ha * 0x100000000;
          b += hb * 0x100000000;
        }
      } else {
        a = prefixState;
        b = prefixState;
      }
      for (let i = nd - 1; i >= -1; i--) {
        const code = i >= 0 ? (digits[i] as number) : 124;
        a += code;
        b += code;
        let ha = 0.02519603282416938 * a;
        let hb = 0.02519603282416938 * b;
        a = ha >>> 0;
        b = hb >>> 0;
        ha -= a;
        hb -= b;
        ha *= a;
        hb *= b;
        a = ha >>> 0;
        b = hb >>> 0;
        ha -= a;
        hb -= b;
        a += ha * 0x100000000;
        b += hb * 0x100000000;
      }
      for (let i = 1; i < tailChance.length; i++) {
        a += tailChance[i] as number;
        let h = 0.02519603282416938 * a;
        a = h >>> 0;
        h -= a;
        h *= a;
        a = h >>> 0;
        h -= a;
        a += h * 0x100000000;
      }
      for (let i = 1; i < tailChina.length; i++) {
        b += tailChina[i] as number;
        let h = 0.02519603282416938 * b;
        b = h >>> 0;
        h -= b;
        h *= b;
        b = h >>> 0;
        h -= b;
        b += h * 0x100000000;
      }
      let sa = (spaces[pass] as number) - (a >>> 0) * TWO_POW_M32;
      if (sa < 0) sa += 1;
      let sb = (spaces[pass] as number) - (b >>> 0) * TWO_POW_M32;
      if (sb < 0) sb += 1;
      seedOut[pass] = sa;
      seedOut[3 + pass] = sb;
    }
  };
  // ---- statistics ----
  const total = emptyStats();
  const chunk = emptyStats();
  const lo = new Float64Array(METRICS.map((m) => m.lo));
  const hi = new Float64Array(METRICS.map((m) => m.hi));
  const vals = new Float64Array(NM);
  const g = new Float64Array(LIMIT_FIELDS.length);
  const parts = new Float64Array(TERMS);
  let allRounds = 0;

  const end = first + count;
  for (let index = first; index < end; index++) {
    // Chunks fold in order, as the batch engine's Folder does.
    if (index > first && index % CHUNK_SIZE === 0) {
      mergeStats(total, chunk);
      resetStats(chunk);
    }
    let nd = 0;
    let ix = index;
    do {
      digits[nd++] = 48 + (ix % 10);
      ix = Math.floor(ix / 10);
    } while (ix > 0);
    // Streams: chance and China draw (regimeFirst and columns never do), seeded together.
    seedBoth(nd);
    let chS0 = seedOut[0] as number, chS1 = seedOut[1] as number, chS2 = seedOut[2] as number, chC = 1;
    let cnS0 = seedOut[3] as number, cnS1 = seedOut[4] as number, cnS2 = seedOut[5] as number, cnC = 1;

    // ---- context.ts initialContext ----
    let round = 1;
    let tension = S.tension;
    let peakTension = S.tension;
    let tensionSum = 0;
    let escalation = S.escalationLevel;
    const influence = S.chinaInfluence;
    let usEstimate = S.usEstimateOfInfluence;
    let evidence = S.evidence;
    let exposure = S.exposure;
    let europe = S.europeAlignment;
    // The columns' US never concedes nor pays: these stay 0 (kept so the payoffs read as outcomes.ts's).
    const concededTaiwan = 0;
    const concededChips = 0;
    const aidToKim = 0;
    const usCredibility = S.usCredibility;
    let chinaSawPay = S.chinaBeliefUsPays * priorWeight;
    let chinaSawRefuse = (1 - S.chinaBeliefUsPays) * priorWeight;
    const kimSawPay = S.kimBeliefUsPays * priorWeight;
    let kimSawRefuse = (1 - S.kimBeliefUsPays) * priorWeight;
    let economy = S.nkEconomy;
    let lifeline = S.lifeline;
    let standing = S.kimStanding;
    let sanctions = S.sanctions;
    let deterrence = S.deterrence;
    let rivalry = S.usChinaTension;
    let diplomacy = S.diplomacy;
    let stance = 0;
    let channel = 0;
    let detected = false;
    let price = 0;
    const restraintOrdered = false; // only restrainKim or bought restraint set it: this profile does neither
    let warm = false;
    let testedRung = 0;
    let pause = false;
    let answer = 0;
    let warBroke = false;
    let lastChina = NONE;
    let lastKim = NONE;
    let lastUs = NONE;
    let lastDetected = false;
    let lastAnswer = 0;
    let requestsMade = 0;
    let requestsDetected = 0;
    let offersMade = 0;
    let kimObeyed = 0;
    let kimDefied = 0;
    let roundsPlayed = 0;
    let atRoundStart = S.tension;
    let roundsAtTop = 0;
    let roundsFell = 0;
    let kimHolds = 0;
    let kimTests = 0;
    let nuclearTests = 0;
    let rungsTested = 0;
    let requestsDefied = 0;
    let rollsAtTop = 0;
    let warsAtTop = 0;
    let outcome = -1;

    while (outcome < 0) {
      // ================= China: opportunist (strategies/china.ts) =================
      const canOffer = tension >= offerMinTension; // thereIsPressureToSell
      let cm = NONE;
      if (lastAnswer === 2 && lifeline > 0) cm = C_SQUEEZE; // punishDefiance
      else {
        const asked = lastChina === C_ASK_OVERT || lastChina === C_ASK_COURIER; // sanctionsStand
        if (lastKim === K_NUCLEAR && !asked && stance <= 0) cm = C_BACK;
        else if (lastUs === U_SANCTION && rivalry >= 0.65 && stance >= 0) cm = C_BLOCK;
        else {
          const belief = chinaSawPay / (chinaSawPay + chinaSawRefuse);
          // bestPrice / priceWorth: a tie goes to chips.
          const worthT = priceOfTaiwan / (1 + concededTaiwan);
          const worthC = priceOfChips / (1 + concededChips);
          const taiwan = worthT > worthC;
          const offer = influence < 0.2 || !canOffer ? NONE : taiwan ? C_OFFER_TAIWAN : C_OFFER_CHIPS; // sell
          let draw = 0;
          if (offer !== NONE) {
            const t = 2091639 * cnS0 + cnC * TWO_POW_M32;
            cnS0 = cnS1;
            cnS1 = cnS2;
            cnC = t | 0;
            cnS2 = t - cnC;
            draw = cnS2;
          }
          if (offer !== NONE && draw < belief) cm = offer;
          else {
            // chinaPressureReturn, covert and overt
            const gain = belief * (taiwan ? worthT : worthC) * influence * wCh.concessionGain;
            const stigma = stigmaBase * (1 + exposure + europe);
            const covert = gain - detectCovert * stigma;
            const overt = gain - detectOvert * stigma;
            const t = 2091639 * cnS0 + cnC * TWO_POW_M32;
            cnS0 = cnS1;
            cnS1 = cnS2;
            cnC = t | 0;
            cnS2 = t - cnC;
            const likelihood = clamp01((reqBase + reqSlope * rivalry) * (1 - exposureDeters * exposure)); // xiRequestLikelihood
            if (cnS2 < likelihood && Math.max(covert, overt) > 0) cm = overt >= covert ? C_ASK_OVERT : C_ASK_COURIER;
            else cm = C_WAIT;
          }
        }
      }
      // china-moves.ts
      if (cm === C_ASK_OVERT || cm === C_ASK_COURIER) {
        channel = cm === C_ASK_OVERT ? 1 : 2;
        requestsMade += 1;
      } else if (cm === C_OFFER_TAIWAN || cm === C_OFFER_CHIPS) {
        price = cm === C_OFFER_TAIWAN ? 1 : 2;
        offersMade += 1;
      } else if (cm === C_SQUEEZE) {
        const before = lifeline;
        lifeline = clamp01(lifeline - defyLifelineCut * influence);
        economy = clamp01(economy - (before - lifeline) * lifelineDependence);
      } else if (cm === C_BACK) {
        stance = 1;
        exposure = clamp01(exposure - sanctionStigma);
      } else if (cm === C_BLOCK) {
        stance = -1;
        exposure = clamp01(exposure + sanctionStigma);
      }
      const chinaMove = cm;

      // ================= Kim: regimeFirst (strategies/kim.ts, model/kim-utility.ts) =================
      const wants = channel !== 0;
      const lifelineRisk = influence * defyLifelineCut * lifelineDependence;
      const biteFactor = stance > 0 ? 1 + chinaTradeShare : stance < 0 ? 1 - blockedShare : 1;
      const reach = 1 - europeShare + europeShare * europe;
      const roundsLeft = rounds - round + 1;
      const riskNow = warAtFull * tension * tension * (1 - deterrence * detDampsWar);
      let km = 0; // bestFor: the first legal move unless one beats -Infinity
      let best = -Infinity;
      for (let rung = 1; rung <= 4; rung++) {
        if (rung > escalation + 1) break; // rungWithinReach
        const i = rung - 1;
        const warmAdd = warm ? warmEmboldens : 0;
        const novelty = rung > escalation ? 1 : repeatPrestige;
        const brink = 1 - Math.min(1, tension) * brinkDamps;
        const prestige = Math.min((rungPrestige[i] as number) * novelty * (1 - deterrence * detDampsPrestige) * brink + warmAdd, 1 - standing);
        let u = 0;
        let dEconomy = 0;
        let dStanding = 0;
        u += kStanding * prestige;
        u -= kEconomy * testCost * rung;
        dStanding += prestige;
        dEconomy -= testCost * rung;
        const added = rungTension[i] as number;
        const after = tension + added;
        const lingers = tensionDecay > 0 ? Math.min(roundsLeft, Math.max(1, added / tensionDecay)) : roundsLeft;
        u -= kWar * lingers * (warAtFull * after * after * (1 - deterrence * detDampsWar) - riskNow);
        const bite = economyBite * biteFactor;
        const sanctionsCost = (rung / 4) * sanctionStep * reach * bite * economy * 4;
        u -= kEconomy * sanctionsCost;
        dEconomy -= sanctionsCost;
        if (rung >= detenteRung) u -= kSettlement * (diplomacy / settleAt);
        else if (diplomacy > 0 && rung >= talksStallRung) {
          const nearness = diplomacy / settleAt;
          u -= kSettlement * nearness * ((diplomacyStep * (1 - tension)) / settleAt);
        }
        if (wants) {
          if (rung >= obeyMinRung) {
            const seen = channel === 1 ? 1 : 0.5;
            u -= kStanding * obeyStandingCost * seen;
            dStanding -= obeyStandingCost * seen;
          } else {
            u -= kEconomy * lifelineRisk;
            dEconomy -= lifelineRisk;
          }
        } else if (restraintOrdered || rung >= redLineRung) {
          u -= kEconomy * lifelineRisk;
          dEconomy -= lifelineRisk;
        }
        if (dangerMargin > 0) {
          const e1 = economy + dEconomy;
          if (e1 < dangerFrom || economy < dangerFrom) u -= kRegime * (Math.max(0, (dangerFrom - e1) / dangerMargin) - Math.max(0, (dangerFrom - economy) / dangerMargin));
          const s1 = standing + dStanding;
          if (s1 < dangerFrom || standing < dangerFrom) u -= kRegime * (Math.max(0, (dangerFrom - s1) / dangerMargin) - Math.max(0, (dangerFrom - standing) / dangerMargin));
        }
        if (u > best) {
          best = u;
          km = i;
        }
      }
      {
        // holdTests, then (kimHasTestsToSuspend) suspendTestsForPayment
        const refusing = wants ? 0 - kEconomy * lifelineRisk : 0;
        const refusingEconomy = wants ? 0 - lifelineRisk : 0;
        let hold = refusing;
        if (dangerMargin > 0) {
          const e1 = economy + refusingEconomy;
          if (e1 < dangerFrom || economy < dangerFrom) hold -= kRegime * (Math.max(0, (dangerFrom - e1) / dangerMargin) - Math.max(0, (dangerFrom - economy) / dangerMargin));
          const s1 = standing + 0;
          if (s1 < dangerFrom || standing < dangerFrom) hold -= kRegime * (Math.max(0, (dangerFrom - s1) / dangerMargin) - Math.max(0, (dangerFrom - standing) / dangerMargin));
        }
        if (hold > best) {
          best = hold;
          km = K_HOLD;
        }
        if (escalation >= 1) {
          const belief = kimSawPay / (kimSawPay + kimSawRefuse);
          let u = refusing;
          let dEconomy = refusingEconomy;
          let dStanding = 0;
          u += kEconomy * belief * suspensionAid;
          u -= kStanding * (1 - belief) * unpaidPauseCost;
          dEconomy += belief * suspensionAid;
          dStanding -= (1 - belief) * unpaidPauseCost;
          if (dangerMargin > 0) {
          const e1 = economy + dEconomy;
          if (e1 < dangerFrom || economy < dangerFrom) u -= kRegime * (Math.max(0, (dangerFrom - e1) / dangerMargin) - Math.max(0, (dangerFrom - economy) / dangerMargin));
          const s1 = standing + dStanding;
          if (s1 < dangerFrom || standing < dangerFrom) u -= kRegime * (Math.max(0, (dangerFrom - s1) / dangerMargin) - Math.max(0, (dangerFrom - standing) / dangerMargin));
        }
          if (u > best) {
            best = u;
            km = K_SUSPEND;
          }
        }
      }
      if (km < K_HOLD) {
        // kim-moves.ts testMissile
        const rung = km + 1;
        testedRung = rung;
        const novelty = rung > escalation ? 1 : repeatPrestige;
        const brink = 1 - Math.min(1, tension) * brinkDamps;
        const prestige = (rungPrestige[km] as number) * novelty * (1 - deterrence * detDampsPrestige) * brink;
        tension = clamp01(tension + (rungTension[km] as number));
        if (tension > peakTension) peakTension = tension;
        standing = clamp01(standing + prestige);
        economy = clamp01(economy - testCost * rung);
        if (rung > escalation) escalation = rung;
        if (rung >= detenteRung) diplomacy = 0;
      } else if (km === K_SUSPEND) pause = true;
      // kim-moves.ts settleKimAccountWithXi
      {
        const tested = testedRung > 0;
        const defyCut = defyLifelineCut * influence;
        if (tested) kimTests += 1;
        else kimHolds += 1;
        if (testedRung === 4) nuclearTests += 1;
        rungsTested += testedRung;
        if (channel !== 0) {
          if (testedRung >= obeyMinRung) {
            const seen = channel === 1 ? 1 : 0.5;
            standing = clamp01(standing - obeyStandingCost * seen);
            answer = 1;
            kimObeyed += 1;
          } else {
            const before = lifeline;
            lifeline = clamp01(lifeline - defyCut);
            economy = clamp01(economy - (before - lifeline) * lifelineDependence);
            answer = 2;
            kimDefied += 1;
            requestsDefied += 1;
          }
        } else if (restraintOrdered || testedRung >= redLineRung) {
          if (tested) {
            const before = lifeline;
            lifeline = clamp01(lifeline - defyCut);
            economy = clamp01(economy - (before - lifeline) * lifelineDependence);
            answer = 2;
            kimDefied += 1;
          } else {
            answer = 1;
            kimObeyed += 1;
          }
        }
      }
      const kimMove = km;

      // ================= US: columns (strategies/us.ts) =================
      // views.ts: a request (or a quiet Beijing) shows to the US only if intelligence caught it.
      const seenAsk = (lastChina === C_ASK_OVERT || lastChina === C_ASK_COURIER) && lastDetected;
      const chinaInPlay = price !== 0 || warm || evidence >= 0.2 || seenAsk;
      let um: number;
      if (chinaInPlay && exposure < 0.8) um = U_EXPOSE;
      else if (tension >= 0.5 && deterrence < 0.6) um = U_POSTURE;
      else if (testedRung >= talksStallRung || tension >= 0.35) um = U_SANCTION;
      else um = U_DIPLOMACY;
      // us-moves.ts
      if (um === U_EXPOSE) {
        const before = exposure;
        exposure = clamp01(exposure + (exposeStrength * exposeUnproven + exposeBonus * evidence));
        europe = clamp01(europe + europeResp * (exposure - before));
        rivalry = clamp01(rivalry + exposeRivalry);
      } else if (um === U_SANCTION) {
        sanctions = clamp01(sanctions + sanctionStep * (1 - europeShare + europeShare * europe));
      } else if (um === U_POSTURE) {
        deterrence = clamp01(deterrence + postureStep);
        tension = clamp01(tension + postureTension);
        if (tension > peakTension) peakTension = tension;
      } else if (testedRung < talksStallRung) {
        diplomacy = clamp01(diplomacy + diplomacyStep * (1 - tension));
      }
      const usMove = um;

      // ================= chance (model/chance.ts) =================
      let t = 2091639 * chS0 + chC * TWO_POW_M32;
      chS0 = chS1;
      chS1 = chS2;
      chC = t | 0;
      chS2 = t - chC;
      const eDetection = chS2;
      t = 2091639 * chS0 + chC * TWO_POW_M32;
      chS0 = chS1;
      chS1 = chS2;
      chC = t | 0;
      chS2 = t - chC;
      const eWar = chS2;
      t = 2091639 * chS0 + chC * TWO_POW_M32;
      chS0 = chS1;
      chS1 = chS2;
      chC = t | 0;
      chS2 = t - chC;
      const eDrift = chS2;
      // discoverChinasRequest
      if (channel !== 0 && eDetection < (channel === 1 ? detectOvert : detectCovert)) {
        detected = true;
        requestsDetected += 1;
        evidence = clamp01(evidence + evidencePerDetection);
        usEstimate = clamp01(usEstimate + (influence - usEstimate) * 0.5);
      }
      // chinaLearnsWhetherUsPays: the US never pays nor asks here
      if (channel !== 0 || price !== 0) chinaSawRefuse += 1 * learningRate;
      // kimLearnsWhetherUsPays
      if (pause || testedRung > 0) kimSawRefuse += learningRate;
      if (pause) standing = clamp01(standing - unpaidPauseCost);
      // sanctionsBite
      {
        const bite = economyBite * (stance > 0 ? 1 + chinaTradeShare : stance < 0 ? 1 - blockedShare : 1);
        economy = clamp01(economy - sanctions * bite * economy);
        economy = clamp01(economy + lifelineSustains * lifeline * lifelineDependence * (1 - economy));
        const shortfall = 0.5 - economy;
        if (shortfall > 0) standing = clamp01(standing - shortfall * economyDrag);
        const gap = standing - entrenched;
        standing = clamp01(standing - Math.max(-standingFade, Math.min(standingFade, gap)));
      }
      // rollForWar
      warBroke = eWar < clamp01(warAtFull * tension * tension * (1 - deterrence * detDampsWar));
      if (tension >= 0.9) {
        rollsAtTop += 1;
        if (warBroke) warsAtTop += 1;
      }
      // tensionSettles
      tension = clamp01(tension - tensionDecay);
      tensionSum += tension;
      roundsPlayed += 1;
      if (tension >= 0.9) roundsAtTop += 1;
      if (tension < atRoundStart) roundsFell += 1;
      // driftUsChinaTension
      rivalry = clamp01(rivalry + (eDrift * 2 - 1) * rivalryDrift);

      // ================= round's end (model/round-end.ts), outcomes in OUTCOME_NAMES order =================
      if (warBroke) outcome = 0;
      else if (standing < regimeThreshold || economy < regimeThreshold) outcome = 1;
      else if (diplomacy >= settleAt) outcome = 2;
      else if (exposure >= exposureEnds && europe >= europeEnds) outcome = 3;
      else if (round >= rounds && concededTaiwan + concededChips + aidToKim >= extractionAt) outcome = 4;
      else if (round >= rounds) outcome = 5;
      else {
        // beginNextRound
        round += 1;
        atRoundStart = tension;
        lastChina = chinaMove;
        lastKim = kimMove;
        lastUs = usMove;
        lastDetected = detected;
        lastAnswer = answer;
        channel = 0;
        detected = false;
        price = 0;
        warm = false;
        testedRung = 0;
        pause = false;
        answer = 0;
      }
    }
    allRounds += roundsPlayed;
    void usEstimate; // kept as the rules keep it; nothing this profile reads

    // ================= payoffs (model/outcomes.ts payoffTermsInto, sumTerms) =================
    const avg = roundsPlayed > 0 ? tensionSum / roundsPlayed : tension;
    const war = outcome === 0 ? 1 : 0;
    const crisis = outcome === 1 ? 1 : 0;
    const settled = outcome === 2 ? 1 : 0;
    const chinaTake = concededTaiwan * priceOfTaiwan + concededChips * priceOfChips;
    const paidOut = chinaTake + aidToKim * priceOfAid;
    parts[0] = -wUs.concessionCost * paidOut;
    parts[1] = wUs.credibility * usCredibility;
    parts[2] = -(wUs.averageTension * avg);
    parts[3] = -(wUs.war * war);
    parts[4] = wUs.settlement * settled;
    parts[5] = wUs.europe * europe;
    parts[6] = -(wUs.regimeCrisis * crisis);
    parts[7] = wCh.concessionGain * chinaTake;
    parts[8] = -(wCh.exposure * exposure);
    parts[9] = -(wCh.war * war);
    parts[10] = -(wCh.europe * europe);
    parts[11] = -(wCh.regimeCrisis * crisis);
    parts[12] = -(wCh.rivalry * rivalry);
    parts[13] = wKim.standing * standing;
    parts[14] = wKim.economy * economy;
    parts[15] = wKim.aid * aidToKim * priceOfAid;
    parts[16] = -(wKim.war * war);
    parts[17] = -(wKim.regimeCrisis * crisis);
    parts[18] = wKim.settlement * settled;
    const payUs = (parts[0] as number) + (parts[1] as number) + (parts[2] as number) + (parts[3] as number) + (parts[4] as number) + (parts[5] as number) + (parts[6] as number);
    const payChina = (parts[7] as number) + (parts[8] as number) + (parts[9] as number) + (parts[10] as number) + (parts[11] as number) + (parts[12] as number);
    const payKim = (parts[13] as number) + (parts[14] as number) + (parts[15] as number) + (parts[16] as number) + (parts[17] as number) + (parts[18] as number);

    // ================= the game into the chunk's statistics (stats.ts addGame) =================
    vals[0] = payUs;
    vals[1] = payChina;
    vals[2] = payKim;
    vals[3] = concededTaiwan + concededChips + aidToKim;
    vals[4] = concededTaiwan;
    vals[5] = concededChips;
    vals[6] = aidToKim;
    vals[7] = peakTension;
    vals[8] = exposure;
    vals[9] = europe;
    vals[10] = standing;
    vals[11] = requestsMade + offersMade;
    vals[12] = roundsPlayed;
    vals[13] = kimObeyed;
    vals[14] = kimDefied;
    vals[15] = requestsMade;
    vals[16] = requestsDetected;
    vals[17] = kimTests;
    vals[18] = nuclearTests;
    vals[19] = rungsTested;
    vals[20] = kimHolds;
    vals[21] = requestsDefied;
    vals[22] = roundsAtTop;
    vals[23] = roundsFell;
    vals[24] = roundsFell > 0 ? 1 : 0;
    vals[25] = rollsAtTop;
    vals[26] = warsAtTop;
    vals[27] = outcome === 3 && roundsPlayed < 6 ? 1 : 0;
    chunk.n += 1;
    chunk.outcomes[outcome] = (chunk.outcomes[outcome] as number) + 1;
    for (let i = 0; i < TERMS; i++) chunk.payoffParts[i] = (chunk.payoffParts[i] as number) + (parts[i] as number);
    for (let i = 0; i < NM; i++) {
      const x = vals[i] as number;
      const cnt = (chunk.count[i] as number) + 1;
      chunk.count[i] = cnt;
      const mean = chunk.mean[i] as number;
      const d = x - mean;
      const m = mean + d / cnt;
      chunk.mean[i] = m;
      chunk.m2[i] = (chunk.m2[i] as number) + d * (x - m);
      if (x < (chunk.min[i] as number)) chunk.min[i] = x;
      if (x > (chunk.max[i] as number)) chunk.max[i] = x;
      const l = lo[i] as number;
      const bin = Math.floor(((x - l) / ((hi[i] as number) - l)) * HIST_BINS);
      const b = bin < 0 ? 0 : bin >= HIST_BINS ? HIST_BINS - 1 : bin;
      chunk.hist[i * HIST_BINS + b] = (chunk.hist[i * HIST_BINS + b] as number) + 1;
    }
    if (perGame) {
      g[F.outcome] = outcome;
      g[F.payoffUs] = payUs;
      g[F.payoffChina] = payChina;
      g[F.payoffKim] = payKim;
      g[F.concededTaiwan] = concededTaiwan;
      g[F.concededChips] = concededChips;
      g[F.aidToKim] = aidToKim;
      g[F.peakTension] = peakTension;
      g[F.exposure] = exposure;
      g[F.europeAlignment] = europe;
      g[F.kimStanding] = standing;
      g[F.rounds] = roundsPlayed;
      g[F.chinaPressure] = requestsMade + offersMade;
      g[F.kimObeyed] = kimObeyed;
      g[F.kimDefied] = kimDefied;
      g[F.requestsMade] = requestsMade;
      g[F.requestsDetected] = requestsDetected;
      g[F.roundsAtTop] = roundsAtTop;
      g[F.roundsTensionFell] = roundsFell;
      g[F.anyTensionFall] = roundsFell > 0 ? 1 : 0;
      g[F.kimHolds] = kimHolds;
      g[F.kimTests] = kimTests;
      g[F.nuclearTests] = nuclearTests;
      g[F.rungsTested] = rungsTested;
      g[F.requestsDefied] = requestsDefied;
      g[F.rollsAtTop] = rollsAtTop;
      g[F.warsAtTop] = warsAtTop;
      g[F.exposedEarly] = vals[27] as number;
      perGame(g, parts);
    }
  }
  if (count > 0) mergeStats(total, chunk);
  total.rounds = allRounds;
  return total;
}
