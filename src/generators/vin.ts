import { invalidOption } from '../lib/errors.ts';
import { digits, type Random } from './random.ts';

/** The characters a VIN may hold: digits and capitals without I, O and Q. */
export const VIN_CHARACTERS = '0123456789ABCDEFGHJKLMNPRSTUVWXYZ';

const TRANSLITERATION = '012345678912345678.12345.7.923456789';
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
const YEAR_CODES = 'ABCDEFGHJKLMNPRSTVWXY123456789';

/**
 * Whether `text` is `length` characters of the VIN alphabet. A loop, not a regular expression: the first one a VU
 * builds brings the RegExp prototype into that VU, about 15 KB of heap under k6 v2.2.0, and vin() runs in iterations.
 */
function isVinText(text: string, length: number): boolean {
  if (typeof text !== 'string' || text.length !== length) return false;
  for (let i = 0; i < length; i += 1) if (VIN_CHARACTERS.indexOf(text[i]!) < 0) return false;
  return true;
}

/** The value ISO 3779 gives a VIN character: digits as themselves, letters 1 to 9 (A=1, ..., J=1, ..., S=2, ...). */
function characterValue(char: string): number {
  const code = char.charCodeAt(0);
  return Number(TRANSLITERATION[code <= 57 ? code - 48 : code - 55]);
}

/**
 * The check digit (position 9) of a 17-character VIN, as used in North America (49 CFR 565): the weighted sum of the
 * transliterated characters modulo 11, with 10 written `X`.
 * @param vin - The VIN; its own position 9 is ignored.
 * @returns The check digit, `0` to `9` or `X`.
 * @throws {ForgeError} `invalid_option` when `vin` is not 17 VIN characters.
 */
export function vinCheckDigit(vin: string): string {
  if (!isVinText(vin, 17)) invalidOption('vin', vin, `17 characters of ${VIN_CHARACTERS}`);
  return checkDigit(vin);
}

/** The check digit of 17 VIN characters, unchecked. */
function checkDigit(vin: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += characterValue(vin[i]!) * WEIGHTS[i]!;
  const check = sum % 11;
  return check === 10 ? 'X' : String(check);
}

/**
 * Whether a string is a VIN with a correct check digit.
 * @param vin - The candidate.
 * @returns True for 17 VIN characters whose position 9 matches {@link vinCheckDigit}.
 */
export function isValidVin(vin: string): boolean {
  return isVinText(vin, 17) && vin[8] === checkDigit(vin);
}

/**
 * A VIN with a valid check digit: the maker's WMI, a random descriptor, the model-year code, a plant and a serial.
 * @param wmi - The 3-character world manufacturer identifier, such as `1HG`.
 * @param year - The model year, 1980 to 2039 (its code repeats every 30 years).
 * @param random - The stream to draw from.
 * @returns The VIN.
 * @throws {ForgeError} `invalid_option` for a malformed WMI or a year out of range.
 */
export function vin(wmi: string, year: number, random: Random): string {
  if (!isVinText(wmi, 3)) invalidOption('vin(wmi)', wmi, `3 characters of ${VIN_CHARACTERS}`);
  if (!Number.isInteger(year) || year < 1980 || year > 2039) {
    invalidOption('vin(year)', year, 'a model year from 1980 to 2039');
  }
  let descriptor = '';
  for (let i = 0; i < 5; i += 1) descriptor += VIN_CHARACTERS[Math.floor(random() * VIN_CHARACTERS.length)];
  const plant = VIN_CHARACTERS[10 + Math.floor(random() * 23)];
  const draft = `${wmi}${descriptor}0${YEAR_CODES[(year - 1980) % 30]}${plant}${digits(6, random)}`;
  return `${draft.slice(0, 8)}${checkDigit(draft)}${draft.slice(9)}`;
}
