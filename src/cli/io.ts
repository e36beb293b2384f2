import { randomBytes } from 'node:crypto';
import { accessSync, closeSync, constants, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../input-error.js';
import { MAX_DATA_BYTES, decodeText, readBounded } from '../bounded-read.js';

/**
 * A target that is there and is not a regular file (a device, a named pipe, a socket, a
 * folder) is never written: renaming over /dev/full or a pipe would replace it. Follows a
 * symlink, so a link to a regular file is fine (the rename replaces the link, not its target).
 */
function refuseNonRegular(file: string, flag: string): void {
  let st;
  try {
    st = statSync(file);
  } catch {
    return; // a new path (or a dangling link, which the rename replaces)
  }
  if (st.isFile()) return;
  const kind = st.isDirectory() ? 'a directory' : st.isFIFO() ? 'a named pipe' : st.isCharacterDevice() || st.isBlockDevice() ? 'a device' : st.isSocket() ? 'a socket' : 'not a regular file';
  throw new InputError(`${flag} ${file}: is ${kind}, not a regular file. Fix: name a new or ordinary file.`);
}

/** Check before any work starts that `file` can be written: its folder exists and is writable, and it is not a device, pipe or folder. */
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
  refuseNonRegular(file, flag);
}

/**
 * The one way the product writes a file: all or nothing. The content goes to a temporary file
 * beside the target (same folder, so the rename is atomic) whose name is unpredictable and
 * which is created exclusively ('wx': never through a planted file or symlink), is flushed to
 * disk, then renamed over the target. A target that is not a regular file is refused.
 */
export function writeAtomic(file: string, content: string, flag = 'write'): void {
  refuseNonRegular(file, flag);
  const target = resolve(file);
  const tmp = join(dirname(target), `.${basename(target)}.${randomBytes(9).toString('hex')}.tmp`);
  let fd: number | undefined;
  let created = false;
  try {
    fd = openSync(tmp, 'wx', 0o666);
    created = true;
    const bytes = Buffer.from(content, 'utf8');
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, target);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    if (created) rmSync(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    const why = code === 'ENOSPC' ? 'the disk is full' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code;
    throw new InputError(`${file}: cannot write (${why}). Fix: check the path, permissions and free space.`);
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
  let bytes: Buffer;
  try {
    bytes = readBounded(file, MAX_DATA_BYTES, what);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  return decodeText(bytes, file);
}
