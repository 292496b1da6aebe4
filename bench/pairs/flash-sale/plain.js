// The flash-sale example (examples/flash-sale.ts) written by hand in plain k6: the same requests, tags, checks,
// metrics, scenario and thresholds, and a handleSummary that writes k6's summary data as JSON.
import { check } from 'k6';
import exec from 'k6/execution';
import http from 'k6/http';
import { Counter, Rate, Trend } from 'k6/metrics';

const BASE_URL = __ENV.BASE_URL || 'http://127.0.0.1:3000';
const PRODUCT_ID = __ENV.PRODUCT_ID || 'iphone-15';
const STOCK = Number(__ENV.STOCK || 100);
const VUS = Number(__ENV.VUS || 100);
const DURATION = __ENV.DURATION || '25s';

const responses = {
  failed: new Counter('responses_failed'),
  '1xx': new Counter('responses_1xx'),
  '2xx': new Counter('responses_2xx'),
  '3xx': new Counter('responses_3xx'),
  '4xx': new Counter('responses_4xx'),
  '5xx': new Counter('responses_5xx'),
};
new Rate('business_errors');
const orderLatency = new Trend('order_latency', true);
const ordersAccepted = new Counter('orders_accepted');
const ordersRejected = new Counter('orders_rejected');
const rateLimited = new Counter('rate_limited');

/** Milliseconds of a duration given in whole seconds, minutes or hours, such as `10s`. */
function ms(duration) {
  const unit = { s: 1000, m: 60000, h: 3600000 }[duration.slice(-1)];
  return Number(duration.slice(0, -1)) * unit;
}

// The profile's shape (10s to 50 VUs, 10s to 100, 5s to 0) stretched to DURATION and scaled to VUS at the peak.
const stage = (share, target) => ({
  duration: `${Math.round(ms(DURATION) * share)}ms`,
  target: target === 0 ? 0 : Math.max(1, Math.round((target * VUS) / 100)),
});

export const options = {
  scenarios: {
    'flash-sale': {
      executor: 'ramping-vus',
      startVUs: 0,
      stages: [stage(0.4, 50), stage(0.4, 100), stage(0.2, 0)],
      gracefulRampDown: '0s',
    },
  },
  thresholds: {
    'http_req_duration{scenario:flash-sale}': ['p(95)<500', 'p(99)<1000'],
    'http_req_failed{scenario:flash-sale}': ['rate<0.01'],
    'iterations{scenario:flash-sale}': ['count>0'],
    'http_req_duration{endpoint:sale_init}': [],
    'http_req_failed{endpoint:sale_init}': [],
    'http_reqs{endpoint:sale_init}': [],
    'http_req_duration{endpoint:order}': [],
    'http_req_failed{endpoint:order}': [],
    'http_reqs{endpoint:order}': [],
    'http_req_duration{endpoint:product_get}': [],
    'http_req_failed{endpoint:product_get}': [],
    'http_reqs{endpoint:product_get}': [],
    order_latency: ['p(95)<500'],
    checks: ['rate>0.99'],
  },
  summaryTrendStats: ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)'],
};

const ORDER_TAGS = { name: '/order', endpoint: 'order', operation: 'order', service: 'sale' };
// 302 (waiting room) and 409 (sold out) are answers the sale is meant to give, not failures.
const ORDER_EXPECTED = http.expectedStatuses(200, 302, 409);
const ORDER_CHECK = { 'order status is 200 or 302 or 409': (r) => r.status === 200 || r.status === 302 || r.status === 409 };
const ORDER_METRIC_TAGS = { endpoint: 'order' };

function countClass(res, tags) {
  responses[res.status === 0 ? 'failed' : `${Math.floor(res.status / 100)}xx`].add(1, tags);
}

/** Stocks the sale before any VU starts; a sale that cannot be stocked aborts the test. */
export function setup() {
  const res = http.post(`${BASE_URL}/init`, JSON.stringify({ productId: PRODUCT_ID, quantity: STOCK }), {
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    tags: { name: '/init', endpoint: 'sale_init', operation: 'stock', service: 'sale' },
  });
  countClass(res, { endpoint: 'sale_init' });
  check(res, { 'sale_init status is 2xx': (r) => r.status >= 200 && r.status < 300 }, { endpoint: 'sale_init' });
  if (res.status !== 200) exec.test.abort(`could not stock the sale: HTTP ${res.status}`);
}

/** One shopper places one order with a fresh idempotency key. */
export default function () {
  const res = http.post(`${BASE_URL}/order`, JSON.stringify({ productId: PRODUCT_ID, userId: crypto.randomUUID() }), {
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'x-idempotency-key': crypto.randomUUID() },
    tags: ORDER_TAGS,
    responseCallback: ORDER_EXPECTED,
    redirects: 0,
  });
  orderLatency.add(res.timings.duration);
  countClass(res, ORDER_METRIC_TAGS);
  check(res, ORDER_CHECK, ORDER_METRIC_TAGS);
  if (res.status === 200) ordersAccepted.add(1);
  else if (res.status === 409) ordersRejected.add(1);
  else if (res.status === 302) rateLimited.add(1);
}

/** Fails the test when the target sold more than it stocked. */
export function teardown() {
  const res = http.get(`${BASE_URL}/products/${encodeURIComponent(PRODUCT_ID)}`, {
    headers: { Accept: 'application/json' },
    tags: { name: '/products/{id}', endpoint: 'product_get', operation: 'get', service: 'sale' },
  });
  countClass(res, { endpoint: 'product_get' });
  check(res, { 'product_get status is 2xx': (r) => r.status >= 200 && r.status < 300 }, { endpoint: 'product_get' });
  const product = res.json();
  const soldRight = product.orders <= product.stocked && product.stock === product.stocked - product.orders;
  console.log(`flash sale: ${product.orders} orders for ${product.stocked} stocked, ${product.stock} left`);
  if (!check(product, { 'no overselling': () => soldRight })) {
    exec.test.fail(`oversold: ${product.orders} orders for ${product.stocked} stocked`);
  }
}

export function handleSummary(data) {
  const dir = __ENV.RESULTS_DIR ? `${__ENV.RESULTS_DIR}/` : '';
  return { [`${dir}flash-sale-summary.json`]: JSON.stringify(data) };
}
