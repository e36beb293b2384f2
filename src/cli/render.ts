import type { Actor } from '../model/context.js';
import type { ProfileIds } from '../engine/batch/batch.js';
import type { BatchReport, CompareReport, TournamentReport } from '../analysis/reports.js';
import { METRICS } from '../engine/batch/stats.js';
import { OUTCOME_NAMES } from '../model/outcomes.js';
import { actorLabel } from './format.js';
import { fitText, outputWidth } from './width.js';

const BARS = ' ▁▂▃▄▅▆▇█';

/** Merge neighbouring bins so a histogram fits in `width` characters. */
function rebin(hist: number[], width: number): number[] {
  if (hist.length <= width) return hist;
  const out = new Array<number>(width).fill(0);
  hist.forEach((h, i) => {
    const j = Math.floor((i * width) / hist.length);
    out[j] = (out[j] as number) + h;
  });
  return out;
}

/** The bins from the first to the last that any of these histograms uses. */
export function occupied(hists: number[][]): [number, number] {
  let lo = Infinity;
  let hi = -1;
  for (const h of hists)
    h.forEach((v, i) => {
      if (v > 0) {
        lo = Math.min(lo, i);
        hi = Math.max(hi, i);
      }
    });
  return hi < 0 ? [0, -1] : [lo, hi];
}

/**
 * A small distribution, one character a bin, scaled to its fullest bin. `range` trims all
 * the cells of one column to the same bins, so their shapes can be compared by eye.
 */
export function sparkline(hist: number[], range: [number, number] = occupied([hist]), width = 12): string {
  const part = rebin(hist.slice(range[0], range[1] + 1), width);
  const max = Math.max(...part, 0);
  if (max === 0) return '';
  return part.map((h) => (h === 0 ? ' ' : (BARS[Math.max(1, Math.round((h / max) * 8))] as string))).join('');
}

/** A number to two places (never "-0.00"), and a share as a percentage: the formats every report uses. */
export const num = (x: number, d = 2) => (Object.is(x, -0) ? 0 : x).toFixed(d);
export const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function profileText(p: ProfileIds): string {
  return `US ${p.us} · China ${p.china} · Kim ${p.kim}`;
}

export function renderBatch(r: BatchReport): string {
  const out: string[] = [];
  for (const c of r.cells) {
    const s = c.summary;
    out.push(`${c.scenario} · ${profileText(c.profile)} · ${s.n} games (seed ${r.seed})`);
    const outcomes = OUTCOME_NAMES.filter((o) => s.outcomes[o].count > 0)
      .sort((a, b) => s.outcomes[b].count - s.outcomes[a].count)
      .map((o) => `${o} ${pct(s.outcomes[o].p)} [${pct(s.outcomes[o].low)}, ${pct(s.outcomes[o].high)}]`);
    out.push(`  outcomes: ${outcomes.join(' · ')}`);
    out.push(`  ${'measure'.padEnd(26)}${'mean'.padStart(8)}  ${'95% CI'.padEnd(20)} distribution`);
    for (const m of METRICS) {
      const v = s.metrics[m.key];
      out.push(`  ${m.label.padEnd(26)}${num(v.mean).padStart(8)}  ${`[${num(v.low)}, ${num(v.high)}]`.padEnd(20)} ${sparkline(v.hist)}`);
    }
    out.push('');
  }
  return out.join('\n');
}

function rowLabel(p: ProfileIds, varied: Actor[]): string {
  const sides = varied.length ? varied : (['us'] as Actor[]);
  return sides.map((a) => (varied.length > 1 ? `${a}:${p[a]}` : p[a])).join(' ');
}

function compareCellText(c: CompareReport['cells'][number][number], isShare: boolean, range: [number, number]): string {
  const f = (x: number) => (isShare ? pct(x) : num(x));
  const mark = c.best ? '★' : c.tiedWithBest ? '~' : ' ';
  return `${mark} ${f(c.mean).padStart(7)} ${`[${f(c.low)}, ${f(c.high)}]`.padEnd(18)} ${sparkline(c.hist, range)}`.trimEnd();
}

function columnRanges(r: CompareReport): [number, number][] {
  return r.columns.map((_, j) => occupied(r.cells.map((row) => (row[j] as { hist: number[] }).hist)));
}

export function renderCompare(r: CompareReport, format: 'table' | 'md'): string {
  const isShare = r.metric.startsWith('outcome.');
  const rowHead = r.varied.length === 1 ? `${actorLabel(r.varied[0] as Actor)} strategy` : 'profile';
  const labels = r.rows.map((p) => rowLabel(p, r.varied));
  const fixed = (['us', 'china', 'kim'] as Actor[]).filter((a) => !r.varied.includes(a)).map((a) => `${actorLabel(a)} ${r.rows[0]?.[a]}`);
  const where = r.columns.length > 1 ? 'the same in every scenario' : 'in this scenario';
  const intro = [
    `${r.metricLabel}: mean [95% CI] and distribution, ${r.runs} games per cell, seed ${r.seed}.`,
    ...(fixed.length
      ? [`Opponents, ${where}: ${fixed.join(', ')} (choose with --us/--china/--kim; by default the scenarios' own choice when they agree, else the built-in one).`]
      : []),
    '★ highest in its column; ~ interval overlaps the highest (not a significant difference).',
  ];
  if (format === 'md') {
    const lines = [...intro.map((l) => `${l}  `), '', `| ${rowHead} | ${r.columns.join(' | ')} |`, `|---|${r.columns.map(() => '---').join('|')}|`];
    const ranges = columnRanges(r);
    r.cells.forEach((row, i) => lines.push(`| ${labels[i]} | ${row.map((c, j) => compareCellText(c, isShare, ranges[j] as [number, number])).join(' | ')} |`));
    return lines.join('\n') + '\n';
  }
  const ranges = columnRanges(r);
  const texts = r.cells.map((row) => row.map((c, j) => compareCellText(c, isShare, ranges[j] as [number, number])));
  const w0 = Math.max(rowHead.length, ...labels.map((l) => l.length)) + 2;
  const widths = r.columns.map((col, j) => Math.max(col.length, ...texts.map((row) => (row[j] as string).length)) + 3);
  const lines = [...intro, ''];
  const side = (cols: number[]) => {
    lines.push((rowHead.padEnd(w0) + cols.map((j) => (r.columns[j] as string).padEnd(widths[j] as number)).join('')).trimEnd());
    texts.forEach((row, i) => lines.push(((labels[i] as string).padEnd(w0) + cols.map((j) => (row[j] as string).padEnd(widths[j] as number)).join('')).trimEnd()));
  };
  const all = r.columns.map((_, j) => j);
  // Side by side when the scenarios fit the width; else one table per scenario, stacked.
  if (w0 + widths.reduce((a, b) => a + b, 0) - 3 <= outputWidth()) side(all);
  else
    all.forEach((j, k) => {
      if (k > 0) lines.push('');
      side([j]);
    });
  return lines.join('\n') + '\n';
}

export function renderTournament(r: TournamentReport): string {
  const s = r.strategies;
  const lines = [
    `Tournament on ${r.scenario}: ${s.us.length} US x ${s.china.length} China x ${s.kim.length} Kim strategies = ${r.table.length} profiles, ${r.runs} games each (seed ${r.seed}).`,
    '',
    'Pure-strategy equilibria of the mean payoffs (no side gains by switching alone):',
  ];
  if (r.equilibria.length === 0) lines.push('  none: every profile leaves some side a better reply.');
  for (const e of r.equilibria) {
    const p = e.payoffs;
    lines.push(`  ${profileText(e.profile)}`);
    lines.push(`      payoffs: US ${num(p.us.mean)} [${num(p.us.low)}, ${num(p.us.high)}]  China ${num(p.china.mean)} [${num(p.china.low)}, ${num(p.china.high)}]  Kim ${num(p.kim.mean)} [${num(p.kim.low)}, ${num(p.kim.high)}]`);
  }
  lines.push('', 'Best replies: how often each strategy is a side\'s best reply to the others\' combinations:');
  for (const a of ['us', 'china', 'kim'] as Actor[]) {
    const total = r.table.length / s[a].length;
    const counts = Object.entries(r.bestResponseCounts[a]).sort((x, y) => y[1] - x[1]).map(([id, n]) => `${id} ${n}/${total}`);
    lines.push(`  ${actorLabel(a).padEnd(6)} ${counts.join(', ')}`);
  }
  lines.push('', 'The full payoff table: --out FILE.csv (tidy rows) or --out FILE.json.');
  return lines.join('\n') + '\n';
}

/**
 * A plain text table: columns padded to their widest cell. When that is wider than `width`,
 * each row is stacked instead: its first cell as a heading, then one `column  value` line
 * per other column, so nothing has to be cut.
 */
export function textTable(head: string[], rows: string[][], indent = '  ', width = outputWidth()): string {
  const widths = head.map((h, j) => Math.max(h.length, ...rows.map((r) => (r[j] ?? '').length)));
  const total = indent.length + widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
  if (total > width && head.length > 1) {
    const hw = Math.max(...head.slice(1).map((h) => h.length));
    const blocks = rows.map((r) =>
      [`${indent}${head[0] ? `${head[0]}: ` : ''}${r[0] ?? ''}`, ...head.slice(1).map((h, j) => fitText(`${indent}  ${h.padEnd(hw)}  ${r[j + 1] ?? ''}`, width))].join('\n'),
    );
    return blocks.join('\n') + '\n';
  }
  const line = (cells: string[]) => indent + cells.map((c, j) => c.padEnd(widths[j] as number)).join('  ').trimEnd();
  return [line(head), indent + widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n') + '\n';
}

/** The same table in Markdown. */
export function mdTable(head: string[], rows: string[][]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [`| ${head.map(esc).join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n') + '\n';
}
