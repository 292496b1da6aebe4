import { invalidOption } from '../../lib/errors.ts';

/** The accepted range of {@link numberOption}. */
export interface NumberRange {
  /** The smallest value accepted. */
  readonly min: number;
  /** Whether `min` itself is refused. @default false */
  readonly minExclusive?: boolean;
  /** The largest value accepted. @default Infinity */
  readonly max?: number;
  /** The accepted form in plain words, for the message. */
  readonly accepted: string;
}

/**
 * Parses a numeric command-line option.
 * @param field - The option, such as `--p95-tolerance`.
 * @param text - The text given.
 * @param range - The accepted range and its description.
 * @returns The number.
 * @throws {ForgeError} `invalid_option` for text that is not a finite number in the range.
 */
export function numberOption(field: string, text: string, range: NumberRange): number {
  const value = text.trim() === '' ? Number.NaN : Number(text);
  const aboveMin = range.minExclusive ? value > range.min : value >= range.min;
  if (!Number.isFinite(value) || !aboveMin || value > (range.max ?? Infinity)) {
    invalidOption(field, text, range.accepted);
  }
  return value;
}

/**
 * Reads a whole-number option such as `--port 3000`.
 * @param field - The option, named in the error.
 * @param text - Its text.
 * @returns The number.
 * @throws {ForgeError} `invalid_option` when the text is not digits only.
 */
export function wholeNumber(field: string, text: string): number {
  if (!/^\d+$/.test(text)) invalidOption(field, text, 'a whole number');
  return Number(text);
}
