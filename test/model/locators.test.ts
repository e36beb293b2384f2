import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLAIM_IDS, CLAIMS, LOCATORS, locatorsIn } from '../../src/model/claims.js';

// Every locator (`2022¶4`: the 4th non-empty line of that year's column) in the code, the
// scenarios and the docs must point at a line that carries an argument. The registry in
// claims.ts lists those lines with a fingerprint; the columns themselves are never read.

const ROOT = join(import.meta.dirname, '..', '..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const SCANNED = [...filesUnder(join(ROOT, 'src')), ...filesUnder(join(ROOT, 'scenarios')), join(ROOT, 'README.md')];

describe('locators', () => {
  it('reads ranges and both kinds of dash', () => {
    expect(locatorsIn('see 2020¶5-6 and 2020¶7–9, also 2023¶12').map((x) => x.locators)).toEqual([
      ['2020¶5', '2020¶6'],
      ['2020¶7', '2020¶8', '2020¶9'],
      ['2023¶12'],
    ]);
  });

  it('the registry leaves out headlines, captions, repeated titles and boilerplate', () => {
    for (const bad of ['2020¶1', '2020¶11', '2022¶1', '2023¶1', '2023¶4', '2023¶5', '2023¶6', '2023¶9', '2023¶14', '2023¶16']) expect(LOCATORS[bad]).toBeUndefined();
    for (const [loc, v] of Object.entries(LOCATORS)) {
      expect(loc).toMatch(/^20(20|22|23)¶\d+$/);
      expect(v.sha256).toMatch(/^[0-9a-f]{12}$/);
      expect(v.about.length).toBeGreaterThan(10);
    }
    expect(new Set(Object.values(LOCATORS).map((v) => v.sha256)).size).toBe(Object.keys(LOCATORS).length);
  });

  it('every claim cites registered lines', () => {
    for (const id of CLAIM_IDS) {
      const found = locatorsIn(CLAIMS[id].where);
      expect(found.length, id).toBeGreaterThan(0);
      for (const f of found) for (const l of f.locators) expect(LOCATORS[l], `${id} cites ${f.written}`).toBeDefined();
    }
  });

  it('every locator in src/, scenarios/ and README.md is a registered line', () => {
    const bad: string[] = [];
    let seen = 0;
    for (const file of SCANNED) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        for (const f of locatorsIn(line)) {
          seen++;
          for (const l of f.locators) if (!LOCATORS[l]) bad.push(`${file.slice(ROOT.length + 1)}:${i + 1}: ${f.written}`);
        }
      });
    }
    expect(seen).toBeGreaterThan(30);
    expect(bad).toEqual([]);
  });
});
