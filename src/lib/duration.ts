import { ForgeError, shown } from './errors.ts';

/** Milliseconds per unit, largest first: a duration names its units in this order, each at most once. */
const UNITS: readonly (readonly [string, number])[] = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1_000],
  ['ms', 1],
];

/**
 * Reads a k6 duration, character by character: the WebSocket channel and session auth parse durations in every VU at
 * init, where the first regular expression would cost each VU k6's RegExp machinery.
 * @returns Milliseconds, or NaN when the text is not number-unit pairs, largest unit first.
 */
function durationMs(text: string): number {
  let total = 0;
  let rank = -1;
  let i = 0;
  if (text.length === 0) return Number.NaN;
  while (i < text.length) {
    const start = i;
    while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i += 1;
    if (i === start) return Number.NaN;
    if (text[i] === '.') {
      i += 1;
      const decimals = i;
      while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i += 1;
      if (i === decimals) return Number.NaN;
    }
    const amount = Number(text.slice(start, i));
    const unit = text[i] === 'm' && text[i + 1] === 's' ? 'ms' : text[i];
    let unitRank = rank + 1;
    while (unitRank < UNITS.length && UNITS[unitRank]![0] !== unit) unitRank += 1;
    if (unitRank === UNITS.length) return Number.NaN;
    rank = unitRank;
    total += amount * UNITS[unitRank]![1];
    i += unit!.length;
  }
  return Math.round(total);
}

/**
 * Parses a k6 duration such as `1m30s`, `500ms`, `2h` or `1.5s` into milliseconds.
 * @param text - The duration in k6's syntax: one or more number-unit pairs, largest unit first.
 * @param field - The variable or option the text came from, named in the error.
 * @param allowZero - Whether `0s` is accepted (as for a start time).
 * @returns The duration in milliseconds.
 * @throws {ForgeError} `invalid_duration` when the text is not a k6 duration, or is zero where zero is not allowed.
 */
export function parseDuration(text: string, field = 'duration', allowZero = false): number {
  const ms = typeof text === 'string' ? durationMs(text) : Number.NaN;
  if (ms > 0 || (allowZero && ms === 0)) return ms;
  throw new ForgeError('invalid_duration', {
    field,
    given: shown(text),
    accepted: `a k6 duration${allowZero ? '' : ' greater than zero'}, such as 30s, 1m30s, 500ms or 2h`,
  });
}

/**
 * Tells whether a value is a k6 duration greater than zero.
 * @param value - Anything.
 * @returns True for text such as `10s` or `1m30s`.
 */
export function isDuration(value: unknown): value is string {
  return typeof value === 'string' && durationMs(value) > 0;
}

/**
 * Writes milliseconds in k6's duration syntax, largest unit first (`90500` becomes `1m30s500ms`).
 * @param ms - A whole, non-negative number of milliseconds.
 * @returns The k6 duration string; `0s` for zero.
 */
export function formatDuration(ms: number): string {
  let rest = Math.round(ms);
  let text = '';
  for (let u = 1; u < UNITS.length; u += 1) {
    const [unit, size] = UNITS[u]!;
    const count = Math.floor(rest / size);
    if (count > 0) text += `${count}${unit}`;
    rest -= count * size;
  }
  return text || '0s';
}
