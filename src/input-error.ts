/**
 * Bad input from a person: a file, a flag, a name. The CLI prints the message as one
 * line and exits 2; never a stack trace. Messages name the place and the fix.
 */
export class InputError extends Error {
  override name = 'InputError';
}
