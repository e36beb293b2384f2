import { Box, Text } from 'ink';
import type { EndingLine, Meter } from './meters.js';
import { nearLine } from './meters.js';
import type { MoveName } from '../model/moves.js';
import { MOVES } from '../model/moves.js';
import { CLAIMS, isClaimId } from '../model/claims.js';
import { wrapLine } from '../text-wrap.js';

/** Cut a string to `w` columns (with an ellipsis) or pad it to exactly `w`. */
export function fit(s: string, w: number): string {
  if (w <= 0) return '';
  return s.length > w ? `${s.slice(0, w - 1)}…` : s.padEnd(w);
}

/** The cell of a bar `width` wide where a line at `at` (0..1) sits. */
export function lineCell(at: number, width: number): number {
  return Math.max(0, Math.min(width - 1, Math.round(at * width - 0.5)));
}

/**
 * A bar; an ending's line, when the meter has one, is drawn as '|' in its cell (a character,
 * so it shows without colour too), yellow, red once crossed.
 */
export function Bar({ value, width = 10, danger, line }: { value: number; width?: number; danger?: boolean; line?: EndingLine }) {
  const filled = Math.max(0, Math.min(width, Math.round(value * width)));
  const color = danger ? (value >= 0.66 ? 'red' : value >= 0.33 ? 'yellow' : 'green') : 'cyan';
  const cells = '█'.repeat(filled) + '░'.repeat(width - filled);
  if (!line) {
    return (
      <Text>
        <Text color={color}>{cells.slice(0, filled)}</Text>
        <Text dimColor>{cells.slice(filled)}</Text>
      </Text>
    );
  }
  const at = lineCell(line.at, width);
  const crossed = line.below ? value < line.at : value >= line.at;
  const part = (from: number, to: number, key: string) => (from < to ? <Text key={key} color={from < filled ? color : undefined} dimColor={from >= filled}>{cells.slice(from, to)}</Text> : null);
  return (
    <Text>
      {part(0, Math.min(at, filled), 'a')}
      {part(Math.min(at, filled), at, 'b')}
      <Text color={crossed ? 'red' : 'yellow'}>|</Text>
      {part(at + 1, Math.max(at + 1, filled), 'c')}
      {part(Math.max(at + 1, filled), width, 'd')}
    </Text>
  );
}

export function Meters({ meters, width }: { meters: Meter[]; width: number }) {
  const labelW = 20;
  const barW = Math.max(5, Math.min(14, width - labelW - 13));
  return (
    <Box flexDirection="column" width={width}>
      {meters.map((m) => {
        const d = m.value - m.before;
        const delta = Math.abs(d) < 0.005 ? '' : `${d > 0 ? '+' : ''}${d.toFixed(2)}`;
        const near = nearLine(m);
        return (
          <Box key={m.label}>
            <Text color={m.hidden ? 'magenta' : undefined}>{fit(m.label, labelW)}</Text>
            <Bar value={m.value} width={barW} danger={m.danger} line={m.line} />
            <Text>{` ${m.value.toFixed(2)} `}</Text>
            <Text color={d > 0 ? 'green' : 'red'}>{delta.padStart(5)}</Text>
            {/* Near an ending's line: a character, so it shows without colour too. */}
            <Text color="yellow" bold>{near ? '!' : ' '}</Text>
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
export function MoveList({ moves, keys, available = moves, selected, advised, width }: { moves: MoveName[]; /** Each move's place in the side's full list (its key); default: its place here. */ keys?: number[]; available?: readonly MoveName[]; selected: number; advised?: MoveName; width: number }) {
  return (
    <Box flexDirection="column" width={width}>
      {moves.map((m, i) => {
        const open = available.includes(m);
        // Marked by a character as well as by colour, for NO_COLOR: '>' the highlighted
        // move, '-' a move not open now.
        const mark = !open ? '-' : i === selected ? '>' : ' ';
        return (
          <Box key={m}>
            <Text inverse={open && i === selected} dimColor={!open}>
              {fit(`${mark}${moveKey(keys?.[i] ?? i)} ${MOVES[m].label}`, width - 1)}
            </Text>
            <Text color="green">{m === advised ? '*' : ' '}</Text>
          </Box>
        );
      })}
    </Box>
  );
}

/** The keys of a move list in words for the footer: "1-9,0" when the tenth move has key 0. */
export function moveKeysText(count: number): string {
  return count >= 10 ? '1-9,0' : count > 1 ? `1-${count}` : '1';
}

export interface LogLine {
  round: number;
  who: string;
  text: string;
  claims: string[];
  hidden: boolean;
  /** The step it tells of. */
  seq: number;
}

export interface LogRow {
  key: string;
  text: string;
  color?: string;
  dim?: boolean;
}

/** The log's lines as screen rows `width` wide: long entries wrap under their text instead of being cut. */
export function logRows(lines: readonly LogLine[], width: number, explain: boolean): LogRow[] {
  const rows: LogRow[] = [];
  // `head` stays as it is (its padding aligns the log); the text after it wraps under itself.
  const push = (key: string, head: string, text: string, style: { color?: string; dim?: boolean }) =>
    wrapLine(text, Math.max(10, width - head.length), 0).forEach((t, j) => rows.push({ key: `${key}.${j}`, text: (j === 0 ? head : ' '.repeat(head.length)) + t, ...style }));
  for (const [i, l] of lines.entries()) {
    const cite = l.claims.length ? ` [${l.claims.join(' ')}]` : '';
    // R1 and R12 take the same room, so the columns line up all game.
    const head = `${`R${l.round}`.padEnd(4)}${l.who.padEnd(6)}`;
    push(`${i}`, head, `${l.text}${cite}`, { color: l.hidden ? 'magenta' : undefined });
    if (explain) {
      for (const c of l.claims) {
        if (isClaimId(c)) push(`${i}-${c}`, `${' '.repeat(head.length)}${c}: `, CLAIMS[c].summary, { dim: true });
      }
    }
  }
  return rows;
}

/**
 * The log, newest at the bottom, `height` rows; `back` scrolls that many rows up from the
 * newest. When rows are hidden above or below, the top or bottom row says how many, and how
 * to see them.
 */
export function EventLog({ rows, height, width, back = 0 }: { rows: LogRow[]; height: number; width: number; back?: number }) {
  const end = Math.max(0, rows.length - Math.max(0, back));
  let top = Math.max(0, end - height);
  let shown = rows.slice(top, end);
  const below = rows.length - end;
  const notes: LogRow[] = [];
  if (top > 0 && shown.length >= height) {
    shown = shown.slice(1);
    top += 1;
    notes.push({ key: 'above', text: `  ... ${top} earlier row${top === 1 ? '' : 's'} above: PgUp scrolls the log`, dim: true });
  }
  if (below > 0 && shown.length) {
    shown = shown.slice(0, -1);
    shown.push({ key: 'below', text: `  ... ${below + 1} newer row${below === 0 ? '' : 's'} below: PgDn`, dim: true });
  }
  return (
    <Box flexDirection="column" height={height}>
      {[...notes, ...shown].map((r) => (
        <Text key={r.key} color={r.color} dimColor={r.dim}>
          {fit(r.text, width).trimEnd() || ' '}
        </Text>
      ))}
    </Box>
  );
}

export const HELP_KEYS: [string, string][] = [
  ['1-9,0 or arrows+Enter', 'move (> highlighted, - not open now, * advised)'],
  ['Tab', 'meters / what happened since your last move'],
  ['PgUp PgDn', 'scroll the log'],
  ['u', 'undo'],
  ['s', 'save a JSONL log'],
  ['t', 'teacher view (magenta: hidden from you)'],
  ['c', 'claims in words'],
  ['d', 'debrief, at the end'],
  ['q Esc', 'quit'],
];

/** Keys a seat at a class game does not have: the host keeps the game. */
const HOST_KEEPS = new Set(['u', 's', 't']);

/** The help screen as rows `width` wide: the keys, then what each of the side's meters means; everything wraps. */
export function helpRows(width: number, meters: readonly [string, string][], classGame = false): string[] {
  const keys = classGame ? HELP_KEYS.filter(([k]) => !HOST_KEEPS.has(k)) : HELP_KEYS;
  return [
    'Keys',
    ...wrapLine(keys.map(([k, v]) => `${k}: ${v}`).join(' · '), width, 0),
    'Your meters: bar, value, change since your last move. | marks the line where an ending comes; ! warns it is near.',
    ...meters.flatMap(([k, v]) => wrapLine(`${k.padEnd(20)}${v}`, width, 20)),
    'The log cites the claims (C1-C13) behind each event. Any key goes back.',
  ].flatMap((l) => (l.length > width ? wrapLine(l, width, 0) : [l]));
}

export function Help({ width, height, meters, classGame = false }: { width: number; height: number; meters: readonly [string, string][]; classGame?: boolean }) {
  const rows = helpRows(width, meters, classGame);
  // At 80x24 every row fits; on a smaller screen the keys come first.
  return (
    <Box flexDirection="column" width={width}>
      {rows.slice(0, height).map((l, i) => (
        <Text key={i} bold={i === 0 || l.startsWith('Your meters')}>
          {l || ' '}
        </Text>
      ))}
    </Box>
  );
}
