import { CHART_WIDTH, dashScale, seriesScale, shapeScale, vegaLite } from './figure.js';

// The few chart shapes every report is made of, as Vega-Lite specs. Each returns the spec
// and the number of data marks it draws (for the browser test).

export interface IntervalRow {
  /** Category on the vertical axis. */
  y: string;
  mean: number;
  low: number;
  high: number;
  /** Series within a category (dodged, coloured, shaped). */
  series?: string;
  /** A small-multiple panel. */
  panel?: string;
}

export interface Chart {
  spec: Record<string, unknown>;
  marks: number;
}

const uniq = (xs: string[]): string[] => [...new Set(xs)];

/**
 * Dot-and-interval: a point at the mean and a rule across the 95% interval, one row per
 * category, series dodged within a row, panels side by side (shared x, so they compare).
 */
export function intervalChart(opts: {
  rows: IntervalRow[];
  xTitle: string;
  yTitle: string;
  seriesTitle?: string;
  percent?: boolean;
  xDomain?: [number, number];
  /** The axis reaches zero, so a small difference is drawn small. */
  fromZero?: boolean;
  /** A title over the chart (a single panel). */
  title?: string;
  /** A reference line (e.g. zero for differences). */
  zero?: boolean;
  independentX?: boolean;
  panelColumns?: number;
  /** Width of the plot area of each panel. */
  width?: number;
}): Chart {
  const { rows } = opts;
  const series = uniq(rows.map((r) => r.series ?? ''));
  const panels = uniq(rows.map((r) => r.panel ?? ''));
  const many = series.length > 1;
  const values = rows.map((r) => ({ ...r, series: r.series ?? '', panel: r.panel ?? '' }));
  const yCats = uniq(rows.map((r) => r.y));
  const x = {
    type: 'quantitative',
    title: opts.xTitle || null,
    ...(opts.percent ? { axis: { format: '.0%' } } : {}),
    scale: opts.xDomain ? { domain: opts.xDomain } : { zero: opts.fromZero === true, nice: true },
  };
  const y = { field: 'y', type: 'nominal', title: opts.yTitle || null, sort: yCats };
  const seriesEnc = many
    ? {
        yOffset: { field: 'series', type: 'nominal', sort: series, title: opts.seriesTitle ?? null },
        color: { field: 'series', type: 'nominal', scale: seriesScale(series), title: opts.seriesTitle ?? null, legend: { orient: 'bottom', columns: 2 } },
      }
    : {};
  // The interval is drawn over the dot, with end ticks, so a short interval is not hidden under it.
  const interval = { x: { ...x, field: 'low' }, x2: { field: 'high' }, ...(many ? {} : { color: { value: '#555555' } }) };
  const ends = (field: 'low' | 'high') => ({ mark: { type: 'tick', thickness: 2, size: 9 }, encoding: { x: { ...x, field }, ...(many ? {} : { color: { value: '#555555' } }) } });
  const layers: Record<string, unknown>[] = [
    {
      mark: { type: 'point', filled: true, size: 60, opacity: 0.75 },
      encoding: {
        x: { ...x, field: 'mean' },
        ...(many ? { shape: { field: 'series', type: 'nominal', scale: shapeScale(series), title: opts.seriesTitle ?? null, legend: { orient: 'bottom', columns: 2 } } } : { color: { value: '#000000' } }),
        tooltip: [
          { field: 'y', title: opts.yTitle },
          { field: 'mean', format: '.3f' },
          { field: 'low', format: '.3f' },
          { field: 'high', format: '.3f' },
        ],
      },
    },
    { mark: { type: 'rule', strokeWidth: 2 }, encoding: interval },
    ends('low'),
    ends('high'),
  ];
  // The zero line is drawn once per panel: its own one-row data outside facets, a datum inside them.
  const zeroLine = (faceted: boolean) =>
    faceted
      ? { mark: { type: 'rule', color: '#999999', strokeDash: [3, 3] }, encoding: { x: { datum: 0, type: 'quantitative' } } }
      : { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: '#999999', strokeDash: [3, 3] }, encoding: { x: { field: 'zero', type: 'quantitative' }, y: null } };
  if (opts.zero) layers.unshift(zeroLine(panels.length > 1));
  // With series dodged, the step is the height of one series within a row.
  const step = many ? 12 : 22;
  const unit = {
    width: opts.width ?? (panels.length > 1 ? Math.max(150, Math.floor((CHART_WIDTH - 140) / Math.min(panels.length, opts.panelColumns ?? 3)) - 10) : CHART_WIDTH - 200),
    height: { step },
    encoding: { y, ...seriesEnc },
    layer: layers,
  };
  const extra = opts.zero ? panels.length : 0;
  if (panels.length === 1) return { spec: vegaLite({ data: { values }, ...(opts.title ? { title: { text: opts.title, frame: 'bounds', fontSize: 13 } } : {}), ...unit }), marks: rows.length * 4 + extra };
  return {
    spec: vegaLite({
      data: { values },
      facet: { field: 'panel', type: 'nominal', sort: panels, title: null, header: { labelFontSize: 13, labelFontWeight: 'bold' } },
      columns: opts.panelColumns ?? 3,
      spec: unit,
      ...(opts.independentX ? { resolve: { scale: { x: 'independent' }, axis: { x: 'independent' } } } : {}),
    }),
    marks: rows.length * 4 + extra,
  };
}

/** Charts one above the other, each keeping its own scales (a measure per chart). */
export function stacked(specs: Record<string, unknown>[]): Record<string, unknown> {
  const inner = specs.map(({ $schema: _s, config: _c, ...rest }) => rest);
  return vegaLite({ vconcat: inner, spacing: 18 });
}

/** Distributions as step lines over shared bins, one line (colour and dash) per series. */
export function distributionChart(opts: { series: { name: string; lo: number; hi: number; counts: number[]; n: number }[]; xTitle: string }): Chart {
  const names = opts.series.map((s) => s.name);
  const values = opts.series.flatMap((s) => {
    const w = (s.hi - s.lo) / s.counts.length;
    return s.counts.map((c, i) => ({ series: s.name, x: s.lo + (i + 0.5) * w, share: s.n > 0 ? c / s.n : 0 }));
  });
  const legend = names.length > 1 ? { orient: 'bottom', columns: 2 } : null;
  return {
    spec: vegaLite({
      data: { values },
      width: CHART_WIDTH - 80,
      height: 150,
      mark: { type: 'line', interpolate: 'step', strokeWidth: 2 },
      encoding: {
        x: { field: 'x', type: 'quantitative', title: opts.xTitle, scale: { zero: false } },
        y: { field: 'share', type: 'quantitative', title: 'share of games per bin', axis: { format: '.0%' } },
        color: { field: 'series', type: 'nominal', scale: seriesScale(names), title: null, legend },
        strokeDash: { field: 'series', type: 'nominal', scale: dashScale(names), title: null, legend },
      },
    }),
    marks: names.length,
  };
}

/** A table of coloured cells with the value written in each (for heat tables and matrices). */
export function heatTable(opts: {
  cells: { x: string; y: string; value: number; text: string; category?: string }[];
  xTitle: string;
  yTitle: string;
  colourTitle: string;
  /** Categorical colours (e.g. verdicts) instead of a numeric scale. */
  categories?: { domain: string[]; range: string[] };
  cellWidth?: number;
  /** A fixed colour domain, so several tables share one scale. */
  domain?: [number, number];
  /** Column names above the table (a tall table), not only below it. */
  labelsOnTop?: boolean;
}): Chart {
  const xs = uniq(opts.cells.map((c) => c.x));
  const ys = uniq(opts.cells.map((c) => c.y));
  const cellWidth = opts.cellWidth ?? Math.max(60, Math.min(120, Math.floor((CHART_WIDTH - 180) / xs.length)));
  // Long column names wrap onto lines (vega's estimate is about 8 px a character at 11 px) rather than being cut.
  // A cell's writing wraps onto lines within its cell (about 6.6 px a character at 11 px), and
  // the rows grow to hold the most lines: text never runs into the next cell.
  const textWidth = Math.max(6, Math.floor((cellWidth - 8) / 6.6));
  const values = opts.cells.map((c) => {
    const text = wrapWords(c.text, textWidth);
    return { ...c, text, lines: text.split('\n').length, xLabel: wrapWords(c.x, Math.max(6, Math.floor(cellWidth / 8.5))) };
  });
  const lines = Math.max(1, ...values.map((v) => v.lines));
  // Labels above the table grow down from their first line: lift them by their extra lines.
  const labelLines = Math.max(1, ...values.map((v) => v.xLabel.split('\n').length));
  const lo = opts.domain?.[0] ?? Math.min(...values.map((v) => v.value));
  const hi = opts.domain?.[1] ?? Math.max(...values.map((v) => v.value));
  const mid = (lo + hi) / 2;
  const colour = opts.categories
    ? { field: 'category', type: 'nominal', scale: opts.categories, title: opts.colourTitle, legend: { orient: 'bottom' } }
    : { field: 'value', type: 'quantitative', scale: { scheme: 'viridis', ...(opts.domain ? { domain: opts.domain } : {}) }, title: opts.colourTitle, legend: { orient: 'right', gradientLength: 120, titleLimit: 0, titleOrient: 'top' } };
  // Dark cells (the low end of viridis) get white writing.
  const textColour = opts.categories
    ? { condition: { test: "datum.category === 'holds'", value: 'white' }, value: 'black' }
    : { condition: { test: `datum.value < ${mid}`, value: 'white' }, value: 'black' };
  // Vega sets a text's first line on the cell's middle: each count of lines is raised by half its extra height.
  const textLayers = uniq(values.map((v) => String(v.lines))).map((n) => ({
    transform: [{ filter: `datum.lines === ${n}` }],
    mark: { type: 'text', fontSize: 11, lineBreak: '\n', lineHeight: 13, dy: -6.5 * (Number(n) - 1) },
    encoding: { text: { field: 'text' }, color: textColour },
  }));
  return {
    spec: vegaLite({
      data: { values },
      width: { step: cellWidth },
      height: { step: 24 + 13 * (lines - 1) },
      encoding: {
        x: {
          field: 'xLabel',
          type: 'nominal',
          sort: xs.map((x) => wrapWords(x, Math.max(6, Math.floor(cellWidth / 8.5)))),
          title: opts.xTitle,
          axis: { orient: opts.labelsOnTop ? 'top' : 'bottom', ...(opts.labelsOnTop ? { labelPadding: 4 + 13 * (labelLines - 1) } : {}), labelAngle: 0, labelLimit: 0, labelExpr: "split(datum.label, '\\n')" },
        },
        // Row names are profiles and assumptions: shown whole (vega's text-width estimate is pessimistic).
        y: { field: 'y', type: 'nominal', sort: ys, title: opts.yTitle, axis: { labelLimit: 0 } },
      },
      layer: [
        { mark: { type: 'rect', stroke: 'white', strokeWidth: 1 }, encoding: { color: colour } },
        ...textLayers,
      ],
    }),
    marks: values.length * 2,
  };
}

/** Words joined into lines of at most `width` characters (a longer word keeps its own line). */
export function wrapWords(text: string, width: number): string {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.join('\n');
}

/** Tornado: one bar per parameter from the lowest to the highest value of the measure; a line at the scenario as written. */
export function tornadoChart(opts: { bars: { param: string; lo: number; hi: number; loAt?: string; hiAt?: string }[]; base: number; xTitle: string }): Chart {
  const bars = [...opts.bars].sort((a, b) => b.hi - b.lo - (a.hi - a.lo));
  const labelled = bars.every((b) => b.loAt !== undefined && b.hiAt !== undefined);
  // The parameter's value at each end of its bar, written just outside the end.
  const endLabel = (at: 'lo' | 'hi', text: 'loAt' | 'hiAt', align: 'left' | 'right', dx: number) => ({
    data: { values: bars },
    mark: { type: 'text', align, dx, fontSize: 11 },
    encoding: { y: { field: 'param', type: 'nominal', sort: bars.map((b) => b.param) }, x: { field: at, type: 'quantitative' }, text: { field: text } },
  });
  return {
    spec: vegaLite({
      width: CHART_WIDTH - 220,
      height: 26 * bars.length,
      layer: [
        {
          data: { values: bars },
          mark: { type: 'bar', color: '#0072B2', height: 14 },
          encoding: {
            y: { field: 'param', type: 'nominal', sort: bars.map((b) => b.param), title: 'parameter, moved alone' },
            // Room at both ends for the words written beside the bars.
            x: { field: 'lo', type: 'quantitative', title: opts.xTitle, scale: { zero: false, padding: 60 } },
            x2: { field: 'hi' },
          },
        },
        { data: { values: [{ base: opts.base }] }, mark: { type: 'rule', color: '#000000', strokeDash: [4, 3], strokeWidth: 2 }, encoding: { x: { field: 'base', type: 'quantitative' } } },
        ...(labelled ? [endLabel('lo', 'loAt', 'right', -4), endLabel('hi', 'hiAt', 'left', 4)] : []),
      ],
    }),
    marks: bars.length + 1 + (labelled ? 2 * bars.length : 0),
  };
}

/** Horizontal bars of counts, one per category, coloured by group. */
export function barChart(opts: { bars: { y: string; value: number; group: string }[]; xTitle: string; yTitle: string }): Chart {
  const groups = uniq(opts.bars.map((b) => b.group));
  return {
    spec: vegaLite({
      data: { values: opts.bars },
      width: CHART_WIDTH - 220,
      height: { step: 20 },
      mark: { type: 'bar' },
      encoding: {
        // Labels in full: a profile cut to 'columns · enforcer · loyalCl…' cannot be told from its neighbour.
        y: { field: 'y', type: 'nominal', sort: opts.bars.map((b) => b.y), title: opts.yTitle, axis: { labelLimit: 0 } },
        x: { field: 'value', type: 'quantitative', title: opts.xTitle, axis: { tickMinStep: 1 } },
        color: { field: 'group', type: 'nominal', scale: seriesScale(groups), title: null, legend: { orient: 'bottom' } },
      },
    }),
    marks: opts.bars.length,
  };
}

/** Lines over rounds, one per measure (colour, dash and point shape), points at each round. */
export function timelineChart(opts: { points: { x: number; series: string; value: number }[]; xTitle: string; yTitle: string; yDomain?: [number, number] }): Chart {
  const names = uniq(opts.points.map((p) => p.series));
  const legend = { orient: 'bottom', columns: 4 };
  return {
    spec: vegaLite({
      data: { values: opts.points },
      width: CHART_WIDTH - 80,
      height: 260,
      encoding: {
        x: { field: 'x', type: 'quantitative', title: opts.xTitle, axis: { tickMinStep: 1, format: 'd' } },
        y: { field: 'value', type: 'quantitative', title: opts.yTitle, scale: opts.yDomain ? { domain: opts.yDomain } : {} },
        color: { field: 'series', type: 'nominal', scale: seriesScale(names), title: null, legend },
      },
      // Lines differ by dash, points by shape; one merged legend (a shape on the line layer would add points to it).
      layer: [
        { mark: { type: 'line', strokeWidth: 2 }, encoding: { strokeDash: { field: 'series', type: 'nominal', scale: dashScale(names), title: null, legend } } },
        { mark: { type: 'point', filled: true, size: 36, opacity: 1 }, encoding: { shape: { field: 'series', type: 'nominal', scale: shapeScale(names), title: null, legend } } },
      ],
    }),
    marks: names.length + opts.points.length,
  };
}
