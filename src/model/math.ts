// Only + - * / min max here: they are exact IEEE operations, so a seeded game is
// bit-identical on every machine. Transcendental functions (exp, pow, log) are
// avoided in the model because their last bit may differ between engines.

export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
