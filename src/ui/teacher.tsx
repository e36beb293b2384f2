import { useEffect, useState } from 'react';
import { Box, Text, useApp, useInput, useStdin, useStdout } from 'ink';
import type { Actor } from '../model/context.js';
import type { TableClient } from '../net/client.js';
import type { TeacherObservation } from '../net/protocol.js';
import { ACTORS } from '../model/context.js';
import { OUTCOMES } from '../model/outcomes.js';
import { isMoveName, MOVES } from '../model/moves.js';
import { clockText } from './remote-seat.js';
import { logLines } from './App.js';
import { EventLog, fit, logRows, Meters } from './components.js';
import { metersFor } from './meters.js';

// The teacher's screen at a class game: the truth and every side's view, who has moved, the
// round clock, and the keys that run the room. Everything comes from the host.

const NAME: Record<Actor, string> = { us: 'US', china: 'China', kim: 'Kim' };
const f = (x: unknown) => (typeof x === 'number' ? x.toFixed(2) : String(x));
/** A view's word fields in words a teacher reads aloud, never the code's names (chinaWaits). */
const CHANNEL: Record<string, string> = { none: 'none', overt: 'asked openly', covert: 'asked by courier' };
const ANSWER: Record<string, string> = { none: 'nothing asked yet', obeyed: 'obeyed', defied: 'defied' };
const moveWords = (x: unknown) => (typeof x === 'string' && isMoveName(x) ? MOVES[x].label : x === 'none' ? 'nothing yet' : f(x));

/** One line per side: what that side's view holds that the others' do not. */
export function viewLines(o: TeacherObservation): string[] {
  const us = o.views.us as unknown as Record<string, unknown>;
  const cn = o.views.china as unknown as Record<string, unknown>;
  const kim = o.views.kim as unknown as Record<string, unknown>;
  return [
    `US sees: influence est. ${f(us.usEstimateOfInfluence)} · evidence ${f(us.evidence)} · requests caught ${String(us.requestsDetected)} · Beijing last seen: ${moveWords(us.lastChinaMoveSeen)}`,
    `China sees: influence ${f(cn.chinaInfluence)} · US concedes? ${f(cn.chinaBeliefUsPays)} · lifeline ${f(cn.lifeline)} · Kim answered: ${ANSWER[String(cn.lastKimAnswer)] ?? f(cn.lastKimAnswer)}`,
    `Kim sees: influence ${f(kim.chinaInfluence)} · US pays him? ${f(kim.kimBeliefUsPays)} · Beijing's message: ${CHANNEL[String(kim.requestChannel)] ?? f(kim.requestChannel)}${kim.restraintOrdered ? ' · told to calm down' : ''}`,
  ];
}

function seatLine(o: TeacherObservation): string {
  const s = o.status;
  return ACTORS.map((a) => {
    if (s.started && !s.humans.includes(a)) return `${NAME[a]}: AI`;
    const line = s.connected[a] ? 'connected' : 'not connected';
    const moved = s.movedThisRound.includes(a) ? ' · moved' : s.toMove === a ? ' · to move' : '';
    return `${NAME[a]}: ${line}${moved}`;
  }).join('   ');
}

export interface TeacherAppProps {
  client: TableClient;
  /** Writes a log the host sent; returns where it went. */
  save: (fileStem: string, jsonl: string) => string;
}

export function TeacherApp({ client, save }: TeacherAppProps) {
  const { exit } = useApp();
  const { isRawModeSupported } = useStdin();
  const { stdout } = useStdout();
  const cols = Math.max(80, stdout?.columns ?? 80);
  const rows = Math.max(24, stdout?.rows ?? 24);
  const [, setVersion] = useState(0);
  const [receivedAt, setReceivedAt] = useState(Date.now());
  const [message, setMessage] = useState('');
  const [explain, setExplain] = useState(false);
  useEffect(() => {
    client.onLog = (name, jsonl) => setMessage(`Saved to ${save(name, jsonl)} (leverage replay verifies it).`);
    const off = client.subscribe(() => {
      setReceivedAt(Date.now());
      setVersion((v) => v + 1);
    });
    const tick = setInterval(() => setVersion((v) => v + 1), 1000);
    return () => {
      off();
      clearInterval(tick);
    };
  }, [client]);
  useInput(
    (input) => {
      setMessage('');
      if (input === 'q') return exit();
      if (input === 'c') return setExplain((e) => !e);
      const command = ({ g: 'start', p: 'pause', r: 'resume', e: 'endRound', s: 'save', v: 'reveal' } as const)[input as 'g'];
      if (command) client.command(command);
    },
    { isActive: isRawModeSupported },
  );
  const o = client.teacherState;
  if (!o) return <Text>Waiting for the host…</Text>;
  const s = o.status;
  const state = s.over ? 'GAME OVER' : !s.started ? 'NOT STARTED (g starts it)' : s.paused ? 'PAUSED' : 'running';
  const clock = clockText(s, receivedAt);
  const header = `${o.scenario} · teacher · round ${o.truth.round}/${o.truth.params.rounds} · seed ${o.seed} · ${state}${clock ? ` · clock ${clock}` : ''}`;
  const meters = metersFor('us', o.truth, o.roundStart, true);
  const leftW = Math.min(46, Math.max(37, Math.floor(cols / 2) - 3));
  const views = viewLines(o);
  const end = o.end;
  const endLines = end
    ? [`Game over: ${OUTCOMES[end.outcome]} after ${end.roundsPlayed} rounds`, `Payoffs: US ${end.payoffs.us.toFixed(2)} · China ${end.payoffs.china.toFixed(2)} · Kim ${end.payoffs.kim.toFixed(2)} · peak tension ${end.peakTension.toFixed(2)}`]
    : [];
  const logH = Math.max(3, rows - 6 - Math.max(meters.length + 1, views.length + 1) - endLines.length);
  const notice = client.gone ? `Disconnected: ${client.gone}` : !client.connected ? client.notice || 'connection lost' : client.notice;
  return (
    <Box flexDirection="column" width={cols}>
      <Text bold>{fit(header, cols).trimEnd()}</Text>
      <Text>{fit(seatLine(o), cols).trimEnd()}</Text>
      <Text color="cyan">{fit(s.waitingFor, cols).trimEnd()}</Text>
      {endLines.map((l) => (
        <Text key={l} bold>
          {fit(l, cols).trimEnd()}
        </Text>
      ))}
      <Box>
        <Box flexDirection="column" width={leftW} marginRight={1}>
          <Text dimColor>{fit('The truth (magenta: hidden from Washington)', leftW)}</Text>
          <Meters meters={meters} width={leftW} />
        </Box>
        <Box flexDirection="column" width={cols - leftW - 1}>
          <Text dimColor>What each side sees</Text>
          {views.map((l) => (
            <Text key={l} wrap="wrap">
              {l}
            </Text>
          ))}
        </Box>
      </Box>
      <EventLog rows={logRows(logLines(o.steps, 'us', true, s.coveredByAi ?? []), cols, explain)} height={logH} width={cols} />
      <Text dimColor>{fit(message || notice || (s.over ? 'v reveal the whole game to the seats (debrief) · s save log · c claims · q quit' : 'g start · p/r pause/resume · e the AI takes this turn · s save · c claims · q quit'), cols).trimEnd()}</Text>
    </Box>
  );
}
