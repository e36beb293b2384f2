import type { GameContext } from './context.js';
import type { GameEvent } from './events.js';
import type { Note } from './notes.js';
import { chinaBeliefUsPays, kimBeliefUsPays } from './beliefs.js';
import { OPEN_BREACH_RUNG } from './deals.js';
import type { ActorDecl } from './game-table.js';
import { ACTOR_TABLE, moveDecl } from './game-table.js';
import { change } from './notes.js';

export type { Note } from './notes.js';

// What happened in a step, told from the states before and after it, each line citing the
// claims behind it. A move's words are its entry in the game table; chance's are here.
// Kept apart from the rules: batches never pay for the telling.

const BEIJING_AND_KIM = ['china', 'kim'] as const;

function chanceNotes(b: GameContext, a: GameContext): Note[] {
  const notes: Note[] = [];
  // The round's slate is wiped once chance resolves, so read what happened from tallies
  // (which only grow) and from the state before.
  if (a.requestsDetected > b.requestsDetected) {
    notes.push({ claims: ['C4'], text: `US intelligence catches Beijing's request to Kim: evidence ${change(b.evidence, a.evidence)}.` });
  } else if (b.requestChannel === 'covert') {
    notes.push({ claims: ['C4'], text: "The courier's message goes unseen.", seenBy: BEIJING_AND_KIM });
  } else if (b.requestChannel === 'overt') {
    notes.push({ claims: ['C4'], text: 'By luck, the open request slips past US intelligence.', seenBy: BEIJING_AND_KIM });
  }
  const cb = chinaBeliefUsPays(b);
  const ca = chinaBeliefUsPays(a);
  if (ca !== cb) notes.push({ claims: ['C8'], text: `Beijing's belief that the US pays Beijing when pressed: ${change(cb, ca)}.`, seenBy: ['china'] });
  const kb = kimBeliefUsPays(b);
  const ka = kimBeliefUsPays(a);
  if (ka !== kb) notes.push({ claims: ['C6'], text: `Kim's belief that the US pays him for a pause or a test: ${change(kb, ka)}.`, seenBy: ['kim'] });
  // Washington judges Kim's standing only by what it can see (kimStandingPublic), so the line
  // is written twice: the true figure for Beijing and Kim, the public one for the US.
  // When the two figures tell the same, it is one line for everyone.
  const drift = betweenRounds(b, a, b.kimStanding, a.kimStanding);
  const publicDrift = betweenRounds(b, a, b.kimStandingPublic, a.kimStandingPublic);
  if (drift && publicDrift && drift.text === publicDrift.text) notes.push(drift);
  else {
    if (drift) notes.push({ ...drift, seenBy: BEIJING_AND_KIM });
    if (publicDrift) notes.push({ ...publicDrift, seenBy: ['us'] });
  }
  notes.push(...dealNotes(b, a));
  if (a.warBroke) notes.push({ claims: ['C12'], text: 'Miscalculation at the brink: war breaks out.' });
  return notes;
}

/** Issue 19, item 4: what became of a deal in force this round (model/deals.ts). Public. */
function dealNotes(b: GameContext, a: GameContext): Note[] {
  const what = b.deal === 'settlement' ? 'The deal' : 'The freeze';
  if (a.freezesCollapsed > b.freezesCollapsed) {
    const why =
      b.testedRung >= OPEN_BREACH_RUNG ? "Kim's test breaks it openly"
      : b.testedRung > 0 ? "inspectors catch Kim's short-range test as a breach"
      : b.usMoveThisRound === 'posture' ? 'Washington resumes exercises, and Kim has paused for nothing'
      : b.usMoveThisRound === 'sanction' ? 'Washington piles on sanctions, and Kim has paused for nothing'
      : 'one side walks away: the deal pays it less than leaving';
    return [{ claims: ['C6', 'C8', 'C11'], text: `${what} collapses: ${why}; the talks start again from nothing.` }];
  }
  const notes: Note[] = [];
  if (a.covertBreaches > b.covertBreaches) notes.push({ claims: ['C6', 'C11'], text: "Kim's short-range test goes uncaught as a breach." });
  if (a.dealInstalmentsPaid > b.dealInstalmentsPaid) {
    notes.push({ claims: ['C6', 'C11'], text: `${what} holds: Kim has delivered ${a.dealRoundsHeld} month${a.dealRoundsHeld === 1 ? '' : 's'} of restraint; Washington pays its instalment.` });
  }
  return notes;
}

/** Values as the meters show them (two decimals): a change too small to show is not told. */
const moved = (x: number, y: number) => x.toFixed(2) !== y.toFixed(2);

/**
 * What chance's step changed in the public meters, in one line: without it a meter moves
 * between a side's turns with no word in the log (issue 21 item 2). Tension's fading is our
 * assumption (kim.tensionDecay), so that part cites no claim.
 */
function betweenRounds(b: GameContext, a: GameContext, standingBefore: number, standingAfter: number): Note | null {
  const parts: string[] = [];
  const claims = new Set<string>();
  if (moved(b.tension, a.tension)) parts.push(`tension ${change(b.tension, a.tension)}${a.tension < b.tension ? ' (crises fade)' : ''}`);
  if (moved(b.nkEconomy, a.nkEconomy)) {
    parts.push(`North Korea's economy ${change(b.nkEconomy, a.nkEconomy)} (${a.nkEconomy < b.nkEconomy ? 'sanctions bite' : "China's trade keeps it going"})`);
    claims.add(a.nkEconomy < b.nkEconomy ? 'C11' : 'C7');
  }
  if (moved(standingBefore, standingAfter)) {
    parts.push(`Kim's standing ${change(standingBefore, standingAfter)} (${standingAfter < standingBefore ? 'fades' : 'recovers'} toward the regime's settled hold)`);
    claims.add('C7');
  }
  if (moved(b.usChinaTension, a.usChinaTension)) {
    parts.push(`US-China tension ${change(b.usChinaTension, a.usChinaTension)} (for reasons outside this game)`);
    claims.add('C13');
  }
  if (!parts.length) return null;
  return { claims: [...claims].sort((x, y) => Number(x.slice(1)) - Number(y.slice(1))), text: `Between rounds: ${parts.join(', ')}.` };
}

export function narrate(before: GameContext, event: GameEvent, after: GameContext): Note[] {
  if (event.type === 'chance') return chanceNotes(before, after);
  const entry = moveDecl(event.type);
  const actor: ActorDecl = ACTOR_TABLE[entry.actor];
  const notes = entry.narrate(before, after);
  if (actor.narrateAfter) notes.push(...actor.narrateAfter(before, after));
  // A note on a move only some sides observe is known to those sides (unless it says otherwise),
  // written into the note so a saved log says who could know each line.
  const observers = entry.observedBy;
  return observers ? notes.map((n) => (n.seenBy ? n : { ...n, seenBy: observers })) : notes;
}
