/** How a customer pays for a vehicle. */
export type DealType = 'cash' | 'finance' | 'lease';

/** Deal types and how often each occurs. */
export const DEAL_TYPES: readonly (readonly [DealType, number])[] = [
  ['finance', 6],
  ['cash', 2],
  ['lease', 2],
];

/** Loan and lease terms in months. */
export const TERM_MONTHS = { finance: [36, 48, 60, 72, 84], lease: [24, 36, 39, 48] } as const;

/** Annual percentage rates, both included. */
export const APR = { min: 1.9, max: 14.9 } as const;

/** A fee a dealer charges on top of the price. */
export type FeeCode = 'DOC' | 'TITLE' | 'REGISTRATION' | 'TIRE' | 'DEALER_PREP';

/** Fees and their amounts in US dollars, both included. */
export const FEES: readonly { readonly code: FeeCode; readonly min: number; readonly max: number }[] = [
  { code: 'DOC', min: 85, max: 799 },
  { code: 'TITLE', min: 15, max: 150 },
  { code: 'REGISTRATION', min: 30, max: 400 },
  { code: 'TIRE', min: 5, max: 25 },
  { code: 'DEALER_PREP', min: 100, max: 600 },
];

/** Share of the price a down payment or trade-in may reach, both included. */
export const DOWN_PAYMENT_SHARE = { min: 0, max: 0.3 } as const;

/** Manufacturer rebates in US dollars, both included. */
export const REBATES = { min: 0, max: 3_000 } as const;
