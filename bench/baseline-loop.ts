// The benchmark's yardstick: one game played by a hand-written loop that calls the same
// rule functions, in the same order, as the machine does, with the phases, guards and
// transitions wired by hand instead of read from the machine. It is what "as fast as the
// rules allow" means; the batch engine is measured against it, and a test proves the two
// give identical games.
import type { Actor, GameContext } from '../src/model/context.js';
import type { ChanceEvent } from '../src/model/events.js';
import type { MoveName } from '../src/model/moves.js';
import type { Outcome } from '../src/model/outcomes.js';
import type { Params } from '../src/model/params.js';
import type { Rng } from '../src/rng/rng.js';
import type { GameSummary, Profile } from '../src/engine/fast-game.js';
import * as chance from '../src/model/chance.js';
import * as china from '../src/model/china-moves.js';
import * as kim from '../src/model/kim-moves.js';
import * as us from '../src/model/us-moves.js';
import * as end from '../src/model/round-end.js';
import { initialContext } from '../src/model/context.js';
import { chinaView, kimView, usView } from '../src/model/views.js';
import { gameSeed, makeRng } from '../src/rng/rng.js';
import { summarize } from '../src/engine/fast-game.js';

function chinaLegal(ctx: GameContext): MoveName[] {
  const out: MoveName[] = ['askEscalationOvertly', 'askEscalationByCourier', 'restrainKim'];
  if (china.thereIsPressureToSell(ctx)) out.push('offerRestraintForTaiwan', 'offerRestraintForChips');
  if (china.lifelineLeftToSqueeze(ctx)) out.push('squeezeLifeline');
  out.push('sendWarmSignal');
  if (china.chinaCanBackSanctions(ctx)) out.push('backSanctions');
  if (china.chinaCanBlockSanctions(ctx)) out.push('blockSanctions');
  out.push('chinaWaits');
  return out;
}

const RUNG_MOVES: MoveName[] = ['testShortRange', 'missileOverJapan', 'testIcbm', 'nuclearTest'];

function kimLegal(ctx: GameContext): MoveName[] {
  const out: MoveName[] = [];
  for (let r = 1; r <= 4; r++) if (kim.rungWithinReach(ctx, r)) out.push(RUNG_MOVES[r - 1] as MoveName);
  out.push('holdTests');
  if (kim.kimHasTestsToSuspend(ctx)) out.push('suspendTestsForPayment');
  return out;
}

function usLegal(ctx: GameContext): MoveName[] {
  const out: MoveName[] = ['concedeTaiwan', 'concedeChips'];
  if (kim.kimHasTestsToSuspend(ctx)) out.push('payKim');
  out.push('askBeijingForHelp', 'exposeBeijing', 'sanction', 'posture', 'openDiplomaticTrack', 'usWaits');
  return out;
}

function applyChina(ctx: GameContext, m: MoveName): void {
  switch (m) {
    case 'askEscalationOvertly': china.askKimToEscalate(ctx, 'overt'); break;
    case 'askEscalationByCourier': china.askKimToEscalate(ctx, 'covert'); break;
    case 'restrainKim': china.restrainKim(ctx); break;
    case 'offerRestraintForTaiwan': china.offerRestraint(ctx, 'taiwan'); break;
    case 'offerRestraintForChips': china.offerRestraint(ctx, 'chips'); break;
    case 'squeezeLifeline': china.squeezeLifeline(ctx); break;
    case 'sendWarmSignal': china.sendWarmSignal(ctx); break;
    case 'backSanctions': china.backSanctions(ctx); break;
    case 'blockSanctions': china.blockSanctions(ctx); break;
    default: break;
  }
  ctx.chinaMoveThisRound = m;
}

function applyKim(ctx: GameContext, m: MoveName): void {
  const rung = RUNG_MOVES.indexOf(m) + 1;
  if (rung > 0) kim.testMissile(ctx, rung);
  else if (m === 'suspendTestsForPayment') kim.offerPause(ctx);
  kim.settleKimAccountWithXi(ctx);
  ctx.kimMoveThisRound = m;
}

function applyUs(ctx: GameContext, m: MoveName): void {
  switch (m) {
    case 'concedeTaiwan': us.concede(ctx, 'taiwan'); break;
    case 'concedeChips': us.concede(ctx, 'chips'); break;
    case 'payKim': us.payKim(ctx); break;
    case 'askBeijingForHelp': us.askBeijingForHelp(ctx); break;
    case 'exposeBeijing': us.exposeBeijing(ctx); break;
    case 'sanction': us.sanction(ctx); break;
    case 'posture': us.posture(ctx); break;
    case 'openDiplomaticTrack': us.openDiplomaticTrack(ctx); break;
    default: break;
  }
  ctx.usMoveThisRound = m;
}

function resolveRound(ctx: GameContext, e: ChanceEvent): Outcome | null {
  chance.discoverChinasRequest(ctx, e);
  chance.chinaLearnsWhetherUsPays(ctx);
  chance.kimLearnsWhetherUsPays(ctx);
  chance.sanctionsBite(ctx);
  chance.rollForWar(ctx, e);
  chance.tensionSettles(ctx);
  chance.driftUsChinaTension(ctx, e);
  if (end.warBrokeOut(ctx)) return 'war';
  if (end.regimeCollapsed(ctx)) return 'regimeCrisis';
  if (end.settlementReached(ctx)) return 'settlement';
  if (end.leverageExposed(ctx)) return 'leverageExposed';
  if (end.roundLimitWithConcessions(ctx)) return 'concessionsExtracted';
  if (end.roundLimitReached(ctx)) return 'stalemate';
  end.beginNextRound(ctx);
  return null;
}

export function playBaseline(params: Params, scenarioName: string, masterSeed: string, index: number, profile: Profile): GameSummary {
  const seed = gameSeed(masterSeed, scenarioName, index);
  const rngChance = makeRng(seed, 'chance');
  const rngs: Record<Actor, Rng> = { china: makeRng(seed, 'china'), kim: makeRng(seed, 'kim'), us: makeRng(seed, 'us') };
  const ctx = initialContext(params);
  const e: ChanceEvent = { type: 'chance', detection: 0, war: 0, drift: 0 };
  for (;;) {
    applyChina(ctx, profile.china.choose(chinaView(ctx), chinaLegal(ctx), rngs.china));
    applyKim(ctx, profile.kim.choose(kimView(ctx), kimLegal(ctx), rngs.kim));
    applyUs(ctx, profile.us.choose(usView(ctx), usLegal(ctx), rngs.us));
    e.detection = rngChance.next();
    e.war = rngChance.next();
    e.drift = rngChance.next();
    const outcome = resolveRound(ctx, e);
    if (outcome) return summarize(ctx, outcome);
  }
}
