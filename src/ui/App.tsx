import { useEffect, useMemo, useRef, useState } from 'react';
import type { MutableRefObject } from 'react';
import { Box, Text, useApp, useInput, useStdin, useStdout } from 'ink';
import type { Actor } from '../model/context.js';
import type { MoveName } from '../model/moves.js';
import type { Scenario } from '../scenario/load.js';
import type { ScenarioRef, Sides } from '../engine/reference/session.js';
import type { SeenStep } from '../net/protocol.js';
import type { ScreenController } from './screen-controller.js';
import type { Strategy } from '../strategies/types.js';
import type { LogLine } from './components.js';
import type { Counterfactual } from '../analysis/counterfactuals.js';
import { ACTORS } from '../model/context.js';
import { ACTOR_TABLE } from '../model/game-table.js';
import { MOVES, movesOf } from '../model/moves.js';
import { observe, observedMoveText } from '../model/observe.js';
import { OUTCOME_SHORT, OUTCOMES } from '../model/outcomes.js';
import { defaultStrategyId, findStrategy, getStrategy, STRATEGIES } from '../strategies/registry.js';
import { sidesOf } from '../engine/reference/session.js';
import { EventLog, fit, Help, logRows, Meters, moveIndexOfKey, moveKey, moveKeysText, MoveList } from './components.js';
import { lineWarning, meterMeanings } from './meters.js';
import { wrapLine } from '../text-wrap.js';
import { GameController, roundSeries } from './game-controller.js';
import { standingAgainst } from '../analysis/debrief.js';
import type { Debrief } from '../analysis/debrief.js';
import { DebriefView, PayoffParts, STANDING_COLOR, STANDING_TEXT } from './debrief-view.js';

const SIDE_NAME: Record<Actor, string> = { us: 'United States', china: 'China', kim: 'Kim (North Korea)' };
/** Sides in the order the setup screen lists them. */
const LISTED: Actor[] = ['us', 'china', 'kim'];
const SHORT: Record<Actor | 'chance', string> = { us: 'US', china: 'China', kim: 'Kim', chance: 'Round' };

export interface GameSetup {
  scenario: ScenarioRef & { strategies?: Scenario['strategies'] };
  side: Actor;
  seed: string;
  index: number;
  opponents: Partial<Record<Actor, string>>;
  moves?: MoveName[];
}

export interface AppProps {
  scenarios: Scenario[];
  /** Start straight in a game (leverage play 2022 --as us), else on the setup screen. */
  start?: GameSetup;
  newSeed: () => string;
  /** Saves a log; returns where it went. */
  save: (fileStem: string, jsonl: string) => string;
  /** A game already under way elsewhere (a seat at a class game): shown instead of setup. */
  controller?: ScreenController;
}

function sidesFor(setup: GameSetup): Sides {
  return sidesOf((a) => {
    if (a === setup.side) return 'human';
    return findStrategy(a, setup.opponents[a] ?? defaultStrategyId(a, setup.scenario.strategies)) ?? getStrategy(a, defaultStrategyId(a));
  });
}

/**
 * The log as the person's side observed it (the one observation rule, model/observe.ts):
 * each move is named as the side knows it, then its effect; a move the side did not
 * observe reads "Nothing observed", never a move it did not make. The teacher view shows
 * everything, what the side could not know marked hidden. A network seat's steps arrive
 * already observed (net/observe.ts); observing them again as that side changes nothing.
 */
export function logLines(steps: readonly SeenStep[], side: Actor, teacher: boolean, coveredByAi: readonly number[] = []): LogLine[] {
  const out: LogLine[] = [];
  for (const s of steps) {
    const o = observe(s, teacher ? 'all' : side);
    const who = SHORT[o.actor];
    const hiddenFrom = (knownTo: readonly Actor[] | undefined) => knownTo !== undefined && !knownTo.includes(side);
    const cited = o.notes.filter((n) => o.actor === 'chance' || n.claims.length > 0);
    if (o.actor === 'chance') {
      for (const n of cited) out.push({ round: o.round, who, text: n.text, claims: n.claims, hidden: hiddenFrom(n.knownTo), seq: s.seq });
      continue;
    }
    // The move as the side knows it, then its effect on the same line (the log's rows are
    // few); further effects follow on their own lines.
    // A move the AI made for a person's seat (clock out, or the teacher ended the turn) must
    // not read as that person's choice.
    const byAi = coveredByAi.includes(s.seq) ? (o.actor === side && !teacher ? ' (the AI moved for you)' : ' (the AI moved for this seat)') : '';
    const head = `${observedMoveText(o)}${byAi}`;
    const moveHidden = hiddenFrom(o.moveKnownTo);
    const [first, ...rest] = cited;
    if (!first) out.push({ round: o.round, who, text: head, claims: [], hidden: moveHidden, seq: s.seq });
    else out.push({ round: o.round, who, text: `${head} — ${first.text}`, claims: first.claims, hidden: moveHidden || hiddenFrom(first.knownTo), seq: s.seq });
    for (const n of rest) out.push({ round: o.round, who, text: `  ${n.text}`, claims: n.claims, hidden: hiddenFrom(n.knownTo), seq: s.seq });
  }
  return out;
}

/**
 * The selection in a side's full move list: `i` if that move is open, else the next open
 * one in direction `dir` (wrapping); -1 when none is open.
 */
export function openMoveFrom(all: MoveName[], open: readonly MoveName[], i: number, dir: 1 | -1 = 1): number {
  for (let k = 0; k < all.length; k++) {
    const j = (((i + dir * k) % all.length) + all.length) % all.length;
    if (open.includes(all[j] as MoveName)) return j;
  }
  return -1;
}

// ---------------- setup ----------------

function SetupScreen({ scenarios, onStart, newSeed }: { scenarios: Scenario[]; onStart: (s: GameSetup) => void; newSeed: () => string }) {
  const [step, setStep] = useState<'scenario' | 'side' | 'opponents'>('scenario');
  const [scenarioIx, setScenarioIx] = useState(Math.max(0, scenarios.findIndex((s) => s.name === 'baseline')));
  const [sideIx, setSideIx] = useState(0);
  const [row, setRow] = useState(0);
  const [choice, setChoice] = useState<Record<Actor, number>>({ us: 0, china: 0, kim: 0 });
  const scenario = scenarios[scenarioIx] as Scenario;
  const side = LISTED[sideIx] as Actor;
  const others = ACTORS.filter((a) => a !== side);
  const strategyOf = (a: Actor) => {
    const list = STRATEGIES[a];
    const def = list.findIndex((s) => s.id === defaultStrategyId(a, scenario.strategies));
    return list[(def + choice[a]) % list.length] as Strategy;
  };
  const { isRawModeSupported } = useStdin();
  useInput(
    (input, key) => {
      if (step === 'scenario') {
        if (key.upArrow) setScenarioIx((i) => (i + scenarios.length - 1) % scenarios.length);
        if (key.downArrow) setScenarioIx((i) => (i + 1) % scenarios.length);
        if (key.return) setStep('side');
      } else if (step === 'side') {
        if (key.upArrow) setSideIx((i) => (i + 2) % 3);
        if (key.downArrow) setSideIx((i) => (i + 1) % 3);
        if (key.return) setStep('opponents');
        if (key.escape || input === 'b') setStep('scenario');
      } else {
        if (key.upArrow || key.downArrow) setRow((r) => (r + 1) % 2);
        const a = others[row] as Actor;
        if (key.rightArrow) setChoice((c) => ({ ...c, [a]: c[a] + 1 }));
        if (key.leftArrow) setChoice((c) => ({ ...c, [a]: c[a] + STRATEGIES[a].length - 1 }));
        if (key.escape || input === 'b') setStep('side');
        if (key.return) {
          onStart({ scenario, side, seed: newSeed(), index: 0, opponents: Object.fromEntries(others.map((o) => [o, strategyOf(o).id])) });
        }
      }
    },
    { isActive: isRawModeSupported },
  );
  return (
    <Box flexDirection="column">
      <Text bold>leverage: pressure that one side can switch off becomes something to sell</Text>
      <Text dimColor>China can turn North Korean pressure up or down and sell restraint for US concessions. Play any side.</Text>
      <Text> </Text>
      <Text bold color={step === 'scenario' ? 'cyan' : undefined}>1. Scenario</Text>
      {scenarios.map((s, i) => (
        <Text key={s.name} wrap="truncate" inverse={step === 'scenario' && i === scenarioIx} dimColor={step !== 'scenario' && i !== scenarioIx}>
          {i === scenarioIx ? '>' : ' '} {s.name.padEnd(9)} {s.title}
        </Text>
      ))}
      <Box paddingLeft={3}>
        <Text wrap="wrap" dimColor>
          {scenario.description}
        </Text>
      </Box>
      {step !== 'scenario' ? (
        <>
          <Text bold color={step === 'side' ? 'cyan' : undefined}>2. Your side</Text>
          {LISTED.map((a, i) => (
            <Text key={a} inverse={step === 'side' && i === sideIx} dimColor={step !== 'side' && i !== sideIx}>
              {i === sideIx ? '>' : ' '} {SIDE_NAME[a]}
            </Text>
          ))}
        </>
      ) : null}
      {step === 'opponents' ? (
        <>
          <Text bold color="cyan">3. The AI sides (left/right to change)</Text>
          {others.map((a, i) => (
            <Text key={a} wrap="truncate" inverse={i === row}>
              {i === row ? '>' : ' '} {SIDE_NAME[a].padEnd(18)} {'< '}{strategyOf(a).name}{' >'}
            </Text>
          ))}
          {/* The chosen row's description in full, wrapped: a cut sentence explains nothing. */}
          <Box paddingLeft={3}>
            <Text wrap="wrap" dimColor>
              {strategyOf(others[row] as Actor).name}: {strategyOf(others[row] as Actor).description}
            </Text>
          </Box>
        </>
      ) : null}
      <Text> </Text>
      <Text dimColor>up/down choose · Enter next{step !== 'scenario' ? ' · b back' : ''} · q quit</Text>
    </Box>
  );
}

// ---------------- game ----------------

/** The index of the first log line since the side's last move (that move included); 0 before it has moved. */
export function sinceLastMove(lines: readonly LogLine[], steps: readonly SeenStep[], side: Actor): number {
  const last = steps.findLast((s) => s.type === 'move' && s.actor === side);
  if (!last) return 0;
  const i = lines.findIndex((l) => l.seq >= last.seq);
  return i < 0 ? lines.length : i;
}

/** Which of the two views of a turn the screen shows: the meters and moves, or everything since your last move. */
export type TurnView = 'board' | 'news';

interface Layout {
  view: TurnView;
  /** Rows the log (or the news) gets. */
  logRows: number;
}

function GameScreen({ ctl, version, teacher, explain, selected, message, cols, rows, chosenView, logBack, shown }: {
  ctl: ScreenController;
  version: number;
  teacher: boolean;
  explain: boolean;
  selected: number;
  message: string;
  cols: number;
  rows: number;
  /** The view the person chose with Tab this turn, if any. */
  chosenView: TurnView | null;
  /** Rows the log is scrolled back from its newest. */
  logBack: number;
  /** Told which view is shown, so Tab flips that one. */
  shown: MutableRefObject<TurnView>;
}) {
  void version;
  const side = ctl.human;
  const c = ctl.ctx;
  const meters = ctl.meters(teacher);
  const legal = ctl.legalMoves();
  const all = movesOf(side);
  const advice = ctl.advice();
  const selIx = openMoveFrom(all, legal, selected);
  const sel = all[selIx];
  const leftW = Math.min(46, Math.max(37, Math.floor(cols / 2) - 3));
  const rightW = cols - leftW - 1;
  const ledger = `Paid: Taiwan ${c.concededTaiwan} · chips ${c.concededChips} · aid to Kim ${c.aidToKim}`;
  const meterRoom = Math.max(all.length, rows - 10);
  const barMeters = meters.slice(0, meterRoom);
  const extra = meters.slice(meterRoom).map((m) => `${m.label} ${m.value.toFixed(2)}`);
  const extraLines: string[] = [];
  for (const e of extra) {
    const last = extraLines.at(-1);
    if (last !== undefined && last.length + e.length + 3 <= cols) extraLines[extraLines.length - 1] = `${last} · ${e}`;
    else extraLines.push(e);
  }
  // Each ending's line near enough to warn about, in one line (wrapped if it must).
  const warnings = meters.map(lineWarning).filter((w): w is string => w !== null);
  const warnLines = warnings.length ? wrapLine(`! Near an ending: ${warnings.join(' · ')}`, cols, 2) : [];

  const mainH = Math.max(barMeters.length + 1, all.length + 1);
  const ledgerInPanel = barMeters.length + 1 >= all.length + 2;
  const panelFree = mainH - (all.length + 1) - (ledgerInPanel ? 1 : 0);
  const advicePrefix = advice ? `${advice.who}: ${MOVES[advice.move].label}.` : '';
  // Hint and advice wrap whole, never cut (issue 21 item 5): the advice goes in the panel
  // when it fits there, else under the hint.
  const advicePanelLines = advice ? wrapLine(`${advicePrefix} ${advice.why}`, rightW, 2) : [];
  const adviceInPanel = advice !== null && advicePanelLines.length <= panelFree;
  const hint = sel ? `> ${MOVES[sel].hint}${MOVES[sel].claims.length ? ` [${MOVES[sel].claims.join(' ')}]` : ''}` : '';
  let hintLines = hint ? wrapLine(hint, cols, 2) : [];
  let adviceLines = adviceInPanel || !advice ? [] : wrapLine(`${advicePrefix} ${advice.why}`, cols, 2);
  // Only when the board is overfull (the teacher view's extra meters and warnings at 80x24)
  // do the advice and then the hint shrink to one line each, so the frame never scrolls.
  const fixedRows = 2 + mainH + (ledgerInPanel ? 0 : 1) + extraLines.length + warnLines.length + 2;
  const one = (ls: string[]) => (ls.length > 1 ? [fit(ls.map((l) => l.trim()).join(' '), cols)] : ls);
  if (fixedRows + hintLines.length + adviceLines.length > rows) adviceLines = one(adviceLines);
  if (fixedRows + hintLines.length + adviceLines.length > rows) hintLines = one(hintLines);

  const lines = logLines(ctl.session.steps, side, teacher, ctl.remote?.coveredByAi() ?? []);
  const allRows = logRows(lines, cols, explain);
  const newsRows = logRows(lines.slice(sinceLastMove(lines, ctl.session.steps, side)), cols, explain);
  const boardLog = rows - 2 - mainH - hintLines.length - adviceLines.length - (ledgerInPanel ? 0 : 1) - extraLines.length - warnLines.length;
  // Everything your side may see since your last move must be on screen when you move: when
  // the board's log cannot hold it, the turn opens on the news view (Tab switches).
  const moveCols = 2;
  const moveRowsN = Math.ceil(all.length / moveCols);
  const newsHint = hint ? wrapLine(hint, cols, 2).slice(0, 2) : [];
  const newsLog = rows - 3 - moveRowsN - newsHint.length - warnLines.length;
  const auto: TurnView = legal.length > 0 && newsRows.length > boardLog ? 'news' : 'board';
  shown.current = chosenView ?? auto;
  const layout: Layout = (chosenView ?? auto) === 'news' ? { view: 'news', logRows: Math.max(2, newsLog) } : { view: 'board', logRows: Math.max(2, boardLog) };

  const viewTitle = `${ACTOR_TABLE[side].capital} sees`;
  const offer = `Your move: Beijing offers restraint for ${c.offerPrice}`;
  const moveTitle = !legal.length
    ? (ctl.remote ? ctl.remote.waitingFor() : 'Waiting')
    : side === 'us' && c.offerPrice !== 'none'
      ? offer.length <= rightW
        ? offer
        : `Beijing offers restraint for ${c.offerPrice}`
      : `Your move, round ${c.round}`;
  const header = `${ctl.scenario.name} · you: ${SIDE_NAME[side]} · round ${c.round}/${c.params.rounds} · seed ${ctl.seed}`;
  const headerRoom = cols - (teacher ? 24 : 10);
  const keys = moveKeysText(all.length);
  const footer =
    message ||
    (ctl.remote
      ? `${ctl.remote.status()} · ${keys} move · Tab ${layout.view === 'news' ? 'meters' : 'news'} · c claims · q quit`
      : `${keys} move · Tab ${layout.view === 'news' ? 'meters' : 'news'} · u undo · s save · t teacher · c claims · q quit`);
  const warn = warnLines.map((l, i) => (
    <Text key={`warn${i}`} color="yellow">
      {fit(l, cols).trimEnd()}
    </Text>
  ));
  const head = (
    <Box>
      <Text bold>{fit(header, headerRoom).trimEnd()}</Text>
      {teacher ? <Text color="magenta"> · teacher view</Text> : null}
      <Text dimColor> · ? help</Text>
    </Box>
  );

  if (layout.view === 'news') {
    const byRow = Array.from({ length: moveRowsN }, (_, r) => Array.from({ length: moveCols }, (_, k) => r + k * moveRowsN).filter((i) => i < all.length));
    // The first column as wide as its longest move (mark, key, label, advice mark), so no label is cut.
    const firstW = Math.min(cols - 20, Math.max(...all.slice(0, moveRowsN).map((m) => MOVES[m].label.length + 5)));
    const colW = (k: number) => (k === 0 ? firstW : cols - firstW);
    const newsTitle = `${moveTitle} · since your last move, as ${ACTOR_TABLE[side].capital} saw it:`;
    return (
      <Box flexDirection="column" width={cols}>
        {head}
        <Text dimColor>{fit(newsTitle, cols).trimEnd()}</Text>
        <EventLog rows={newsRows} height={layout.logRows} width={cols} back={logBack} />
        {warn}
        {byRow.map((ixs, r) => (
          <Box key={`mr${r}`}>
            {ixs.map((i, k) => (
              <Box key={all[i]} width={colW(k)}>
                <MoveList moves={[all[i] as MoveName]} keys={[i]} available={legal} selected={selIx === i ? 0 : -1} advised={advice?.move} width={colW(k)} />
              </Box>
            ))}
          </Box>
        ))}
        {newsHint.map((l, i) => (
          <Text key={`hint${i}`}>{fit(l, cols).trimEnd() || ' '}</Text>
        ))}
        <Text dimColor>{fit(footer, cols).trimEnd()}</Text>
      </Box>
    );
  }

  return (
    <Box flexDirection="column" width={cols}>
      {head}
      <Box>
        <Box flexDirection="column" width={leftW} marginRight={1}>
          <Text dimColor>{fit(`${viewTitle} (+/- since your move)`, leftW)}</Text>
          <Meters meters={barMeters} width={leftW} />
        </Box>
        <Box flexDirection="column" width={rightW}>
          <Text dimColor>{fit(moveTitle, rightW)}</Text>
          <MoveList moves={all} available={legal} selected={selIx} advised={advice?.move} width={rightW} />
          {ledgerInPanel ? <Text dimColor>{fit(ledger, rightW).trimEnd()}</Text> : null}
          {adviceInPanel
            ? advicePanelLines.map((l, i) =>
                i === 0 && l.startsWith(advicePrefix) ? (
                  <Box key="advice0">
                    <Text color="green">{advicePrefix}</Text>
                    <Text dimColor>{l.slice(advicePrefix.length).trimEnd()}</Text>
                  </Box>
                ) : (
                  <Text key={`advice${i}`} dimColor>
                    {l.trimEnd() || ' '}
                  </Text>
                ),
              )
            : null}
        </Box>
      </Box>
      {hintLines.map((l, i) => (
        <Text key={`hint${i}`}>{l}</Text>
      ))}
      {adviceLines.map((l, i) =>
        i === 0 && advice && l.startsWith(advicePrefix) ? (
          <Box key="advice0">
            <Text color="green">{advicePrefix}</Text>
            <Text dimColor>{l.slice(advicePrefix.length)}</Text>
          </Box>
        ) : (
          <Text key={`advice${i}`} dimColor>
            {l || ' '}
          </Text>
        ),
      )}
      {ledgerInPanel ? null : <Text dimColor>{fit(ledger, cols).trimEnd()}</Text>}
      {extraLines.map((l) => (
        <Text key={l} color="magenta">
          {fit(l, cols).trimEnd()}
        </Text>
      ))}
      {warn}
      <EventLog rows={allRows} height={layout.logRows} width={cols} back={logBack} />
      <Text dimColor>{fit(footer, cols).trimEnd()}</Text>
    </Box>
  );
}


// ---------------- end ----------------

/** Who the US paid, so "concessions extracted" does not read as Beijing's gain when it all went to Kim. */
export function whoWasPaid(c: { concededTaiwan: number; concededChips: number; aidToKim: number }): string {
  const toBeijing = c.concededTaiwan + c.concededChips;
  const parts = `Taiwan ${c.concededTaiwan}, chips ${c.concededChips}, aid to Kim ${c.aidToKim}`;
  if (toBeijing === 0) return `The US paid Kim only (${parts}): Beijing got nothing.`;
  if (c.aidToKim === 0) return `The US paid Beijing only (${parts}).`;
  return `The US paid both Beijing and Kim (${parts}).`;
}

const TYPICAL_NOTE =
  '"typical": mean of 200 other seeded games. Better or worse than you only if your payoff is outside the middle 95% of its games.';

function EndScreen({ ctl, ended, cf, message, cols }: { ctl: ScreenController; ended: Debrief | null; cf: Counterfactual[]; message: string; cols: number }) {
  const o = ctl.session.outcome();
  const p = ctl.session.payoffs();
  if (!o || !p) return null;
  const mine = p[ctl.human];
  const parts = ctl.payoffParts();
  const series = roundSeries(ctl.session.steps, ctl instanceof GameController ? ctl.scenario.params.start.tension : undefined);
  // One glyph a round: a zero is '·', not a blank that the line's end would swallow.
  const line = (xs: number[], max: number) => xs.map((x) => (x <= 0 ? '·' : '▁▂▃▄▅▆▇█'[Math.min(7, Math.max(0, Math.round((x / Math.max(max, 1e-9)) * 8) - 1))])).join('');
  const others = cf.filter((x) => x.id !== 'usRandom' && x.id !== 'chinaRandom' && x.id !== 'kimRandom');
  // The strategies the columns argue for and against come first in the sentence.
  const named = ['exposer', 'columns', 'appeaser', 'asksBeijing', 'opportunist', 'restrained', 'regimeFirst', 'loyalClient']
    .map((id) => others.find((x) => x.id === id))
    .filter((x): x is Counterfactual => x !== undefined)
    .slice(0, 3);
  const sentence =
    `You ended in ${OUTCOME_SHORT[o]} (${mine.toFixed(2)}); ` +
    named.map((x) => `${x.name} would have ended in ${OUTCOME_SHORT[x.outcome]} (${x.payoff.toFixed(2)})`).join('; ') +
    '.';
  return (
    <Box flexDirection="column">
      <Text bold>Game over: {OUTCOMES[o]} after {ctl.ctx.roundsPlayed} round{ctl.ctx.roundsPlayed === 1 ? '' : 's'}</Text>
      {o === 'concessionsExtracted' ? <Text>{whoWasPaid(ctl.ctx)}</Text> : null}
      <Text>
        Payoffs: US {p.us.toFixed(2)} · China {p.china.toFixed(2)} · Kim {p.kim.toFixed(2)}   (you: {SIDE_NAME[ctl.human]})
      </Text>
      {parts ? <PayoffParts parts={parts} human={ctl.human} width={cols} /> : null}
      <Text>Tension by round      {line(series.tension, 1)}  peak {series.peak.toFixed(2)} (the highest the meter showed)</Text>
      <Text>Concessions so far    {line(series.concessions, Math.max(...series.concessions, 1))}  total {series.concessions.at(-1) ?? 0}</Text>
      <Text> </Text>
      <Text bold>Each AI strategy in your place: same seed, same luck, same opponents</Text>
      <Text>{sentence}</Text>
      <Text dimColor>{`${fit('  strategy', 22)}${fit('this game', 22)}${'payoff'.padStart(7)}${'typical'.padStart(9)}`}</Text>
      {others.map((x) => (
        <Box key={x.id}>
          <Text>{`${fit(`  ${x.name}`, 22)}${fit(OUTCOME_SHORT[x.outcome], 22)}${x.payoff.toFixed(2).padStart(7)}${x.typicalPayoff.toFixed(2).padStart(9)} `}</Text>
          <Text color={STANDING_COLOR[standingAgainst(mine, { low: x.rangeLow, high: x.rangeHigh })]}>{STANDING_TEXT[standingAgainst(mine, { low: x.rangeLow, high: x.rangeHigh })]}</Text>
        </Box>
      ))}
      <Text dimColor>{TYPICAL_NOTE}</Text>
      <Text dimColor>{message || (ctl.remote ? (ended ? 'd debrief (the whole game revealed) · q quit' : 'the teacher can reveal the whole game (the debrief) · q quit') : 'd debrief (the whole game revealed) · u undo · s save · n new game · q quit')}</Text>
    </Box>
  );
}

// ---------------- app ----------------

export function App({ scenarios, start, newSeed, save, controller }: AppProps) {
  const { exit } = useApp();
  const { isRawModeSupported } = useStdin();
  const { stdout } = useStdout();
  const realCols = stdout?.columns ?? 80;
  const realRows = stdout?.rows ?? 24;
  const cols = Math.max(80, realCols);
  const rows = Math.max(24, realRows);
  const tooSmall = realCols < 80 || realRows < 24;
  const [ctl, setCtl] = useState<ScreenController | null>(() => controller ?? (start ? new GameController(start.scenario, start.seed, start.index, start.side, sidesFor(start), start.moves ?? []) : null));
  const [version, setVersion] = useState(0);
  const [selected, setSelected] = useState(0);
  const [teacher, setTeacher] = useState(false);
  const [explain, setExplain] = useState(false);
  const [help, setHelp] = useState(false);
  const [confirmQuit, setConfirmQuit] = useState(false);
  const [message, setMessage] = useState('');
  const shownView = useRef<TurnView>('board');
  const [debriefOpen, setDebriefOpen] = useState(false);
  // The view chosen with Tab, for the turn it was chosen in (the step count then); a new turn opens on its own reckoning.
  const [chosen, setChosen] = useState<{ view: TurnView; at: number } | null>(null);
  const [logBack, setLogBack] = useState(0);
  const steps = ctl?.session.steps.length ?? 0;
  const chosenView = chosen && chosen.at === steps ? chosen.view : null;
  // News arrived: the log shows its newest rows again.
  useEffect(() => setLogBack(0), [steps]);
  // A class game's news (a resume, another seat's move) makes the last key's answer stale.
  const paused = ctl?.remote?.paused() ?? false;
  useEffect(() => {
    if (ctl?.remote) setMessage('');
  }, [steps, paused]);
  const over = ctl?.session.isOver() ?? false;
  const cf = useMemo(() => (ctl && over ? ctl.counterfactuals() : []), [ctl, over, version]);
  const ended = useMemo(() => (ctl && over ? ctl.debrief() : null), [ctl, over, version]);
  const bump = () => setVersion((v) => v + 1);
  // Redraw at the new size when the window is resized (and say so when it is too small).
  useEffect(() => {
    if (!stdout) return;
    const onResize = () => setVersion((v) => v + 1);
    stdout.on('resize', onResize);
    return () => void stdout.off('resize', onResize);
  }, [stdout]);
  // A class game redraws whenever the host sends news.
  useEffect(() => ctl?.remote?.subscribe(bump), [ctl]);

  useInput(
    (input, key) => {
      if (confirmQuit) {
        if (input === 'y' || input === 'Y') exit();
        else setConfirmQuit(false);
        return;
      }
      if (help) {
        setHelp(false);
        return;
      }
      // A message answers the last key; the next key replaces it.
      setMessage('');
      if (input === 'q' || key.escape) {
        if (!ctl || (ctl.moves().length === 0 && !over)) exit();
        else setConfirmQuit(true);
        return;
      }
      if (!ctl) return; // the setup screen handles its own keys
      if (input === '?') return setHelp(true);
      if (ctl.remote && /^[ustn]$/.test(input)) return setMessage('In a class game the host keeps the game: no undo, no save, no teacher view here.');
      if (input === 'u') {
        if (ctl.canUndo()) {
          ctl.undo();
          setDebriefOpen(false);
          setSelected(0);
          setMessage('Undone: your last move was taken back.');
        } else setMessage('Nothing to undo yet.');
        return bump();
      }
      if (input === 's') {
        const where = save(`leverage-${ctl.scenario.name}-seed${ctl.seed}`, ctl.session.toJsonl());
        setMessage(`Saved to ${where} (leverage replay / leverage play --load read it).`);
        return;
      }
      // `over` is from the last frame; a key typed before it was drawn must not count as a move.
      if (over || ctl.session.isOver()) {
        if (input === 'd') {
          if (ended) setDebriefOpen((d) => !d);
          else setMessage('The debrief reveals every hidden move; at a class game the teacher opens it (v on the teacher screen).');
        }
        if (input === 'n') {
          setDebriefOpen(false);
          setCtl(null);
          setMessage('');
        }
        return;
      }
      if (input === 't') return setTeacher((t) => !t);
      if (input === 'c') return setExplain((e) => !e);
      if (key.tab) {
        // The screen reports the view it shows through `shown`; Tab flips it for this turn.
        setChosen({ view: shownView.current === 'news' ? 'board' : 'news', at: ctl.session.steps.length });
        return setLogBack(0);
      }
      if (key.pageUp) return setLogBack((b) => b + Math.max(1, rows - 14));
      if (key.pageDown) return setLogBack((b) => Math.max(0, b - Math.max(1, rows - 14)));
      // Keys belong to a side's full move list, so each key means one move all game long.
      const legal = ctl.legalMoves();
      const all = movesOf(ctl.human);
      const current = openMoveFrom(all, legal, selected);
      if (key.upArrow) return setSelected(openMoveFrom(all, legal, current - 1, -1));
      if (key.downArrow) return setSelected(openMoveFrom(all, legal, current + 1, 1));
      let pick: MoveName | undefined;
      if (key.return) pick = all[current];
      else if (moveIndexOfKey(input) >= 0) {
        const i = moveIndexOfKey(input);
        const move = all[i];
        if (move && ctl.remote?.paused()) return setMessage('The game is paused by the teacher: moves wait until the teacher resumes it.');
        if (move && !legal.includes(move)) return setMessage(`${moveKey(i)} ${MOVES[move].label}: not open now (greyed). Choose a bright one.`);
        pick = move;
      }
      if (pick) {
        ctl.play(pick);
        setSelected(0);
        setMessage('');
        bump();
      }
    },
    { isActive: isRawModeSupported },
  );

  let body;
  if (!ctl) {
    body = (
      <SetupScreen
        scenarios={scenarios}
        newSeed={newSeed}
        onStart={(s) => {
          setCtl(new GameController(s.scenario, s.seed, s.index, s.side, sidesFor(s)));
          setSelected(0);
        }}
      />
    );
  } else if (over) body = debriefOpen && ended ? <DebriefView debrief={ended} cols={cols} rows={rows} /> : <EndScreen ctl={ctl} ended={ended} cf={cf} message={message} cols={cols} />;
  else body = <GameScreen ctl={ctl} version={version} teacher={teacher} explain={explain} selected={selected} message={message} cols={cols} rows={rows} chosenView={chosenView} logBack={logBack} shown={shownView} />;

  // Below the minimum the frame would come out in fragments: say so instead (it redraws on resize).
  if (tooSmall) {
    return <Text>{`leverage needs a terminal of at least 80x24; this one is ${realCols}x${realRows}. Enlarge the window (the game waits; q quits).`}</Text>;
  }
  return (
    <Box flexDirection="column">
      {help ? <Help width={Math.min(cols, 100)} height={rows - 1} meters={meterMeanings((ctl?.meters(teacher) ?? []).map((m) => m.label))} classGame={!!ctl?.remote} /> : body}
      {confirmQuit ? <Text color="yellow" bold>Quit this game? y to quit, any other key to keep playing.</Text> : null}
    </Box>
  );
}
