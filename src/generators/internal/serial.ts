import type { Serial } from '../draw.ts';
import { hex } from '../random.ts';

/** Lower-cases a name and keeps only ASCII letters and digits, so it fits any e-mail or username rule. */
function plain(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * The serial as a short id, such as `1z141z3-17-42` (run tag in base 36, VU, counter).
 * @param serial - The serial.
 * @returns The id.
 */
export function serialId(serial: Serial): string {
  return `${serial.tag.toString(36)}-${serial.vu}-${serial.n}`;
}

/**
 * An e-mail address unique by its serial, such as `jane.doe.1z141z3-17-42@example.com`.
 * @param serial - The serial.
 * @param names - Name parts for the local part; none gives `user`.
 * @param domain - The domain.
 * @returns The address.
 */
export function serialEmail(serial: Serial, names: readonly string[], domain: string): string {
  const local = names.map(plain).filter(Boolean).join('.') || 'user';
  return `${local.slice(0, 40)}.${serialId(serial)}@${domain}`;
}

/**
 * A username unique by its serial: letters, digits and `_`, such as `jdoe_1z141z3_h_16` (VU and counter in base 36).
 * @param serial - The serial.
 * @param names - Name parts; the first gives an initial, the last up to 10 letters.
 * @returns The username.
 */
export function serialUsername(serial: Serial, names: readonly string[]): string {
  const parts = names.map(plain).filter(Boolean);
  const stem = parts.length > 1 ? `${parts[0]!.slice(0, 1)}${parts[parts.length - 1]!.slice(0, 10)}` : (parts[0]?.slice(0, 11) ?? 'user');
  return `${stem}_${serial.tag.toString(36)}_${serial.vu.toString(36)}_${serial.n.toString(36)}`;
}

/**
 * A code such as an order number, unique by its serial: `ORD-1Z141Z3-17-42`.
 * @param serial - The serial.
 * @param prefix - The code's prefix.
 * @returns The code, in upper case.
 */
export function serialCode(serial: Serial, prefix: string): string {
  return `${prefix}-${serialId(serial)}`.toUpperCase();
}

/**
 * A valid version 4 UUID that is unique by its serial: tag, VU and counter sit in its random bits
 * (`TTTTTTTT-VVVV-4VVV-8NNN-NNNNNNNNNNNN`), so it reads back to where it came from.
 * @param serial - The serial (VU below 2^28).
 * @returns The UUID in lower case.
 */
export function serialUuid(serial: Serial): string {
  const vu = serial.vu >>> 0;
  // `| 0` floors it (a counter below 2^53 gives less than 32) without making the VU build Math.
  const high = (serial.n / 2 ** 48) | 0;
  const low = serial.n - high * 2 ** 48;
  return `${hex(serial.tag >>> 0, 8)}-${hex((vu >>> 12) & 0xffff, 4)}-4${hex(vu & 0xfff, 3)}-8${hex(high, 3)}-${hex(low, 12)}`;
}
