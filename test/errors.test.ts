import { describe, expect, test } from 'vitest';
import { ForgeError, invalidOption } from '../src/lib/errors.ts';

const details = { field: 'VUS', given: '"ten"', accepted: 'a whole number' };

describe('ForgeError', () => {
  test('is an Error named ForgeError, with its code, details and one-sentence message', () => {
    const error = new ForgeError('invalid_env', details);
    expect(error).toBeInstanceOf(ForgeError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ForgeError');
    expect(error.code).toBe('invalid_env');
    expect(error.details).toStrictEqual(details);
    expect(error.message).toBe('VUS: "ten" is not accepted; expected a whole number');
    expect(String(error)).toBe('ForgeError: VUS: "ten" is not accepted; expected a whole number');
    expect(error.stack).toContain('ForgeError: VUS');
    expect(ForgeError.name).toBe('ForgeError');
  });

  test('escapes control characters in its message, and subclasses keep their own prototype', () => {
    expect(new ForgeError('invalid_option', { ...details, given: '"a\nb"' }).message).toContain('"a\\u000ab"');
    class Sub extends ForgeError {}
    const sub = new Sub('invalid_file', details);
    expect(sub).toBeInstanceOf(Sub);
    expect(sub).toBeInstanceOf(ForgeError);
    expect(sub.code).toBe('invalid_file');
  });

  test('invalidOption throws one with the value shown', () => {
    expect(() => invalidOption('rate', 'x', 'a number')).toThrow(
      new ForgeError('invalid_option', { field: 'rate', given: '"x"', accepted: 'a number' }),
    );
  });
});
