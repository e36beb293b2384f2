// Keys for ink-testing-library screens, shared by the UI tests.

export const tick = (ms = 30) => new Promise((r) => setTimeout(r, ms));

/**
 * Type keys one at a time, waiting after each until the screen has changed (up to a second):
 * a fixed pause is too short on a loaded machine, and keys sent together can merge.
 */
export async function press(r: { stdin: { write(s: string): void }; lastFrame(): string | undefined }, keys: string[]) {
  for (const k of keys) {
    const before = r.lastFrame();
    r.stdin.write(k);
    const until = Date.now() + 1000;
    while (r.lastFrame() === before && Date.now() < until) await tick(10);
    await tick(10);
  }
}
