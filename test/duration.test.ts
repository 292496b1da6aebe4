import { describe, expect, test } from 'vitest';
import { formatDuration, isDuration, parseDuration } from '../src/lib/duration.ts';

describe('parseDuration', () => {
  test.each([
    ['500ms', 500],
    ['30s', 30_000],
    ['1m30s', 90_000],
    ['2h', 7_200_000],
    ['1.5s', 1_500],
    ['1d2h', 93_600_000],
    ['1h0m5s', 3_605_000],
  ])('reads %s as %i ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  test.each(['', '10', '1 m', '30s1m', '5ss', 'm', '-5s', '0s', '1m1m'])('rejects %j, naming the field', (text) => {
    expect(() => parseDuration(text, 'DURATION')).toThrow(
      `DURATION: ${JSON.stringify(text)} is not accepted; expected a k6 duration greater than zero, such as 30s`,
    );
  });

  test('accepts zero only where asked', () => {
    expect(parseDuration('0s', 'startTime', true)).toBe(0);
  });
});

describe('isDuration', () => {
  test('tells durations from anything else', () => {
    expect([isDuration('10s'), isDuration('ten'), isDuration(10), isDuration(undefined)]).toStrictEqual([true, false, false, false]);
  });
});

describe('formatDuration', () => {
  test.each([
    [90_500, '1m30s500ms'],
    [7_200_000, '2h'],
    [93_600_000, '26h'],
    [0, '0s'],
    [999.6, '1s'],
  ])('writes %i ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  test('round-trips with parseDuration', () => {
    for (const ms of [1, 1_001, 61_001, 3_723_004]) expect(parseDuration(formatDuration(ms))).toBe(ms);
  });
});
