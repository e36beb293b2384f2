// Rebuilds data/record/launches.csv from the CNS North Korea Missile Test Database as
// redistributed (Apache-2.0) in github.com/nagix/nk-missile-tests: one row per launch day
// and type, 2006-2024. Run: node scripts/record-launches.mjs <test.en.json> <missile.en.json> <commit>
// Kept for provenance; the CSV is the data the product reads.
import { readFileSync, writeFileSync } from 'node:fs';

const [testsFile, missilesFile, commit] = process.argv.slice(2);
if (!testsFile || !missilesFile || !commit) {
  console.error('usage: node scripts/record-launches.mjs <test.en.json> <missile.en.json> <commit>');
  process.exit(2);
}
const tests = JSON.parse(readFileSync(testsFile, 'utf8')).timeBins.flatMap((b) => b.data);
const missiles = JSON.parse(readFileSync(missilesFile, 'utf8'));
// CNS classes on the record's types: intermediate and medium range, and the one
// hypersonic glide vehicle (an IRBM-class booster), fly the medium rung.
const TYPE = { SRBM: 'short', MRBM: 'medium', IRBM: 'medium', HGV: 'medium', ICBM: 'icbm', SLBM: 'slbm', SLV: 'satellite', Unknown: 'short' };
const days = new Map();
for (const t of tests) {
  if (t.date < '2006-01-01' || t.date > '2024-12-31') continue;
  const cls = missiles[t.missile]?.type ?? 'Unknown';
  const key = `${t.date},${TYPE[cls]}`;
  const d = days.get(key) ?? { date: t.date, subtype: TYPE[cls], count: 0, names: new Set(), unknown: 0 };
  d.count++;
  d.names.add(missiles[t.missile]?.name ?? t.missile);
  if (cls === 'Unknown') d.unknown++;
  days.set(key, d);
}
const source = `CNS North Korea Missile Test Database via nagix/nk-missile-tests@${commit.slice(0, 7)}`;
const lines = ['date,kind,subtype,count,detail,source,uncertainty'];
for (const d of [...days.values()].sort((a, b) => (a.date + a.subtype).localeCompare(b.date + b.subtype))) {
  const what = [...d.names].join(' + ');
  const detail = `${d.count} ${d.subtype === 'satellite' ? 'launch' : 'missile'}${d.count > 1 ? 's' : ''}: ${what}`;
  const note = d.unknown ? `${d.unknown} of unidentified type; counted short-range` : '';
  lines.push([d.date, 'launch', d.subtype, d.count, detail, source, note].map((v) => (/[",]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : v)).join(','));
}
writeFileSync('data/record/launches.csv', lines.join('\n') + '\n');
console.log(`${lines.length - 1} rows`);
