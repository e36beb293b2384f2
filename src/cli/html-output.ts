import type * as Pages from '../report/pages.js';
import { InputError } from '../input-error.js';
import { checkWritable, writeAtomic } from './io.js';

// `--format html` always writes a file: a page of inline SVG is not something to read in a
// terminal, and a half-written page is worse than none. The report layer (and vega with it)
// is imported only here, so no other command pays for loading it.

export function requireHtmlOut(out: string | undefined): asserts out is string {
  if (!out) throw new InputError('--format html writes a page to a file. Fix: add --out FILE.html.');
  if (!out.toLowerCase().endsWith('.html')) throw new InputError(`--out ${out}: an HTML report needs a file ending in .html.`);
  checkWritable(out, '--out');
}

/** How the page says it was made: the command line, as typed. */
export function commandLine(): string {
  const quote = (a: string) => (/^[\w./:=,@%+-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`);
  return ['leverage', ...process.argv.slice(2).map(quote)].join(' ');
}

export async function writeHtml(out: string, build: (pages: typeof Pages) => Promise<string>): Promise<void> {
  const pages = await import('../report/pages.js');
  writeAtomic(out, await build(pages), '--out');
  process.stderr.write(`wrote ${out}\n`);
}

/**
 * For commands whose other output is text: text (default), html, and any `extra` formats.
 * `textToFile` says whether --out may also take the text; if not, --out is for the page only.
 */
export function textOrHtml(format: string | undefined, out: string | undefined, extra: string[] = [], textToFile = true): string {
  const ext = out?.split('.').pop()?.toLowerCase() ?? '';
  const named = ext === 'html' || extra.includes(ext) ? ext : ext === 'txt' ? 'text' : undefined;
  if (format !== undefined && named !== undefined && named !== format) throw new InputError(`--format ${format} --out ${out}: the file's name says ${ext}. Fix: drop one of them, or make them agree.`);
  const f = format ?? named ?? 'text';
  const allowed = ['text', ...extra, 'html'];
  if (!allowed.includes(f)) throw new InputError(`--format ${f}: use ${allowed.join(', ')}.`);
  if (f === 'html') requireHtmlOut(out);
  if (f === 'text' && out && !textToFile) throw new InputError(`--out ${out}: this command writes only its html page to a file. Fix: name a .html file, or leave out --out to print the text.`);
  return f;
}

/** A finished or saved game as the page builder wants it. */
export function gameForPage(session: {
  scenario: { name: string };
  header(): { seed: string; index: number; sides: Record<string, string> };
  steps: Pages.GameForPage['steps'];
  toJsonl(): string;
}): Pages.GameForPage {
  const log = session.toJsonl().trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  const outcome = log.find((l) => l.type === 'outcome') as Pages.GameForPage['outcome'];
  const h = session.header();
  return { scenario: session.scenario.name, seed: h.seed, index: h.index, sides: h.sides, steps: session.steps, outcome, log };
}
