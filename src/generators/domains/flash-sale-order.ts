import { FLASH_SALE_PRODUCTS } from '../definitions/commerce.ts';
import type { Draw } from '../draw.ts';
import { pickPacked } from '../internal/packed.ts';
import { serialUuid } from '../internal/serial.ts';
import { uuid } from '../random.ts';

/** One order attempt in the flash sale of docs/requirements.md, 004: the body of `POST /order` and its `x-idempotency-key` header. */
export interface FlashSaleOrder {
  readonly productId: string;
  /** A UUID v4 for the shopper. */
  readonly userId: string;
  /** A UUID v4 unique in the run; send it as `x-idempotency-key`. */
  readonly idempotencyKey: string;
}

/**
 * A {@link FlashSaleOrder} drawn from `draw`; pass `productId` to order the product the test stocked.
 * @param draw - The stream and serials to draw from.
 * @param overrides - Fields to use as given.
 * @returns The order.
 */
export function flashSaleOrderFrom(draw: Draw, overrides: Partial<FlashSaleOrder> = {}): FlashSaleOrder {
  return {
    productId: overrides.productId ?? pickPacked(FLASH_SALE_PRODUCTS, draw.random),
    userId: overrides.userId ?? uuid(draw.random),
    idempotencyKey: overrides.idempotencyKey ?? serialUuid(draw.serial()),
  };
}
