// Word lists as single strings. Every k6 VU evaluates the whole bundle, so an array or object literal at module scope
// is built again in each VU, while a string literal costs a VU next to nothing. A list is kept as one string with a
// separator between its items and read by scanning it: no split, no array, nothing cached.
import { ForgeError, shown } from '../../lib/errors.ts';
import type { Random } from '../random.ts';

declare const ITEMS: unique symbol;
declare const WEIGHTS: unique symbol;

/**
 * A list kept as one string, its items joined by a separator (`|` unless a function is told otherwise), such as
 * `'Black|White|Silver'`; `T` is the type of its items. Make one with a cast: `'a|b' as Packed<'a' | 'b'>`.
 */
export type Packed<T extends string = string> = string & { readonly [ITEMS]: T };

/**
 * `[value, weight]` pairs kept as one string, each pair as `value:weight`, joined by `|`, such as `'finance:6|cash:2'`;
 * `T` is the type of the values.
 */
export type PackedWeights<T extends string = string> = string & { readonly [WEIGHTS]: T };

/**
 * How many items a packed list holds.
 * @param list - The list; an empty string holds none.
 * @param separator - What separates two items. @default '|'
 * @returns The number of items.
 */
export function packedCount(list: string, separator = '|'): number {
  if (list.length === 0) return 0;
  let count = 1;
  for (let at = list.indexOf(separator); at !== -1; at = list.indexOf(separator, at + separator.length)) count += 1;
  return count;
}

/**
 * The item at an index of a packed list, found by scanning the string; also reads a field of a packed row.
 * @param list - The list.
 * @param index - The item's position, from 0.
 * @param separator - What separates two items. @default '|'
 * @returns The item.
 * @throws {ForgeError} `invalid_option` when the list has no item at `index`.
 */
export function packedItem<T extends string>(list: Packed<T>, index: number, separator?: string): T;
export function packedItem(list: string, index: number, separator?: string): string;
export function packedItem(list: string, index: number, separator = '|'): string {
  let start = 0;
  let missing = list.length === 0 || !(index >= 0) || Math.floor(index) !== index;
  for (let i = 0; i < index && !missing; i += 1) {
    const at = list.indexOf(separator, start);
    if (at === -1) missing = true;
    else start = at + separator.length;
  }
  if (missing) {
    throw new ForgeError('invalid_option', {
      field: 'packedItem(index)',
      given: shown(index),
      accepted: `a whole number from 0 to ${packedCount(list, separator) - 1}`,
    });
  }
  const end = list.indexOf(separator, start);
  return end === -1 ? list.slice(start) : list.slice(start, end);
}

/**
 * One item of a packed list, each equally likely: the same single draw and the same index as `pick` over the list as
 * an array, so seeded output does not change.
 * @param list - The choices.
 * @param random - The stream to draw from.
 * @param separator - What separates two items. @default '|'
 * @returns The item.
 * @throws {ForgeError} `invalid_option` for an empty list.
 */
export function pickPacked<T extends string>(list: Packed<T>, random: Random, separator?: string): T;
export function pickPacked(list: string, random: Random, separator?: string): string;
export function pickPacked(list: string, random: Random, separator = '|'): string {
  // Counts and scans by itself rather than through packedCount and packedItem: a bundle that only picks then declares
  // one function, as it did with pick, and each function a bundle declares costs every VU.
  let count = list.length === 0 ? 0 : 1;
  for (let at = list.indexOf(separator); at !== -1; at = list.indexOf(separator, at + separator.length)) count += 1;
  if (count === 0)
    throw new ForgeError('invalid_option', { field: 'pick(list)', given: 'an empty list', accepted: 'a list with at least one element' });
  let start = 0;
  for (let i = Math.floor(random() * count); i > 0; i -= 1) start = list.indexOf(separator, start) + separator.length;
  const end = list.indexOf(separator, start);
  return end === -1 ? list.slice(start) : list.slice(start, end);
}

/**
 * One value of packed `value:weight` pairs, each as likely as its share of the total weight: the same single draw and
 * the same choice as `weighted` over the pairs as an array.
 * @param list - The values and their weights (any positive numbers).
 * @param random - The stream to draw from.
 * @returns The value.
 * @throws {ForgeError} `invalid_option` when there is no pair or a weight is not a positive number.
 */
export function weightedPacked<T extends string>(list: PackedWeights<T>, random: Random): T;
export function weightedPacked(list: string, random: Random): string;
export function weightedPacked(list: string, random: Random): string {
  let total = 0;
  for (let start = 0; start < list.length; ) {
    let end = list.indexOf('|', start);
    if (end === -1) end = list.length;
    const colon = list.indexOf(':', start);
    const weight = colon === -1 || colon > end ? Number.NaN : Number(list.slice(colon + 1, end));
    if (!(weight > 0 && Number.isFinite(weight))) {
      throw new ForgeError('invalid_option', {
        field: 'weighted(entries)',
        given: `the weight ${shown(weight)}`,
        accepted: 'positive finite weights',
      });
    }
    total += weight;
    start = end + 1;
  }
  if (list.length === 0)
    throw new ForgeError('invalid_option', {
      field: 'weighted(entries)',
      given: 'no entries',
      accepted: 'at least one [value, weight] pair',
    });
  let point = random() * total;
  let value = '';
  for (let start = 0; start < list.length; ) {
    let end = list.indexOf('|', start);
    if (end === -1) end = list.length;
    const colon = list.indexOf(':', start);
    value = list.slice(start, colon);
    point -= Number(list.slice(colon + 1, end));
    if (point < 0) return value;
    start = end + 1;
  }
  return value;
}

/**
 * The row of a packed table whose first field is `key`, like `find` by name over the table as an array.
 * @param list - The rows.
 * @param key - The first field to look for; `undefined` finds nothing.
 * @param fieldSeparator - What separates two fields of a row. @default ';'
 * @param separator - What separates two rows. @default '|'
 * @returns The whole row, or `undefined` when no row has that key.
 */
export function packedRow(list: string, key: string | undefined, fieldSeparator = ';', separator = '|'): string | undefined {
  if (key === undefined) return undefined;
  for (let start = 0; start < list.length; ) {
    let end = list.indexOf(separator, start);
    if (end === -1) end = list.length;
    const fieldEnd = list.indexOf(fieldSeparator, start);
    if (list.slice(start, fieldEnd === -1 || fieldEnd > end ? end : fieldEnd) === key) return list.slice(start, end);
    start = end + separator.length;
  }
  return undefined;
}
