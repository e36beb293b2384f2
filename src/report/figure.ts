// A figure is a chart described as data: a Vega-Lite spec plus everything a reader needs
// beside it (title, caption saying what was run, the numbers as a table). Building one
// draws nothing; src/report/svg.ts renders specs only in the commands that write HTML.

export interface DataTable {
  head: string[];
  rows: (string | number)[][];
}

export interface Figure {
  /** Unique in its page; used as the element id. */
  id: string;
  title: string;
  /** What was run: scenario, seed, runs (and strategies where they matter). */
  caption: string;
  /** A Vega-Lite (v6) spec with its data inline. */
  spec: Record<string, unknown>;
  table: DataTable;
  /** How many data marks (points, rules, bars, cells, lines) the chart must draw; the browser test counts them. */
  marks: number;
}

/**
 * Okabe and Ito's colour-blind-safe palette, ordered so neighbours also differ in lightness
 * (greyscale print): black, orange, blue, sky blue, vermillion, green, pink, yellow.
 */
export const PALETTE = ['#000000', '#E69F00', '#0072B2', '#56B4E9', '#D55E00', '#009E73', '#CC79A7', '#F0E442'];
/** Shapes and dashes that tell series apart without colour. */
export const SHAPES = ['circle', 'square', 'triangle-up', 'diamond', 'cross', 'triangle-down', 'triangle-right', 'triangle-left'];
export const DASHES = [[1, 0], [6, 3], [2, 2], [8, 3, 2, 3], [1, 3], [10, 4], [4, 1], [3, 6]];

/** Hold / break / unclear: dark blue, light orange, pale grey; differ in greyscale too, and cells also say it in words. */
export const VERDICT_COLOURS = { holds: '#0072B2', breaks: '#E69F00', unclear: '#DDDDDD' } as const;

export const CHART_WIDTH = 640;

/** Shared look: readable type, no frame, white background (prints as drawn). */
export const CONFIG = {
  background: 'white',
  font: 'Helvetica, Arial, sans-serif',
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', labelLimit: 260 },
  legend: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', labelLimit: 320 },
  header: { labelFontSize: 12, titleFontSize: 12 },
  title: { fontSize: 14, anchor: 'start' },
};

export function vegaLite(spec: Record<string, unknown>): Record<string, unknown> {
  return { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', config: CONFIG, ...spec };
}

/** A categorical colour + shape (or dash) scale over `domain`, so series read without colour. */
export function seriesScale(domain: string[]): { domain: string[]; range: string[] } {
  return { domain, range: domain.map((_, i) => PALETTE[i % PALETTE.length] as string) };
}

export function shapeScale(domain: string[]): { domain: string[]; range: string[] } {
  return { domain, range: domain.map((_, i) => SHAPES[i % SHAPES.length] as string) };
}

export function dashScale(domain: string[]): { domain: string[]; range: number[][] } {
  return { domain, range: domain.map((_, i) => DASHES[i % DASHES.length] as number[]) };
}

export const round3 = (x: number): number => (Number.isFinite(x) ? Math.round(x * 1000) / 1000 : x);
export const fmt2 = (x: number): string => (Object.is(x, -0) ? 0 : x).toFixed(2);
export const fmtPct = (x: number): string => `${(x * 100).toFixed(1)}%`;
