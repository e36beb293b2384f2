import type { Lesson, LessonResult } from '../analysis/lessons.js';
import type { Figure } from './figure.js';
import type { IntervalRow } from './charts.js';
import type { Page, PageBlock } from './page.js';
import { CLAIMS } from '../model/claims.js';
import { intervalChart } from './charts.js';
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
 * One small panel per numeric column of the lesson's table (each with its own scale: the
 * columns are different measures), one row per row of the table. The numbers are the
 * table's own values (the lessons keep each cell's number beside its words): nothing here
 * reads a number back out of a cell's text.
 */
export function lessonFigure(step: ExplainStep, n: number, caption: string): Figure | null {
  const { head, rows, values } = step.result.table;
  if (!values) return null;
  const points: IntervalRow[] = [];
  head.forEach((col, j) => {
    if (j === 0) return;
    const column = values.map((r) => r[j] ?? null);
    if (column.some((v) => v === null)) return;
    column.forEach((v, i) => {
      const { mean, low, high, percent, effect } = v as NonNullable<typeof v>;
      const unit = percent ? 'share of games, 0 to 1' : effect ? 'effect, model points' : columnUnit(col);
      points.push({ y: rows[i]?.[0] ?? '', panel: `${col} (${unit})`, mean, low, high });
    });
  });
  if (points.length === 0) return null;
  const chart = intervalChart({
    rows: points,
    xTitle: '',
    yTitle: '',
    independentX: true,
    panelColumns: 1,
    width: 300,
  });
  return {
    id: `step-${n}`,
    title: `Step ${n}: ${step.lesson.title}, the runs`,
    caption,
    spec: chart.spec,
    marks: chart.marks,
    table: step.result.table,
  };
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
    const figure = lessonFigure({ lesson, result }, i + 1, caption);
    const blocks: PageBlock[] = [
      { kind: 'text', paragraphs: lesson.claims.map((c) => `${c} (${CLAIMS[c].where}): ${CLAIMS[c].summary}`) },
      { kind: 'text', paragraphs: [lesson.teach, `Encoded by: ${lesson.rules}`] },
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
  const page: Page = {
    title: `The leverage argument, step by step: ${run.scenario.title}`,
    lead: [
      'Pressure that one side can switch off becomes something to sell. Each step states a claim from the three columns (2020, 2022, 2023), asks you to predict, and answers with seeded games of the leverage simulator.',
      `Scenario ${run.scenario.name}, seed ${run.seed}, ${run.runs} games per row; intervals are 95%. Reproduce: ${command}`,
    ],
    sections,
    data: explainPageData(run),
  };
  return buildPage(page);
}
