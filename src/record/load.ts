import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as z from 'zod';
import type { LaunchType, MonthRow, Series } from './month-row.js';
import { InputError } from '../input-error.js';
import { packageRoot } from '../package-root.js';
import { emptyMonth, LAUNCH_TYPES } from './month-row.js';

// The record of the peninsula as data (data/record/*.csv, documented in its README): one
// row per event, each with its public source. Reading files is I/O, so this sits beside
// the scenario loader, below the engine; the moments read the monthly series built here.

export const RECORD_COLUMNS = ['date', 'kind', 'subtype', 'count', 'detail', 'source', 'uncertainty'] as const;

export const EVENT_KINDS = ['launch', 'nuclear_test', 'summit', 'deal', 'freeze', 'collapse', 'unsc_vote', 'exercise', 'exercise_suspended', 'china_statement'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** Subtypes a kind is restricted to; kinds not listed take any short lower-case word. */
const SUBTYPES: Partial<Record<EventKind, readonly string[]>> = {
  launch: [...LAUNCH_TYPES, 'cruise'],
  unsc_vote: ['china_backed', 'china_backed_renewal', 'china_blocked', 'china_abstained'],
  china_statement: ['opposes_test', 'urges_restraint'],
};

/** The years every kind of event is recorded for: months outside them are not known to be quiet. */
export const RECORD_FIRST_YEAR = 2006;
export const RECORD_LAST_YEAR = 2024;

const DATE = /^(\d{4})-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?$/;

export const recordRowSchema = z.strictObject({
  date: z.string().regex(DATE, { message: 'date must be YYYY-MM-DD, or YYYY-MM when the day is uncertain' }),
  kind: z.enum(EVENT_KINDS),
  subtype: z.string().regex(/^[a-z][a-z0-9_]*$/, { message: 'subtype must be a short lower-case word (letters, digits, _)' }),
  count: z.coerce.number().int().min(1).max(1000),
  detail: z.string().min(3),
  source: z.string().min(3),
  uncertainty: z.string(),
});

export interface RecordEvent extends z.infer<typeof recordRowSchema> {
  kind: EventKind;
  /** YYYY-MM. */
  month: string;
  /** Where it came from, for messages: file:line. */
  place: string;
}

/** Split CSV text into rows of fields (RFC 4180 quoting; a quoted field may hold commas and doubled quotes). */
export function parseCsv(text: string, file: string): string[][] {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      line++;
    } else field += c;
  }
  if (quoted) throw new InputError(`${file}:${line}: a quoted field is never closed. Fix: end it with a double quote.`);
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function issueText(issue: z.core.$ZodIssue, row: Record<string, string>): string {
  const col = String(issue.path[0] ?? 'row');
  if (col === 'kind') return `kind '${row.kind}' is not one of ${EVENT_KINDS.join(', ')}. Fix: use one of them, or add the kind to src/record/load.ts and data/record/README.md.`;
  if (col === 'count') return `count '${row.count}' must be a whole number from 1 to 1000. Fix: give the number of missiles or events.`;
  if (col === 'date') return `date '${row.date}': ${issue.message}. Fix: e.g. 2017-09-03 or 2017-09.`;
  if (col === 'detail' || col === 'source') return `${col} is empty. Fix: every row says what happened and its public source.`;
  return `${col}: ${issue.message}.`;
}

/** Rows of one record file; `file` is used in messages only. Throws an InputError naming file, line and fix. */
export function parseRecord(text: string, file: string): RecordEvent[] {
  const rows = parseCsv(text, file);
  const header = rows[0];
  if (!header || header.join(',') !== RECORD_COLUMNS.join(',')) {
    throw new InputError(`${file}:1: the header is '${header?.join(',') ?? ''}'. Fix: the first line must be ${RECORD_COLUMNS.join(',')}.`);
  }
  const out: RecordEvent[] = [];
  let lastMonth = '';
  let lastDay = '';
  for (let i = 1; i < rows.length; i++) {
    const cells = rows[i]!;
    const place = `${file}:${i + 1}`;
    if (cells.length === 1 && cells[0] === '') continue;
    if (cells.length !== RECORD_COLUMNS.length) {
      throw new InputError(`${place}: ${cells.length} fields, expected ${RECORD_COLUMNS.length} (${RECORD_COLUMNS.join(', ')}). Fix: quote a field that holds a comma.`);
    }
    const raw = Object.fromEntries(RECORD_COLUMNS.map((c, k) => [c, cells[k]!.trim()]));
    const parsed = recordRowSchema.safeParse(raw);
    if (!parsed.success) throw new InputError(`${place}: ${issueText(parsed.error.issues[0]!, raw)}`);
    const row = parsed.data;
    const allowed = SUBTYPES[row.kind];
    if (allowed && !allowed.includes(row.subtype)) {
      throw new InputError(`${place}: subtype '${row.subtype}' is not one of ${allowed.join(', ')} for kind ${row.kind}. Fix: use one of them.`);
    }
    const month = row.date.slice(0, 7);
    const year = Number(row.date.slice(0, 4));
    if (year < RECORD_FIRST_YEAR || year > RECORD_LAST_YEAR) {
      throw new InputError(`${place}: ${row.date} is outside the years the record covers (${RECORD_FIRST_YEAR}-${RECORD_LAST_YEAR}). Fix: extend RECORD_FIRST_YEAR/RECORD_LAST_YEAR with every kind of event for the new years, or drop the row.`);
    }
    // Rows run in time order: by month, and by day among rows that give one.
    const day = row.date.length === 10 ? row.date : '';
    if (month < lastMonth || (month === lastMonth && day !== '' && day < lastDay)) {
      throw new InputError(`${place}: ${row.date} comes before the row above it (${lastDay || lastMonth}). Fix: keep the rows in date order.`);
    }
    if (month !== lastMonth) lastDay = '';
    lastMonth = month;
    if (day) lastDay = day;
    out.push({ ...row, month, place });
  }
  return out;
}

/** The folder of the record shipped with leverage. */
export function recordDir(): string {
  return join(packageRoot(), 'data', 'record');
}

/** Every .csv in the folder, merged in time order (stable: a file's own order is kept within a month). */
export function loadRecord(dir = recordDir()): RecordEvent[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.csv')).sort();
  } catch {
    throw new InputError(`${dir}: cannot read the record folder. Fix: reinstall leverage, or pass the folder that holds the record's .csv files.`);
  }
  if (names.length === 0) throw new InputError(`${dir}: no .csv files. Fix: the record is data/record/*.csv (see data/record/README.md).`);
  const shown = (n: string) => relative(process.cwd(), join(dir, n)) || n;
  const all = names.flatMap((n) => parseRecord(readFileSync(join(dir, n), 'utf8'), shown(n)));
  return all.sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
}

function addMonths(month: string, k: number): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7)) - 1 + k;
  const yy = y + Math.floor(m / 12);
  return `${yy}-${String((m % 12) + 1).padStart(2, '0')}`;
}

function addEvent(row: MonthRow, e: RecordEvent): void {
  const add = (key: keyof Omit<MonthRow, 'month' | 'launches' | 'nuclearTests'>) => {
    row[key] = (row[key] ?? 0) + e.count;
  };
  switch (e.kind) {
    case 'launch':
      // Cruise missiles are recorded but sit on no rung of the model's ladder.
      if (e.subtype !== 'cruise') row.launches[e.subtype as LaunchType] += e.count;
      return;
    case 'nuclear_test':
      row.nuclearTests += e.count;
      return;
    case 'china_statement':
      if (e.subtype === 'opposes_test') add('testsAgainstBeijing');
      return;
    case 'deal':
    case 'freeze':
      return add('dealsReached');
    case 'collapse':
      return add('dealsCollapsed');
    case 'unsc_vote':
      return add(e.subtype === 'china_backed' || e.subtype === 'china_backed_renewal' ? 'chinaBacksSanctions' : 'chinaBlocksSanctions');
    case 'summit':
      if (e.subtype === 'kim_xi') add('summitsWithBeijing');
      return add('summits');
    case 'exercise':
      return add('exercises');
    case 'exercise_suspended':
      return;
  }
}

function monthRow(month: string): MonthRow {
  return { ...emptyMonth(month), dealsReached: 0, dealsCollapsed: 0, testsAgainstBeijing: 0, chinaBacksSanctions: 0, chinaBlocksSanctions: 0, summits: 0, summitsWithBeijing: 0, exercises: 0 };
}

/** `months` months of the record from `firstMonth` (YYYY-MM), one row a month: a scenario's clock laid on the record. */
export function recordWindow(events: readonly RecordEvent[], firstMonth: string, months = 12): Series {
  const rows = Array.from({ length: months }, (_, k) => monthRow(addMonths(firstMonth, k)));
  const last = rows[rows.length - 1]!.month;
  const firstYear = Number(firstMonth.slice(0, 4));
  if (firstYear < RECORD_FIRST_YEAR || Number(last.slice(0, 4)) > RECORD_LAST_YEAR) {
    throw new InputError(`months ${firstMonth}..${last} fall outside the record (${RECORD_FIRST_YEAR}-${RECORD_LAST_YEAR}). Fix: choose a clock.firstMonth inside it.`);
  }
  const at = new Map(rows.map((r) => [r.month, r]));
  for (const e of events) {
    const r = at.get(e.month);
    if (r) addEvent(r, e);
  }
  return rows;
}

/** The record as one series a calendar year, for every year it covers. */
export function recordYears(events: readonly RecordEvent[]): Map<number, Series> {
  const out = new Map<number, Series>();
  for (let y = RECORD_FIRST_YEAR; y <= RECORD_LAST_YEAR; y++) out.set(y, recordWindow(events, `${y}-01`));
  return out;
}
