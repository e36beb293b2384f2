import { useEffect, useMemo, useState } from 'react';
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
import { EventLog, fit, Help, Meters, moveIndexOfKey, moveKey, MoveList } from './components.js';
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
export function logLines(steps: readonly SeenStep[], side: Actor, teacher: boolean): LogLine[] {
  const out: LogLine[] = [];
  for (const s of steps) {
    const o = observe(s, teacher ? 'all' : side);
    const who = SHORT[o.actor];
    const hiddenFrom = (knownTo: readonly Actor[] | undefined) => knownTo !== undefined && !knownTo.includes(side);
    const cited = o.notes.filter((n) => o.actor === 'chance' || n.claims.length > 0);
    if (o.actor === 'chance') {
      for (const n of cited) out.push({ round: o.round, who, text: n.text, claims: n.claims, hidden: hiddenFrom(n.knownTo) });
      continue;
    }
    // The move as the side knows it, then its effect on the same line (the log's rows are
    // few); further effects follow on their own lines.
    const head = observedMoveText(o);
    const moveHidden = hiddenFrom(o.moveKnownTo);
    const [first, ...rest] = cited;
    if (!first) out.push({ round: o.round, who, text: head, claims: [], hidden: moveHidden });
    else out.push({ round: o.round, who, text: `${head} — ${first.text}`, claims: first.claims, hidden: moveHidden || hiddenFrom(first.knownTo) });
    for (const n of rest) out.push({ round: o.round, who, text: `  ${n.text}`, claims: n.claims, hidden: hiddenFrom(n.knownTo) });
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

function GameScreen({ ctl, version, teacher, explain, selected, message, cols, rows }: {
  ctl: ScreenController;
  version: number;
  teacher: boolean;
  explain: boolean;
  selected: number;
  message: string;
  cols: number;
  rows: number;
}) {
  void version;
  const side = ctl.human;
  const c = ctl.ctx;
  const meters = ctl.meters(teacher);
  const legal = ctl.legalMoves();
  const all = movesOf(side);
  const advice = ctl.advice();
  const sel = all[openMoveFrom(all, legal, selected)];
  const leftW = Math.min(46, Math.max(37, Math.floor(cols / 2) - 3));
  const ledger = `Paid: Taiwan ${c.concededTaiwan} · chips ${c.concededChips} · aid to Kim ${c.aidToKim}`;
  // Lines: header 1, panel title 1, hint and advice (1-3 each), ledger 1 (0 when it fits in the panel), extra meters, log
  // (2 or more), footer 1, and one spare so the frame never scrolls.
  const meterRoom = Math.max(all.length, rows - 10);
  const barMeters = meters.slice(0, meterRoom);
  const extra = meters.slice(meterRoom).map((m) => `${m.label} ${m.value.toFixed(2)}`);
  const extraLines: string[] = [];
  for (const e of extra) {
    const last = extraLines.at(-1);
    if (last !== undefined && last.length + e.length + 3 <= cols) extraLines[extraLines.length - 1] = `${last} · ${e}`;
    else extraLines.push(e);
  }
  const mainH = Math.max(barMeters.length + 1, all.length + 1);
  // The ledger sits under the move list when the meters leave a row free there, and so
  // gives that row to the log (whose entries name a move and its effect, often two rows).
  const ledgerInPanel = barMeters.length + 1 >= all.length + 2;
  // Likewise the advice, when it fits whole in the rows still free under the move list, or
  // when the screen has no rows to wrap it below (there it would be cut to one line).
  // Seven: a log entry names the move and its effect, often two rows, and the player's own
  // last move must stay on screen at 80x24 below the two moves that answered it.
  const LOG_KEEPS = 7;
  const rightW = cols - leftW - 1;
  const panelFree = mainH - (all.length + 1) - (ledgerInPanel ? 1 : 0);
  const advicePrefix = advice ? `${advice.who}: ${MOVES[advice.move].label}.` : '';
  const adviceWrapped = advice ? wrapLine(`${advicePrefix} ${advice.why}`, rightW, 2) : [];
  const roomBelow = rows - mainH - (ledgerInPanel ? 5 : 6) - extraLines.length - LOG_KEEPS;
  const adviceInPanel = ledgerInPanel && advice !== null && panelFree >= 2 && (adviceWrapped.length <= panelFree || roomBelow <= 0);
  const panelAdvice =
    adviceWrapped.length <= panelFree ? adviceWrapped : [...adviceWrapped.slice(0, panelFree - 1), fit(adviceWrapped.slice(panelFree - 1).map((l) => l.trim()).join(' '), rightW)];
  // The hint and the advice wrap over up to three lines each when the screen has rows to
  // spare (the log keeps at least LOG_KEEPS of them), rather than being cut off.
  let spare = Math.max(0, rows - mainH - (ledgerInPanel ? 5 : 6) + (adviceInPanel ? 1 : 0) - extraLines.length - LOG_KEEPS);
  const wrapped = (text: string) => {
    const lines = wrapLine(text, cols, 2);
    const n = Math.min(lines.length, 3, 1 + spare);
    spare -= n - 1;
    return n === lines.length ? lines : [...lines.slice(0, n - 1), fit(lines.slice(n - 1).map((l) => l.trim()).join(' '), cols)];
  };
  const hint = sel ? `> ${MOVES[sel].hint}${MOVES[sel].claims.length ? ` [${MOVES[sel].claims.join(' ')}]` : ''}` : '';
  const hintLines = hint ? wrapped(hint) : [' '];
  const adviceLines = adviceInPanel ? [] : advice ? wrapped(`${advicePrefix} ${advice.why}`) : [' '];
  const logH = Math.max(2, rows - mainH - (ledgerInPanel ? 3 : 4) - hintLines.length - adviceLines.length - extraLines.length);
  const viewTitle = `${ACTOR_TABLE[side].capital} sees`;
  const offer = `Your move: Beijing offers restraint for ${c.offerPrice}`;
  const moveTitle = !legal.length
    ? (ctl.remote ? ctl.remote.waitingFor() : 'Waiting')
    : side === 'us' && c.offerPrice !== 'none'
      ? offer.length <= cols - leftW - 1
        ? offer
        : `Beijing offers restraint for ${c.offerPrice}`
      : `Your move, round ${c.round}`;
  const header = `${ctl.scenario.name} · you: ${SIDE_NAME[side]} · round ${c.round}/${c.params.rounds} · seed ${ctl.seed}`;
  const headerRoom = cols - (teacher ? 24 : 10);
  return (
    <Box flexDirection="column" width={cols}>
      <Box>
        <Text bold>{fit(header, headerRoom).trimEnd()}</Text>
        {teacher ? <Text color="magenta"> · teacher view</Text> : null}
        <Text dimColor> · ? help</Text>
      </Box>
      <Box>
        <Box flexDirection="column" width={leftW} marginRight={1}>
          <Text dimColor>{fit(`${viewTitle} (+/- this round)`, leftW)}</Text>
          <Meters meters={barMeters} width={leftW} />
        </Box>
        <Box flexDirection="column" width={rightW}>
          <Text dimColor>{fit(moveTitle, rightW)}</Text>
          <MoveList moves={all} available={legal} selected={openMoveFrom(all, legal, selected)} advised={advice?.move} width={rightW} />
          {ledgerInPanel ? <Text dimColor>{fit(ledger, rightW).trimEnd()}</Text> : null}
          {adviceInPanel
            ? panelAdvice.map((l, i) =>
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
        <Text key={`hint${i}`}>{fit(l, cols).trimEnd() || ' '}</Text>
      ))}
      {adviceLines.map((l, i) =>
        i === 0 && advice && l.startsWith(advicePrefix) ? (
          <Box key="advice0">
            <Text color="green">{advicePrefix}</Text>
            <Text dimColor>{fit(l.slice(advicePrefix.length), cols - advicePrefix.length).trimEnd()}</Text>
          </Box>
        ) : (
          <Text key={`advice${i}`} dimColor>
            {fit(l, cols).trimEnd() || ' '}
          </Text>
        ),
      )}
      {ledgerInPanel ? null : <Text dimColor>{fit(ledger, cols).trimEnd()}</Text>}
      {extraLines.map((l) => (
        <Text key={l} color="magenta">
          {fit(l, cols).trimEnd()}
        </Text>
      ))}
      <EventLog lines={logLines(ctl.session.steps, side, teacher)} height={logH} explain={explain} width={cols} />
      <Text dimColor>{fit(message || (ctl.remote ? `${ctl.remote.status()} · 1-9 move · c claims · ? help · q quit` : '1-9 move · u undo · s save · t teacher view · c claims · ? help · q quit'), cols).trimEnd()}</Text>
    </Box>
  );
}

// ---------------- end ----------------

const TYPICAL_NOTE =
  '"typical": mean of 200 other seeded games. Better or worse than you only if your payoff is outside the middle 95% of its games.';

function EndScreen({ ctl, ended, cf, message, cols }: { ctl: ScreenController; ended: Debrief | null; cf: Counterfactual[]; message: string; cols: number }) {
  const o = ctl.session.outcome();
  const p = ctl.session.payoffs();
  if (!o || !p) return null;
  const mine = p[ctl.human];
  const parts = ctl.payoffParts();
  const series = roundSeries(ctl.session.steps, ctl instanceof GameController ? ctl.scenario.params.start.tension : undefined);
  const line = (xs: number[], max: number) => xs.map((x) => ' ▁▂▃▄▅▆▇█'[Math.max(x > 0 ? 1 : 0, Math.round((x / Math.max(max, 1e-9)) * 8))]).join('');
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
  const cols = Math.max(80, stdout?.columns ?? 80);
  const rows = Math.max(24, stdout?.rows ?? 24);
  const [ctl, setCtl] = useState<ScreenController | null>(() => controller ?? (start ? new GameController(start.scenario, start.seed, start.index, start.side, sidesFor(start), start.moves ?? []) : null));
  const [version, setVersion] = useState(0);
  const [selected, setSelected] = useState(0);
  const [teacher, setTeacher] = useState(false);
  const [explain, setExplain] = useState(false);
  const [help, setHelp] = useState(false);
  const [confirmQuit, setConfirmQuit] = useState(false);
  const [message, setMessage] = useState('');
  const [debriefOpen, setDebriefOpen] = useState(false);
  const over = ctl?.session.isOver() ?? false;
  const cf = useMemo(() => (ctl && over ? ctl.counterfactuals() : []), [ctl, over, version]);
  const ended = useMemo(() => (ctl && over ? ctl.debrief() : null), [ctl, over, version]);
  const bump = () => setVersion((v) => v + 1);
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
  else body = <GameScreen ctl={ctl} version={version} teacher={teacher} explain={explain} selected={selected} message={message} cols={cols} rows={rows} />;

  return (
    <Box flexDirection="column">
      {help ? <Help width={Math.min(cols, 100)} classGame={!!ctl?.remote} /> : body}
      {confirmQuit ? <Text color="yellow" bold>Quit this game? y to quit, any other key to keep playing.</Text> : null}
    </Box>
  );
}
