/** A currency and the amounts a transfer in it may have, in minor units (cents for USD, yen for JPY), both included. */
export interface CurrencyRange {
  /** The ISO 4217 code. */
  readonly code: string;
  readonly min: number;
  readonly max: number;
}

/** Currencies and transfer amounts (seed 000's ledger). */
export const CURRENCIES: readonly CurrencyRange[] = [
  { code: 'USD', min: 100, max: 500_000 },
  { code: 'EUR', min: 100, max: 500_000 },
  { code: 'GBP', min: 100, max: 400_000 },
  { code: 'JPY', min: 100, max: 600_000 },
  { code: 'KWD', min: 1_000, max: 1_500_000 },
];

/** Transfer references, by purpose. */
export const TRANSFER_PURPOSES = ['invoice', 'payroll', 'refund', 'rent', 'supplier', 'savings'] as const;
