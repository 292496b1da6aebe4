// The same request loop written by hand in plain k6, with identical tags, metrics and check.
import { check } from 'k6';
import http from 'k6/http';
import { Counter, Rate, Trend } from 'k6/metrics';

const BASE_URL = __ENV.BASE_URL || 'http://127.0.0.1:3000';
const latency = new Trend('product_get_duration', true);
const byClass = {};
for (const c of ['failed', '1xx', '2xx', '3xx', '4xx', '5xx']) byClass[c] = new Counter(`responses_${c}`);
new Rate('business_errors');
const TAGS = { name: '/products/{id}', endpoint: 'product_get', operation: 'get', service: 'storefront' };
const METRIC_TAGS = { endpoint: 'product_get' };

export const options = {
  scenarios: { bench: { executor: 'constant-vus', vus: Number(__ENV.BENCH_VUS || 20), duration: __ENV.BENCH_DURATION || '15s' } },
};

export default function () {
  const res = http.request('GET', `${BASE_URL}/products/${encodeURIComponent('bench-item')}`, null, {
    tags: TAGS,
    headers: { Accept: 'application/json' },
  });
  latency.add(res.timings.duration);
  byClass[res.status === 0 ? 'failed' : `${Math.floor(res.status / 100)}xx`].add(1, METRIC_TAGS);
  check(res, { 'product_get status is 2xx': (r) => r.status >= 200 && r.status < 300 }, METRIC_TAGS);
}

export function handleSummary(data) {
  return { stdout: `${JSON.stringify(data.metrics.http_reqs.values)}\n` };
}
