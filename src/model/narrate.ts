import type { Actor, GameContext } from './context.js';
import type { GameEvent } from './events.js';
import { chinaBeliefUsPays, kimBeliefUsPays } from './beliefs.js';
import { MOVES, rungOf } from './moves.js';

// What happened in a step, told from the states before and after it, each line citing the
// claims behind it. Kept apart from the rules: batches never pay for the telling.

export interface Note {
  claims: string[];
  text: string;
  /** Who can know it, when not everyone can (a teacher sees all). Absent: public. */
  seenBy?: Actor[];
}

const BEIJING_AND_KIM: Actor[] = ['china', 'kim'];

/** Can this side know what the note says? */
export function visibleTo(note: Note, actor: Actor): boolean {
  return note.seenBy === undefined || note.seenBy.includes(actor);
}

const f = (x: number) => x.toFixed(2);
const change = (a: number, b: number) => `${f(a)} -> ${f(b)}`;

function chinaNotes(b: GameContext, a: GameContext, move: string): Note[] {
  switch (move) {
    case 'askEscalationOvertly':
      return [{ claims: ['C2', 'C13'], text: 'Xi openly asks Kim to turn up the pressure on Washington.', seenBy: BEIJING_AND_KIM }];
    case 'askEscalationByCourier':
      return [{ claims: ['C2', 'C4'], text: 'A courier carries Xi\'s request for escalation to Pyongyang, out of sight of US intelligence.', seenBy: BEIJING_AND_KIM }];
    case 'restrainKim':
      return [{ claims: ['C1'], text: `Beijing leans on Kim to calm down: tension ${change(b.tension, a.tension)}.` }];
    case 'offerRestraintForTaiwan':
      return [{ claims: ['C2', 'C3'], text: 'Beijing offers to rein Kim in, for less US support to Taiwan.' }];
    case 'offerRestraintForChips':
      return [{ claims: ['C2', 'C3'], text: 'Beijing offers to rein Kim in, for looser chip export controls.' }];
    case 'squeezeLifeline':
      return [{ claims: ['C7'], text: `Beijing squeezes the trade lifeline (${change(b.lifeline, a.lifeline)}); the North Korean economy ${change(b.nkEconomy, a.nkEconomy)}.` }];
    case 'sendWarmSignal':
      return [{ claims: ['C5'], text: `Xi sends Kim a warm public letter, silent on his tests: Kim's standing ${change(b.kimStanding, a.kimStanding)}, US evidence of Beijing's comfort ${change(b.evidence, a.evidence)}.` }];
    case 'backSanctions':
      return [{ claims: ['C7', 'C11', 'C12'], text: `Beijing backs sanctions on Pyongyang and enforces them on its own trade: they bite far harder; China's exposure ${change(b.exposure, a.exposure)}.` }];
    case 'blockSanctions':
      return [{ claims: ['C11', 'C13'], text: `Beijing blocks new sanctions and lets the old ones leak: they bite less; China's exposure ${change(b.exposure, a.exposure)}.` }];
    default:
      return [{ claims: [], text: 'Beijing waits.' }];
  }
}

function kimNotes(b: GameContext, a: GameContext, move: string): Note[] {
  const notes: Note[] = [];
  const rung = rungOf(move as keyof typeof MOVES);
  if (rung > 0) {
    notes.push({ claims: ['C6', 'C12'], text: `Tension ${change(b.tension, a.tension)}; Kim's standing at home ${change(b.kimStanding, a.kimStanding)}.` });
    if (b.diplomacy > 0 && a.diplomacy === 0) notes.push({ claims: ['C7'], text: 'The test ends the diplomatic track.' });
  } else if (move === 'suspendTestsForPayment') {
    notes.push({ claims: ['C6'], text: 'Kim offers to suspend his tests, if someone pays.' });
  } else {
    notes.push({ claims: [], text: 'Kim holds: no test this round.' });
  }
  if (a.kimAnswer === 'obeyed' && a.requestChannel !== 'none') {
    notes.push({ claims: ['C7'], text: `Kim did as Xi asked and pays for looking like Xi's tool: standing, net of the test's prestige, ${change(b.kimStanding, a.kimStanding)}.`, seenBy: BEIJING_AND_KIM });
  } else if (a.kimAnswer === 'defied') {
    notes.push({ claims: ['C7'], text: `Kim defied Beijing, which cut the lifeline ${change(b.lifeline, a.lifeline)}.`, ...(a.requestChannel !== 'none' ? { seenBy: BEIJING_AND_KIM } : {}) });
  } else if (a.kimAnswer === 'obeyed' && a.restraintOrdered) {
    notes.push({ claims: ['C1', 'C7'], text: 'Kim heeds Beijing\'s restraint.' });
  }
  return notes;
}

function usNotes(b: GameContext, a: GameContext, move: string): Note[] {
  switch (move) {
    case 'concedeTaiwan':
    case 'concedeChips': {
      const what = move === 'concedeTaiwan' ? 'less support for Taiwan' : 'looser chip export controls';
      const notes: Note[] = [{ claims: ['C3', 'C8'], text: `Washington concedes ${what}: credibility ${change(b.usCredibility, a.usCredibility)}.` }];
      if (a.tension < b.tension) notes.push({ claims: ['C1'], text: `Beijing delivers the restraint it sold: tension ${change(b.tension, a.tension)}.` });
      else notes.push({ claims: ['C8'], text: 'Nothing was on offer for that price: Beijing pockets it.' });
      return notes;
    }
    case 'payKim':
      return [{ claims: ['C6', 'C8'], text: `Washington pays Kim: economy ${change(b.nkEconomy, a.nkEconomy)}, tension ${change(b.tension, a.tension)}, credibility ${change(b.usCredibility, a.usCredibility)}.` }];
    case 'askBeijingForHelp':
      return [{ claims: ['C9'], text: `Washington asks Beijing for help: a little calm (tension ${change(b.tension, a.tension)}), and China marks the US as a buyer.` }];
    case 'exposeBeijing':
      return [{ claims: ['C10', 'C12'], text: `Washington exposes Beijing's role: exposure ${change(b.exposure, a.exposure)}, Europe's alignment ${change(b.europeAlignment, a.europeAlignment)}.` }];
    case 'sanction':
      return [{ claims: ['C11'], text: `Sanctions tighten, with seizures in European banks as far as Europe joins: ${change(b.sanctions, a.sanctions)}.` }];
    case 'posture':
      return [{ claims: ['C11', 'C12'], text: `Joint exercises, a carrier, Japan engaged: deterrence ${change(b.deterrence, a.deterrence)}.` }];
    case 'openDiplomaticTrack':
      return [{ claims: ['C11'], text: `Washington keeps the door open to a durable deal: diplomacy ${change(b.diplomacy, a.diplomacy)}.` }];
    default:
      return [{ claims: [], text: 'Washington waits.' }];
  }
}

function chanceNotes(b: GameContext, a: GameContext): Note[] {
  const notes: Note[] = [];
  // The round's slate is wiped once chance resolves, so read what happened from tallies
  // (which only grow) and from the state before.
  if (a.requestsDetected > b.requestsDetected) {
    notes.push({ claims: ['C4'], text: `US intelligence catches Beijing's request to Kim: evidence ${change(b.evidence, a.evidence)}.` });
  } else if (b.requestChannel === 'covert') {
    notes.push({ claims: ['C4'], text: 'The courier\'s message goes unseen.', seenBy: BEIJING_AND_KIM });
  } else if (b.requestChannel === 'overt') {
    notes.push({ claims: ['C4'], text: 'By luck, the open request slips past US intelligence.', seenBy: BEIJING_AND_KIM });
  }
  const cb = chinaBeliefUsPays(b);
  const ca = chinaBeliefUsPays(a);
  if (ca !== cb) {
    notes.push({ claims: ['C8'], text: `Beijing's belief that the US pays: ${change(cb, ca)}.`, seenBy: ['china'] });
  }
  const kb = kimBeliefUsPays(b);
  const ka = kimBeliefUsPays(a);
  if (ka !== kb) notes.push({ claims: ['C6'], text: `Kim's belief that the US pays: ${change(kb, ka)}.`, seenBy: ['kim'] });
  if (a.nkEconomy < b.nkEconomy) notes.push({ claims: ['C11'], text: `Sanctions bite: economy ${change(b.nkEconomy, a.nkEconomy)}.` });
  if (a.warBroke) notes.push({ claims: ['C12'], text: 'Miscalculation at the brink: war breaks out.' });
  return notes;
}

export function narrate(before: GameContext, event: GameEvent, after: GameContext): Note[] {
  if (event.type === 'chance') return chanceNotes(before, after);
  const actor = MOVES[event.type].actor;
  if (actor === 'china') return chinaNotes(before, after, event.type);
  if (actor === 'kim') return kimNotes(before, after, event.type);
  return usNotes(before, after, event.type);
}
