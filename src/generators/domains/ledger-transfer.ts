import { CURRENCIES, currencyRange, TRANSFER_PURPOSES } from '../definitions/ledger.ts';
import type { Draw } from '../draw.ts';
import { packedRow, pickPacked } from '../internal/packed.ts';
import { serialUuid } from '../internal/serial.ts';
import { digits, int, uuid } from '../random.ts';

/** A transfer between two ledger accounts (docs/requirements.md, 000), in the ledger's own field names. */
export interface LedgerTransfer {
  /** A UUID v4; pass `ACCOUNT_ID` to move money from the funded test account. */
  readonly fromAccount: string;
  /** A UUID v4 other than `fromAccount`. */
  readonly toAccount: string;
  /** A whole number of minor units (cents for USD, yen for JPY), within the currency's range. */
  readonly amountMinor: number;
  /** The ISO 4217 code. */
  readonly currency: string;
  /** A UUID v4 unique in the run. */
  readonly idempotencyKey: string;
  /** Free text for the statement, such as `invoice-004211`. */
  readonly reference: string;
}

/**
 * A {@link LedgerTransfer} drawn from `draw`; with `currency` given, the amount stays within that currency's range.
 * @param draw - The stream and serials to draw from.
 * @param overrides - Fields to use as given.
 * @returns The transfer.
 */
export function ledgerTransferFrom(draw: Draw, overrides: Partial<LedgerTransfer> = {}): LedgerTransfer {
  const r = draw.random;
  const currency = currencyRange(packedRow(CURRENCIES, overrides.currency) ?? pickPacked(CURRENCIES, r));
  const fromAccount = overrides.fromAccount ?? uuid(r);
  let toAccount = overrides.toAccount ?? uuid(r);
  while (toAccount === fromAccount) toAccount = uuid(r);
  return {
    fromAccount,
    toAccount,
    amountMinor: overrides.amountMinor ?? int(currency.min, currency.max, r),
    currency: overrides.currency ?? currency.code,
    idempotencyKey: overrides.idempotencyKey ?? serialUuid(draw.serial()),
    reference: overrides.reference ?? `${pickPacked(TRANSFER_PURPOSES, r)}-${digits(6, r)}`,
  };
}
