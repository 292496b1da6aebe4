// The flash sale of docs/requirements.md, 004: stock a product, let 100 VUs race for it, and prove nothing was oversold.
import { check } from 'k6';
import exec from 'k6/execution';
import { Counter } from 'k6/metrics';
import { flashSaleOrder } from 'k6-forge/generators';
import { boolean, catalog, loadConfig, positiveInteger, summaryHandler, text } from 'k6-forge/lib';
import { composeOptions, flashSaleProfile } from 'k6-forge/scenarios';

const config = loadConfig({
  vars: {
    PRODUCT_ID: text({ default: 'iphone-15' }),
    STOCK: positiveInteger({ default: 100 }),
    // Stocking resets the product's orders: only in development, unless a run says SETUP_WRITES=true.
    SETUP_WRITES: boolean({ byEnvironment: { development: true }, default: false }),
  },
});

const sale = catalog(
  {
    sale_init: { method: 'POST', path: '/init', service: 'sale', operation: 'stock' },
    // 302 (waiting room) and 409 (sold out) are answers the sale is meant to give, not failures.
    order: { method: 'POST', path: '/order', service: 'sale', expect: [200, 302, 409], idempotencyKey: true, trend: 'order_latency' },
    product_get: { method: 'GET', path: '/products/{id}', service: 'sale', operation: 'get' },
  },
  { baseUrl: config.BASE_URL, debug: config.DEBUG },
);

export const options = composeOptions(flashSaleProfile({ vus: config.VUS, duration: config.DURATION }), {
  thresholds: { ...sale.thresholds(), order_latency: ['p(95)<500'], checks: ['rate>0.99'] },
});

export const handleSummary = summaryHandler();

const ordersAccepted = new Counter('orders_accepted');
const ordersRejected = new Counter('orders_rejected');
const rateLimited = new Counter('rate_limited');

interface Product {
  readonly stock: number;
  readonly stocked: number;
  readonly orders: number;
}

/** Stocks the sale before any VU starts (development, or SETUP_WRITES=true); a sale that cannot be stocked aborts the test. */
export function setup(): void {
  if (!config.SETUP_WRITES) return;
  const res = sale.send('sale_init', { body: { productId: config.PRODUCT_ID, quantity: config.STOCK } });
  if (res.status !== 200) exec.test.abort(`could not stock the sale: HTTP ${res.status}`);
}

/** One shopper places one order with the order's own idempotency key; the catalog records `order_latency`. */
export default function order(): void {
  const { productId, userId, idempotencyKey } = flashSaleOrder({ productId: config.PRODUCT_ID });
  const res = sale.send('order', { body: { productId, userId }, idempotencyKey });
  if (res.status === 200) ordersAccepted.add(1);
  else if (res.status === 409) ordersRejected.add(1);
  else if (res.status === 302) rateLimited.add(1);
}

/** Fails the test when the target sold more than it stocked. */
export function teardown(): void {
  const product = sale.send('product_get', { path: { id: config.PRODUCT_ID } }).json() as unknown as Product;
  const soldRight = product.orders <= product.stocked && product.stock === product.stocked - product.orders;
  console.log(`flash sale: ${product.orders} orders for ${product.stocked} stocked, ${product.stock} left`);
  if (!check(product, { 'no overselling': () => soldRight })) {
    exec.test.fail(`oversold: ${product.orders} orders for ${product.stocked} stocked`);
  }
}
