import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { FORMULAS_FILE, formulasSource } from '../../scripts/gen-inlined-formulas.js';
import { warDrawn } from '../../src/model/crisis.js';
import * as generated from '../../src/model/formulas.generated.js';
import { listBuiltIn, resolveScenario } from '../../src/scenario/catalog.js';

// formulas.generated.ts holds rules from src/model with their helpers written out by the
// build (scripts/gen-inlined-formulas.ts), for the round's hot path.

describe('the written-out formulas are generated from their rules', () => {
  it('the committed file is what the generator writes now (run `npm run gen` after changing a rule it writes out)', () => {
    expect(readFileSync(FORMULAS_FILE, 'utf8')).toBe(formulasSource());
  });

  it('each written-out function calls nothing (so it passes and returns no boxed number, inlined or not)', () => {
    const file = ts.createSourceFile('f.ts', readFileSync(FORMULAS_FILE, 'utf8'), ts.ScriptTarget.ES2022, true);
    const calls: string[] = [];
    const visit = (n: ts.Node): void => {
      if (ts.isCallExpression(n)) calls.push(n.getText(file));
      ts.forEachChild(n, visit);
    };
    visit(file);
    expect(Object.keys(generated).length).toBeGreaterThan(0);
    expect(calls).toEqual([]);
  });

  it('warDrawn written out decides every draw as the rule does, in every shipped scenario, at and past the brink', () => {
    const levels = [0, 0.05, 0.3, 0.5, 0.77, 0.9, 1, 1.4, 3];
    const draws = [0, 1e-9, 0.01, 0.1, 0.25, 0.5, 0.75, 0.999999];
    let differ = 0;
    let wars = 0;
    let checked = 0;
    for (const s of listBuiltIn()) {
      const params = resolveScenario(s.name).params;
      for (const tension of levels) {
        for (const deterrence of levels) {
          for (const war of draws) {
            const state = { tension, deterrence, params };
            const rule = warDrawn(state, { war });
            if (generated.warDrawn(state, { war }) !== rule) differ++;
            if (rule) wars++;
            checked++;
          }
        }
      }
    }
    expect(differ).toBe(0);
    // Both answers occur, so the comparison is not between two constants.
    expect(wars).toBeGreaterThan(0);
    expect(wars).toBeLessThan(checked);
  });
});
