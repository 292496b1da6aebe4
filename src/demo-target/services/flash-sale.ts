/** An order the sale accepted: what a buyer gets back, again on an idempotent retry. */
export interface AcceptedOrder {
  readonly kind: 'accepted';
  readonly orderId: string;
  readonly productId: string;
  readonly userId: string;
}

/** Why the sale turned an order attempt down, in the order the sale checks. */
export interface OrderRejection {
  readonly kind: 'unknown_product' | 'key_conflict' | 'sold_out' | 'rate_limited';
}

/** What one order attempt came to. */
export type OrderOutcome = AcceptedOrder | OrderRejection;

/** A product's state as the sale sees it now. */
export interface ProductState {
  readonly productId: string;
  /** Units left to sell. */
  readonly stock: number;
  /** Units stocked at the last `restock`. */
  readonly stocked: number;
  /** Orders accepted since the last `restock`. */
  readonly orders: number;
}

/** Settings for a {@link FlashSale}. */
export interface FlashSaleOptions {
  /**
   * Order attempts let through per second (token bucket, capacity the same, at least 1); 0 means no limit.
   * @default 5000
   */
  readonly ordersPerSecond?: number;
}

interface Product {
  readonly productId: string;
  readonly stocked: number;
  stock: number;
  /** Idempotency keys of the accepted orders, so a restock can forget them. */
  readonly keys: string[];
}

// Shared, frozen answers: a rejection costs no allocation.
const UNKNOWN_PRODUCT: OrderRejection = Object.freeze({ kind: 'unknown_product' });
const KEY_CONFLICT: OrderRejection = Object.freeze({ kind: 'key_conflict' });
const SOLD_OUT: OrderRejection = Object.freeze({ kind: 'sold_out' });
const RATE_LIMITED: OrderRejection = Object.freeze({ kind: 'rate_limited' });

/**
 * The flash-sale rules with no I/O: stock per product, accepted orders, idempotency keys and a rate limit.
 * Every decision is synchronous, so no interleaving of requests can oversell.
 */
export class FlashSale {
  readonly #products = new Map<string, Product>();
  readonly #orders = new Map<string, AcceptedOrder>();
  readonly #rate: number;
  readonly #capacity: number;
  #tokens: number;
  #refilledAt: number | undefined;
  #sequence = 0;

  /**
   * @param options - The rate limit; see {@link FlashSaleOptions}.
   */
  constructor(options: FlashSaleOptions = {}) {
    this.#rate = options.ordersPerSecond ?? 5000;
    this.#capacity = Math.max(1, this.#rate);
    this.#tokens = this.#capacity;
  }

  /**
   * Stocks a product afresh, forgetting its accepted orders and their idempotency keys.
   * @param productId - The product to stock.
   * @param quantity - Units to sell, a non-negative integer (checked by the caller).
   * @returns The product's new state.
   */
  restock(productId: string, quantity: number): ProductState {
    const previous = this.#products.get(productId);
    if (previous) for (const key of previous.keys) this.#orders.delete(key);
    this.#products.set(productId, { productId, stocked: quantity, stock: quantity, keys: [] });
    return { productId, stock: quantity, stocked: quantity, orders: 0 };
  }

  /**
   * Decides one order attempt: unknown product, idempotent retry, key conflict, sold out, rate limited, then accepted.
   * @param productId - The product to buy.
   * @param userId - The buyer.
   * @param idempotencyKey - The buyer's key for this order; a retry with the same key gets the same order.
   * @param nowMs - A monotonic clock reading in milliseconds, for the rate limit.
   * @returns The accepted order, or why it was turned down.
   */
  order(productId: string, userId: string, idempotencyKey: string, nowMs: number): OrderOutcome {
    const product = this.#products.get(productId);
    if (!product) return UNKNOWN_PRODUCT;
    const earlier = this.#orders.get(idempotencyKey);
    if (earlier) {
      const same = earlier.productId === productId && earlier.userId === userId;
      return same ? earlier : KEY_CONFLICT;
    }
    if (product.stock === 0) return SOLD_OUT;
    if (!this.#admit(nowMs)) return RATE_LIMITED;
    product.stock -= 1;
    product.keys.push(idempotencyKey);
    this.#sequence += 1;
    const accepted: AcceptedOrder = {
      kind: 'accepted',
      orderId: `order-${this.#sequence}`,
      productId,
      userId,
    };
    this.#orders.set(idempotencyKey, accepted);
    return accepted;
  }

  /**
   * Reads a product's state.
   * @param productId - The product to read.
   * @returns Its state, or `undefined` when it was never stocked.
   */
  product(productId: string): ProductState | undefined {
    const product = this.#products.get(productId);
    if (!product) return undefined;
    return { productId, stock: product.stock, stocked: product.stocked, orders: product.keys.length };
  }

  /** Takes one token from the bucket, refilled at `#rate` per second; always admits when there is no limit. */
  #admit(nowMs: number): boolean {
    if (this.#rate === 0) return true;
    if (this.#refilledAt !== undefined) {
      const refill = (Math.max(0, nowMs - this.#refilledAt) * this.#rate) / 1000;
      this.#tokens = Math.min(this.#capacity, this.#tokens + refill);
    }
    this.#refilledAt = nowMs;
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }
}
