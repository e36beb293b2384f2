import type { Actor } from './context.js';

export interface MoveInfo {
  actor: Actor;
  /** What a person sees in a menu. */
  label: string;
  /** One line on the likely effect, for menus and help. */
  hint: string;
  /** Claims the move's rules encode. */
  claims: readonly string[];
}

// The move names double as xstate event types: one event per move keeps the machine
// readable as a diagram and lets `legalMoves` read legality straight off it.
export const MOVES = {
  // China, C1-C5, C7, C13
  askEscalationOvertly: {
    actor: 'china',
    label: 'Ask Kim to escalate (openly)',
    hint: 'Turns pressure up; easy for US intelligence to trace back to Beijing.',
    claims: ['C1', 'C2', 'C4', 'C13'],
  },
  askEscalationByCourier: {
    actor: 'china',
    label: 'Ask Kim to escalate (by courier)',
    hint: 'Turns pressure up through human couriers: much harder to detect.',
    claims: ['C1', 'C2', 'C4', 'C13'],
  },
  restrainKim: {
    actor: 'china',
    label: 'Restrain Kim',
    hint: 'Turns pressure down, in proportion to China\'s real influence.',
    claims: ['C1'],
  },
  offerRestraintForTaiwan: {
    actor: 'china',
    label: 'Offer to rein Kim in, for less US support to Taiwan',
    hint: 'Sells restraint; needs tension high enough to be worth buying.',
    claims: ['C2', 'C3', 'C9'],
  },
  offerRestraintForChips: {
    actor: 'china',
    label: 'Offer to rein Kim in, for looser chip controls',
    hint: 'Sells restraint; needs tension high enough to be worth buying.',
    claims: ['C2', 'C3', 'C9'],
  },
  squeezeLifeline: {
    actor: 'china',
    label: 'Squeeze North Korea\'s trade lifeline',
    hint: 'Hurts Kim\'s economy and standing; the stick behind every request.',
    claims: ['C7'],
  },
  sendWarmSignal: {
    actor: 'china',
    label: 'Send Kim a warm public letter',
    hint: 'Emboldens Kim and lifts his standing, but shows Beijing\'s comfort with him.',
    claims: ['C5'],
  },
  chinaWaits: {
    actor: 'china',
    label: 'Wait',
    hint: 'Do nothing this round.',
    claims: [],
  },
  // Kim, C6, C7, C12
  testShortRange: {
    actor: 'kim',
    label: 'Test a short-range missile',
    hint: 'Small rise in tension and prestige.',
    claims: ['C6', 'C12'],
  },
  missileOverJapan: {
    actor: 'kim',
    label: 'Fire a missile over Japan',
    hint: 'A real crisis: tension and prestige jump.',
    claims: ['C6', 'C12'],
  },
  testIcbm: {
    actor: 'kim',
    label: 'Test an ICBM',
    hint: 'Threatens the US homeland; ends any detente.',
    claims: ['C6', 'C7', 'C12'],
  },
  nuclearTest: {
    actor: 'kim',
    label: 'Conduct a nuclear test',
    hint: 'The top of the ladder; ends any detente.',
    claims: ['C6', 'C7', 'C12'],
  },
  holdTests: {
    actor: 'kim',
    label: 'Hold',
    hint: 'No test this round; tension drains a little.',
    claims: [],
  },
  suspendTestsForPayment: {
    actor: 'kim',
    label: 'Offer to suspend tests, for payment',
    hint: 'Sell a pause, betting a distracted US will pay to avoid a crisis.',
    claims: ['C6'],
  },
  // United States, C3, C8-C11
  concedeTaiwan: {
    actor: 'us',
    label: 'Concede: less support for Taiwan',
    hint: 'Buys China\'s restraint if offered; costs credibility and teaches Beijing you pay.',
    claims: ['C3', 'C8'],
  },
  concedeChips: {
    actor: 'us',
    label: 'Concede: loosen chip export controls',
    hint: 'Buys China\'s restraint if offered; costs credibility and teaches Beijing you pay.',
    claims: ['C3', 'C8'],
  },
  payKim: {
    actor: 'us',
    label: 'Pay Kim (aid for a pause)',
    hint: 'Calms a paused crisis now; teaches Kim that tests pay.',
    claims: ['C6', 'C8'],
  },
  askBeijingForHelp: {
    actor: 'us',
    label: 'Ask Beijing for help',
    hint: 'Some restraint now, but China reads it as a buyer at the table.',
    claims: ['C9'],
  },
  exposeBeijing: {
    actor: 'us',
    label: 'Expose Beijing\'s role',
    hint: 'Ties China to Kim in public and pulls Europe closer; stronger with evidence.',
    claims: ['C10', 'C12'],
  },
  sanction: {
    actor: 'us',
    label: 'Sanction (and seize Kim\'s money in Europe)',
    hint: 'Bites Kim\'s economy; bites harder when Europe is aligned.',
    claims: ['C11'],
  },
  posture: {
    actor: 'us',
    label: 'Posture: exercises, carrier, Japan',
    hint: 'Raises deterrence, which shrinks what escalation buys Kim; a little tension now.',
    claims: ['C11', 'C12'],
  },
  openDiplomaticTrack: {
    actor: 'us',
    label: 'Keep the door open to a durable deal',
    hint: 'Builds toward a settlement; progresses faster when tension is low.',
    claims: ['C11'],
  },
  usWaits: {
    actor: 'us',
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
