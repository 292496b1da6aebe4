import { packedItem, packedRow, type Packed, type PackedWeights } from '../internal/packed.ts';

/** How a customer pays for a vehicle. */
export type DealType = 'cash' | 'finance' | 'lease';

/** Deal types and how often each occurs, as `type:weight` pairs. */
export const DEAL_TYPES = 'finance:6|cash:2|lease:2' as PackedWeights<DealType>;

/**
 * Loan and lease terms in months, packed as rows of `dealType;months/months/...`; read a deal type's terms with
 * {@link termMonthsFor}.
 */
export const TERM_MONTHS = 'finance;36/48/60/72/84|lease;24/36/39/48' as Packed;

/**
 * The terms a deal type is offered with, from {@link TERM_MONTHS}.
 * @param dealType - A deal type that has terms.
 * @returns The terms in months, packed and separated by `/`.
 * @throws {ForgeError} `invalid_option` for a deal type without terms.
 */
export function termMonthsFor(dealType: Exclude<DealType, 'cash'>): Packed<`${number}`> {
  return packedItem(packedRow(TERM_MONTHS, dealType) ?? '', 1, ';') as Packed<`${number}`>;
}

/** Annual percentage rates, both included. */
export const APR = { min: 1.9, max: 14.9 } as const;

/** A fee a dealer charges on top of the price. */
export type FeeCode = 'DOC' | 'TITLE' | 'REGISTRATION' | 'TIRE' | 'DEALER_PREP';

/** Fees and their amounts in US dollars, both included, packed as rows of `code;min;max`; read a row with {@link fee}. */
export const FEES = 'DOC;85;799|TITLE;15;150|REGISTRATION;30;400|TIRE;5;25|DEALER_PREP;100;600' as Packed;

/** A fee a dealer charges and its amounts in US dollars, both included. */
export interface FeeRange {
  readonly code: FeeCode;
  readonly min: number;
  readonly max: number;
}

/**
 * The {@link FeeRange} a row of {@link FEES} describes, as a fresh object.
 * @param row - One row of `FEES`.
 * @returns The fee and its range.
 */
export function fee(row: string): FeeRange {
  return { code: packedItem(row, 0, ';') as FeeCode, min: Number(packedItem(row, 1, ';')), max: Number(packedItem(row, 2, ';')) };
}

/** Share of the price a down payment or trade-in may reach, both included. */
export const DOWN_PAYMENT_SHARE = { min: 0, max: 0.3 } as const;

/** Manufacturer rebates in US dollars, both included. */
export const REBATES = { min: 0, max: 3_000 } as const;
