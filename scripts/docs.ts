// Regenerates the field reference in scenarios/README.md from the parameter table (PARAM_TABLE, src/model/params.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withFieldReference } from '../src/scenario/docs.js';

const file = join(import.meta.dirname, '..', 'scenarios', 'README.md');
writeFileSync(file, withFieldReference(readFileSync(file, 'utf8')));
console.log(`updated ${file}`);
