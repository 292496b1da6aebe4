import { describe, expect, test } from 'vitest';
import {
  type Packed,
  type PackedWeights,
  packedCount,
  packedItem,
  packedRow,
  pickPacked,
  weightedPacked,
} from '../src/generators/internal/packed.ts';
import { pick, seededRandom, weighted } from '../src/generators/random.ts';
import { ForgeError } from '../src/lib/errors.ts';

const COLORS = 'Black|White|Silver|Gray' as Packed<'Black' | 'White' | 'Silver' | 'Gray'>;

describe('packedCount and packedItem', () => {
  test('count the items and read each one without splitting', () => {
    expect(packedCount(COLORS)).toBe(4);
    expect(packedCount('')).toBe(0);
    expect(packedCount('one')).toBe(1);
    expect([0, 1, 2, 3].map((i) => packedItem(COLORS, i))).toStrictEqual(['Black', 'White', 'Silver', 'Gray']);
    expect(packedItem('a,b;c,d', 1, ',')).toBe('b;c');
    expect(packedItem('a::b::c', 2, '::')).toBe('c');
  });

  test('refuse an index the list does not have', () => {
    for (const index of [4, -1, 1.5, Number.NaN]) {
      expect(() => packedItem(COLORS, index)).toThrow(ForgeError);
    }
    expect(() => packedItem(COLORS, 4)).toThrow('packedItem(index): 4 is not accepted; expected a whole number from 0 to 3');
    expect(() => packedItem('', 0)).toThrow(ForgeError);
  });
});

describe('pickPacked', () => {
  test('draws the same items as pick over the same list as an array, one draw each', () => {
    const list = ['Black', 'White', 'Silver', 'Gray'];
    const a = seededRandom(42, 7);
    const b = seededRandom(42, 7);
    for (let i = 0; i < 2_000; i += 1) expect(pickPacked(COLORS, a)).toBe(pick(list, b));
    expect(a()).toBe(b());
  });

  test('refuses an empty list as pick does', () => {
    expect(() => pickPacked('', seededRandom(1))).toThrow(
      'pick(list): an empty list is not accepted; expected a list with at least one element',
    );
  });
});

describe('weightedPacked', () => {
  test('draws the same values as weighted over the same pairs as an array, one draw each', () => {
    const pairs = [
      ['finance', 6],
      ['cash', 2],
      ['lease', 2.5],
    ] as const;
    const list = 'finance:6|cash:2|lease:2.5' as PackedWeights<'finance' | 'cash' | 'lease'>;
    const a = seededRandom(3);
    const b = seededRandom(3);
    for (let i = 0; i < 2_000; i += 1) expect(weightedPacked(list, a)).toBe(weighted(pairs, b));
    expect(a()).toBe(b());
  });

  test('refuses what weighted refuses, with the same messages', () => {
    const r = seededRandom(1);
    expect(() => weightedPacked('', r)).toThrow(
      'weighted(entries): no entries is not accepted; expected at least one [value, weight] pair',
    );
    expect(() => weightedPacked('a:1|b:0', r)).toThrow('weighted(entries): the weight 0 is not accepted; expected positive finite weights');
    expect(() => weightedPacked('a:1|b', r)).toThrow(ForgeError);
  });
});

describe('packedRow', () => {
  test('finds the row whose first field is the key, or nothing', () => {
    const table = 'USD;100;500000|EUR;100;500000|EU;1;2';
    expect(packedRow(table, 'EUR')).toBe('EUR;100;500000');
    expect(packedRow(table, 'EU')).toBe('EU;1;2');
    expect(packedRow(table, 'US')).toBeUndefined();
    expect(packedRow(table, undefined)).toBeUndefined();
    expect(packedRow('Camry,sedan/RAV4,suv', 'RAV4', ',', '/')).toBe('RAV4,suv');
    expect(packedRow('key-only|other', 'key-only')).toBe('key-only');
  });
});
