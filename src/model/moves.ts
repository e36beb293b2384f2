import type { Actor } from './context.js';

export interface MoveInfo {
  actor: Actor;
  /** A short name for scripts (`--moves expose,sanction`), unique within the actor. */
  short: string;
  /** What a person sees in a menu. */
  label: string;
  /** One line on the likely effect, for menus and help. */
  hint: string;
  /** Claims the move's rules encode. */
  claims: readonly string[];
  /** Who learns of the move when it is made, if not everyone (C4: requests travel privately). */
  seenBy?: readonly Actor[];
}

// The move names double as xstate event types: one event per move keeps the machine
// readable as a diagram and lets `legalMoves` read legality straight off it.
export const MOVES = {
  // China, C1-C5, C7, C13
  askEscalationOvertly: {
    actor: 'china',
    short: 'ask',
    label: 'Ask Kim to escalate (openly)',
    hint: 'Turns pressure up; easy for US intelligence to trace back to Beijing.',
    claims: ['C1', 'C2', 'C4', 'C13'],
    seenBy: ['china', 'kim'],
  },
  askEscalationByCourier: {
    actor: 'china',
    short: 'courier',
    label: 'Ask Kim to escalate (by courier)',
    hint: 'Turns pressure up through human couriers: much harder to detect.',
    claims: ['C1', 'C2', 'C4', 'C13'],
    seenBy: ['china', 'kim'],
  },
  restrainKim: {
    actor: 'china',
    short: 'restrain',
    label: 'Restrain Kim',
    hint: 'Turns pressure down, in proportion to China\'s real influence.',
    claims: ['C1'],
  },
  offerRestraintForTaiwan: {
    actor: 'china',
    short: 'offer-taiwan',
    label: 'Offer restraint; price: Taiwan support',
    hint: 'Sells restraint; needs tension high enough to be worth buying.',
    claims: ['C2', 'C3', 'C9'],
  },
  offerRestraintForChips: {
    actor: 'china',
    short: 'offer-chips',
    label: 'Offer restraint; price: chip controls',
    hint: 'Sells restraint; needs tension high enough to be worth buying.',
    claims: ['C2', 'C3', 'C9'],
  },
  squeezeLifeline: {
    actor: 'china',
    short: 'squeeze',
    label: 'Squeeze North Korea\'s lifeline',
    hint: 'Hurts Kim\'s economy and standing; the stick behind every request.',
    claims: ['C7'],
  },
  sendWarmSignal: {
    actor: 'china',
    short: 'warm-letter',
    label: 'Send Kim a warm public letter',
    hint: 'Emboldens Kim and lifts his standing, but shows Beijing\'s comfort with him.',
    claims: ['C5'],
  },
  backSanctions: {
    actor: 'china',
    short: 'back-sanctions',
    label: 'Back sanctions on Pyongyang',
    hint: 'China carries most of its trade: sanctions bite far harder; sheds some stigma.',
    claims: ['C7', 'C11', 'C12'],
  },
  blockSanctions: {
    actor: 'china',
    short: 'block-sanctions',
    label: 'Block new sanctions',
    hint: 'Shields Kim\'s economy from sanctions; ties Beijing to him in public.',
    claims: ['C11', 'C12', 'C13'],
  },
  chinaWaits: {
    actor: 'china',
    short: 'wait',
    label: 'Wait',
    hint: 'Do nothing this round.',
    claims: [],
  },
  // Kim, C6, C7, C12
  testShortRange: {
    actor: 'kim',
    short: 'short-range',
    label: 'Test a short-range missile',
    hint: 'Small rise in tension and prestige.',
    claims: ['C6', 'C12'],
  },
  missileOverJapan: {
    actor: 'kim',
    short: 'over-japan',
    label: 'Fire a missile over Japan',
    hint: 'A real crisis: tension and prestige jump.',
    claims: ['C6', 'C12'],
  },
  testIcbm: {
    actor: 'kim',
    short: 'icbm',
    label: 'Test an ICBM',
    hint: 'Threatens the US homeland; ends any detente.',
    claims: ['C6', 'C7', 'C12'],
  },
  nuclearTest: {
    actor: 'kim',
    short: 'nuclear',
    label: 'Conduct a nuclear test',
    hint: 'The top of the ladder; ends any detente.',
    claims: ['C6', 'C7', 'C12'],
  },
  holdTests: {
    actor: 'kim',
    short: 'hold',
    label: 'Hold',
    hint: 'No test this round; tension drains a little.',
    claims: [],
  },
  suspendTestsForPayment: {
    actor: 'kim',
    short: 'suspend',
    label: 'Offer to suspend tests, for payment',
    hint: 'Sell a pause, betting a distracted US will pay to avoid a crisis.',
    claims: ['C6'],
  },
  // United States, C3, C8-C11
  concedeTaiwan: {
    actor: 'us',
    short: 'concede-taiwan',
    label: 'Concede: less support for Taiwan',
    hint: 'Buys China\'s restraint if offered; costs credibility and teaches Beijing you pay.',
    claims: ['C3', 'C8'],
  },
  concedeChips: {
    actor: 'us',
    short: 'concede-chips',
    label: 'Concede: loosen chip export controls',
    hint: 'Buys China\'s restraint if offered; costs credibility and teaches Beijing you pay.',
    claims: ['C3', 'C8'],
  },
  payKim: {
    actor: 'us',
    short: 'pay-kim',
    label: 'Pay Kim (aid for a pause)',
    hint: 'Calms a paused crisis now; teaches Kim that tests pay.',
    claims: ['C6', 'C8'],
  },
  askBeijingForHelp: {
    actor: 'us',
    short: 'ask-beijing',
    label: 'Ask Beijing for help',
    hint: 'Some restraint now, but China reads it as a buyer at the table.',
    claims: ['C9'],
  },
  exposeBeijing: {
    actor: 'us',
    short: 'expose',
    label: 'Expose Beijing\'s role',
    hint: 'Ties China to Kim in public and pulls Europe closer; stronger with evidence.',
    claims: ['C10', 'C12'],
  },
  sanction: {
    actor: 'us',
    short: 'sanction',
    label: 'Sanction; seize Kim\'s money in Europe',
    hint: 'Bites Kim\'s economy; bites harder when Europe is aligned.',
    claims: ['C11'],
  },
  posture: {
    actor: 'us',
    short: 'posture',
    label: 'Posture: exercises, carrier, Japan',
    hint: 'Raises deterrence, which shrinks what escalation buys Kim; a little tension now.',
    claims: ['C11', 'C12'],
  },
  openDiplomaticTrack: {
    actor: 'us',
    short: 'diplomacy',
    label: 'Keep the door open to a durable deal',
    hint: 'Builds toward a settlement; progresses faster when tension is low.',
    claims: ['C11'],
  },
  usWaits: {
    actor: 'us',
    short: 'wait',
    label: 'Wait',
    hint: 'Do nothing this round.',
    claims: [],
  },
} as const satisfies Record<string, MoveInfo>;

export type MoveName = keyof typeof MOVES;
export type ChinaMove = { [K in MoveName]: (typeof MOVES)[K]['actor'] extends 'china' ? K : never }[MoveName];
export type KimMove = { [K in MoveName]: (typeof MOVES)[K]['actor'] extends 'kim' ? K : never }[MoveName];
export type UsMove = { [K in MoveName]: (typeof MOVES)[K]['actor'] extends 'us' ? K : never }[MoveName];

export const MOVE_NAMES = Object.keys(MOVES) as MoveName[];

export function isMoveName(name: string): name is MoveName {
  return Object.prototype.hasOwnProperty.call(MOVES, name);
}

export function movesOf(actor: Actor): MoveName[] {
  return MOVE_NAMES.filter((m) => MOVES[m].actor === actor);
}

/** Kim's test moves and the rung (1..4) each reaches. */
export const RUNG_OF_MOVE: Partial<Record<MoveName, number>> = {
  testShortRange: 1,
  missileOverJapan: 2,
  testIcbm: 3,
  nuclearTest: 4,
};

export function rungOf(move: MoveName): number {
  return RUNG_OF_MOVE[move] ?? 0;
}

/** A move of `actor` by its name or short name, any case; undefined if none. */
export function findMove(actor: Actor, word: string): MoveName | undefined {
  const w = word.trim().toLowerCase();
  return movesOf(actor).find((m) => m.toLowerCase() === w || MOVES[m].short === w);
}

/** Does this side learn of the move when it is made? (The US may still catch it later: C4.) */
export function moveVisibleTo(move: MoveName, actor: Actor): boolean {
  const seenBy = (MOVES[move] as MoveInfo).seenBy;
  return seenBy === undefined || seenBy.includes(actor);
}
