// Single key presses from a terminal, for questions answered by one key (no Enter needed).
// Keys typed before a question is shown do not answer it: a stray Enter after an answer
// must not skip the next step.

const TYPED_AHEAD_MS = 60;

/** One key as a name: a lower-case character, 'enter', 'esc', 'ctrl-c'; '' for anything else. */
export function keyName(chunk: string): string {
  if (chunk === '\r' || chunk === '\n') return 'enter';
  if (chunk === '\u0003') return 'ctrl-c';
  if (chunk === '\u001b') return 'esc';
  if (chunk.length === 1 && chunk >= ' ') return chunk.toLowerCase();
  return '';
}

export class KeyReader {
  private queue: string[] = [];
  private waiter: ((k: string) => void) | undefined;
  private readonly onData = (d: Buffer | string) => {
    const k = keyName(d.toString());
    if (!k) return;
    const w = this.waiter;
    if (w) {
      this.waiter = undefined;
      w(k);
    } else this.queue.push(k);
  };

  constructor(private readonly input: NodeJS.ReadStream = process.stdin) {
    input.setRawMode?.(true);
    input.on('data', this.onData);
    input.resume();
  }

  /** The next key in `allowed` (after dropping keys typed before now); Ctrl-C and Esc count as 'q'. */
  async key(allowed: string[]): Promise<string> {
    await new Promise((r) => setTimeout(r, TYPED_AHEAD_MS));
    this.queue = [];
    for (;;) {
      const k = await new Promise<string>((resolve) => {
        this.waiter = resolve;
      });
      const named = k === 'ctrl-c' || k === 'esc' ? 'q' : k;
      if (allowed.includes(named)) return named;
    }
  }

  close(): void {
    this.input.off('data', this.onData);
    this.input.setRawMode?.(false);
    this.input.pause();
  }
}
