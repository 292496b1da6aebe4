import { ForgeError, invalidOption, shown } from '../lib/errors.ts';

/** A stream of uniform random numbers in [0, 1), such as one made by {@link seededRandom}. */
export type Random = () => number;

const TWO_32 = 4294967296;
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DAY_MS = 86_400_000;

/**
 * Murmur3's 32-bit finaliser: a bijection on 32-bit words that spreads every input bit over the output.
 * @param word - Any number; only its low 32 bits count.
 * @returns The mixed word, an unsigned 32-bit integer.
 */
export function mix32(word: number): number {
  // Each product is Math.imul's, written out from 16-bit halves (every part exact in a double): Math.imul would make
  // each VU that draws build Math, which the stream needs nothing else of (about 1.2 KB a VU under k6 v2.2.0).
  let h = word >>> 0;
  h ^= h >>> 16;
  h = ((h & 0xffff) * 0x85ebca6b + ((((h >>> 16) * 0x85ebca6b) & 0xffff) << 16)) | 0;
  h ^= h >>> 13;
  h = ((h & 0xffff) * 0xc2b2ae35 + ((((h >>> 16) * 0xc2b2ae35) & 0xffff) << 16)) | 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A seeded sfc32 stream: small, fast and good enough for test data, never for secrets.
 * Up to three seed words are mixed in one to one, so distinct seed lists (such as seed, VU, iteration) give distinct streams.
 * @param seeds - Up to three whole numbers; only their low 32 bits count.
 * @returns The stream; each call returns the next number in [0, 1).
 */
export function seededRandom(...seeds: readonly number[]): Random {
  let a = mix32((seeds[0] ?? 0) ^ 0x9e3779b9);
  let b = mix32((seeds[1] ?? 0) ^ 0x243f6a88);
  let c = mix32((seeds[2] ?? 0) ^ 0xb7e15162);
  let d = 1;
  const next: Random = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / TWO_32;
  };
  for (let i = 0; i < 12; i += 1) next();
  return next;
}

function checkRange(helper: string, min: number, max: number, whole: boolean): void {
  const valid = whole ? Number.isSafeInteger(min) && Number.isSafeInteger(max) : Number.isFinite(min) && Number.isFinite(max);
  if (!valid || min > max) {
    throw new ForgeError('invalid_option', {
      field: `${helper}(min, max)`,
      given: `${shown(min)} to ${shown(max)}`,
      accepted: `${whole ? 'whole numbers' : 'finite numbers'} with min no greater than max`,
    });
  }
}

/**
 * A whole number between `min` and `max`, both included.
 * @param min - The smallest value.
 * @param max - The largest value.
 * @param random - The stream to draw from.
 * @returns The number.
 * @throws {ForgeError} `invalid_option` when a bound is not a whole number or `min > max`.
 */
export function int(min: number, max: number, random: Random): number {
  checkRange('int', min, max, true);
  return min + Math.floor(random() * (max - min + 1));
}

/**
 * A number from `min` (included) up to `max` (excluded), optionally cut to a number of decimals.
 * @param min - The smallest value.
 * @param max - The bound it stays under.
 * @param random - The stream to draw from.
 * @param fractionDigits - Decimals to keep, rounding down (so `2` suits money). @default all
 * @returns The number.
 * @throws {ForgeError} `invalid_option` when a bound is not finite or `min > max`.
 */
export function float(min: number, max: number, random: Random, fractionDigits?: number): number {
  checkRange('float', min, max, false);
  const value = min + random() * (max - min);
  if (fractionDigits === undefined) return value;
  const scale = 10 ** fractionDigits;
  return Math.max(min, Math.floor(value * scale) / scale);
}

/**
 * One element of a list, each equally likely.
 * @param list - The choices.
 * @param random - The stream to draw from.
 * @returns The element.
 * @throws {ForgeError} `invalid_option` for an empty list.
 */
export function pick<T>(list: readonly T[], random: Random): T {
  if (list.length === 0)
    throw new ForgeError('invalid_option', { field: 'pick(list)', given: 'an empty list', accepted: 'a list with at least one element' });
  return list[Math.floor(random() * list.length)]!;
}

/**
 * One value of `[value, weight]` pairs, each as likely as its share of the total weight.
 * @param entries - The values and their weights (any positive numbers).
 * @param random - The stream to draw from.
 * @returns The value.
 * @throws {ForgeError} `invalid_option` when there is no entry or a weight is not a positive number.
 */
export function weighted<T>(entries: readonly (readonly [T, number])[], random: Random): T {
  // Index loops rather than for...of: an array iterator would cost every VU that draws one about 4 KB of heap under
  // k6 v2.2.0 (see "Per-VU cost under real k6" in the README).
  let total = 0;
  for (let i = 0; i < entries.length; i += 1) {
    const weight = entries[i]![1];
    if (!(weight > 0 && Number.isFinite(weight))) {
      throw new ForgeError('invalid_option', {
        field: 'weighted(entries)',
        given: `the weight ${shown(weight)}`,
        accepted: 'positive finite weights',
      });
    }
    total += weight;
  }
  if (entries.length === 0)
    throw new ForgeError('invalid_option', {
      field: 'weighted(entries)',
      given: 'no entries',
      accepted: 'at least one [value, weight] pair',
    });
  let point = random() * total;
  for (let i = 0; i < entries.length; i += 1) {
    point -= entries[i]![1];
    if (point < 0) return entries[i]![0];
  }
  return entries[entries.length - 1]![0];
}

/**
 * True with the given probability.
 * @param probability - The chance of `true`, from 0 to 1.
 * @param random - The stream to draw from.
 * @returns The outcome.
 */
export function bool(probability: number, random: Random): boolean {
  return random() < probability;
}

/**
 * A string of decimal digits, leading zeros included.
 * @param count - How many digits.
 * @param random - The stream to draw from.
 * @returns The digits, such as `"0492"`.
 */
export function digits(count: number, random: Random): string {
  let text = '';
  for (let i = 0; i < count; i += 1) text += Math.floor(random() * 10);
  return text;
}

/**
 * A string of lower-case ASCII letters.
 * @param count - How many letters.
 * @param random - The stream to draw from.
 * @returns The letters, such as `"qzkd"`.
 */
export function letters(count: number, random: Random): string {
  let text = '';
  for (let i = 0; i < count; i += 1) text += LOWER[Math.floor(random() * 26)];
  return text;
}

function dayNumber(date: string, field: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(ms)) invalidOption(field, date, 'a calendar date as YYYY-MM-DD, such as 2024-02-29');
  return ms / DAY_MS;
}

/**
 * A calendar date between two dates, both included, in UTC.
 * @param from - The earliest date, `YYYY-MM-DD`.
 * @param to - The latest date, `YYYY-MM-DD`.
 * @param random - The stream to draw from.
 * @returns The date as `YYYY-MM-DD`.
 * @throws {ForgeError} `invalid_option` for a malformed date or `from` after `to`.
 */
export function dateBetween(from: string, to: string, random: Random): string {
  const first = dayNumber(from, 'dateBetween(from)');
  const last = dayNumber(to, 'dateBetween(to)');
  return new Date(int(first, last, random) * DAY_MS).toISOString().slice(0, 10);
}

/**
 * `value` as `width` lower-case hex digits, leading zeros included: one `toString` and one `slice`, where `padStart`
 * would build one more String method in every VU that draws one.
 * @param value - A whole number from 0 up to, not including, 16 to the power of `width` (exact up to 13 digits).
 * @param width - How many digits.
 * @returns The digits, such as `"00ff"`.
 */
export function hex(value: number, width: number): string {
  return (value + 16 ** width).toString(16).slice(1);
}

/**
 * An RFC 9562 version 4 UUID drawn from the stream, such as `3b241101-e2bb-4255-8caf-4136c566a962`.
 * @param random - The stream to draw from.
 * @returns The UUID in lower case.
 */
export function uuid(random: Random): string {
  // Four words, 32 hex digits; the version nibble (digit 12) becomes 4, and the variant's top bits (digit 16) 10.
  const w0 = (random() * TWO_32) >>> 0;
  const w1 = (random() * TWO_32) >>> 0;
  const w2 = (random() * TWO_32) >>> 0;
  const w3 = (random() * TWO_32) >>> 0;
  return `${hex(w0, 8)}-${hex(w1 >>> 16, 4)}-4${hex(w1 & 0xfff, 3)}-${hex(((w2 >>> 28) & 0x3) | 0x8, 1)}${hex((w2 >>> 16) & 0xfff, 3)}-${hex(w2 & 0xffff, 4)}${hex(w3, 8)}`;
}
