import { render } from 'ink';
import type { AppProps } from './App.js';
import { App } from './App.js';
import type { TeacherAppProps } from './teacher.js';
import { TeacherApp } from './teacher.js';

/** Mount the game in the terminal and resolve when the person quits. ink restores the terminal on exit. */
export async function runTui(props: AppProps): Promise<void> {
  const app = render(<App {...props} />, { exitOnCtrlC: true });
  // The game must never outlive its terminal: when the window closes, stop.
  const stop = () => app.unmount();
  process.stdin.once('end', stop);
  process.stdin.once('error', stop);
  process.once('SIGHUP', () => {
    app.unmount();
    process.exit(129);
  });
  await app.waitUntilExit();
}

/** The teacher's screen at a class game (leverage join with the teacher code). */
export async function runTeacherTui(props: TeacherAppProps): Promise<void> {
  const app = render(<TeacherApp {...props} />, { exitOnCtrlC: true });
  process.once('SIGHUP', () => {
    app.unmount();
    process.exit(129);
  });
  await app.waitUntilExit();
}
