import type { ChinaView } from '../model/views.js';
import type { MoveName } from '../model/moves.js';
import { isMoveName, rungOf } from '../model/moves.js';
import type { Strategy } from './types.js';
import type { Rng } from '../rng/rng.js';
import { bestChinaMove, bestPrice, chinaPressureReturn, chinaPressureReturnsInto, COVERT, OVERT, xiRequestLikelihood, xiRequestLikelihoodInto } from '../model/china-calculus.js';
import { firstLegal } from './types.js';
import { randomStrategy } from './random.js';

/** C1, C2: restraint is only worth selling if Beijing can deliver it. */
const CAN_DELIVER = 0.2;

function sell(v: ChinaView, legal: readonly MoveName[]): MoveName | null {
  if (v.chinaInfluence < CAN_DELIVER) return null;
  const m: MoveName = bestPrice(v) === 'taiwan' ? 'offerRestraintForTaiwan' : 'offerRestraintForChips';
  return legal.includes(m) ? m : null;
}

/**
 * C7, C11, C12, C13: Beijing's stand on sanctions. After a nuclear test it did not ask for, it backs them, to
 * share none of the stigma (2016-17); when US-China rivalry runs high and Washington is
 * sanctioning, it blocks them and shields Kim (2022).
 */
function sanctionsStand(v: ChinaView, legal: readonly MoveName[]): MoveName | null {
  const asked = v.lastChinaMove === 'askEscalationOvertly' || v.lastChinaMove === 'askEscalationByCourier';
  if (v.lastKimMove === 'nuclearTest' && !asked && legal.includes('backSanctions')) return 'backSanctions';
  if (v.lastUsMove === 'sanction' && v.usChinaTension >= 0.65 && legal.includes('blockSanctions')) return 'blockSanctions';
  return null;
}

/** C7: a defiant Kim is brought to heel through the lifeline. */
function punishDefiance(v: ChinaView, legal: readonly MoveName[]): MoveName | null {
  return v.lastKimAnswer === 'defied' && legal.includes('squeezeLifeline') ? 'squeezeLifeline' : null;
}

export const opportunist: Strategy<'china'> = {
  id: 'opportunist',
  actor: 'china',
  name: 'Opportunist',
  description: 'Sells restraint as often as it believes the US pays, stokes pressure when that pays; learns.',
  models: "Xi as the columns read him: pressure as a product (C2, C8, C13)",
  memory: 'whole game',
  stochastic: true,
  claims: ['C2', 'C4', 'C7', 'C8', 'C11', 'C13'],
  choose(v, legal, rng) {
    const punish = punishDefiance(v, legal);
    if (punish) return punish;
    const stand = sanctionsStand(v, legal);
    if (stand) return stand;
    // C2, C8, C9: offer restraint for sale as often as Beijing believes Washington pays, so
    // every payment (and every ask for help) makes the next offer likelier.
    const offer = sell(v, legal);
    if (offer && rng.next() < v.chinaBeliefUsPays) return offer;
    return askOrWait(v, rng);
  },
};

/** Scratch for both channels' pressure returns and Xi's request likelihood (strategies run one decision at a time). */
const RETURNS = new Float64Array(3);
const LIKELIHOOD = 2;

/**
 * C13: whether Xi asks at all is a draw, likelier with US-China tension; C8: he asks only if
 * he expects it to pay. The returns are worked out only once the draw says he might ask: they
 * decide nothing otherwise, and most rounds he is not minded to.
 */
function askOrWait(v: ChinaView, rng: Rng): MoveName {
  // The likelihood is worked out into a scratch slot (returned as a number it was boxed).
  xiRequestLikelihoodInto(v, RETURNS, LIKELIHOOD);
  if (!(rng.next() < (RETURNS[LIKELIHOOD] as number))) return 'chinaWaits';
  chinaPressureReturnsInto(v, RETURNS);
  const covert = RETURNS[COVERT] as number;
  const overt = RETURNS[OVERT] as number;
  if (Math.max(covert, overt) > 0) return overt >= covert ? 'askEscalationOvertly' : 'askEscalationByCourier';
  return 'chinaWaits';
}

export const restrained: Strategy<'china'> = {
  id: 'restrained',
  actor: 'china',
  name: 'Restrained',
  description: 'Keeps Kim quiet for nothing in return; never stokes or sells.',
  models: 'The Beijing Europe hopes for: a partner in stability (2023 column)',
  memory: 'none',
  stochastic: false,
  claims: ['C1'],
  choose(v, legal) {
    if (v.tension >= 0.45) return firstLegal(legal, 'restrainKim');
    return firstLegal(legal, 'chinaWaits');
  },
};

export const ratchet: Strategy<'china'> = {
  id: 'ratchet',
  actor: 'china',
  name: 'Ratchet',
  description: 'Stokes pressure every round it has nothing to sell, paid or not.',
  models: 'A Beijing that does not learn: constant pressure (C2)',
  memory: 'last round',
  stochastic: false,
  claims: ['C2', 'C7'],
  choose(v, legal) {
    return punishDefiance(v, legal) ?? sell(v, legal) ?? firstLegal(legal, 'askEscalationOvertly');
  },
};

export const covertFirst: Strategy<'china'> = {
  id: 'covertFirst',
  actor: 'china',
  name: 'Covert first',
  description: 'Works through couriers and warm letters; sells restraint when it can.',
  models: 'The careful Beijing of the 2020 column (C4, C5)',
  memory: 'whole game',
  stochastic: true,
  claims: ['C4', 'C5', 'C13'],
  choose(v, legal, rng) {
    const punish = punishDefiance(v, legal);
    if (punish) return punish;
    const offer = sell(v, legal);
    if (offer && rng.next() < v.chinaBeliefUsPays) return offer;
    // C5, C10: after a test, a warm letter; once Beijing is publicly tied to Kim it stays quiet instead.
    if (isMoveName(v.lastKimMove) && rungOf(v.lastKimMove) > 0) return v.exposure < 0.3 ? 'sendWarmSignal' : 'chinaWaits';
    if (rng.next() < xiRequestLikelihood(v) && chinaPressureReturn(v, 'covert') > 0) return 'askEscalationByCourier';
    return 'chinaWaits';
  },
};

export const seller: Strategy<'china'> = {
  id: 'seller',
  actor: 'china',
  name: 'Seller',
  description: 'Sells restraint whenever there is pressure to sell; never stokes it.',
  models: 'Half of C2 alone: a Beijing that sells but never manufactures the crisis',
  memory: 'whole game',
  stochastic: true,
  claims: ['C2', 'C3', 'C8'],
  choose(v, legal, rng) {
    const offer = sell(v, legal);
    if (offer && rng.next() < v.chinaBeliefUsPays) return offer;
    return 'chinaWaits';
  },
};

export const enforcer: Strategy<'china'> = {
  id: 'enforcer',
  actor: 'china',
  name: 'Enforcer',
  description: 'Backs sanctions and punishes tests through the trade lifeline; never stokes or sells.',
  models: 'The Beijing of 2016-17 that backed UN sanctions after nuclear tests (C7, C11)',
  memory: 'last round',
  stochastic: false,
  claims: ['C7', 'C11'],
  choose(v, legal) {
    if (legal.includes('backSanctions')) return 'backSanctions';
    // C7: a test is punished once: one that defied an order already cost Kim the lifeline's
    // share (settleKimAccountWithXi), so only a test made with no order in force is squeezed.
    if (isMoveName(v.lastKimMove) && rungOf(v.lastKimMove) > 0 && v.lastKimAnswer !== 'defied') {
      return firstLegal(legal, 'squeezeLifeline', 'restrainKim');
    }
    return firstLegal(legal, 'restrainKim');
  },
};

export const bestResponder: Strategy<'china'> = {
  id: 'bestResponder',
  actor: 'china',
  name: 'Best responder',
  description: "Weighs every move by China's own payoff: concessions, strain on Washington, war and tests on its border, stigma, rivalry.",
  models: 'Xi as a calculating neighbour (issue 19): backs or blocks sanctions as tests and rivalry make it pay (C2, C7, C13)',
  memory: 'whole game',
  stochastic: true,
  claims: ['C2', 'C7', 'C8', 'C12', 'C13'],
  choose(v, legal, rng) {
    // C13: whether Xi is minded to stoke at all is still a draw; when he is not, asking is off the table.
    const minded = rng.next() < xiRequestLikelihood(v);
    const options = minded ? legal : legal.filter((m) => m !== 'askEscalationOvertly' && m !== 'askEscalationByCourier');
    return bestChinaMove(v, options);
  },
};

export const chinaRandom = randomStrategy('china');

export const CHINA_STRATEGIES = [opportunist, covertFirst, ratchet, restrained, seller, enforcer, bestResponder, chinaRandom];
