import { render } from 'ink';
import type { AppProps } from './App.js';
import { App } from './App.js';

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
