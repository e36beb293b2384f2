// The name a person most likely meant, for "unknown name" errors: one suggestion reads
// faster than a list of thirty. Edit distance (insert, delete, replace one letter), case
// ignored; a guess further away than about a third of the word is no guess at all.

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length] as number;
}

/** The option nearest to `word`, if it is near enough to be what was meant. */
export function closest(word: string, options: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const w = word.toLowerCase();
  for (const o of options) {
    const d = editDistance(w, o.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [o, d];
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/** The fix for an unknown name: the nearest one when there is one, else every name. */
export function nameFix(word: string, options: readonly string[]): string {
  const guess = closest(word, options);
  return guess ? `Did you mean '${guess}'?` : `Fix: use one of ${options.join(', ')}.`;
}
