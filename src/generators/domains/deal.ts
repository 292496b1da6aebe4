import {
  APR_MAX,
  APR_MIN,
  DEAL_TYPES,
  type DealType,
  DOWN_PAYMENT_SHARE_MAX,
  DOWN_PAYMENT_SHARE_MIN,
  termMonthsFor,
} from '../definitions/deal.ts';
import type { Draw } from '../draw.ts';
import { pickPacked, weightedPacked } from '../internal/packed.ts';
import { serialCode } from '../internal/serial.ts';
import { bool, float, int } from '../random.ts';
import { type Customer, customerFrom } from './customer.ts';
import { type Vehicle, vehicleFrom } from './vehicle.ts';

/** An automotive deal as a dealer platform creates it (docs/requirements.md, 001): a customer buying a vehicle. */
export interface Deal {
  /** Unique in the run, such as `DEAL-1Z141Z3-17-42`. */
  readonly dealNumber: string;
  readonly dealType: DealType;
  readonly status: 'draft';
  readonly customer: Customer;
  readonly vehicle: Vehicle;
  /** US dollars with cents, at most the vehicle's price. */
  readonly salePrice: number;
  /** US dollars with cents; the whole sale price for cash deals. */
  readonly downPayment: number;
  /** US dollars; 0 without a trade-in. */
  readonly tradeInValue: number;
  /** Null for cash deals. */
  readonly termMonths: number | null;
  /** Annual percentage rate; null for cash deals. */
  readonly apr: number | null;
}

/**
 * A {@link Deal} drawn from `draw`, with a customer and a vehicle drawn too unless given.
 * @param draw - The stream and serials to draw from.
 * @param overrides - Fields to use as given (customer and vehicle as a whole).
 * @returns The deal.
 */
export function dealFrom(draw: Draw, overrides: Partial<Deal> = {}): Deal {
  const r = draw.random;
  const dealType = overrides.dealType ?? weightedPacked(DEAL_TYPES, r);
  const vehicle = overrides.vehicle ?? vehicleFrom(draw);
  const salePrice = overrides.salePrice ?? float(vehicle.price * 0.92, vehicle.price, r, 2);
  const financed = dealType !== 'cash';
  return {
    dealNumber: overrides.dealNumber ?? serialCode(draw.serial(), 'DEAL'),
    dealType,
    status: 'draft',
    customer: overrides.customer ?? customerFrom(draw),
    vehicle,
    salePrice,
    downPayment:
      overrides.downPayment ?? (financed ? float(salePrice * DOWN_PAYMENT_SHARE_MIN, salePrice * DOWN_PAYMENT_SHARE_MAX, r, 2) : salePrice),
    tradeInValue: overrides.tradeInValue ?? (bool(0.35, r) ? int(10, 150, r) * 100 : 0),
    termMonths: overrides.termMonths ?? (dealType === 'cash' ? null : Number(pickPacked(termMonthsFor(dealType), r, '/'))),
    apr: overrides.apr ?? (financed ? float(APR_MIN, APR_MAX, r, 2) : null),
  };
}
