/**
 * Tells whether a parsed JSON value is an object (not null, not a list).
 * @param value - Anything.
 * @returns True for a plain object.
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
