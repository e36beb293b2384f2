import { InputError } from '../input-error.js';
import { wrapLine } from '../text-wrap.js';

export { wrapLine };

// Every text output fits the width it is read at: the terminal's, 80 when standard output is
// not a terminal (a pipe, a file, CI), or what `--width` says. Lines are wrapped at spaces
// only, so a number or a word is never cut in two.

export const DEFAULT_WIDTH = 80;
export const MIN_WIDTH = 40;
export const MAX_WIDTH = 1000;

let chosen: number | undefined;

/** `--width N`, checked. */
export function setOutputWidth(value: string | undefined): void {
  if (value === undefined) {
    chosen = undefined;
    return;
  }
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < MIN_WIDTH || n > MAX_WIDTH) {
    throw new InputError(`--width ${value}: must be a whole number of columns from ${MIN_WIDTH} to ${MAX_WIDTH}.`);
  }
  chosen = n;
}

export function outputWidth(): number {
  if (chosen !== undefined) return chosen;
  const cols = process.stdout.isTTY ? process.stdout.columns : undefined;
  return cols && cols > 0 ? Math.max(MIN_WIDTH, cols) : DEFAULT_WIDTH;
}

/** Every line of `text` fitted to `width`. */
export function fitText(text: string, width = outputWidth()): string {
  return text
    .split('\n')
    .flatMap((l) => wrapLine(l.trimEnd(), width))
    .join('\n');
}

/** Write text for a person to read, fitted to the output width. */
export function print(text: string): void {
  process.stdout.write(fitText(text));
}
