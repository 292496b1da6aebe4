// The request loop of requests/sdk.ts written by hand in plain k6, with the same tags, metrics and check.
import { check } from 'k6';
import http from 'k6/http';
import { Counter, Rate } from 'k6/metrics';

const BASE_URL = __ENV.BASE_URL || 'http://127.0.0.1:3000';
const responses = {
  failed: new Counter('responses_failed'),
  '1xx': new Counter('responses_1xx'),
  '2xx': new Counter('responses_2xx'),
  '3xx': new Counter('responses_3xx'),
  '4xx': new Counter('responses_4xx'),
  '5xx': new Counter('responses_5xx'),
};
new Rate('business_errors');
const PARAMS = {
  headers: { Accept: 'application/json' },
  tags: { name: '/products/{id}', endpoint: 'product_get', operation: 'get', service: 'storefront' },
};
const METRIC_TAGS = { endpoint: 'product_get' };

export const options = {
  scenarios: { bench: { executor: 'constant-vus', vus: Number(__ENV.VUS || 20), duration: __ENV.DURATION || '8s' } },
};

export default function () {
  const res = http.request('GET', `${BASE_URL}/products/${encodeURIComponent('bench-item')}`, null, PARAMS);
  responses[res.status === 0 ? 'failed' : `${Math.floor(res.status / 100)}xx`].add(1, METRIC_TAGS);
  check(res, { 'product_get status is 2xx': (r) => r.status >= 200 && r.status < 300 }, METRIC_TAGS);
}

export function handleSummary(data) {
  return { stdout: `${JSON.stringify(data.metrics.http_reqs.values)}\n` };
}
