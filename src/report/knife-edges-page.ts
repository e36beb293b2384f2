import type { KnifeEdgeReport } from '../analysis/knife-edges.js';
import type { Page } from './page.js';
import { buildPage } from './page.js';

// The knife-edge report as a page: the same tables and sentences the text gives, the report
// object embedded as its data.

export interface KnifeEdgeTables {
  tables: { scenario: string; head: string[]; rows: string[][] }[];
  sentences: string[][];
}

export function knifeEdgesPage(r: KnifeEdgeReport, shown: KnifeEdgeTables, command: string): Promise<string> {
  const page: Page = {
    title: 'leverage calibrate --knife-edges',
    lead: [
      `Each parameter halved and doubled alone; where a verdict flips, the point between found by ${r.steps} bisection steps on a log scale. ${r.runs} games a batch, ${r.rounds} rounds, seed ${r.seed}. A verdict flips only with its 95% interval clear of its line, on the search's seeds, and fresh seeds give the flipped verdict at the end of the range.`,
      `Reproduce: ${command}`,
    ],
    sections: shown.tables.map((t, i) => ({
      heading: `Scenario ${t.scenario}`,
      blocks: [
        { kind: 'table' as const, caption: 'How far each parameter moves before a verdict flips', long: true, table: { head: t.head, rows: t.rows } },
        { kind: 'text' as const, paragraphs: shown.sentences[i]?.length ? shown.sentences[i]! : ['No verdict flips within x0.5..x2 of any parameter checked.'] },
      ],
    })),
    data: r,
  };
  return buildPage(page);
}
