/** Lines of insurance a lead may ask about (seed 003). */
export type InsuranceType = 'auto' | 'home' | 'renters' | 'life' | 'health';

/** Each line and the coverage amounts it is sold with, in US dollars. */
export const COVERAGE: Readonly<Record<InsuranceType, readonly number[]>> = {
  auto: [25_000, 50_000, 100_000, 250_000],
  home: [150_000, 250_000, 400_000, 750_000],
  renters: [15_000, 30_000, 50_000],
  life: [100_000, 250_000, 500_000, 1_000_000],
  health: [5_000, 10_000, 25_000],
};

/** Lines and how often leads ask for each. */
export const INSURANCE_TYPES: readonly (readonly [InsuranceType, number])[] = [
  ['auto', 5],
  ['home', 3],
  ['renters', 1],
  ['life', 2],
  ['health', 2],
];

/** Where a lead comes from. */
export type LeadSource = 'web' | 'partner' | 'referral' | 'call_center' | 'paid_search';

/** Lead sources. */
export const LEAD_SOURCES: readonly LeadSource[] = ['web', 'partner', 'referral', 'call_center', 'paid_search'];
