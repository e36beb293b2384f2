import type { Actor, GameContext } from './context.js';
import type { ChanceEvent } from './events.js';
import type { Note } from './notes.js';
import * as china from './china-moves.js';
import * as kim from './kim-moves.js';
import * as us from './us-moves.js';
import * as chance from './chance.js';
import * as end from './round-end.js';
import * as deals from './deals.js';
import { change } from './notes.js';

// The game as a table (after boardgame.io's one definition per move): every move is
// declared here once, with who makes it, when it is legal, what it does (the rule function,
// which cites its claim in its own file), who observes it, how it is told and what a person
// sees of it in a menu. The xstate machine (machine.ts), the batch stepper, the benchmark's
// hand-written loop, the observation rule, the screens and the CLI all read this table.
// Adding a move is one entry here plus its rule function (README: "Adding a move").

/** A named legality test; the name (and params) is what the diagram shows. */
export interface GuardDecl {
  name: string;
  params?: Readonly<Record<string, number | string>>;
  test: (ctx: GameContext) => boolean;
}

/** A named rule applied to the state in place; the name is what the diagram shows. */
export interface EffectDecl {
  name: string;
  params?: Readonly<Record<string, number | string>>;
  apply: (ctx: GameContext) => void;
}

export interface MoveDecl {
  actor: Actor;
  /** A short name for scripts (`--moves expose,sanction`), unique within the actor. */
  short: string;
  /** What a person sees in a menu, and what a log line names the move as. */
  label: string;
  /** One line on the likely effect, for menus and help. */
  hint: string;
  /** Claims the move's rules encode. */
  claims: readonly string[];
  /** Legal only when this passes (beyond its actor's turn). */
  guard?: GuardDecl;
  /** What the move does; none for a move that only passes the turn. */
  effect?: EffectDecl;
  /**
   * Who observes the move as it is made; everyone else observes nothing of it (C4: requests
   * travel privately; the US may still catch one when chance resolves the round). Absent: everyone.
   */
  observedBy?: readonly Actor[];
  /** Kim's test moves: the rung of the ladder (1..4) the test reaches. */
  rung?: number;
  /** The move's consequences in words, from the states before and after it. */
  narrate: (before: GameContext, after: GameContext) => Note[];
}

const guard = (name: string, test: (ctx: GameContext) => boolean, params?: GuardDecl['params']): GuardDecl =>
  params ? { name, params, test } : { name, test };
const effect = (name: string, apply: (ctx: GameContext) => void, params?: EffectDecl['params']): EffectDecl =>
  params ? { name, params, apply } : { name, apply };
const note = (claims: string[], text: string): Note[] => [{ claims, text }];

const BEIJING_AND_KIM: readonly Actor[] = ['china', 'kim'];
/**
 * A line about the lifeline, told twice: Beijing and Pyongyang read its numbers; Washington,
 * whose view has no lifeline (context.ts), reads the same event without them.
 */
const lifelineNote = (claims: string[], toUs: string, toBeijingAndKim: string): Note[] => [
  { claims, text: toUs, seenBy: ['us'] },
  { claims, text: toBeijingAndKim, seenBy: BEIJING_AND_KIM },
];

const rungGuard = (rung: number) => guard('rungWithinReach', (c) => kim.rungWithinReach(c, rung), { rung });
const rungEffect = (rung: number) => effect('testMissile', (c) => kim.testMissile(c, rung), { rung });
function narrateTest(b: GameContext, a: GameContext): Note[] {
  // C4: the public line reads the public figure; an uncaught request must not show in it.
  const notes: Note[] = [{ claims: ['C6', 'C12'], text: `Tension ${change(b.tension, a.tension)}; Kim's standing at home ${change(b.kimStandingPublic, a.kimStandingPublic)}.` }];
  if (b.diplomacy > 0 && a.diplomacy === 0) notes.push({ claims: ['C7'], text: 'The test ends the diplomatic track.' });
  return notes;
}
/** C7: the calm Kim pledges at a summit, in words ('' when there is no pledge). */
function pledgeWords(rounds: number): string {
  return rounds > 0 ? `, promising ${rounds} quiet month${rounds === 1 ? '' : 's'}` : '';
}
function narrateConcession(what: string) {
  return (b: GameContext, a: GameContext): Note[] => {
    const notes: Note[] = [{ claims: ['C3', 'C8'], text: `Washington concedes ${what}: credibility ${change(b.usCredibility, a.usCredibility)}.` }];
    if (a.tension < b.tension) notes.push({ claims: ['C1'], text: `Beijing delivers the restraint it sold: tension ${change(b.tension, a.tension)}.` });
    else notes.push({ claims: ['C8'], text: 'Nothing was on offer for that price: Beijing pockets it.' });
    return notes;
  };
}

// The move names double as xstate event types. The order here is the order legal moves are
// listed in (menus, strategies' `legal` lists), so it is part of the games' determinism.
export const GAME_TABLE = {
  // ---------------- China: C1-C5, C7, C11-C13 ----------------
  askEscalationOvertly: {
    actor: 'china',
    short: 'ask',
    label: 'Ask Kim to escalate (openly)',
    hint: 'Turns pressure up; easy for US intelligence to trace back to Beijing.',
    claims: ['C1', 'C2', 'C4', 'C13'],
    effect: effect('askKimToEscalate', (c) => china.askKimToEscalate(c, 'overt'), { channel: 'overt' }),
    observedBy: BEIJING_AND_KIM,
    narrate: () => note(['C2', 'C13'], 'Xi openly asks Kim to turn up the pressure on Washington.'),
  },
  askEscalationByCourier: {
    actor: 'china',
    short: 'courier',
    label: 'Ask Kim to escalate (by courier)',
    hint: 'Turns pressure up through human couriers: much harder to detect.',
    claims: ['C1', 'C2', 'C4', 'C13'],
    effect: effect('askKimToEscalate', (c) => china.askKimToEscalate(c, 'covert'), { channel: 'covert' }),
    observedBy: BEIJING_AND_KIM,
    narrate: () => note(['C2', 'C4'], "A courier carries Xi's request for escalation to Pyongyang, out of sight of US intelligence."),
  },
  restrainKim: {
    actor: 'china',
    short: 'restrain',
    label: 'Restrain Kim',
    hint: "Turns pressure down, in proportion to China's real influence.",
    claims: ['C1'],
    effect: effect('restrainKim', china.restrainKim),
    narrate: (b, a) => note(['C1'], `Beijing leans on Kim to calm down: tension ${change(b.tension, a.tension)}.`),
  },
  offerRestraintForTaiwan: {
    actor: 'china',
    short: 'offer-taiwan',
    label: 'Offer restraint; price: Taiwan support',
    hint: 'Sells restraint; needs tension high enough to be worth buying.',
    claims: ['C2', 'C3', 'C9'],
    guard: guard('thereIsPressureToSell', china.thereIsPressureToSell),
    effect: effect('offerRestraint', (c) => china.offerRestraint(c, 'taiwan'), { price: 'taiwan' }),
    narrate: () => note(['C2', 'C3'], 'Beijing offers to rein Kim in, for less US support to Taiwan.'),
  },
  offerRestraintForChips: {
    actor: 'china',
    short: 'offer-chips',
    label: 'Offer restraint; price: chip controls',
    hint: 'Sells restraint; needs tension high enough to be worth buying.',
    claims: ['C2', 'C3', 'C9'],
    guard: guard('thereIsPressureToSell', china.thereIsPressureToSell),
    effect: effect('offerRestraint', (c) => china.offerRestraint(c, 'chips'), { price: 'chips' }),
    narrate: () => note(['C2', 'C3'], 'Beijing offers to rein Kim in, for looser chip export controls.'),
  },
  squeezeLifeline: {
    actor: 'china',
    short: 'squeeze',
    label: "Squeeze North Korea's lifeline",
    hint: "Hurts Kim's economy and standing; the stick behind every request.",
    claims: ['C7'],
    guard: guard('lifelineLeftToSqueeze', china.lifelineLeftToSqueeze),
    effect: effect('squeezeLifeline', china.squeezeLifeline),
    narrate: (b, a) =>
      lifelineNote(
        ['C7'],
        `Beijing squeezes the trade lifeline; the North Korean economy ${change(b.nkEconomy, a.nkEconomy)}.`,
        `Beijing squeezes the trade lifeline (${change(b.lifeline, a.lifeline)}); the North Korean economy ${change(b.nkEconomy, a.nkEconomy)}.`,
      ),
  },
  sendWarmSignal: {
    actor: 'china',
    short: 'warm-letter',
    label: 'Send Kim a warm public letter',
    hint: "Emboldens Kim and lifts his standing, but shows Beijing's comfort with him.",
    claims: ['C5'],
    effect: effect('sendWarmSignal', china.sendWarmSignal),
    narrate: (b, a) =>
      note(['C5'], `Xi sends Kim a warm public letter, silent on his tests: Kim's standing ${change(b.kimStandingPublic, a.kimStandingPublic)}, US evidence of Beijing's comfort ${change(b.evidence, a.evidence)}.`),
  },
  backSanctions: {
    actor: 'china',
    short: 'back-sanctions',
    label: 'Back sanctions on Pyongyang',
    hint: 'China carries most of its trade: sanctions bite far harder; sheds some stigma.',
    claims: ['C7', 'C11', 'C12'],
    guard: guard('chinaCanBackSanctions', china.chinaCanBackSanctions),
    effect: effect('backSanctions', china.backSanctions),
    // Observed by everyone: enforcing sanctions on its own trade is public (C11).
    narrate: (b, a) =>
      note(['C7', 'C11', 'C12'], `Beijing backs sanctions on Pyongyang and enforces them on its own trade: they bite far harder; China's exposure ${change(b.exposure, a.exposure)}.`),
  },
  blockSanctions: {
    actor: 'china',
    short: 'block-sanctions',
    label: 'Block new sanctions',
    hint: "Shields Kim's economy from sanctions; ties Beijing to him in public.",
    claims: ['C11', 'C12', 'C13'],
    guard: guard('chinaCanBlockSanctions', china.chinaCanBlockSanctions),
    effect: effect('blockSanctions', china.blockSanctions),
    // Observed by everyone: a block at the Security Council is public (C13).
    narrate: (b, a) =>
      note(['C11', 'C13'], `Beijing blocks new sanctions and lets the old ones leak: they bite less; China's exposure ${change(b.exposure, a.exposure)}.`),
  },
  chinaWaits: {
    actor: 'china',
    short: 'wait',
    label: 'Wait',
    hint: 'Do nothing this round.',
    claims: [],
    // C4: Washington cannot tell a quiet Beijing from a courier it missed, so it observes
    // neither; Kim knows no message came.
    observedBy: BEIJING_AND_KIM,
    narrate: () => note([], 'Beijing waits.'),
  },
  // ---------------- Kim: C6, C7, C12 ----------------
  testShortRange: {
    actor: 'kim',
    short: 'short-range',
    label: 'Test a short-range missile',
    hint: 'Small rise in tension and prestige.',
    claims: ['C6', 'C12'],
    rung: 1,
    guard: rungGuard(1),
    effect: rungEffect(1),
    narrate: narrateTest,
  },
  missileOverJapan: {
    actor: 'kim',
    short: 'over-japan',
    label: 'Fire a missile over Japan',
    hint: 'A real crisis: tension and prestige jump.',
    claims: ['C6', 'C12'],
    rung: 2,
    guard: rungGuard(2),
    effect: rungEffect(2),
    narrate: narrateTest,
  },
  testIcbm: {
    actor: 'kim',
    short: 'icbm',
    label: 'Test an ICBM',
    hint: 'Threatens the US homeland; ends any detente.',
    claims: ['C6', 'C7', 'C12'],
    rung: 3,
    guard: rungGuard(3),
    effect: rungEffect(3),
    narrate: narrateTest,
  },
  nuclearTest: {
    actor: 'kim',
    short: 'nuclear',
    label: 'Conduct a nuclear test',
    hint: 'The top of the ladder; ends any detente.',
    claims: ['C6', 'C7', 'C12'],
    rung: 4,
    guard: rungGuard(4),
    effect: rungEffect(4),
    narrate: narrateTest,
  },
  holdTests: {
    actor: 'kim',
    short: 'hold',
    label: 'Hold',
    hint: 'No test this round; tension drains a little.',
    claims: [],
    narrate: () => note([], 'Kim holds: no test this round.'),
  },
  suspendTestsForPayment: {
    actor: 'kim',
    short: 'suspend',
    label: 'Offer to suspend tests, for payment',
    hint: 'Sell a pause, betting a distracted US will pay to avoid a crisis.',
    claims: ['C6'],
    guard: guard('kimHasPauseToSell', kim.kimHasPauseToSell),
    effect: effect('offerPause', kim.offerPause),
    narrate: () => note(['C6'], 'Kim offers to suspend his tests, if someone pays.'),
  },
  courtBeijing: {
    actor: 'kim',
    short: 'summit',
    label: 'Court Beijing: a summit with Xi',
    hint: "Reopens the lifeline and Beijing's cover from sanctions; looks like its client; pledges calm.",
    claims: ['C7'],
    guard: guard('beijingReceivesKim', kim.beijingReceivesKim),
    effect: effect('courtBeijing', kim.courtBeijing),
    narrate: (b, a) => [
      // One public line (the pledge in it): a screen has room for little more of one move.
      ...note(['C7'], `Kim courts Xi${pledgeWords(a.params.dynamics.summitPledge)}; seen as his client: standing ${change(b.kimStandingPublic, a.kimStandingPublic)}.`),
      // The lifeline is Beijing's and Pyongyang's to know; Washington reads the same event by the
      // economy alone (lifelineNote). A summit that refuses Xi's request is told by Kim's
      // answer, with the lifeline's net.
      ...(a.kimAnswer === 'defied'
        ? []
        : lifelineNote(['C7'], `Trade with China picks up after the summit: the North Korean economy ${change(b.nkEconomy, a.nkEconomy)}.`, `Xi reopens the lifeline ${change(b.lifeline, a.lifeline)}: the economy ${change(b.nkEconomy, a.nkEconomy)}.`)),
      ...(b.chinaSanctionStance > 0 && a.chinaSanctionStance <= 0 ? note(['C7', 'C11'], 'Beijing stops enforcing the sanctions it backed.') : []),
    ],
  },
  // ---------------- United States: C3, C8-C11 ----------------
  concedeTaiwan: {
    actor: 'us',
    short: 'concede-taiwan',
    label: 'Concede: less support for Taiwan',
    hint: "Buys China's restraint if offered; costs credibility and teaches Beijing you pay.",
    claims: ['C3', 'C8'],
    effect: effect('concede', (c) => us.concede(c, 'taiwan'), { kind: 'taiwan' }),
    narrate: narrateConcession('less support for Taiwan'),
  },
  concedeChips: {
    actor: 'us',
    short: 'concede-chips',
    label: 'Concede: loosen chip export controls',
    hint: "Buys China's restraint if offered; costs credibility and teaches Beijing you pay.",
    claims: ['C3', 'C8'],
    effect: effect('concede', (c) => us.concede(c, 'chips'), { kind: 'chips' }),
    narrate: narrateConcession('looser chip export controls'),
  },
  payKim: {
    actor: 'us',
    short: 'pay-kim',
    label: 'Pay Kim (aid for a pause)',
    hint: 'Calms a paused crisis now; teaches Kim that tests pay.',
    claims: ['C6', 'C8'],
    guard: guard('kimHasTestsToSuspend', kim.kimHasTestsToSuspend),
    effect: effect('payKim', us.payKim),
    narrate: (b, a) => [
      ...note(['C6', 'C8'], `Washington pays Kim: economy ${change(b.nkEconomy, a.nkEconomy)}, tension ${change(b.tension, a.tension)}, credibility ${change(b.usCredibility, a.usCredibility)}.`),
      ...(a.freezesReached > b.freezesReached ? note(['C6', 'C11'], 'The paid pause is a freeze: Kim holds, and Washington pays an instalment for each month it holds.') : []),
    ],
  },
  askBeijingForHelp: {
    actor: 'us',
    short: 'ask-beijing',
    label: 'Ask Beijing for help',
    hint: 'Some restraint now, but China reads it as a buyer at the table.',
    claims: ['C9'],
    effect: effect('askBeijingForHelp', us.askBeijingForHelp),
    narrate: (b, a) =>
      note(['C9'], `Washington asks Beijing for help: a little calm (tension ${change(b.tension, a.tension)}), and China marks the US as a buyer.`),
  },
  exposeBeijing: {
    actor: 'us',
    short: 'expose',
    label: "Expose Beijing's role",
    hint: 'Ties China to Kim in public and pulls Europe closer; stronger with evidence.',
    claims: ['C10', 'C12'],
    effect: effect('exposeBeijing', us.exposeBeijing),
    narrate: (b, a) =>
      note(['C10', 'C12'], `Washington exposes Beijing's role: exposure ${change(b.exposure, a.exposure)}, Europe's alignment ${change(b.europeAlignment, a.europeAlignment)}.`),
  },
  sanction: {
    actor: 'us',
    short: 'sanction',
    label: "Sanction; seize Kim's money in Europe",
    hint: "Bites Kim's economy; bites harder when Europe is aligned.",
    claims: ['C11'],
    effect: effect('sanction', us.sanction),
    narrate: (b, a) => note(['C11'], `Sanctions tighten, with seizures in European banks as far as Europe joins: ${change(b.sanctions, a.sanctions)}.`),
  },
  posture: {
    actor: 'us',
    short: 'posture',
    label: 'Posture: exercises, carrier, Japan',
    hint: 'Raises deterrence, which shrinks what escalation buys Kim; a little tension now.',
    claims: ['C11', 'C12'],
    effect: effect('posture', us.posture),
    narrate: (b, a) => note(['C11', 'C12'], `Joint exercises, a carrier, Japan engaged: deterrence ${change(b.deterrence, a.deterrence)}.`),
  },
  openDiplomaticTrack: {
    actor: 'us',
    short: 'diplomacy',
    label: 'Keep the door open to a durable deal',
    hint: 'Builds toward a settlement; progresses faster when tension is low.',
    claims: ['C11'],
    effect: effect('openDiplomaticTrack', us.openDiplomaticTrack),
    narrate: (b, a) => [
      ...note(['C11'], `Washington keeps the door open to a durable deal: diplomacy ${change(b.diplomacy, a.diplomacy)}.`),
      ...(a.deal === 'settlement' && b.deal !== 'settlement'
        ? note(['C11'], `The talks reach a deal; it settles the crisis once it has held ${a.params.dynamics.dealProbation} month${a.params.dynamics.dealProbation === 1 ? '' : 's'}.`)
        : []),
    ],
  },
  usWaits: {
    actor: 'us',
    short: 'wait',
    label: 'Wait',
    hint: 'Do nothing this round.',
    claims: [],
    narrate: () => note([], 'Washington waits.'),
  },
} as const satisfies Record<string, MoveDecl>;

export type MoveName = keyof typeof GAME_TABLE;

/** A rule every move of an actor runs after its own effect (named, for the diagram). */
export interface AfterMove {
  name: string;
  apply: (ctx: GameContext, move: MoveName) => void;
}

export interface ActorDecl {
  /** The actor in a sentence ("the US") and as a label ("US"), and its seat of government (a screen's "Washington sees"). */
  name: string;
  label: string;
  capital: string;
  /** The machine state in which this actor moves. */
  phase: string;
  /** Rules run after every move of this actor, in order. */
  afterMove: readonly AfterMove[];
  /** Notes every move of this actor adds after its own, in words. */
  narrateAfter?: (before: GameContext, after: GameContext) => Note[];
}

// C7: whatever Kim does, his account with Xi is settled right after (obeyed, defied, ignored).
function narrateKimAnswer(b: GameContext, a: GameContext): Note[] {
  if (a.kimAnswer === 'obeyed' && a.requestChannel !== 'none') {
    // Said by which way standing went: "pays" beside a rising number read as a contradiction.
    const net = a.kimStanding < b.kimStanding ? "looking like Xi's tool cost more standing than the test's prestige won" : "the test's prestige outweighed the cost of looking like Xi's tool";
    return [{ claims: ['C7'], text: `Kim did as Xi asked; ${net}: standing ${change(b.kimStanding, a.kimStanding)}.`, seenBy: BEIJING_AND_KIM }];
  }
  if (a.kimAnswer === 'defied') {
    // A summit that refuses Xi's request both reopens the lifeline and has it cut: say the round's net.
    const text =
      a.kimMoveThisRound === 'courtBeijing'
        ? `Kim refused Xi's request: the lifeline nets ${change(b.lifeline, a.lifeline)}.`
        : `Kim defied Beijing, which cut the lifeline ${change(b.lifeline, a.lifeline)}.`;
    if (a.requestChannel !== 'none') return [{ claims: ['C7'], text, seenBy: BEIJING_AND_KIM }];
    return lifelineNote(['C7'], `Kim defied Beijing, which cut the lifeline: the economy ${change(b.nkEconomy, a.nkEconomy)}.`, text);
  }
  if (a.kimAnswer === 'obeyed' && a.restraintOrdered) return [{ claims: ['C1', 'C7'], text: "Kim heeds Beijing's restraint." }];
  return [];
}

/** Each actor once: a new actor missing here fails to compile. */
export const ACTOR_TABLE = {
  china: {
    name: 'China',
    label: 'China',
    capital: 'Beijing',
    phase: 'chinaMoves',
    afterMove: [{ name: 'recordChinaMove', apply: (ctx, m) => void (ctx.chinaMoveThisRound = m) }],
  },
  kim: {
    name: 'Kim',
    label: 'Kim',
    capital: 'Pyongyang',
    phase: 'kimResponds',
    afterMove: [
      { name: 'settleKimAccountWithXi', apply: (ctx) => kim.settleKimAccountWithXi(ctx) },
      { name: 'recordKimMove', apply: (ctx, m) => void (ctx.kimMoveThisRound = m) },
    ],
    narrateAfter: narrateKimAnswer,
  },
  us: {
    name: 'the US',
    label: 'US',
    capital: 'Washington',
    phase: 'usResponds',
    afterMove: [{ name: 'recordUsMove', apply: (ctx, m) => void (ctx.usMoveThisRound = m) }],
  },
} as const satisfies Record<Actor, ActorDecl>;

/** The order of play in a round; chance resolves it after the last actor. */
export const TURN_ORDER: readonly Actor[] = ['china', 'kim', 'us'];
export const CHANCE_PHASE = 'chanceResolves';
export const ROUND_END_PHASE = 'roundEnds';

/** Chance's step, in order: one event of three uniform draws resolves the round. */
export const CHANCE_RULES: readonly { name: string; apply: (ctx: GameContext, e: ChanceEvent) => void }[] = [
  { name: 'discoverChinasRequest', apply: chance.discoverChinasRequest },
  { name: 'chinaLearnsWhetherUsPays', apply: (c) => chance.chinaLearnsWhetherUsPays(c) },
  { name: 'kimLearnsWhetherUsPays', apply: (c) => chance.kimLearnsWhetherUsPays(c) },
  { name: 'contractsHold', apply: deals.contractsHold },
  { name: 'sanctionsBite', apply: (c) => chance.sanctionsBite(c) },
  { name: 'alliesAnswerTests', apply: (c) => chance.alliesAnswerTests(c) },
  { name: 'rollForWar', apply: chance.rollForWar },
  { name: 'tensionSettles', apply: (c) => chance.tensionSettles(c) },
  { name: 'programmeAdvances', apply: (c) => chance.programmeAdvances(c) },
  { name: 'driftUsChinaTension', apply: chance.driftUsChinaTension },
];

/** How a round ends, tested in order; none passing starts the next round. */
export const ENDINGS = [
  { guard: 'warBrokeOut', test: end.warBrokeOut, outcome: 'war' },
  { guard: 'regimeCollapsed', test: end.regimeCollapsed, outcome: 'regimeCrisis' },
  { guard: 'settlementReached', test: end.settlementReached, outcome: 'settlement' },
  { guard: 'leverageExposed', test: end.leverageExposed, outcome: 'leverageExposed' },
  { guard: 'roundLimitWithConcessions', test: end.roundLimitWithConcessions, outcome: 'concessionsExtracted' },
  { guard: 'roundLimitReached', test: end.roundLimitReached, outcome: 'stalemate' },
] as const;
export const NEXT_ROUND = { name: 'beginNextRound', apply: end.beginNextRound } as const;

/** The move's entry, typed loosely for code that walks the table. */
export function moveDecl(move: MoveName): MoveDecl {
  return GAME_TABLE[move] as MoveDecl;
}

/** The phase an actor moves in, and the actor moving in a phase (null: nobody, or chance). */
export function phaseActor(phase: string): Actor | 'chance' | null {
  if (phase === CHANCE_PHASE) return 'chance';
  for (const a of TURN_ORDER) if (ACTOR_TABLE[a].phase === phase) return a;
  return null;
}
