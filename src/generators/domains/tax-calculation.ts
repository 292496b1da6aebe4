import { LOCALITIES } from '../definitions/address.ts';
import { DEAL_TYPES, FEES, REBATES, type DealType, type FeeCode } from '../definitions/deal.ts';
import { VEHICLE_PRICES } from '../definitions/vehicle.ts';
import type { Draw } from '../draw.ts';
import { bool, digits, float, int, pick, weighted } from '../random.ts';

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

/** A request to a tax engine (seed 001's critical path): where, what kind of deal, the price and the fees. */
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
 * A {@link TaxCalculationRequest} drawn from `draw`.
 * @param draw - The stream to draw from.
 * @param overrides - Fields to use as given (jurisdiction and fees as a whole).
 * @returns The request.
 */
export function taxCalculationRequestFrom(draw: Draw, overrides: Partial<TaxCalculationRequest> = {}): TaxCalculationRequest {
  const r = draw.random;
  const place = pick(LOCALITIES, r);
  return {
    jurisdiction: overrides.jurisdiction ?? { country: 'US', region: place.region, county: place.county, city: place.city, postalCode: `${place.zipPrefix}${digits(2, r)}` },
    dealType: overrides.dealType ?? weighted(DEAL_TYPES, r),
    vehiclePrice: overrides.vehiclePrice ?? float(VEHICLE_PRICES.min, VEHICLE_PRICES.max, r, 2),
    tradeInValue: overrides.tradeInValue ?? (bool(0.35, r) ? int(10, 150, r) * 100 : 0),
    rebate: overrides.rebate ?? (bool(0.25, r) ? int(REBATES.min / 250 + 1, REBATES.max / 250, r) * 250 : 0),
    fees: overrides.fees ?? FEES.filter((_, i) => i === 0 || bool(0.5, r)).map((fee) => ({ code: fee.code, amount: float(fee.min, fee.max, r, 2) })),
  };
}
