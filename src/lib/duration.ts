import { ForgeError, shown } from './errors.ts';

const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000, ms: 1 } as const;
type Unit = keyof typeof UNIT_MS;
// No sticky (`y`) regexes: the whole text is checked first, then its parts are read one by one.
const PART = /(\d+(?:\.\d+)?)(ms|d|h|m|s)/;
const WHOLE_DURATION = /^(?:\d+(?:\.\d+)?(?:ms|d|h|m|s))+$/;
const ORDER: readonly Unit[] = ['d', 'h', 'm', 's', 'ms'];

/**
 * Parses a k6 duration such as `1m30s`, `500ms`, `2h` or `1.5s` into milliseconds.
 * @param text - The duration in k6's syntax: one or more number-unit pairs, largest unit first.
 * @param field - The variable or option the text came from, named in the error.
 * @param allowZero - Whether `0s` is accepted (as for a start time).
 * @returns The duration in milliseconds.
 * @throws {ForgeError} `invalid_duration` when the text is not a k6 duration, or is zero where zero is not allowed.
 */
export function parseDuration(text: string, field = 'duration', allowZero = false): number {
  const fail = (): never => {
    throw new ForgeError('invalid_duration', {
      field,
      given: shown(text),
      accepted: `a k6 duration${allowZero ? '' : ' greater than zero'}, such as 30s, 1m30s, 500ms or 2h`,
    });
  };
  if (typeof text !== 'string' || !WHOLE_DURATION.test(text)) return fail();
  const part = new RegExp(PART, 'g');
  let total = 0;
  let rank = -1;
  for (let match = part.exec(text); match; match = part.exec(text)) {
    const unit = match[2] as Unit;
    const unitRank = ORDER.indexOf(unit);
    if (unitRank <= rank) return fail();
    rank = unitRank;
    total += Number(match[1]) * UNIT_MS[unit];
  }
  total = Math.round(total);
  return total > 0 || allowZero ? total : fail();
}

/**
 * Tells whether a value is a k6 duration greater than zero.
 * @param value - Anything.
 * @returns True for text such as `10s` or `1m30s`.
 */
export function isDuration(value: unknown): value is string {
  try {
    return typeof value === 'string' && parseDuration(value) > 0;
  } catch {
    return false;
  }
}

/**
 * Writes milliseconds in k6's duration syntax, largest unit first (`90500` becomes `1m30s500ms`).
 * @param ms - A whole, non-negative number of milliseconds.
 * @returns The k6 duration string; `0s` for zero.
 */
export function formatDuration(ms: number): string {
  let rest = Math.round(ms);
  let text = '';
  for (const unit of ['h', 'm', 's', 'ms'] as const) {
    const count = Math.floor(rest / UNIT_MS[unit]);
    if (count > 0) text += `${count}${unit}`;
    rest -= count * UNIT_MS[unit];
  }
  return text || '0s';
}
