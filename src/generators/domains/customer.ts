import { LOCALITIES, type Locality, locality as localityOf, STREET_NAMES, STREET_SUFFIXES } from '../definitions/address.ts';
import { BIRTH_DATE_FROM, BIRTH_DATE_TO, FIRST_NAMES, LAST_NAMES } from '../definitions/person.ts';
import type { Draw } from '../draw.ts';
import { pickPacked } from '../internal/packed.ts';
import { phoneNumber } from '../internal/phone.ts';
import { serialEmail } from '../internal/serial.ts';
import { dateBetween, digits, int, type Random } from '../random.ts';

/** A postal address. */
export interface PostalAddress {
  /** House number and street, such as `1208 Maple Ave`. */
  readonly line1: string;
  readonly city: string;
  /** The state or region, such as `TX`. */
  readonly region: string;
  readonly postalCode: string;
}

/** A dealer-platform customer with the PII that docs/requirements.md, 001, encrypts: name, e-mail, phone, address and birth date. */
export interface Customer {
  readonly firstName: string;
  readonly lastName: string;
  /** Unique in the run. */
  readonly email: string;
  /** E.164, such as `+15125550143`. */
  readonly phone: string;
  /** `YYYY-MM-DD`, an adult. */
  readonly dateOfBirth: string;
  readonly address: PostalAddress;
}

/** An address in a locality: house number, street and a ZIP code of the place. */
function addressIn(locality: Locality, random: Random): PostalAddress {
  return {
    line1: `${int(1, 9899, random)} ${pickPacked(STREET_NAMES, random)} ${pickPacked(STREET_SUFFIXES, random)}`,
    city: locality.city,
    region: locality.region,
    postalCode: `${locality.zipPrefix}${digits(2, random)}`,
  };
}

/**
 * A {@link PostalAddress} drawn from `draw`.
 * @param draw - The stream to draw from.
 * @param overrides - Fields to use as given.
 * @returns The address.
 */
export function postalAddressFrom(draw: Draw, overrides: Partial<PostalAddress> = {}): PostalAddress {
  return { ...addressIn(localityOf(pickPacked(LOCALITIES, draw.random)), draw.random), ...overrides };
}

/**
 * A {@link Customer} drawn from `draw`: the e-mail follows the name, the phone's area code the address.
 * @param draw - The stream and serials to draw from.
 * @param overrides - Fields to use as given (the address as a whole).
 * @returns The customer.
 */
export function customerFrom(draw: Draw, overrides: Partial<Customer> = {}): Customer {
  const r = draw.random;
  const locality = localityOf(pickPacked(LOCALITIES, r));
  const firstName = overrides.firstName ?? pickPacked(FIRST_NAMES, r);
  const lastName = overrides.lastName ?? pickPacked(LAST_NAMES, r);
  return {
    firstName,
    lastName,
    email: overrides.email ?? serialEmail(draw.serial(), [firstName, lastName], 'example.com'),
    phone: overrides.phone ?? phoneNumber(locality.areaCode, r),
    dateOfBirth: overrides.dateOfBirth ?? dateBetween(BIRTH_DATE_FROM, BIRTH_DATE_TO, r),
    address: overrides.address ?? addressIn(locality, r),
  };
}
