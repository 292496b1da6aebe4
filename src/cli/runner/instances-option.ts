import { invalidOption } from '../../lib/errors.ts';

/**
 * Parses `--instances`.
 * @param text - The option's text.
 * @returns The number of instances.
 * @throws {ForgeError} `invalid_option` unless it is a whole number of at least 1.
 */
export function instancesOption(text: string): number {
  if (!/^[1-9]\d*$/.test(text)) invalidOption('--instances', text, 'a whole number of k6 processes, at least 1, such as 3');
  return Number(text);
}
