import { FIRST_NAMES, LAST_NAMES, PASSWORD_SYMBOLS } from '../definitions/person.ts';
import type { Draw } from '../draw.ts';
import { pickPacked } from '../internal/packed.ts';
import { serialEmail, serialUsername } from '../internal/serial.ts';
import { int, type Random } from '../random.ts';

/** A person: a name and an e-mail address unique in the run. */
export interface Person {
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
}

/** Login credentials: a username unique in the run and a password most policies accept. */
export interface Credentials {
  readonly username: string;
  readonly password: string;
}

const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const DIGITS = '23456789';

/** A password of 14 to 20 characters with upper and lower case, a digit and a symbol, in random order. */
function password(random: Random): string {
  const all = UPPER + LOWER + DIGITS + PASSWORD_SYMBOLS;
  const chars = [UPPER, LOWER, DIGITS, PASSWORD_SYMBOLS].map((set) => set[Math.floor(random() * set.length)]!);
  for (let i = int(10, 16, random); i > 0; i -= 1) chars.push(all[Math.floor(random() * all.length)]!);
  for (let i = chars.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}

/**
 * A {@link Person} drawn from `draw`; the e-mail follows the name.
 * @param draw - The stream and serials to draw from.
 * @param overrides - Fields to use as given.
 * @returns The person.
 */
export function personFrom(draw: Draw, overrides: Partial<Person> = {}): Person {
  const firstName = overrides.firstName ?? pickPacked(FIRST_NAMES, draw.random);
  const lastName = overrides.lastName ?? pickPacked(LAST_NAMES, draw.random);
  return { firstName, lastName, email: overrides.email ?? serialEmail(draw.serial(), [firstName, lastName], 'example.com') };
}

/**
 * {@link Credentials} drawn from `draw`: a username such as `jdoe_1z141z3_h_16` and a 14 to 20 character password.
 * @param draw - The stream and serials to draw from.
 * @param overrides - Fields to use as given.
 * @returns The credentials.
 */
export function credentialsFrom(draw: Draw, overrides: Partial<Credentials> = {}): Credentials {
  const username =
    overrides.username ?? serialUsername(draw.serial(), [pickPacked(FIRST_NAMES, draw.random), pickPacked(LAST_NAMES, draw.random)]);
  return { username, password: overrides.password ?? password(draw.random) };
}
