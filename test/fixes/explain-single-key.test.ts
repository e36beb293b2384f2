import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/package-root.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('explain in a real terminal (issue 10 item 12)', () => {
  it('takes each answer as a single key press, without Enter', async () => {
    const sock = `leverage-fix-explain-${process.pid}`;
    const t = (...args: string[]) => spawnSync('tmux', ['-L', sock, ...args], { encoding: 'utf8' });
    const out = mkdtempSync(join(tmpdir(), 'lev-explain-key-'));
    t('new-session', '-d', '-s', 'x', '-x', '80', '-y', '40', `cd ${packageRoot()} && node dist/cli/leverage.js explain --runs 60; echo $? > ${out}/code.txt; sleep 30`);
    const view = () => t('capture-pane', '-p', '-t', 'x', '-S', '-200').stdout;
    const waitFor = async (re: RegExp, ms = 10000) => {
      const until = Date.now() + ms;
      while (!re.test(view()) && Date.now() < until) await sleep(50);
      expect(view()).toMatch(re);
    };
    try {
      // The introduction waits for one key (issue 21 item 18), then step 1 asks.
      await waitFor(/to begin, q to stop >/);
      await sleep(200);
      t('send-keys', '-t', 'x', 'Space');
      await waitFor(/q to stop\) >/);
      await sleep(200); // a person reads the question first; keys typed before it is shown are dropped
      t('send-keys', '-t', 'x', 'r'); // one key, no Enter
      await waitFor(/You predicted: keeping Kim quiet pays better/);
      await waitFor(/for the next step, q to stop >/);
      await sleep(200);
      t('send-keys', '-t', 'x', 'Space');
      await waitFor(/^2\. [\s\S]*q to stop\) >/m);
      await sleep(200); // keys typed before a question is shown do not answer it
      t('send-keys', '-t', 'x', 'q');
      const end = Date.now() + 5000;
      while (!existsSync(join(out, 'code.txt')) && Date.now() < end) await sleep(50);
      expect(readFileSync(join(out, 'code.txt'), 'utf8').trim()).toBe('0');
    } finally {
      t('kill-server');
      rmSync(out, { recursive: true, force: true });
    }
  });
});
