import { LOCALITIES, locality } from '../definitions/address.ts';
import { coverageFor, INSURANCE_TYPES, type InsuranceType, LEAD_SOURCES, type LeadSource } from '../definitions/insurance.ts';
import { BIRTH_DATE_FROM, BIRTH_DATE_TO, FIRST_NAMES, LAST_NAMES } from '../definitions/person.ts';
import type { Draw } from '../draw.ts';
import { pickPacked, weightedPacked } from '../internal/packed.ts';
import { phoneNumber } from '../internal/phone.ts';
import { serialEmail } from '../internal/serial.ts';
import { bool, dateBetween, digits } from '../random.ts';

/** A lead as an insurance platform receives it on `POST /leads` (docs/requirements.md, 003). */
export interface InsuranceLead {
  readonly firstName: string;
  readonly lastName: string;
  /** Unique in the run. */
  readonly email: string;
  readonly phone: string;
  readonly dateOfBirth: string;
  readonly region: string;
  readonly postalCode: string;
  readonly insuranceType: InsuranceType;
  /** US dollars, one of the amounts the line is sold with. */
  readonly coverageAmount: number;
  readonly currentlyInsured: boolean;
  readonly source: LeadSource;
  /** Always true: a lead without consent would not be contacted. */
  readonly consentToContact: boolean;
}

/**
 * An {@link InsuranceLead} drawn from `draw`.
 * @param draw - The stream and serials to draw from.
 * @param overrides - Fields to use as given.
 * @returns The lead.
 */
export function insuranceLeadFrom(draw: Draw, overrides: Partial<InsuranceLead> = {}): InsuranceLead {
  const r = draw.random;
  const place = locality(pickPacked(LOCALITIES, r));
  const firstName = overrides.firstName ?? pickPacked(FIRST_NAMES, r);
  const lastName = overrides.lastName ?? pickPacked(LAST_NAMES, r);
  const insuranceType = overrides.insuranceType ?? weightedPacked(INSURANCE_TYPES, r);
  return {
    firstName,
    lastName,
    email: overrides.email ?? serialEmail(draw.serial(), [firstName, lastName], 'example.com'),
    phone: overrides.phone ?? phoneNumber(place.areaCode, r),
    dateOfBirth: overrides.dateOfBirth ?? dateBetween(BIRTH_DATE_FROM, BIRTH_DATE_TO, r),
    region: overrides.region ?? place.region,
    postalCode: overrides.postalCode ?? `${place.zipPrefix}${digits(2, r)}`,
    insuranceType,
    coverageAmount: overrides.coverageAmount ?? Number(pickPacked(coverageFor(insuranceType), r, '/')),
    currentlyInsured: overrides.currentlyInsured ?? bool(0.6, r),
    source: overrides.source ?? pickPacked(LEAD_SOURCES, r),
    consentToContact: overrides.consentToContact ?? true,
  };
}
