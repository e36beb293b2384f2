import type { Command } from 'commander';
import type { Lesson, LessonContext, LessonResult } from '../../analysis/lessons.js';
import { claimLines, DISCUSSION, LESSONS, LOCATOR_NOTE } from '../../analysis/lessons.js';
import { CLAIMS, COLUMNS } from '../../model/claims.js';
import { InputError } from '../../input-error.js';
import { resolveScenario } from '../../scenario/catalog.js';
import { checkWritable } from '../io.js';
import { mdTable, textTable } from '../render.js';
import { parseSeed, parseWholeNumber } from '../options.js';
import { outputWidth } from '../width.js';
import { KeyReader } from '../keypress.js';
import { commandLine, requireHtmlOut, writeHtml } from '../html-output.js';
import { emit, parseWorkers } from '../batch-common.js';
import { WorkerPool } from '../../engine/batch/pool.js';

interface ExplainOptions {
  format: string;
  verbose?: boolean;
  nonInteractive?: boolean;
  runs: string;
  seed: string;
  workers?: string;
  out?: string;
}

/** Word-wrap a paragraph, every line indented, to the output width (at most 100). */
function wrap(text: string, indent = '   '): string {
  const width = Math.min(100, outputWidth()) - indent.length;
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

/** Said once, before the first interval a reader meets. */
const INTERVAL_NOTE =
  'A number followed by [low, high] is a mean over the games with its 95% interval: rerun on fresh seeds, intervals made this way hold the true mean 95 times in 100. Intervals apart: a real difference; a difference whose interval spans zero: unclear.';

/** A number at the precision the runs support: two significant figures (236.68 is "about 240"). */
export function roughly(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  return Number(x.toPrecision(2)).toString();
}

/** The cost of asking, its sign said in words. `asking` is never asking minus asking without paying. */
export function askingSentence(asking: number | undefined): string {
  if (asking === undefined || !Number.isFinite(asking)) return 'The cost of asking without paying could not be measured.';
  const size = Math.abs(asking).toFixed(2);
  return asking > 0
    ? `Asking Beijing for help, even without ever paying, leaves Washington ${size} worse off than never asking.`
    : asking < 0
      ? `Asking Beijing for help without ever paying leaves Washington ${size} better off than never asking.`
      : 'Asking Beijing for help without ever paying leaves Washington exactly where never asking does.';
}

/** Step n as the interactive walk shows it, up to its question: all of it on one 80x24 screen. */
export function stepQuestion(l: Lesson, n: number, verbose: boolean): string {
  const code = verbose ? `${wrap(`In the code: ${l.rules}`)}\n` : '';
  return `${n}. ${l.title}  (${l.stage})\n${claimLines(l).map((c) => wrap(c)).join('\n')}\n\n${wrap(l.teach)}\n${code}\n${wrap(l.question.prompt)}\n${optionText(l, '  (a key; q to stop)')} > `;
}

/** The options on one line when they fit, else one option a line (never one cut in two). */
function optionText(l: Lesson, tail = ''): string {
  const options = l.question.options.map((o) => `[${o.key}] ${o.label}`);
  const one = options.join('   ') + tail;
  if (one.length + 3 <= Math.min(100, outputWidth())) return wrap(one);
  return [...options.slice(0, -1), options.at(-1) + tail].map((o) => wrap(o)).join('\n');
}
const label = (l: Lesson, key: string) => l.question.options.find((o) => o.key === key)?.label ?? key;

/** The result's tables as text: the main one, then any further ones under their titles. */
function resultTables(r: LessonResult): string {
  const more = (r.more ?? []).map((m) => `\n${wrap(m.title)}\n${textTable(m.table.head, m.table.rows, '   ').trimEnd()}`);
  return [textTable(r.table.head, r.table.rows, '   ').trimEnd(), ...more].join('\n');
}

function lessonText(l: Lesson, n: number, r: LessonResult, verbose: boolean, predicted?: string): string {
  const out = [
    `${n}. ${l.title}  (${l.stage})`,
    ...claimLines(l).map((c) => wrap(c)),
    '',
    wrap(l.teach),
    ...(verbose ? [wrap(`In the code: ${l.rules}`)] : []),
    '',
    wrap(`Predict: ${l.question.prompt}`),
    optionText(l),
    '',
    resultTables(r),
    '',
  ];
  if (predicted !== undefined) {
    const right = predicted === r.answer;
    out.push(wrap(`You predicted: ${label(l, predicted)}. The runs say: ${label(l, r.answer)}.${right ? ' Right.' : ''}`));
  } else out.push(wrap(`The runs say: ${label(l, r.answer)}.`));
  out.push(wrap(r.finding), '');
  return out.join('\n') + '\n';
}

/** One step for students: the claims (each its own quoted paragraph), the idea, the question, the runs. No answer: that is in the key. */
function lessonMarkdown(l: Lesson, n: number, r: LessonResult): string {
  const claims = l.claims.flatMap((c) => [`> **${c}** (${CLAIMS[c].where}): ${CLAIMS[c].summary}`, '']);
  const more = (r.more ?? []).flatMap((m) => [`*${m.title}.*`, '', mdTable(m.table.head, m.table.rows).trimEnd(), '']);
  return [
    `## ${n}. ${l.title}`,
    `*${l.stage}*`,
    '',
    ...claims,
    l.teach,
    '',
    `**Predict before you read on.** ${l.question.prompt}`,
    '',
    ...l.question.options.map((o) => `- (${o.key}) ${o.label}`),
    '',
    '**What the runs show.**',
    '',
    mdTable(r.table.head, r.table.rows).trimEnd(),
    '',
    ...more,
    '**To discuss.**',
    '',
    ...(DISCUSSION[l.id] ?? []).map((q) => `- ${q}`),
    '',
  ].join('\n');
}

/** The answer key, apart from the questions: each step's answer, what the runs show, and the rules behind it. */
function answerKey(results: { lesson: Lesson; result: LessonResult }[]): string {
  const out = ['## Answer key (for the teacher)', ''];
  results.forEach(({ lesson, result }, i) => {
    out.push(`**${i + 1}. ${lesson.title}.** Answer: *${label(lesson, result.answer)}* (${result.answer}). ${result.finding}`, '');
    out.push(`In the model's code (for developers): ${lesson.rules}`, '');
  });
  return out.join('\n');
}

function references(): string {
  return [
    '## References',
    '',
    `The claims are stated in our own words. ${LOCATOR_NOTE}`,
    '',
    ...COLUMNS.map((c) => `- [${c.key}] "${c.title}", opinion column, ${c.when}.`),
    '',
  ].join('\n');
}

/** One paragraph of what the runs found, every number from the steps' own runs. */
export function handoutSummary(results: { lesson: Lesson; result: LessonResult }[]): string {
  const num = (id: string, key: string) => results.find((x) => x.lesson.id === id)?.result.numbers[key];
  const f = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? 'n/a' : x.toFixed(2));
  const pc = (x: number | undefined) => (x === undefined ? 'n/a' : `${(x * 100).toFixed(1)}%`);
  const parts = [
    'The argument: pressure that one side can switch off becomes something to sell.',
    `In these runs, stoking and selling pressure is worth ${f(num('pressure-for-sale', 'gain'))} to Beijing against a Washington that asks for help.`,
    `Over twelve rounds paying costs Washington ${f(num('again-and-again', 'gap'))}, of which the direct credibility penalty carries ${f(num('again-and-again', 'credibilityPart'))} and what Beijing learns ${f(num('again-and-again', 'learningPart'))}.`,
    askingSentence(num('asking-for-help', 'asking')),
    `The columns' advice ends in war in ${pc(num('values', 'warColumns'))} of games, asking Beijing in ${pc(num('values', 'warAsks'))}; whether refusing to pay is worth that depends on the cost put on war`,
    Number.isFinite(num('values', 'flipWarCost') ?? Infinity) && (num('values', 'flipWarCost') ?? 0) > 0
      ? `(the comparison turns when war costs Washington about ${roughly(num('values', 'flipWarCost') as number)} points, against the scenario's ${roughly(num('values', 'warWeight') as number)}).`
      : '.',
    'The last two steps show which conclusions survive when single assumptions or values change, and the region of assumptions, varied together, where the columns\' advice wins.',
  ];
  return parts.join(' ').replace(' .', '.');
}

/** `example`: an interval from the runs themselves, so even the illustration is a real number. */
export function handoutHeader(name: string, title: string, seed: string, runs: number, example: string): string {
  return [
    `# The leverage argument, step by step: ${title}`,
    '',
    'Pressure that one side can switch off becomes something to sell. This hand-out walks through that argument claim by claim,',
    'as three opinion columns (2020, 2022, 2023; see the references at the end) make it, and tests each step with seeded games of the leverage simulator.',
    `Every number below comes from real runs: scenario \`${name}\`, seed \`${seed}\`, ${runs} games per row;`,
    `\`leverage explain ${name} --seed ${seed} --runs ${runs} --format md\` reproduces it exactly.`,
    '',
    `**How to read a number with an interval.** A result such as ${example} (the first one in step 1) is a mean over the games and its 95% interval:`,
    'run the same experiment again on fresh seeds, and intervals made this way would contain the true long-run mean 95 times in 100.',
    'When two intervals do not overlap, the difference is more than chance; when the interval of a difference contains zero, the runs cannot tell (unclear).',
    LOCATOR_NOTE,
    'Percentages are shares of games, such as the share that ended in war.',
    '',
  ].join('\n');
}

/** The whole Markdown hand-out, every table from real seeded runs; the answers in a key at the end. */
export async function handoutMarkdown(scenario: { name: string; title: string } & LessonContext['scenario'], seed: string, runs: number, run: LessonContext['run']): Promise<string> {
  const ctx: LessonContext = { scenario, seed, runs, run };
  const results: { lesson: Lesson; result: LessonResult }[] = [];
  for (const l of LESSONS) results.push({ lesson: l, result: await l.experiment(ctx) });
  return [
    handoutHeader(scenario.name, scenario.title, seed, runs, results[0]?.result.table.rows[0]?.[1] ?? 'a mean [low, high]'),
    `## Summary\n\n${handoutSummary(results)}\n`,
    ...results.map(({ lesson, result }, i) => lessonMarkdown(lesson, i + 1, result)),
    answerKey(results),
    references(),
  ].join('\n');
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
    .option('--workers <k>', 'worker threads for the runs (the answers are the same for any number)')
    .option('--out <file>', 'write to a file instead of printing')
    .option('--verbose', 'also name the rules of the code behind each step (for developers)')
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
      // One pool of workers for every lesson's batch (idle, they do not keep the process alive).
      const workers = parseWorkers(opts.workers);
      const ctx: LessonContext = { scenario, seed, runs, run: { workers, pool: new WorkerPool(workers) } };
      if (opts.format === 'html') {
        // The page is built from each lesson's result data (src/report/explain-page.ts).
        const steps: { lesson: Lesson; result: LessonResult }[] = [];
        for (const lesson of LESSONS) steps.push({ lesson, result: await lesson.experiment(ctx) });
        return writeHtml(opts.out as string, (p) => p.explainPage({ scenario, seed, runs, steps }, commandLine()));
      }
      if (opts.format === 'md') {
        return emit(await handoutMarkdown(scenario, seed, runs, ctx.run), opts.out);
      }
      if (!interactive) {
        const parts = [`leverage explain: ${scenario.title} (seed ${seed}, ${runs} games per row)\n${wrap(INTERVAL_NOTE, '')}\n${wrap(LOCATOR_NOTE, '')}\n\n`];
        for (const [i, l] of LESSONS.entries()) parts.push(lessonText(l, i + 1, await l.experiment(ctx), opts.verbose === true));
        return emit(parts.join(''), opts.out, true);
      }
      // Each question is answered by one key press.
      const keys = new KeyReader();
      try {
        process.stdout.write(`leverage explain: ${scenario.title}\n${wrap(`${LESSONS.length} steps. At each, predict first; then seeded games (${runs} a row) show what the model does.`, '')}\n\n${wrap(INTERVAL_NOTE, '')}\n\n${wrap(LOCATOR_NOTE, '')}\n\n`);
        // The introduction waits for the reader: step 1 is taller than what is left of a small
        // terminal and would scroll it away before it was read.
        process.stdout.write('   Enter or space to begin, q to stop > ');
        const begin = await keys.key(['enter', ' ', 'q']);
        process.stdout.write('\n\n');
        if (begin === 'q') return;
        let right = 0;
        for (const [i, l] of LESSONS.entries()) {
          process.stdout.write(stepQuestion(l, i + 1, opts.verbose === true));
          const answer = await keys.key([...l.question.options.map((o) => o.key.toLowerCase()), 'q']);
          process.stdout.write(`${answer}\n`);
          if (answer === 'q') return;
          process.stdout.write('   Running the games...\n');
          const r = await l.experiment(ctx);
          if (answer === r.answer) right++;
          const verdict = `You predicted: ${label(l, answer)}. The runs say: ${label(l, r.answer)}.${answer === r.answer ? ' Right.' : ''}`;
          process.stdout.write(`\n${resultTables(r)}\n\n${wrap(verdict)}\n${wrap(r.finding)}\n\n`);
          if (i < LESSONS.length - 1) {
            process.stdout.write('   Enter or space for the next step, q to stop > ');
            const go = await keys.key(['enter', ' ', 'q']);
            process.stdout.write('\n');
            if (go === 'q') return;
            process.stdout.write('\n');
          }
        }
        process.stdout.write(`${wrap(`Done: ${right} of ${LESSONS.length} predictions matched the model. leverage robustness shows every assumption at once, leverage discover where a conclusion holds.`, "")}\n`);
      } finally {
        keys.close();
      }
    });
}
