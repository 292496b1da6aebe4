// The smoke example (examples/smoke.ts) written by hand in plain k6: the same requests, tags, checks, metrics,
// think time, scenario and thresholds, and a handleSummary that writes k6's summary data as JSON.
import { check, sleep } from 'k6';
import http from 'k6/http';
import { Counter, Rate } from 'k6/metrics';

const BASE_URL = __ENV.BASE_URL || 'http://127.0.0.1:3000';
const PRODUCT = 'demo-widget';

const responses = {
  failed: new Counter('responses_failed'),
  '1xx': new Counter('responses_1xx'),
  '2xx': new Counter('responses_2xx'),
  '3xx': new Counter('responses_3xx'),
  '4xx': new Counter('responses_4xx'),
  '5xx': new Counter('responses_5xx'),
};
new Rate('business_errors');

const abort = (threshold) => ({ threshold, abortOnFail: true, delayAbortEval: '10s' });

export const options = {
  scenarios: {
    smoke: { executor: 'constant-vus', vus: Number(__ENV.VUS || 10), duration: __ENV.DURATION || '1m' },
  },
  thresholds: {
    'http_req_duration{scenario:smoke}': [abort('p(95)<1000'), abort('p(99)<1000')],
    'http_req_failed{scenario:smoke}': [abort('rate<0.01')],
    'iterations{scenario:smoke}': ['count>0'],
    'http_req_duration{endpoint:health}': [],
    'http_req_failed{endpoint:health}': [],
    'http_reqs{endpoint:health}': [],
    'http_req_duration{endpoint:product_get}': [],
    'http_req_failed{endpoint:product_get}': [],
    'http_reqs{endpoint:product_get}': [],
    'http_req_duration{endpoint:product_stock}': [],
    'http_req_failed{endpoint:product_stock}': [],
    'http_reqs{endpoint:product_stock}': [],
  },
  summaryTrendStats: ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)'],
};

const HEALTH = {
  headers: { Accept: 'application/json' },
  tags: { name: '/health', endpoint: 'health', operation: 'health', service: 'storefront' },
};
const PRODUCT_GET = {
  headers: { Accept: 'application/json' },
  tags: { name: '/products/{id}', endpoint: 'product_get', operation: 'get', service: 'storefront' },
};

/** Counts the response in its status class and checks it is 2xx, both tagged with the endpoint. */
function counted(res, endpoint) {
  const tags = { endpoint };
  responses[res.status === 0 ? 'failed' : `${Math.floor(res.status / 100)}xx`].add(1, tags);
  check(res, { [`${endpoint} status is 2xx`]: (r) => r.status >= 200 && r.status < 300 }, tags);
  return res;
}

export function setup() {
  const res = http.post(`${BASE_URL}/init`, JSON.stringify({ productId: PRODUCT, quantity: 1000000 }), {
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    tags: { name: '/init', endpoint: 'product_stock', operation: 'stock', service: 'storefront' },
  });
  counted(res, 'product_stock');
}

export default function () {
  counted(http.get(`${BASE_URL}/health`, HEALTH), 'health');
  const product = counted(http.get(`${BASE_URL}/products/${PRODUCT}`, PRODUCT_GET), 'product_get');
  check(product, { 'json has stock': (r) => r.json('stock') !== undefined && r.json('stock') !== null });
  sleep(1);
}

export function handleSummary(data) {
  const dir = __ENV.RESULTS_DIR ? `${__ENV.RESULTS_DIR}/` : '';
  return { [`${dir}smoke-summary.json`]: JSON.stringify(data) };
}
