import type { NormalForm } from './normal-form.js';
import { InputError } from '../../input-error.js';

// Gambit's .nfg text format (version 1, rational or real payoffs), so a table estimated here
// can be checked in Gambit, and Gambit's example games read here. Written in the outcome
// form, which keeps the strategies' names.

const q = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

export function toNfg(g: NormalForm, digits = 6): string {
  const P = g.players.length;
  const n = g.payoffs.length / P;
  const out = [`NFG 1 R ${q(g.title)} { ${g.players.map(q).join(' ')} }`, '', '{ ' + g.strategies.map((s) => `{ ${s.map(q).join(' ')} }`).join('\n') + '\n}', '""', '', '{'];
  for (let p = 0; p < n; p++) {
    const u = Array.from({ length: P }, (_, i) => Number((g.payoffs[p * P + i] as number).toFixed(digits)));
    out.push(`{ "" ${u.join(', ')} }`);
  }
  out.push('}', Array.from({ length: n }, (_, p) => p + 1).join(' '), '');
  return out.join('\n');
}

/** Tokens: quoted strings, braces, numbers (commas are separators). */
function tokens(text: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|([{}])|([^\s{},"]+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m[1] !== undefined ? `"${m[1]}` : (m[2] ?? m[3]) as string);
  return out;
}

export function parseNfg(text: string, file = '.nfg'): NormalForm {
  const t = tokens(text);
  let k = 0;
  const next = () => {
    if (k >= t.length) throw new InputError(`${file}: the file ends early. Fix: check it is a complete Gambit .nfg file.`);
    return t[k++] as string;
  };
  const expect = (s: string) => {
    const got = next();
    if (got !== s) throw new InputError(`${file}: expected '${s}' but found '${got}'.`);
  };
  if (next() !== 'NFG' || next() !== '1') throw new InputError(`${file}: not a Gambit NFG version 1 file (it must start with 'NFG 1 R').`);
  next(); // R or D
  const title = next().slice(1);
  expect('{');
  const players: string[] = [];
  for (let s = next(); s !== '}'; s = next()) players.push(s.slice(1));
  expect('{');
  const strategies: string[][] = [];
  let counts: number[] | null = null;
  if (t[k] === '{') {
    for (let s = next(); s !== '}'; s = next()) {
      if (s !== '{') throw new InputError(`${file}: expected a player's strategy list.`);
      const names: string[] = [];
      for (let x = next(); x !== '}'; x = next()) names.push(x.slice(1));
      strategies.push(names);
    }
  } else {
    counts = [];
    for (let s = next(); s !== '}'; s = next()) counts.push(Number(s));
    counts.forEach((c) => strategies.push(Array.from({ length: c }, (_, i) => String(i + 1))));
  }
  const P = players.length;
  const n = strategies.reduce((a, s) => a * s.length, 1);
  const payoffs = new Float64Array(n * P);
  if (t[k]?.startsWith('"')) next(); // the comment
  if (t[k] === '{') {
    // Outcome form: outcomes, then one outcome number per profile.
    next();
    const outcomes: number[][] = [];
    for (let s = next(); s !== '}'; s = next()) {
      if (s !== '{') throw new InputError(`${file}: expected an outcome.`);
      next(); // its name
      const u: number[] = [];
      for (let x = next(); x !== '}'; x = next()) u.push(Number(x));
      outcomes.push(u);
    }
    for (let p = 0; p < n; p++) {
      const o = Number(next());
      const u = o === 0 ? new Array<number>(P).fill(0) : outcomes[o - 1];
      if (!u) throw new InputError(`${file}: profile ${p + 1} names outcome ${o}, which is not defined.`);
      for (let i = 0; i < P; i++) payoffs[p * P + i] = u[i] ?? 0;
    }
  } else {
    for (let j = 0; j < n * P; j++) payoffs[j] = Number(next());
  }
  if ([...payoffs].some((x) => !Number.isFinite(x))) throw new InputError(`${file}: a payoff is not a number.`);
  return { title, players, strategies, payoffs };
}
