import { digits, int, type Random } from '../random.ts';

/**
 * A North American phone number in E.164 form, such as `+15125550143`: the area code, an exchange from 200 to 999
 * that is not an N11 service code, and four digits.
 * @param areaCode - The three-digit area code.
 * @param random - The stream to draw from.
 * @returns The number.
 */
export function phoneNumber(areaCode: string, random: Random): string {
  const exchange = int(200, 999, random);
  return `+1${areaCode}${exchange % 100 === 11 ? exchange - 1 : exchange}${digits(4, random)}`;
}
