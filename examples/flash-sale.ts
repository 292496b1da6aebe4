// Seed 004's flash sale: stock a product, let 100 VUs race for it, and prove nothing was oversold.
import { check } from 'k6';
import exec from 'k6/execution';
import http from 'k6/http';
import { Counter, Trend } from 'k6/metrics';
import { uuidv4 } from 'k6-forge/generators';
import { loadConfig, positiveInteger, text } from 'k6-forge/lib';
import { composeOptions, flashSaleProfile } from 'k6-forge/scenarios';

const config = loadConfig({
  vars: {
    PRODUCT_ID: text({ default: 'iphone-15' }),
    STOCK: positiveInteger({ default: 100 }),
  },
});

export const options = composeOptions(flashSaleProfile({ vus: config.VUS, duration: config.DURATION }), {
  thresholds: { order_latency: ['p(95)<500'], checks: ['rate>0.99'] },
});

const ordersAccepted = new Counter('orders_accepted');
const ordersRejected = new Counter('orders_rejected');
const rateLimited = new Counter('rate_limited');
const orderLatency = new Trend('order_latency', true);

const JSON_HEADERS = { 'Content-Type': 'application/json' };
// 302 (waiting room) and 409 (sold out) are answers the sale is meant to give, not failures.
const SALE_ANSWERS = http.expectedStatuses(200, 302, 409);

interface Product {
  readonly stock: number;
  readonly stocked: number;
  readonly orders: number;
}

/** Stocks the sale before any VU starts; a sale that cannot be stocked aborts the test. */
export function setup(): void {
  const res = http.post(`${config.BASE_URL}/init`, JSON.stringify({ productId: config.PRODUCT_ID, quantity: config.STOCK }), {
    headers: JSON_HEADERS,
  });
  if (!check(res, { 'sale stocked': (r) => r.status === 200 })) exec.test.abort(`could not stock the sale: HTTP ${res.status}`);
}

/** One shopper places one order with a fresh idempotency key. */
export default function order(): void {
  const res = http.post(`${config.BASE_URL}/order`, JSON.stringify({ productId: config.PRODUCT_ID, userId: uuidv4() }), {
    headers: { ...JSON_HEADERS, 'x-idempotency-key': uuidv4() },
    redirects: 0,
    responseCallback: SALE_ANSWERS,
    tags: { name: 'POST /order' },
  });
  orderLatency.add(res.timings.duration);
  if (res.status === 200) ordersAccepted.add(1);
  else if (res.status === 409) ordersRejected.add(1);
  else if (res.status === 302) rateLimited.add(1);
  check(res, { 'valid response': (r) => [200, 302, 409].includes(r.status) });
}

/** Fails the test when the target sold more than it stocked. */
export function teardown(): void {
  const product = http.get(`${config.BASE_URL}/products/${config.PRODUCT_ID}`).json() as unknown as Product;
  const soldRight = product.orders <= product.stocked && product.stock === product.stocked - product.orders;
  console.log(`flash sale: ${product.orders} orders for ${product.stocked} stocked, ${product.stock} left`);
  if (!check(product, { 'no overselling': () => soldRight })) {
    exec.test.fail(`oversold: ${product.orders} orders for ${product.stocked} stocked`);
  }
}
