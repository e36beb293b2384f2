import type { Command } from 'commander';
import { createInterface } from 'node:readline/promises';
import type { Lesson, LessonContext, LessonResult } from '../../analysis/lessons.js';
import { claimLines, LESSONS } from '../../analysis/lessons.js';
import { InputError } from '../../input-error.js';
import { resolveScenario } from '../../scenario/catalog.js';
import { checkWritable, writeAtomic } from '../io.js';
import { mdTable, textTable } from '../render.js';
import { parseSeed, parseWholeNumber } from '../options.js';
import { commandLine, requireHtmlOut, writeHtml } from '../html-output.js';

interface ExplainOptions {
  format: string;
  nonInteractive?: boolean;
  runs: string;
  seed: string;
  out?: string;
}

/** Word-wrap a paragraph, every line indented, to the terminal's width (at most 100). */
function wrap(text: string, indent = '   '): string {
  const width = Math.min(100, process.stdout.columns ?? 100) - indent.length;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l) => indent + l).join('\n');
}

const optionText = (l: Lesson) => l.question.options.map((o) => `[${o.key}] ${o.label}`).join('   ');
const label = (l: Lesson, key: string) => l.question.options.find((o) => o.key === key)?.label ?? key;

function lessonText(l: Lesson, n: number, r: LessonResult, predicted?: string): string {
  const out = [
    `${n}. ${l.title}  (${l.stage})`,
    ...claimLines(l).map((c) => wrap(c)),
    '',
    wrap(l.teach),
    wrap(`Encoded by: ${l.rules}`),
    '',
    wrap(`Predict: ${l.question.prompt}`),
    wrap(optionText(l)),
    '',
    textTable(r.table.head, r.table.rows, '   ').trimEnd(),
    '',
  ];
  if (predicted !== undefined) {
    const right = predicted === r.answer;
    out.push(wrap(`You predicted: ${label(l, predicted)}. The runs say: ${label(l, r.answer)}.${right ? ' Right.' : ''}`));
  } else out.push(wrap(`The runs say: ${label(l, r.answer)}.`));
  out.push(wrap(r.finding), '');
  return out.join('\n') + '\n';
}

function lessonMarkdown(l: Lesson, n: number, r: LessonResult): string {
  return [
    `## ${n}. ${l.title}`,
    `*${l.stage}*`,
    '',
    ...claimLines(l).map((c) => `> **${c.split(':')[0]}**:${c.slice(c.indexOf(':') + 1)}`),
    '',
    l.teach,
    '',
    `*Encoded by:* ${l.rules}`,
    '',
    `**Predict before you read on.** ${l.question.prompt}`,
    '',
    ...l.question.options.map((o) => `- (${o.key}) ${o.label}`),
    '',
    '**What the runs show.**',
    '',
    mdTable(r.table.head, r.table.rows).trimEnd(),
    '',
    `Answer: *${label(l, r.answer)}*. ${r.finding}`,
    '',
  ].join('\n');
}

export function handoutHeader(name: string, title: string, seed: string, runs: number): string {
  return [
    `# The leverage argument, step by step: ${title}`,
    '',
    'Pressure that one side can switch off becomes something to sell. This hand-out walks through that argument claim by claim,',
    'as three opinion columns (2020, 2022, 2023) make it, and tests each step with seeded games of the leverage simulator.',
    `Every number below comes from real runs: scenario \`${name}\`, seed \`${seed}\`, ${runs} games per row;`,
    `\`leverage explain ${name} --seed ${seed} --runs ${runs} --format md\` reproduces it exactly. Intervals are 95%.`,
    '',
  ].join('\n');
}

/** The whole Markdown hand-out, every table from real seeded runs. */
export async function handoutMarkdown(scenario: { name: string; title: string } & LessonContext['scenario'], seed: string, runs: number, run: LessonContext['run']): Promise<string> {
  const ctx: LessonContext = { scenario, seed, runs, run };
  const parts = [handoutHeader(scenario.name, scenario.title, seed, runs)];
  for (const [i, l] of LESSONS.entries()) parts.push(lessonMarkdown(l, i + 1, await l.experiment(ctx)));
  return parts.join('\n');
}

export function registerExplain(program: Command): void {
  program
    .command('explain')
    .description('a guided walk through the argument, claim by claim: predict, then see seeded runs')
    .argument('[scenario]', 'a built-in scenario name or a .yaml path', 'baseline')
    .option('--format <f>', 'text (in the terminal), md (a Markdown hand-out) or html (a page with charts; needs --out)', 'text')
    .option('--non-interactive', 'print the walk-through without asking for predictions')
    .option('--runs <n>', 'games per row of each experiment', '2000')
    .option('--seed <seed>', 'master seed', '1')
    .option('--out <file>', 'write to a file instead of printing')
    .action(async (ref: string, opts: ExplainOptions) => {
      if (opts.format !== 'text' && opts.format !== 'md' && opts.format !== 'html') throw new InputError(`--format ${opts.format}: use text, md or html.`);
      if (opts.format === 'html') requireHtmlOut(opts.out);
      const runs = parseWholeNumber('--runs', opts.runs, 50, 1_000_000);
      const seed = parseSeed(opts.seed);
      if (opts.out) checkWritable(opts.out, '--out');
      const interactive = opts.format === 'text' && !opts.nonInteractive && !opts.out;
      if (interactive && (!process.stdin.isTTY || !process.stdout.isTTY)) {
        throw new InputError('explain asks for your predictions, so it needs a terminal. Fix: add --non-interactive to print it, or --format md for a hand-out.');
      }
      const scenario = resolveScenario(ref);
      const ctx: LessonContext = { scenario, seed, runs, run: { workers: 0 } };
      if (opts.format === 'html') {
        // The page is built from each lesson's result data (src/report/explain-page.ts).
        const steps: { lesson: Lesson; result: LessonResult }[] = [];
        for (const lesson of LESSONS) steps.push({ lesson, result: await lesson.experiment(ctx) });
        return writeHtml(opts.out as string, (p) => p.explainPage({ scenario, seed, runs, steps }, commandLine()));
      }
      if (opts.format === 'md') {
        const text = await handoutMarkdown(scenario, seed, runs, ctx.run);
        if (opts.out) writeAtomic(opts.out, text);
        else process.stdout.write(text);
        return;
      }
      if (!interactive) {
        const parts = [`leverage explain: ${scenario.title} (seed ${seed}, ${runs} games per row)\n\n`];
        for (const [i, l] of LESSONS.entries()) parts.push(lessonText(l, i + 1, await l.experiment(ctx)));
        const text = parts.join('');
        if (opts.out) writeAtomic(opts.out, text);
        else process.stdout.write(text);
        return;
      }
      const rl = createInterface({ input: process.stdin, output: process.stdout });
      try {
        process.stdout.write(`leverage explain: ${scenario.title}\n${LESSONS.length} steps. At each, predict first; then seeded games (${runs} a row) show what the model does.\n\n`);
        let right = 0;
        for (const [i, l] of LESSONS.entries()) {
          process.stdout.write(`${i + 1}. ${l.title}  (${l.stage})\n${claimLines(l).map((c) => wrap(c)).join('\n')}\n\n${wrap(l.teach)}\n${wrap(`Encoded by: ${l.rules}`)}\n\n`);
          const keys = l.question.options.map((o) => o.key);
          let answer = '';
          while (!keys.includes(answer)) {
            answer = (await rl.question(`${wrap(l.question.prompt)}\n${wrap(`${optionText(l)}  (q to stop)`)} > `)).trim().toLowerCase();
            if (answer === 'q') return;
          }
          process.stdout.write('   Running the games...\n');
          const r = await l.experiment(ctx);
          if (answer === r.answer) right++;
          const verdict = `You predicted: ${label(l, answer)}. The runs say: ${label(l, r.answer)}.${answer === r.answer ? ' Right.' : ''}`;
          process.stdout.write(`\n${textTable(r.table.head, r.table.rows, '   ')}\n${wrap(verdict)}\n${wrap(r.finding)}\n\n`);
          if (i < LESSONS.length - 1) {
            const go = (await rl.question('   Enter for the next step, q to stop > ')).trim().toLowerCase();
            if (go === 'q') return;
            process.stdout.write('\n');
          }
        }
        process.stdout.write(`Done: ${right} of ${LESSONS.length} predictions matched the model. leverage robustness shows every assumption at once.\n`);
      } finally {
        rl.close();
      }
    });
}
