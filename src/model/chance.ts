import type { GameContext } from './context.js';
import type { ChanceEvent } from './events.js';
import { chinaObserves, kimObserves, kimReadsResolve } from './beliefs.js';
import { sanctionsBiteFactor, usPresses } from './crisis.js';
import { warDrawn } from './formulas.generated.js';
import { clamp01 } from './math.js';

// The round's end: chance resolves what nobody chose, then everyone learns.

/** C4: a request to Kim may be caught by US intelligence; couriers make that much less likely. */
export function discoverChinasRequest(ctx: GameContext, event: ChanceEvent): void {
  if (ctx.requestChannel === 'none') return;
  const c = ctx.params.covert;
  const p = ctx.requestChannel === 'overt' ? c.detectOvert : c.detectCovert;
  if (event.detection < p) {
    ctx.requestDetected = true;
    ctx.requestsDetected += 1;
    ctx.evidence = clamp01(ctx.evidence + c.evidencePerDetection);
    // C1: catching Beijing at it shows the US how much sway it really has.
    ctx.usEstimateOfInfluence = clamp01(
      ctx.usEstimateOfInfluence + (ctx.chinaInfluence - ctx.usEstimateOfInfluence) * 0.5,
    );
  }
}

/**
 * C8, C9: when China applied or sold pressure, it learns whether the US paid.
 * An ask for help reads as part of a payment: the buyer has come to the table.
 */
export function chinaLearnsWhetherUsPays(ctx: GameContext): void {
  const pressed = ctx.requestChannel !== 'none' || ctx.offerPrice !== 'none';
  if (pressed || ctx.usPaidChina) chinaObserves(ctx, ctx.usPaidChina, 1);
  if (ctx.usAskedHelp) chinaObserves(ctx, true, ctx.params.us.askReadsAsPayment);
}

/** C6: Kim learns whether pauses and tests earn money. */
export function kimLearnsWhetherUsPays(ctx: GameContext): void {
  if (ctx.kimOfferedPause || ctx.testedRung > 0) kimObserves(ctx, ctx.usPaidKim);
  // C8 (issue 19): a US that pays Beijing is a US that pays; pressure shown when Kim gave no
  // cause (no test, no pause on offer) is resolve. Weighed by dynamics.kimReadsResolve.
  if (ctx.usPaidChina) kimReadsResolve(ctx, true);
  else if (!ctx.kimOfferedPause && ctx.testedRung === 0 && usPresses(ctx.usMoveThisRound)) kimReadsResolve(ctx, false);
  // C6: a pause offered and not paid for looks weak at home.
  if (ctx.kimOfferedPause && !ctx.usPaidKim) {
    ctx.kimStanding = clamp01(ctx.kimStanding - ctx.params.kim.unpaidPauseStandingCost);
    ctx.kimStandingPublic = clamp01(ctx.kimStandingPublic - ctx.params.kim.unpaidPauseStandingCost);
  }
}

/**
 * C11, C7: sanctions eat a share of the economy, as hard as Beijing's stand lets them (it carries most
 * of the trade), and a failing economy erodes Kim's standing. C7: China's open lifeline keeps a
 * weak economy going (`kim.lifelineSustains`). C12: the prestige tests bought fades, and so do
 * humiliations: standing drifts back toward the regime's entrenched hold (`kim.standingFade` a
 * round toward `kim.entrenchedStanding`), so a campaign must be renewed or paused.
 */
export function sanctionsBite(ctx: GameContext): void {
  const k = ctx.params.kim;
  const bite = ctx.params.us.sanctionEconomyBite * sanctionsBiteFactor(ctx.chinaSanctionStance, ctx.params);
  // Sanctions take a share of what economy is left (smuggling and ship-to-ship transfers
  // keep a shrinking core going): sustained sanctions alone squeeze, they do not zero it.
  ctx.nkEconomy = clamp01(ctx.nkEconomy - ctx.sanctions * bite * ctx.nkEconomy);
  // C7, C11: China's trade is the lifeline: while it stays open it restores a share of the room
  // left, in proportion to how much of the economy rides on it (the regime outlasted the 1990s
  // famine and 2017's sanctions on it). A squeezed lifeline sustains less: crises are graded.
  ctx.nkEconomy = clamp01(ctx.nkEconomy + k.lifelineSustains * ctx.lifeline * k.lifelineDependence * (1 - ctx.nkEconomy));
  const shortfall = 0.5 - ctx.nkEconomy;
  // C7, C12: triumphs and humiliations alike fade toward the regime's entrenched hold at home
  // (party, security apparatus, propaganda): a quiet year does not topple Kim; only a sustained
  // squeeze (the economy's drag above) pushes standing below it. The public figure moves by the
  // same rule from its own value, so it stays a function of what Washington observed (C4).
  ctx.kimStanding = dragAndFade(ctx.kimStanding, shortfall, k);
  ctx.kimStandingPublic = dragAndFade(ctx.kimStandingPublic, shortfall, k);
}

function dragAndFade(standing: number, shortfall: number, k: GameContext['params']['kim']): number {
  let s = shortfall > 0 ? clamp01(standing - shortfall * k.economyStandingDrag) : standing;
  const gap = s - k.entrenchedStanding;
  s = clamp01(s - Math.max(-k.standingFade, Math.min(k.standingFade, gap)));
  return s;
}

/**
 * C11, C12: the allies answer a real test with exercises of their own (`dynamics.alliesAnswerTests`
 * per rung): tension rises, and Kim has something to answer next round (action-reaction).
 */
export function alliesAnswerTests(ctx: GameContext): void {
  const a = ctx.params.dynamics.alliesAnswerTests;
  if (a <= 0 || ctx.testedRung < 2) return;
  // Not a peak of its own: the round's settling shows where tension stands (tensionSettles).
  ctx.tension = clamp01(ctx.tension + a * ctx.testedRung);
  ctx.alliesExercised = true;
}

/**
 * C12: war breaks out with a chance that grows with tension and shrinks with deterrence (C11).
 * Issue 19: and from incidents (a clash at sea, a shoot-down) that climb a ladder: each round an
 * incident comes with `dynamics.incidentChance` times the same curve, a quiet round steps the
 * ladder down, and `dynamics.incidentRungsToWar` in a row is war. The same draw decides both,
 * so no game's later draws move when the ladder is switched off.
 */
export function rollForWar(ctx: GameContext, event: ChanceEvent): void {
  // C12: warDrawn (crisis.ts), as `npm run gen` writes it out for the round (why: there).
  ctx.warBroke = warDrawn(ctx, event);
  const d = ctx.params.dynamics;
  if (d.incidentChance > 0) {
    const c = ctx.params.crisis;
    const pIncident = clamp01(d.incidentChance * ctx.tension * ctx.tension * (1 - ctx.deterrence * c.deterrenceDampsWar));
    if (event.war < pIncident) {
      ctx.incidents += 1;
      ctx.incidentRung += 1;
      if (ctx.incidentRung >= d.incidentRungsToWar && !ctx.warBroke) {
        ctx.warBroke = true;
        ctx.warsFromIncidents += 1;
      }
    } else if (ctx.incidentRung > 0) ctx.incidentRung -= 1;
  }
  if (ctx.tension >= TOP_TENSION) {
    ctx.rollsAtTop += 1;
    if (ctx.warBroke) ctx.warsAtTop += 1;
  }
}

/** Tension at or above this counts as "at the top" in the calibration tallies (not a rule). */
export const TOP_TENSION = 0.9;

/**
 * Crises fade: tension drains each round by `kim.tensionDecay`. Not a claim of the columns
 * but our own assumption. A test's own rise (`kim.rungTension`) already counts it; the
 * decay used to halve in a round with a test as well, which counted it twice and pegged
 * tension at the top under any testing Kim (issue 13).
 */
export function tensionSettles(ctx: GameContext): void {
  const decay = ctx.params.kim.tensionDecay;
  // C12 (issue 19): momentum. What is left to come of last round's rise arrives now, and a
  // share (`dynamics.tensionMomentum`) of this round's rise carries into the next: a crisis
  // builds for rounds before the decay wins. At 0 nothing is carried and nothing added.
  const momentum = ctx.params.dynamics.tensionMomentum;
  if (momentum > 0) {
    ctx.tension = clamp01(ctx.tension + ctx.tensionCarried);
    ctx.tensionCarried = momentum * Math.max(0, ctx.tension - ctx.tensionAtRoundStart);
  }
  ctx.tension = clamp01(ctx.tension - decay);
  // The meter shows the settled level; chance's rises (above, and the allies' answer) can put
  // it past any level a move reached. Without them it is never above the peak already kept.
  if (ctx.tension > ctx.peakTension) ctx.peakTension = ctx.tension;
  ctx.tensionSum += ctx.tension;
  ctx.roundsPlayed += 1;
  if (ctx.tension >= TOP_TENSION) ctx.roundsAtTop += 1;
  if (ctx.tension < ctx.tensionAtRoundStart) ctx.roundsTensionFell += 1;
}

/** C6: Kim's programme moves on by its own calendar (`dynamics.programmePace` a round) toward a capability to show. */
export function programmeAdvances(ctx: GameContext): void {
  const pace = ctx.params.dynamics.programmePace;
  if (pace > 0) ctx.programmeProgress = Math.min(1, ctx.programmeProgress + pace);
}

/** C13: US-China tension wanders for reasons outside this game. */
export function driftUsChinaTension(ctx: GameContext, event: ChanceEvent): void {
  ctx.usChinaTension = clamp01(ctx.usChinaTension + (event.drift * 2 - 1) * ctx.params.crisis.rivalryDrift);
}
