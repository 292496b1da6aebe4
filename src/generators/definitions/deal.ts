import { type Packed, type PackedWeights, packedItem, packedRow } from '../internal/packed.ts';

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

// Ranges are pairs of number constants rather than { min, max } objects: an object at module scope is built in every VU.

/** The lowest annual percentage rate. */
export const APR_MIN = 1.9;

/** The highest annual percentage rate. */
export const APR_MAX = 14.9;

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

/** The smallest share of the price a down payment may be. */
export const DOWN_PAYMENT_SHARE_MIN = 0;

/** The largest share of the price a down payment may reach. */
export const DOWN_PAYMENT_SHARE_MAX = 0.3;

/** The smallest manufacturer rebate in US dollars (none). */
export const REBATE_MIN = 0;

/** The largest manufacturer rebate in US dollars. */
export const REBATE_MAX = 3_000;
