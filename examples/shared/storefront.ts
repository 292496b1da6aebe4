// The journey the smoke, load, stress, spike and soak examples share: check health, read a product.
import { check, sleep } from 'k6';
import http from 'k6/http';
import { loadConfig } from 'k6-forge/lib';

/** This run's configuration, read from `__ENV` once per VU. */
export const config = loadConfig();

const PRODUCT = 'demo-widget';
const JSON_HEADERS = { 'Content-Type': 'application/json' };

/** Stocks the product the journey reads, once before the test. */
export function setup(): void {
  const res = http.post(`${config.BASE_URL}/init`, JSON.stringify({ productId: PRODUCT, quantity: 1_000_000 }), {
    headers: JSON_HEADERS,
  });
  check(res, { 'product stocked': (r) => r.status === 200 });
}

/** One visitor: the health check, then the product page, then a second of thinking. */
export function browse(): void {
  const health = http.get(`${config.BASE_URL}/health`, { tags: { name: 'GET /health' } });
  check(health, { 'health is 200': (r) => r.status === 200 });
  const product = http.get(`${config.BASE_URL}/products/${PRODUCT}`, { tags: { name: 'GET /products/{id}' } });
  check(product, {
    'product is 200': (r) => r.status === 200,
    'product has stock': (r) => typeof r.json('stock') === 'number',
  });
  sleep(1);
}
