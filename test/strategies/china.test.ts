import { expect } from 'vitest';
import type { GameContext } from '../../src/model/context.js';
import type { MoveName } from '../../src/model/moves.js';
import * as china from '../../src/strategies/china.js';
import type { Behaviours } from './decide.js';
import { behaviourTests, decide, draws, expectUniform, legalIn } from './decide.js';

// One behaviour test per China strategy (after Axelrod): what it characteristically does,
// through its public decide API, in states built from the default scenario.

const STOKES: MoveName[] = ['askEscalationOvertly', 'askEscalationByCourier'];
const SELLS: MoveName[] = ['offerRestraintForTaiwan', 'offerRestraintForChips'];
/** Tension high enough to sell restraint, a Beijing with real sway that believes Washington pays. */
const pressure: Partial<GameContext> = { tension: 0.7, chinaInfluence: 0.8, chinaSawPay: 9, chinaSawRefuse: 1 };
/** Kim defied Beijing last round. */
const defied: Partial<GameContext> = { lastKimAnswer: 'defied' };
/** States over which a strategy's repertoire is checked. */
const VARIED: Partial<GameContext>[] = [
  {},
  pressure,
  defied,
  { tension: 0.1 },
  { tension: 0.5, usChinaTension: 0.9, lastUsMove: 'sanction' },
  { lastKimMove: 'nuclearTest', tension: 0.8 },
  { lastKimMove: 'testIcbm', exposure: 0.1 },
];
const repertoire = (s: (typeof china.CHINA_STRATEGIES)[number]) =>
  new Set(VARIED.flatMap((over) => [0, 0.3, 0.7, 0.99].map((d) => decide(s, over, draws(d)))));

const BEHAVIOUR: Behaviours = {
  opportunist: [
    'sells restraint as often as it believes the US pays, and squeezes a defiant Kim',
    () => {
      expect(SELLS).toContain(decide(china.opportunist, pressure, draws(0.1)));
      // A draw above its belief that the US pays: no offer this time.
      expect(SELLS).not.toContain(decide(china.opportunist, pressure, draws(0.95, 0.99)));
      expect(decide(china.opportunist, defied)).toBe('squeezeLifeline');
      // C7, C12: after a nuclear test it did not ask for, it backs sanctions.
      expect(decide(china.opportunist, { lastKimMove: 'nuclearTest', lastChinaMove: 'chinaWaits' })).toBe('backSanctions');
    },
  ],
  restrained: [
    'restrains Kim when tension rises, for nothing, and never stokes or sells',
    () => {
      expect(decide(china.restrained, { tension: 0.6 })).toBe('restrainKim');
      expect(decide(china.restrained, { tension: 0.2 })).toBe('chinaWaits');
      for (const m of repertoire(china.restrained)) expect([...STOKES, ...SELLS]).not.toContain(m);
    },
  ],
  ratchet: [
    'asks Kim to escalate every round it has nothing to sell, and sells when it can',
    () => {
      expect(decide(china.ratchet, { tension: 0.1 })).toBe('askEscalationOvertly');
      expect(SELLS).toContain(decide(china.ratchet, pressure));
      expect(decide(china.ratchet, defied)).toBe('squeezeLifeline');
    },
  ],
  covertFirst: [
    'works by courier and warm letters, never by an open request',
    () => {
      expect(decide(china.covertFirst, { lastKimMove: 'testIcbm', exposure: 0.1 })).toBe('sendWarmSignal');
      // C10: once Beijing is publicly tied to Kim, it keeps quiet instead.
      expect(decide(china.covertFirst, { lastKimMove: 'testIcbm', exposure: 0.5 })).toBe('chinaWaits');
      expect(decide(china.covertFirst, { usChinaTension: 0.9, tension: 0.2 }, draws(0))).toBe('askEscalationByCourier');
      expect(repertoire(china.covertFirst)).not.toContain('askEscalationOvertly');
    },
  ],
  seller: [
    'sells restraint when there is pressure to sell, and never manufactures it',
    () => {
      expect(SELLS).toContain(decide(china.seller, pressure, draws(0.1)));
      expect(decide(china.seller, { tension: 0.1 }, draws(0))).toBe('chinaWaits');
      for (const m of repertoire(china.seller)) expect(STOKES).not.toContain(m);
    },
  ],
  enforcer: [
    'backs sanctions whenever it can, punishes a test through the lifeline, never stokes or sells',
    () => {
      expect(legalIn('china')).toContain('backSanctions');
      expect(decide(china.enforcer)).toBe('backSanctions');
      expect(decide(china.enforcer, { lastKimMove: 'testIcbm', chinaSanctionStance: 1 })).toBe('squeezeLifeline');
      for (const m of repertoire(china.enforcer)) expect([...STOKES, ...SELLS]).not.toContain(m);
    },
  ],
  bestResponder: [
    'weighs its own payoff: sells when Washington pays, backs sanctions after a test it did not want, blocks them when rivalry runs high',
    () => {
      expect(SELLS).toContain(decide(china.bestResponder, pressure, draws(0.99)));
      expect(decide(china.bestResponder, { tension: 0.2, lastTestUnwanted: true, usChinaTension: 0.45, sanctions: 0.3 }, draws(0.99))).toBe('backSanctions');
      expect(decide(china.bestResponder, { tension: 0.2, usChinaTension: 0.9, sanctions: 0.6 }, draws(0.99))).toBe('blockSanctions');
      // C13: not minded to stoke (a draw above Xi's likelihood of asking), it never asks.
      for (const over of VARIED) expect(STOKES).not.toContain(decide(china.bestResponder, over, draws(0.999)));
    },
  ],
  chinaRandom: ['plays any legal move, uniformly', () => expectUniform(china.chinaRandom)],
};

behaviourTests('china', BEHAVIOUR);
