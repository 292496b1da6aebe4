/**
 * Orders two strings by UTF-16 code units, the same on every machine and locale (unlike `localeCompare`), for
 * `Array.prototype.sort`.
 * @param a - One string.
 * @param b - The other.
 * @returns -1 when `a` comes first, 1 when `b` does, 0 when they are equal.
 */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
