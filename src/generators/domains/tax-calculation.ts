import { LOCALITIES, locality } from '../definitions/address.ts';
import { DEAL_TYPES, type DealType, FEES, type FeeCode, fee, REBATE_MAX, REBATE_MIN } from '../definitions/deal.ts';
import { VEHICLE_PRICE_MAX, VEHICLE_PRICE_MIN } from '../definitions/vehicle.ts';
import type { Draw } from '../draw.ts';
import { packedCount, packedItem, pickPacked, weightedPacked } from '../internal/packed.ts';
import { bool, digits, float, int, type Random } from '../random.ts';

/** Where a sale is taxed. */
export interface TaxJurisdiction {
  readonly country: 'US';
  /** The state's USPS code. */
  readonly region: string;
  readonly county: string;
  readonly city: string;
  readonly postalCode: string;
}

/** A fee on a sale, in US dollars with cents. */
export interface TaxFee {
  readonly code: FeeCode;
  readonly amount: number;
}

/** A request to a tax engine (docs/requirements.md, 001: critical path): where, what kind of deal, the price and the fees. */
export interface TaxCalculationRequest {
  readonly jurisdiction: TaxJurisdiction;
  readonly dealType: DealType;
  /** US dollars with cents. */
  readonly vehiclePrice: number;
  /** US dollars; 0 without a trade-in. */
  readonly tradeInValue: number;
  /** US dollars; 0 without a rebate. */
  readonly rebate: number;
  /** The document fee always, then each other fee at even odds, each code at most once. */
  readonly fees: readonly TaxFee[];
}

/**
 * The document fee, then each other fee at even odds, each with an amount in its range: which fees apply is drawn
 * first (one draw per optional fee), then the amounts, in the fees' order.
 */
function drawnFees(random: Random): TaxFee[] {
  const count = packedCount(FEES);
  let chosen = 1;
  for (let i = 1; i < count; i += 1) if (bool(0.5, random)) chosen |= 1 << i;
  const fees: TaxFee[] = [];
  for (let i = 0; i < count; i += 1) {
    if ((chosen & (1 << i)) === 0) continue;
    const range = fee(packedItem(FEES, i));
    fees.push({ code: range.code, amount: float(range.min, range.max, random, 2) });
  }
  return fees;
}

/**
 * A {@link TaxCalculationRequest} drawn from `draw`.
 * @param draw - The stream to draw from.
 * @param overrides - Fields to use as given (jurisdiction and fees as a whole).
 * @returns The request.
 */
export function taxCalculationRequestFrom(draw: Draw, overrides: Partial<TaxCalculationRequest> = {}): TaxCalculationRequest {
  const r = draw.random;
  const place = locality(pickPacked(LOCALITIES, r));
  return {
    jurisdiction: overrides.jurisdiction ?? {
      country: 'US',
      region: place.region,
      county: place.county,
      city: place.city,
      postalCode: `${place.zipPrefix}${digits(2, r)}`,
    },
    dealType: overrides.dealType ?? weightedPacked(DEAL_TYPES, r),
    vehiclePrice: overrides.vehiclePrice ?? float(VEHICLE_PRICE_MIN, VEHICLE_PRICE_MAX, r, 2),
    tradeInValue: overrides.tradeInValue ?? (bool(0.35, r) ? int(10, 150, r) * 100 : 0),
    rebate: overrides.rebate ?? (bool(0.25, r) ? int(REBATE_MIN / 250 + 1, REBATE_MAX / 250, r) * 250 : 0),
    fees: overrides.fees ?? drawnFees(r),
  };
}
