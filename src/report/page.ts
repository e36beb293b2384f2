import type { DataTable, Figure } from './figure.js';
import { renderSvg } from './svg.js';

// One self-contained HTML page: inline CSS and SVG, no script to run, no network. The
// numbers behind the page are embedded once as JSON (the same object `--format json`
// writes), so what a reader sees can be checked against what the tools compute.

export interface Block {
  kind: 'text';
  paragraphs: string[];
}

export interface TableBlock {
  kind: 'table';
  caption?: string;
  /** Many rows: the column names stay in view while scrolling (and head every printed page). */
  long?: boolean;
  table: DataTable;
}

export interface QuestionBlock {
  kind: 'question';
  prompt: string;
  options: string[];
}

export interface FigureBlock {
  kind: 'figure';
  figure: Figure;
  /** Show the numbers beside the chart (a teaching step) rather than folded away. */
  tableBeside?: boolean;
}

export type PageBlock = Block | TableBlock | QuestionBlock | FigureBlock;

export interface Section {
  heading: string;
  /** A small line above the heading (e.g. the stage of the argument). */
  kicker?: string;
  blocks: PageBlock[];
}

export interface Page {
  title: string;
  /** Lines under the title: what was run and how to reproduce it. */
  lead: string[];
  sections: Section[];
  /** The report object, as `--format json` writes it. */
  data: unknown;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

const isNumeric = (v: string | number) => typeof v === 'number' || /^[-+]?\d/.test(v);

export function tableHtml(t: DataTable, caption?: string, long = false): string {
  const head = `<thead><tr>${t.head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>`;
  const body = t.rows
    .map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${esc(c)}</th>` : `<td${isNumeric(c) ? ' class="num"' : ''}>${esc(c)}</td>`)).join('')}</tr>`)
    .join('\n');
  // A long table is not put in a scrolling box: the sticky head would stick to the box, not the page.
  if (long) return `<table class="long">${caption ? `<caption>${esc(caption)}</caption>` : ''}${head}<tbody>\n${body}\n</tbody></table>`;
  return `<div class="table"><table>${caption ? `<caption>${esc(caption)}</caption>` : ''}${head}<tbody>\n${body}\n</tbody></table></div>`;
}

/** Charts are drawn a quarter larger than vega lays them out, for projectors; CSS still keeps each within the page. */
export const SCALE = 1.25;

/** Give vega's SVG an accessible name and its larger size (the viewBox keeps its coordinates and shape). */
function accessibleSvg(svg: string, labelId: string): string {
  const open = /^<svg [^>]*>/.exec(svg)?.[0] ?? '';
  const scaled = open
    .replace(/ width="(\d+(?:\.\d+)?)"/, (_, w: string) => ` width="${Math.round(Number(w) * SCALE)}"`)
    .replace(/ height="(\d+(?:\.\d+)?)"/, (_, h: string) => ` height="${Math.round(Number(h) * SCALE)}"`)
    .replace(/^<svg /, `<svg role="img" aria-labelledby="${labelId}" `);
  return scaled + svg.slice(open.length);
}

async function figureHtml(b: FigureBlock): Promise<string> {
  const f = b.figure;
  const svg = accessibleSvg(await renderSvg(f.spec), `${f.id}-title`);
  const numbers = tableHtml(f.table);
  const table = b.tableBeside
    ? `<div class="beside">${numbers}</div>`
    : `<details><summary>The numbers behind this chart</summary>${numbers}</details>`;
  return [
    `<figure class="chart${b.tableBeside ? ' with-table' : ''}" id="${esc(f.id)}" data-marks="${f.marks}">`,
    `<h3 id="${esc(f.id)}-title">${esc(f.title)}</h3>`,
    `<div class="plot"><div class="svg">${svg}</div>${b.tableBeside ? table : ''}</div>`,
    `<figcaption><p>${esc(f.caption)}</p>${b.tableBeside ? '' : table}</figcaption>`,
    '</figure>',
  ].join('\n');
}

async function blockHtml(b: PageBlock): Promise<string> {
  switch (b.kind) {
    case 'text':
      return b.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n');
    case 'table':
      return tableHtml(b.table, b.caption, b.long);
    case 'question':
      return `<div class="question"><p><strong>For discussion.</strong> ${esc(b.prompt)}</p><ul>${b.options.map((o) => `<li>${esc(o)}</li>`).join('')}</ul></div>`;
    case 'figure':
      return figureHtml(b);
  }
}

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 17px/1.5 Helvetica, Arial, sans-serif; color: #111; background: #fff; margin: 0 auto; max-width: 1240px; padding: 24px 32px 48px; }
h1 { font-size: 30px; line-height: 1.2; margin: 0 0 8px; }
h2 { font-size: 23px; margin: 36px 0 8px; border-top: 2px solid #111; padding-top: 12px; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 17px; margin: 0 0 8px; }
.lead { color: #333; margin: 4px 0; }
.kicker { text-transform: uppercase; letter-spacing: 0.06em; font-size: 13px; color: #555; margin: 36px 0 0; }
.kicker + h2 { margin-top: 4px; }
code { font-family: Menlo, Consolas, monospace; font-size: 0.9em; background: #f3f3f3; padding: 1px 4px; }
figure.chart { margin: 20px 0; padding: 14px 18px; border: 1px solid #ccc; border-radius: 4px; break-inside: avoid; page-break-inside: avoid; }
figure.chart .svg svg { display: block; max-width: 100%; height: auto; }
/* Chart and table share the width: a fixed-width chart beside a wide table pushed the table past the page. */
figure.with-table .plot { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 20px; align-items: start; }
.beside table { font-size: 13px; }
.beside td.num { white-space: normal; }
figcaption p { margin: 8px 0 0; font-size: 14px; color: #333; }
details { margin-top: 6px; font-size: 14px; }
summary { cursor: pointer; color: #0b4f8a; }
table { border-collapse: collapse; font-size: 14px; font-variant-numeric: tabular-nums; margin: 6px 0; }
caption { text-align: left; font-weight: bold; padding-bottom: 4px; }
th, td { border-bottom: 1px solid #ddd; padding: 3px 8px; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid #888; }
table.long thead th { position: sticky; top: 0; background: #fff; }
td.num { text-align: right; white-space: nowrap; }
.table { overflow-x: auto; max-width: 100%; }
.question { border-left: 6px solid #E69F00; background: #fff8e8; padding: 6px 14px; margin: 14px 0; break-inside: avoid; page-break-inside: avoid; }
.question ul { margin: 4px 0 8px; }
footer { margin-top: 40px; font-size: 13px; color: #555; border-top: 1px solid #ccc; padding-top: 8px; }
@media (max-width: 1000px) { figure.with-table .plot { grid-template-columns: minmax(0, 1fr); } }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  h2 { font-size: 16pt; }
  figure.chart { border: none; padding: 0; margin: 10pt 0; }
  figure.with-table .plot { grid-template-columns: minmax(0, 1fr); gap: 4pt; }
  details:not([open]) { display: none; }
  /* A chart never taller than a page, and a step's chart leaves room for its table (the viewBox keeps the shape). */
  figure.chart .svg svg { max-height: 200mm; }
  figure.with-table .svg svg { max-height: 95mm; }
  table { font-size: 9pt; }
  .question { background: none; }
}
`;

/** The whole page; renders every chart (this is where vega is first loaded). */
export async function buildPage(page: Page): Promise<string> {
  const sections: string[] = [];
  for (const s of page.sections) {
    const parts = [s.kicker ? `<p class="kicker">${esc(s.kicker)}</p>` : '', `<h2>${esc(s.heading)}</h2>`];
    for (const b of s.blocks) parts.push(await blockHtml(b));
    sections.push(`<section>\n${parts.filter(Boolean).join('\n')}\n</section>`);
  }
  // JSON inside a script element: '<' is escaped so no string in it can close the element.
  const data = JSON.stringify(page.data).replace(/</g, '\\u003c');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(page.title.length > 70 ? `${page.title.slice(0, 68).trimEnd()}…` : page.title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${esc(page.title)}</h1>`,
    ...page.lead.map((l) => `<p class="lead">${esc(l)}</p>`),
    ...sections,
    '</main>',
    '<footer>Made by leverage, a seeded simulator: every number on this page comes from real runs and is reproduced by the command above. The data behind the charts is embedded in this file as JSON (element <code>#leverage-data</code>).</footer>',
    `<script type="application/json" id="leverage-data">${data}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The JSON embedded in a page built by buildPage. */
export const DATA_ELEMENT_ID = 'leverage-data';
