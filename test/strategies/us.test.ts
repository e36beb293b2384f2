import { expect } from 'vitest';
import type { GameContext } from '../../src/model/context.js';
import * as us from '../../src/strategies/us.js';
import type { Behaviours } from './decide.js';
import { behaviourTests, decide, expectUniform } from './decide.js';

// One behaviour test per US strategy (after Axelrod): what it characteristically does,
// through its public decide API, in states built from the default scenario.

const CONCESSIONS = ['concedeTaiwan', 'concedeChips', 'payKim'];
/** Beijing offers restraint for Taiwan support, and Washington thinks Beijing's sway is real. */
const offered: Partial<GameContext> = { offerPrice: 'taiwan', usEstimateOfInfluence: 0.8, tension: 0.6 };
/** Kim has offered to pause his tests for payment (he has tests to suspend). */
const pauseOffered: Partial<GameContext> = { kimOfferedPause: true, escalationLevel: 2, tension: 0.5 };
const calm: Partial<GameContext> = { tension: 0.2, testedRung: 0, offerPrice: 'none', evidence: 0, warmSignal: false };

const BEHAVIOUR: Behaviours = {
  appeaser: [
    'pays the price asked while it thinks China can deliver, and pays Kim for a pause',
    () => {
      expect(decide(us.appeaser, offered)).toBe('concedeTaiwan');
      expect(decide(us.appeaser, { ...offered, offerPrice: 'chips' })).toBe('concedeChips');
      expect(decide(us.appeaser, pauseOffered)).toBe('payKim');
      // C1: it stops paying once it no longer believes Beijing can deliver.
      expect(CONCESSIONS).not.toContain(decide(us.appeaser, { ...offered, usEstimateOfInfluence: 0.05 }));
    },
  ],
  asksBeijing: [
    'asks Beijing for help in a crisis, and pays when Beijing names a price',
    () => {
      expect(decide(us.asksBeijing, { tension: 0.6, usEstimateOfInfluence: 0.8 })).toBe('askBeijingForHelp');
      expect(decide(us.asksBeijing, offered)).toBe('concedeTaiwan');
      expect(decide(us.asksBeijing, { ...calm, usEstimateOfInfluence: 0.8 })).not.toBe('askBeijingForHelp');
    },
  ],
  asksNeverPays: [
    'asks Beijing for help when the asker would, but never pays a bill',
    () => {
      expect(decide(us.asksNeverPays, offered)).toBe('askBeijingForHelp');
      expect(decide(us.asksNeverPays, pauseOffered)).not.toBe('payKim');
      for (const over of [offered, { ...offered, offerPrice: 'chips' as const }, pauseOffered]) expect(CONCESSIONS).not.toContain(decide(us.asksNeverPays, over));
    },
  ],
  exposer: [
    "exposes Beijing's hand until exposure is near total, then sanctions",
    () => {
      expect(decide(us.exposer, { exposure: 0.3 })).toBe('exposeBeijing');
      expect(decide(us.exposer, { ...offered, exposure: 0.3 })).toBe('exposeBeijing');
      expect(decide(us.exposer, { exposure: 0.95 })).toBe('sanction');
    },
  ],
  sanctioner: [
    'sanctions after a test, postures when tension runs high, and never deals',
    () => {
      expect(decide(us.sanctioner, { testedRung: 2, tension: 0.4 })).toBe('sanction');
      expect(decide(us.sanctioner, { tension: 0.7, deterrence: 0.3 })).toBe('posture');
      for (const over of [offered, pauseOffered]) expect([...CONCESSIONS, 'askBeijingForHelp']).not.toContain(decide(us.sanctioner, over));
    },
  ],
  columns: [
    'exposes a Beijing in play instead of paying, sanctions a real test, keeps the door open in calm',
    () => {
      expect(decide(us.columns, { ...offered, exposure: 0.2 })).toBe('exposeBeijing');
      expect(decide(us.columns, { ...calm, testedRung: 3, deterrence: 0.8 })).toBe('sanction');
      expect(decide(us.columns, calm)).toBe('openDiplomaticTrack');
      for (const over of [offered, pauseOffered]) expect([...CONCESSIONS, 'askBeijingForHelp']).not.toContain(decide(us.columns, over));
    },
  ],
  reciprocator: [
    'tit for tat: engages after a calm round, sanctions a test, exposes a Beijing that pushed',
    () => {
      expect(decide(us.reciprocator, calm)).toBe('openDiplomaticTrack');
      expect(decide(us.reciprocator, { ...calm, testedRung: 1 })).toBe('sanction');
      expect(decide(us.reciprocator, { ...calm, warmSignal: true })).toBe('exposeBeijing');
    },
  ],
  pragmatist: [
    "follows the columns until war risk frightens it, then pays a price it thinks Beijing's sway is worth",
    () => {
      expect(decide(us.pragmatist, calm)).toBe(decide(us.columns, calm));
      expect(decide(us.pragmatist, { ...offered, tension: 0.3, exposure: 0.2 })).toBe('exposeBeijing');
      expect(decide(us.pragmatist, { ...offered, tension: 0.98, deterrence: 0, round: 1 })).toBe('concedeTaiwan');
    },
  ],
  usRandom: ['plays any legal move, uniformly', () => expectUniform(us.usRandom)],
};

behaviourTests('us', BEHAVIOUR);
