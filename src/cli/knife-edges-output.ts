import type { EdgeSide, KnifeEdgeReport, ParamEdges } from '../analysis/knife-edges.js';
import { changeWords, digitsToTell, flipSentence, shownFactor, shownValue } from '../analysis/knife-edges.js';
import { textTable } from './render.js';

// How `leverage calibrate --knife-edges` reads: one table per scenario (how far each
// parameter moves before a verdict flips), then each flip in a sentence.

/** One end of a parameter's range in a table cell. */
export function sideCell(p: ParamEdges, s: EdgeSide): string {
  const end = `${shownValue(s.end, p.whole)} (${shownFactor(s.endFactor)})`;
  switch (s.result) {
    case 'fixed':
      return p.shipped === 0 ? 'shipped 0: cannot scale' : 'at its bound';
    case 'none':
      return `no flip to ${end}`;
    case 'undecided':
      return `undecided at ${end}: ${s.undecided.length}`;
    case 'flips':
    case 'unconfirmed': {
      const f = s.flip!;
      const d = digitsToTell([f.at, f.safe, p.shipped]);
      const at = `${shownValue(f.at, p.whole, d)} (${shownFactor(f.factor, d)})`;
      const nearest = s.result === 'flips' ? `flips at ${at}: ${f.items.length}` : `unconfirmed at ${at}`;
      return s.alsoAtEnd?.length ? `${nearest}; by ${shownFactor(s.endFactor)}: ${s.alsoAtEnd.length} more` : nearest;
    }
  }
}

export function knifeEdgeTables(r: KnifeEdgeReport): { scenario: string; head: string[]; rows: string[][] }[] {
  return r.scenarios.map((s) => ({
    scenario: s.scenario,
    head: ['parameter', 'shipped', 'halving', 'doubling'],
    rows: s.params.map((p) => [p.path, shownValue(p.shipped, p.whole), sideCell(p, p.down), sideCell(p, p.up)]),
  }));
}

/** Every flip and every newly undecided verdict, in words. */
export function knifeEdgeSentences(r: KnifeEdgeReport['scenarios'][number]): string[] {
  const out: string[] = [];
  for (const p of r.params)
    for (const s of [p.down, p.up]) {
      out.push(...flipSentence(p, s));
      if (s.alsoAtEnd?.length) {
        const at = `by ${p.path} ${shownValue(s.end, p.whole)} (${shownFactor(s.endFactor)}), further out`;
        out.push(...s.alsoAtEnd.map((c) => `${changeWords(c)} ${at}`));
      }
      if (s.flip?.unconfirmed.length) {
        const d = digitsToTell([s.flip.at, p.shipped]);
        const at = `${p.path} at ${shownValue(s.flip.at, p.whole, d)} (${shownFactor(s.flip.factor, d)}) the search's seeds say`;
        out.push(...s.flip.unconfirmed.map((c) => `${at} ${changeWords(c)}, but fresh seeds at the end do not: not counted`));
      }
      if (s.result === 'undecided') {
        const at = `${p.path} at ${shownValue(s.end, p.whole)} (${shownFactor(s.endFactor)}), no verdict flips, but`;
        out.push(...s.undecided.map((c) => `${at} ${changeWords(c)}`));
      }
    }
  return out;
}

export function renderKnifeEdges(r: KnifeEdgeReport): string {
  const lines = [
    `Knife edges: each parameter halved and doubled alone (within its documented bounds), the point between found by ${r.steps} bisection steps on a log scale; ${r.runs} games a batch, ${r.rounds} rounds, seed ${r.seed}.`,
    'A verdict (a stylized fact of the battery, or one of the columns\' conclusions A-D of `leverage robustness`) flips only when its 95% interval is clear of its line on both sides of the move, on the search\'s seeds, and fresh seeds give the flipped verdict, decided, at the end of the range (x0.5 or x2); "undecided": it straddles there; "unconfirmed": fresh seeds do not repeat the flip. Cells give where the nearest flip was found and how many verdicts flip there.',
    '',
  ];
  for (const [i, t] of knifeEdgeTables(r).entries()) {
    const s = r.scenarios[i]!;
    lines.push(`Scenario ${t.scenario} (${s.settings} settings measured):`, '', textTable(t.head, t.rows, '  ').trimEnd(), '');
    const sentences = knifeEdgeSentences(s);
    lines.push(...(sentences.length ? sentences.map((x) => `- ${x}`) : ['- no verdict flips within x0.5..x2 of any parameter checked']));
    if (s.shippedUndecided.length) {
      lines.push(`- undecided already at the shipped values, so not tracked: ${s.shippedUndecided.map((x) => x.id).join(', ')}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

const CSV_COLUMNS = ['scenario', 'parameter', 'shipped', 'direction', 'end', 'end_factor', 'result', 'flip_at', 'flip_factor', 'not_yet_at', 'kind', 'item', 'from', 'to', 'found', 'confirmed'] as const;

/** One row per verdict that flips or turns undecided, saying where it was found (one row with empty item columns where nothing does). */
export function knifeEdgesCsv(r: KnifeEdgeReport): string {
  const cell = (v: string | number | undefined) => {
    const t = v === undefined || (typeof v === 'number' && Number.isNaN(v)) ? '' : String(v);
    return /[",\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
  };
  const rows: (string | number | undefined)[][] = [];
  for (const s of r.scenarios)
    for (const p of s.params)
      for (const side of [p.down, p.up]) {
        const head = [s.scenario, p.path, p.shipped, side.direction, side.end, side.endFactor, side.result, side.flip?.at, side.flip?.factor, side.flip?.safe];
        const items = [
          ...(side.flip?.items ?? []).map((c) => ({ c, where: 'nearest flip', confirmed: 'yes' })),
          ...(side.flip?.unconfirmed ?? []).map((c) => ({ c, where: 'nearest flip', confirmed: 'no' })),
          ...(side.alsoAtEnd ?? []).map((c) => ({ c, where: 'by the end', confirmed: 'yes' })),
          ...side.undecided.map((c) => ({ c, where: 'undecided at the end', confirmed: '' })),
        ];
        if (!items.length) rows.push([...head, undefined, undefined, undefined, undefined, undefined, undefined]);
        for (const { c, where, confirmed } of items) rows.push([...head, c.kind, c.id, c.from, c.to, where, confirmed]);
      }
  return [CSV_COLUMNS.join(','), ...rows.map((row) => row.map(cell).join(','))].join('\n') + '\n';
}
