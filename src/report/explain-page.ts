import type { Lesson, LessonResult } from '../analysis/lessons.js';
import type { Figure } from './figure.js';
import type { Chart, IntervalRow } from './charts.js';
import type { Page, PageBlock } from './page.js';
import { CLAIMS } from '../model/claims.js';
import { LOCATOR_NOTE } from '../analysis/lessons.js';
import { intervalChart, stacked } from './charts.js';
import { buildPage } from './page.js';

// The walk-through as a page to project or print: each step's claims, its question for
// discussion, then a chart beside the table of the same seeded runs, and a debrief.
// Built from each lesson's data (its result table and answer), not from the Markdown.

export interface ExplainStep {
  lesson: Lesson;
  result: LessonResult;
}

export interface ExplainRun {
  scenario: { name: string; title: string };
  seed: string;
  runs: number;
  steps: ExplainStep[];
}

/**
 * One small chart per numeric column of the lesson's table (each on its own scale: the
 * columns are different measures), one row per row of the table. The numbers are the
 * table's own values (the lessons keep each cell's number beside its words): nothing here
 * reads a number back out of a cell's text. Every axis starts at zero (an index runs 0 to
 * 1), so a difference of a thousandth never fills a panel; where the intervals of all rows
 * overlap, the panel says the difference is within noise.
 */
export function lessonFigure(step: ExplainStep, n: number, caption: string): Figure | null {
  const { head, rows, values } = step.result.table;
  if (!values) return null;
  const panels: Chart[] = [];
  let marks = 0;
  head.forEach((col, j) => {
    if (j === 0) return;
    const column = values.map((r) => r[j] ?? null);
    if (column.some((v) => v === null)) return;
    const cells = column as NonNullable<(typeof column)[number]>[];
    const { percent, effect } = cells[0] as (typeof cells)[number];
    // A share is of games unless the column says it counts settings (the region step's does).
    const unit = percent ? (/settings/i.test(col) ? '% of settings' : '% of games') : effect ? 'effect, model points' : columnUnit(col);
    // Shares are drawn as percentages, so the axis reads 1.2%, not 0.012000.
    const k = percent ? 100 : 1;
    const points: IntervalRow[] = cells.map((v, i) => ({ y: rows[i]?.[0] ?? '', mean: v.mean * k, low: v.low * k, high: v.high * k }));
    const noise = withinNoise(cells) ? ' — within noise: the intervals overlap' : '';
    const chart = intervalChart({
      rows: points,
      xTitle: '',
      yTitle: '',
      title: `${col} (${unit})${noise}`,
      ...(unit === 'index, 0 to 1' ? { xDomain: [0, 1] as [number, number] } : { fromZero: true }),
      zero: effect,
      width: 240,
    });
    panels.push(chart);
    marks += chart.marks;
  });
  if (panels.length === 0) return null;
  return {
    id: `step-${n}`,
    title: `Step ${n}: ${step.lesson.title}, the runs`,
    caption,
    spec: stacked(panels.map((p) => p.spec)),
    marks,
    table: step.result.table,
  };
}

/** Two or more rows, each with an interval, all overlapping: the runs cannot tell them apart. */
export function withinNoise(cells: { low: number; high: number }[]): boolean {
  if (cells.length < 2 || cells.some((c) => !(c.high > c.low))) return false;
  return Math.max(...cells.map((c) => c.low)) <= Math.min(...cells.map((c) => c.high));
}

/** The unit of a lesson's column, from its name (the lessons name their measures plainly). */
export function columnUnit(column: string): string {
  if (/payoff|effect|gain/i.test(column)) return 'model points';
  if (/tension|exposure|alignment|standing/i.test(column)) return 'index, 0 to 1';
  return 'per game';
}

const optionLabel = (l: Lesson, key: string) => l.question.options.find((o) => o.key === key)?.label ?? key;

export function explainPageData(run: ExplainRun): Record<string, unknown> {
  return {
    kind: 'leverage-explain',
    scenario: run.scenario.name,
    seed: run.seed,
    runs: run.runs,
    lessons: run.steps.map(({ lesson, result }) => ({
      id: lesson.id,
      title: lesson.title,
      claims: lesson.claims,
      question: lesson.question,
      answer: result.answer,
      finding: result.finding,
      table: result.table,
      numbers: result.numbers,
    })),
  };
}

export function explainPage(run: ExplainRun, command: string): Promise<string> {
  const caption = `Scenario ${run.scenario.name}; seed ${run.seed}; ${run.runs} games per row of the table. Points are means, bars 95% intervals where the table has them.`;
  const sections = run.steps.map(({ lesson, result }, i): Page['sections'][number] => {
    const figure = lessonFigure({ lesson, result }, i + 1, result.runsNote ? `Scenario ${run.scenario.name}; seed ${run.seed}; ${result.runsNote} Points are means.` : caption);
    const blocks: PageBlock[] = [
      { kind: 'text', paragraphs: lesson.claims.map((c) => `${c} (${CLAIMS[c].where}): ${CLAIMS[c].summary}`) },
      { kind: 'text', paragraphs: [lesson.teach] },
      { kind: 'question', prompt: lesson.question.prompt, options: lesson.question.options.map((o) => o.label) },
      figure ? { kind: 'figure', figure, tableBeside: true } : { kind: 'table', table: result.table },
      { kind: 'text', paragraphs: [`What the runs say: ${optionLabel(lesson, result.answer)}. ${result.finding}`] },
    ];
    return { kicker: lesson.stage, heading: `${i + 1}. ${lesson.title}`, blocks };
  });
  sections.push({
    heading: 'Debrief',
    blocks: [
      {
        kind: 'text',
        paragraphs: [
          'The argument in one line: pressure that one side can switch off becomes something to sell. Going back over the steps:',
        ],
      },
      {
        kind: 'table',
        caption: 'What each step asked, and what the runs said',
        table: {
          head: ['step', 'claims', 'question', 'the runs say'],
          rows: run.steps.map(({ lesson, result }, i) => [`${i + 1}. ${lesson.title}`, lesson.claims.join(' '), lesson.question.prompt, optionLabel(lesson, result.answer)]),
        },
      },
      {
        kind: 'question',
        prompt: 'Which of your predictions did the runs overturn, and which assumption of the model (its claims) would you test next?',
        options: ['Try it: leverage robustness shows every assumption switched off in turn; leverage sweep moves one parameter at a time.'],
      },
    ],
  });
  // Code names are for developers: an appendix, apart from what students read.
  sections.push({
    heading: "For developers: the model's rules behind each step",
    blocks: [{ kind: 'table', table: { head: ['step', 'rules and strategies in the code'], rows: run.steps.map(({ lesson }, i) => [`${i + 1}. ${lesson.title}`, lesson.rules]) } }],
  });
  const page: Page = {
    title: `The leverage argument, step by step: ${run.scenario.title}`,
    lead: [
      'Pressure that one side can switch off becomes something to sell. Each step states a claim from the three columns (2020, 2022, 2023), asks you to predict, and answers with seeded games of the leverage simulator.',
      LOCATOR_NOTE,
      `Scenario ${run.scenario.name}, seed ${run.seed}, ${run.runs} games per row; intervals are 95%. Reproduce: ${command}`,
    ],
    sections,
    data: explainPageData(run),
  };
  return buildPage(page);
}
