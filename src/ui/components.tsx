import { Box, Text } from 'ink';
import type { Meter } from './meters.js';
import type { MoveName } from '../model/moves.js';
import { MOVES } from '../model/moves.js';
import { CLAIMS, isClaimId } from '../model/claims.js';
import { wrapLine } from '../text-wrap.js';

/** Cut a string to `w` columns (with an ellipsis) or pad it to exactly `w`. */
export function fit(s: string, w: number): string {
  if (w <= 0) return '';
  return s.length > w ? `${s.slice(0, w - 1)}…` : s.padEnd(w);
}

export function Bar({ value, width = 10, danger }: { value: number; width?: number; danger?: boolean }) {
  const filled = Math.max(0, Math.min(width, Math.round(value * width)));
  const color = danger ? (value >= 0.66 ? 'red' : value >= 0.33 ? 'yellow' : 'green') : 'cyan';
  return (
    <Text>
      <Text color={color}>{'█'.repeat(filled)}</Text>
      <Text dimColor>{'░'.repeat(width - filled)}</Text>
    </Text>
  );
}

export function Meters({ meters, width }: { meters: Meter[]; width: number }) {
  const labelW = 20;
  const barW = Math.max(5, Math.min(14, width - labelW - 12));
  return (
    <Box flexDirection="column" width={width}>
      {meters.map((m) => {
        const d = m.value - m.before;
        const delta = Math.abs(d) < 0.005 ? '' : `${d > 0 ? '+' : ''}${d.toFixed(2)}`;
        return (
          <Box key={m.label}>
            <Text color={m.hidden ? 'magenta' : undefined}>{fit(m.label, labelW)}</Text>
            <Bar value={m.value} width={barW} danger={m.danger} />
            <Text>{` ${m.value.toFixed(2)} `}</Text>
            <Text color={d > 0 ? 'green' : 'red'}>{delta.padStart(5)}</Text>
          </Box>
        );
      })}
    </Box>
  );
}

/** The key of the i-th move of a side's full list: 1-9, then 0; further moves have none. */
export function moveKey(i: number): string {
  return i < 9 ? String(i + 1) : i === 9 ? '0' : ' ';
}

/** Which move of the full list a key names, or -1. */
export function moveIndexOfKey(input: string): number {
  if (/^[1-9]$/.test(input)) return Number(input) - 1;
  return input === '0' ? 9 : -1;
}

/**
 * A side's whole move list, always in the same order with the same keys, so a key means one
 * move for the whole game; the moves not open now are greyed.
 */
export function MoveList({ moves, available = moves, selected, advised, width }: { moves: MoveName[]; available?: readonly MoveName[]; selected: number; advised?: MoveName; width: number }) {
  return (
    <Box flexDirection="column" width={width}>
      {moves.map((m, i) => {
        const open = available.includes(m);
        return (
          <Box key={m}>
            <Text inverse={open && i === selected} dimColor={!open}>
              {fit(`${moveKey(i)} ${MOVES[m].label}`, width - 2)}
            </Text>
            <Text color="green">{m === advised ? ' *' : '  '}</Text>
          </Box>
        );
      })}
    </Box>
  );
}

export interface LogLine {
  round: number;
  who: string;
  text: string;
  claims: string[];
  hidden: boolean;
}

/** The log, newest at the bottom; long entries wrap (under their text) instead of being cut. */
export function EventLog({ lines, height, explain, width }: { lines: LogLine[]; height: number; explain: boolean; width: number }) {
  const rows: { key: string; text: string; color?: string; dim?: boolean }[] = [];
  // `head` stays as it is (its padding aligns the log); the text after it wraps under itself.
  const push = (key: string, head: string, text: string, style: { color?: string; dim?: boolean }) =>
    wrapLine(text, Math.max(10, width - head.length), 0).forEach((t, j) => rows.push({ key: `${key}.${j}`, text: (j === 0 ? head : ' '.repeat(head.length)) + t, ...style }));
  for (const [i, l] of lines.entries()) {
    const cite = l.claims.length ? ` [${l.claims.join(' ')}]` : '';
    push(`${i}`, `R${l.round} ${l.who.padEnd(6)}`, `${l.text}${cite}`, { color: l.hidden ? 'magenta' : undefined });
    if (explain) {
      for (const c of l.claims) {
        if (isClaimId(c)) push(`${i}-${c}`, `        ${c}: `, CLAIMS[c].summary, { dim: true });
      }
    }
  }
  return (
    <Box flexDirection="column" height={height}>
      {rows.slice(-height).map((r) => (
        <Text key={r.key} color={r.color} dimColor={r.dim}>
          {fit(r.text, width).trimEnd()}
        </Text>
      ))}
    </Box>
  );
}

export const HELP_LINES: [string, string][] = [
  ['1-9, arrows + Enter', 'make a move; the line under the list hints at its effect'],
  ['u', 'undo your last move'],
  ['s', 'save as a JSONL log (replay it, or resume: play --load)'],
  ['t', 'teacher view: what your side cannot see (magenta)'],
  ['c', 'the claims behind each event, in our words'],
  ['?', 'this help'],
  ['d (game over)', 'the debrief: the whole game, hidden moves revealed'],
  ['q or Esc', 'quit (asks first)'],
];

/** Keys a seat at a class game does not have: the host keeps the game. */
const HOST_KEEPS = new Set(['u', 's', 't']);

export function Help({ width, classGame = false }: { width: number; classGame?: boolean }) {
  const lines = classGame ? HELP_LINES.filter(([k]) => !HOST_KEEPS.has(k)) : HELP_LINES;
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} width={width}>
      <Text bold>Keys</Text>
      {lines.map(([k, v]) => (
        <Text key={k}>{fit(`${k.padEnd(22)}${v}`, width - 4).trimEnd()}</Text>
      ))}
      <Text dimColor>Each event in the log cites the claims (C1-C13) behind it.</Text>
      <Text dimColor>Press any key to go back.</Text>
    </Box>
  );
}
