import { randomInt, timingSafeEqual } from 'node:crypto';

// Join codes: one per seat, from the crypto generator, typed by people, compared in constant time.

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A join code: 8 characters from an alphabet without look-alikes (~40 bits), from the crypto generator. */
export function newJoinCode(): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}

function normalCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export function sameCode(a: string, b: string): boolean {
  const x = Buffer.from(normalCode(a));
  const y = Buffer.from(normalCode(b));
  return x.length === y.length && timingSafeEqual(x, y);
}
