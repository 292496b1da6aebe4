/**
 * Writes a number with at most `digits` decimals and no trailing zeros (`1.50` becomes `1.5`).
 * @param value - The number.
 * @param digits - The most decimals to keep, rounding. @default 2
 * @returns The short form.
 */
export function trimmed(value: number, digits = 2): string {
  return String(Number(value.toFixed(digits)));
}
