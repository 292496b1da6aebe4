import { type Packed, type PackedWeights, packedItem, packedRow } from '../internal/packed.ts';

/** Lines of insurance a lead may ask about (docs/requirements.md, 003). */
export type InsuranceType = 'auto' | 'home' | 'renters' | 'life' | 'health';

/**
 * Each line and the coverage amounts it is sold with, in US dollars, packed as rows of `line;amount/amount/...`; read a
 * line's amounts with {@link coverageFor}.
 */
export const COVERAGE = (
  'auto;25000/50000/100000/250000|' +
  'home;150000/250000/400000/750000|' +
  'renters;15000/30000/50000|' +
  'life;100000/250000/500000/1000000|' +
  'health;5000/10000/25000'
) as Packed;

/**
 * The coverage amounts a line is sold with, from {@link COVERAGE}.
 * @param insuranceType - The line.
 * @returns The amounts in US dollars, packed and separated by `/`.
 * @throws {ForgeError} `invalid_option` for an unknown line.
 */
export function coverageFor(insuranceType: InsuranceType): Packed<`${number}`> {
  return packedItem(packedRow(COVERAGE, insuranceType) ?? '', 1, ';') as Packed<`${number}`>;
}

/** Lines and how often leads ask for each, as `line:weight` pairs. */
export const INSURANCE_TYPES = 'auto:5|home:3|renters:1|life:2|health:2' as PackedWeights<InsuranceType>;

/** Where a lead comes from. */
export type LeadSource = 'web' | 'partner' | 'referral' | 'call_center' | 'paid_search';

/** Lead sources. */
export const LEAD_SOURCES = 'web|partner|referral|call_center|paid_search' as Packed<LeadSource>;
