import { expect } from 'vitest';
import type { GameContext } from '../../src/model/context.js';
import { rungOf } from '../../src/model/moves.js';
import { defaultParams } from '../../src/scenario/fields.js';
import * as kim from '../../src/strategies/kim.js';
import type { Behaviours } from './decide.js';
import { behaviourTests, decide, draws, expectUniform, legalIn } from './decide.js';

// One behaviour test per Kim strategy (after Axelrod): what it characteristically does,
// through its public decide API, in states built from the default scenario.

const obeyMinRung = defaultParams().kim.obeyMinRung;
/** Xi asks Kim, in the open, to turn up the pressure. */
const askedOpenly: Partial<GameContext> = { requestChannel: 'overt' };
/** At the brink: one more test risks war. */
const brink: Partial<GameContext> = { tension: 0.95 };
const obeys = (over: Partial<GameContext>, s = kim.loyalClient, d = draws(0.5)) => rungOf(decide(s, over, d)) >= obeyMinRung;

const BEHAVIOUR: Behaviours = {
  regimeFirst: [
    "weighs standing against war risk: tests in calm, does not test at the brink, and is nobody's tool",
    () => {
      expect(rungOf(decide(kim.regimeFirst, {}))).toBeGreaterThan(0);
      expect(rungOf(decide(kim.regimeFirst, brink))).toBe(0);
      // C7: an open request would make him look like Xi's tool; he does not do as asked.
      expect(obeys(askedOpenly, kim.regimeFirst)).toBe(false);
    },
  ],
  loyalClient: [
    'does what Beijing asks: tests when Xi asks, even at the brink',
    () => {
      expect(obeys(askedOpenly)).toBe(true);
      expect(obeys({ ...brink, ...askedOpenly })).toBe(true);
      expect(obeys(brink)).toBe(false);
    },
  ],
  independent: [
    'bristles at Beijing (refuses an open request) and one time in ten surprises with any legal move',
    () => {
      expect(obeys(askedOpenly, kim.independent, draws(0.5))).toBe(false);
      // A first draw under 0.1 is the surprise: the second picks any legal move.
      const legal = legalIn('kim', askedOpenly);
      expect(decide(kim.independent, askedOpenly, draws(0.05, 0))).toBe(legal[0]);
      expect(decide(kim.independent, askedOpenly, draws(0.05, 0.9999))).toBe(legal.at(-1));
    },
  ],
  kimRandom: ['plays any legal move, uniformly', () => expectUniform(kim.kimRandom)],
};

behaviourTests('kim', BEHAVIOUR);
