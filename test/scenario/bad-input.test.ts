import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/input-error.js';
import { loadScenarioFile, parseScenario } from '../../src/scenario/load.js';
import { resolveScenario } from '../../src/scenario/catalog.js';

const HEAD = 'schema: 1\nname: t\ntitle: T\ndescription: d\n';

function errorOf(text: string, file = 'bad.yaml'): string {
  try {
    parseScenario(text, file);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    const msg = (e as Error).message;
    expect(msg.split('\n')).toHaveLength(1);
    return msg;
  }
  throw new Error('expected the scenario to be refused');
}

describe('scenario files that are refused, and how', () => {
  it.each([
    ['an empty file', '', /^bad\.yaml:1:1: the file is empty/],
    ['invalid YAML', `${HEAD}start: [1,\n`, /^bad\.yaml:\d+:\d+: invalid YAML/],
    ['a duplicate key', `${HEAD}rounds: 3\nrounds: 4\n`, /^bad\.yaml:6:1: a key appears twice/],
    ['an unknown field, with a suggestion', `${HEAD}start:\n  tensoin: 0.5\n`, /^bad\.yaml:6:3: unknown field 'tensoin' in start\. Did you mean 'tension'\?/],
    ['an unknown top-level field', `${HEAD}colour: red\n`, /^bad\.yaml:5:1: unknown field 'colour'\..*Allowed: schema, name/],
    ['a wrong type', `${HEAD}start:\n  tension: high\n`, /^bad\.yaml:6:3: start\.tension is "high"; allowed: a number from 0 to 1/],
    ['NaN', `${HEAD}start:\n  tension: .nan\n`, /start\.tension is NaN; allowed: a number from 0 to 1/],
    ['Infinity', `${HEAD}pressure:\n  priceOfTaiwan: .inf\n`, /pressure\.priceOfTaiwan is Infinity; allowed: a number from 0 to 10/],
    ['an out-of-range number', `${HEAD}start:\n  chinaInfluence: 1.5\n`, /^bad\.yaml:6:3: start\.chinaInfluence is 1\.5; allowed: a number from 0 to 1\./],
    ['a fractional whole number', `${HEAD}rounds: 2.5\n`, /rounds is 2\.5; allowed: a whole number from 1 to 200/],
    ['a short rung list', `${HEAD}kim:\n  rungTension: [0.1, 0.2]\n`, /kim\.rungTension is \[0\.1,0\.2\]; allowed: a list of 4 numbers/],
    ['a missing required field', 'schema: 1\nname: t\ntitle: T\n', /missing required field 'description'/],
    ['a wrong schema version', 'schema: 2\nname: t\ntitle: T\ndescription: d\n', /schema is 2; this version of leverage reads schema 1/],
    ['a __proto__ key', `${HEAD}start:\n  __proto__: { tension: 1 }\n`, /^bad\.yaml:6:3: the key '__proto__' is not allowed/],
    ['a constructor key', `${HEAD}constructor: 1\n`, /^bad\.yaml:5:1: the key 'constructor' is not allowed/],
    ['not a map', '- 1\n- 2\n', /a scenario must be a YAML map/],
    ['an unknown claim toggle', `${HEAD}assumptions:\n  C99: off\n`, /unknown field 'C99' in assumptions/],
    ['a bad toggle value', `${HEAD}assumptions:\n  C8: maybe\n`, /^bad\.yaml:6:3: assumption C8 is "maybe"; allowed: on, off/],
    ['a toggle naming a parameter the claim does not have', `${HEAD}assumptions:\n  C1:\n    nonsense: 0.1\n`, /^bad\.yaml:7:5: 'nonsense' is not a parameter of C1/],
    ['a toggle value out of range', `${HEAD}assumptions:\n  C1:\n    chinaInfluence: 7\n`, /start\.chinaInfluence is 7; allowed: a number from 0 to 1/],
  ])('%s', (_name, text, pattern) => {
    expect(errorOf(text)).toMatch(pattern);
  });

  it('a YAML alias bomb', () => {
    const bomb = `${HEAD}a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n`;
    expect(errorOf(bomb)).toMatch(/alias/i);
  });

  it('a missing file, a directory, an unknown name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lev-'));
    expect(() => loadScenarioFile(join(dir, 'nope.yaml'))).toThrow(/nope\.yaml: no such file\. Fix:/);
    mkdirSync(join(dir, 'folder.yaml'));
    expect(() => loadScenarioFile(join(dir, 'folder.yaml'))).toThrow(/is a directory/);
    expect(() => resolveScenario('atlantis')).toThrow(/atlantis: no such scenario\. Fix: use one of 2017, 2018, 2020, 2022, 2023, baseline, one-shot/);
  });
});

describe('scenario files that load', () => {
  it('fills unset fields from the defaults and applies overrides', () => {
    const s = parseScenario(`${HEAD}rounds: 5\nstart:\n  chinaInfluence: 0.2\n`, 'ok.yaml');
    expect(s.params.rounds).toBe(5);
    expect(s.params.start.chinaInfluence).toBe(0.2);
    expect(s.params.start.tension).toBe(0.35);
  });

  it('switches a claim off, or weakens it by short or full parameter name', () => {
    const off = parseScenario(`${HEAD}assumptions:\n  C8: off\n`, 'a.yaml');
    expect(off.params.repetition.learningRate).toBe(0);
    expect(off.params.us.credibilityLossPerConcession).toBe(0);
    const weak = parseScenario(`${HEAD}assumptions:\n  C1: { chinaInfluence: 0.1 }\n  C10: { us.europeResponsiveness: 0.2 }\n`, 'b.yaml');
    expect(weak.params.start.chinaInfluence).toBe(0.1);
    expect(weak.params.us.europeResponsiveness).toBe(0.2);
  });

  it('ships scenarios that all validate', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lev-'));
    writeFileSync(join(dir, 'x.yaml'), HEAD);
    for (const name of ['baseline', '2020', '2022', '2023', 'one-shot', join(dir, 'x.yaml')]) {
      expect(() => resolveScenario(name)).not.toThrow();
    }
  });
});
