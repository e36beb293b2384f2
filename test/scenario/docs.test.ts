import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLAIM_IDS, CLAIMS } from '../../src/model/claims.js';
import { packageRoot } from '../../src/package-root.js';
import { withFieldReference } from '../../src/scenario/docs.js';
import { allFields } from '../../src/scenario/fields.js';

const readme = readFileSync(join(packageRoot(), 'scenarios', 'README.md'), 'utf8');

describe('scenarios/README.md', () => {
  it('has the field reference as generated from the field table (run npm run docs if not)', () => {
    expect(withFieldReference(readme)).toBe(readme);
  });
  it('documents every field and every claim toggle', () => {
    for (const { path } of allFields()) expect(readme).toContain(`\`${path}\``);
    for (const id of CLAIM_IDS) {
      const row = readme.split('\n').find((l) => l.startsWith(`| ${id} |`));
      expect(row, id).toBeDefined();
      for (const path of Object.keys(CLAIMS[id].off)) expect(row, `${id} ${path}`).toContain(path.split('.').at(-1));
    }
  });
});
