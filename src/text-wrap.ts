// Word wrapping shared by the plain-text outputs and the terminal game: lines break at
// spaces only, so a number or a word is never cut in two.

/**
 * One line broken at spaces into lines of at most `width`; continuation lines keep the
 * line's own indent plus `hang` more. An interval "[-4.91, -4.47]" is kept whole, like a
 * word; a single word longer than the room is left whole.
 */
export function wrapLine(line: string, width: number, hang = 2): string[] {
  if (line.length <= width) return [line];
  const indent = /^ */.exec(line)?.[0] ?? '';
  const first = indent.length <= width / 2 ? indent : '';
  const next = (first + ' '.repeat(hang)).slice(0, Math.floor(width / 2));
  const out: string[] = [];
  let current = first;
  let fresh = true;
  // Each word with the spaces before it, so the spacing inside a line (table padding) stays.
  for (const m of line.slice(indent.length).matchAll(/( *)((?:\[[^\]]*\]|[^\s[]+|\[)+)/g)) {
    const [, gap = '', word = ''] = m;
    if (!fresh && current.length + gap.length + word.length > width) {
      out.push(current);
      current = next + word;
    } else current = fresh ? current + word : current + gap + word;
    fresh = false;
  }
  out.push(current);
  return out;
}
