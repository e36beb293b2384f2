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

// A table cell the lessons write: "1.23", "-0.50 [-0.61, -0.39]", "12.5%", or "holds +0.52".
const CELL = /^(?:[a-z]+ )?([+-]?\d+(?:\.\d+)?)(%)?(?: \[([+-]?\d+(?:\.\d+)?), ([+-]?\d+(?:\.\d+)?)\])?$/;

export function parseCell(text: string): { mean: number; low: number; high: number; percent: boolean } | null {
  const m = CELL.exec(text.trim());
  if (!m) return null;
  const percent = m[2] === '%';
  const k = percent ? 0.01 : 1;
  const mean = Number(m[1]) * k;
  return { mean, low: m[3] !== undefined ? Number(m[3]) * k : mean, high: m[4] !== undefined ? Number(m[4]) * k : mean, percent };
}

/**
 * One small panel per numeric column of the lesson's table (each with its own scale: the
 * columns are different measures), one row per row of the table.
 */
export function lessonFigure(step: ExplainStep, n: number, caption: string): Figure | null {
  const { head, rows } = step.result.table;
  const points: IntervalRow[] = [];
  head.forEach((col, j) => {
    if (j === 0) return;
    const parsed = rows.map((r) => parseCell(r[j] ?? ''));
    if (parsed.some((p) => p === null)) return;
    parsed.forEach((p, i) => {
      const v = p as NonNullable<typeof p>;
      // A verdict cell ("holds +0.52") carries an effect, in model points.
      const unit = v.percent ? 'share of games, 0 to 1' : /^[a-z]/.test(rows[i]?.[j] ?? '') ? 'effect, model points' : columnUnit(col);
      points.push({ y: rows[i]?.[0] ?? '', panel: `${col} (${unit})`, mean: v.mean, low: v.low, high: v.high });
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
