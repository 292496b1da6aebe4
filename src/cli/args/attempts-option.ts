import { invalidOption } from '../../lib/errors.ts';

/**
 * Reads `--attempts`: tries per step in all, 1 to 10.
 * @param text - The value given.
 * @returns The number.
 * @throws {ForgeError} `invalid_option` for anything else.
 */
export function attemptsOption(text: string): number {
  if (!/^([1-9]|10)$/.test(text)) invalidOption('--attempts', text, 'a whole number from 1 to 10 (tries per step, the first included)');
  return Number(text);
}
