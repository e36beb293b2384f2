import { accessSync, constants, existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError } from '../input-error.js';

/** Check before any work starts that `file` can be written: its folder exists and is writable. */
export function checkWritable(file: string, flag: string): void {
  const dir = dirname(resolve(file));
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new InputError(`${flag} ${file}: the folder ${dir} does not exist. Fix: create it first, or write elsewhere.`);
  }
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw new InputError(`${flag} ${file}: the folder ${dir} is not writable. Fix: choose a folder you can write to.`);
  }
  if (existsSync(file) && statSync(file).isDirectory()) {
    throw new InputError(`${flag} ${file}: is a directory. Fix: name a file.`);
  }
}

/** Write all or nothing: a temporary file beside the target, renamed into place. */
export function writeAtomic(file: string, content: string): void {
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new InputError(`${file}: cannot write (${(e as NodeJS.ErrnoException).code ?? 'error'}). Fix: check the path and permissions.`);
  }
}

export function readTextFile(file: string, what: string): string {
  let st;
  try {
    st = statSync(file);
  } catch {
    throw new InputError(`${file}: no such file. Fix: check the path to the ${what}.`);
  }
  if (st.isDirectory()) throw new InputError(`${file}: is a directory, not a ${what}.`);
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
}
