import { type Packed, packedItem } from '../internal/packed.ts';

/** A currency and the amounts a transfer in it may have, in minor units (cents for USD, yen for JPY), both included. */
export interface CurrencyRange {
  /** The ISO 4217 code. */
  readonly code: string;
  readonly min: number;
  readonly max: number;
}

/** Currencies and transfer amounts (docs/requirements.md, 000: ledger), packed as rows of `code;min;max`; read a row with {@link currencyRange}. */
export const CURRENCIES = 'USD;100;500000|EUR;100;500000|GBP;100;400000|JPY;100;600000|KWD;1000;1500000' as Packed;

/**
 * The {@link CurrencyRange} a row of {@link CURRENCIES} describes, as a fresh object.
 * @param row - One row of `CURRENCIES`.
 * @returns The currency and its range.
 */
export function currencyRange(row: string): CurrencyRange {
  return { code: packedItem(row, 0, ';'), min: Number(packedItem(row, 1, ';')), max: Number(packedItem(row, 2, ';')) };
}

/** Transfer references, by purpose. */
export const TRANSFER_PURPOSES = 'invoice|payroll|refund|rent|supplier|savings' as Packed;
