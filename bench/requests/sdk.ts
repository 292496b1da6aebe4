// The request loop written with k6-forge: one catalog endpoint, its tags, Trend, status Counter and check.
import { catalog, loadConfig } from 'k6-forge/lib';

const config = loadConfig();
const shop = catalog(
  { product_get: { method: 'GET', path: '/products/{id}', service: 'storefront', operation: 'get' } },
  { baseUrl: config.BASE_URL },
);

export const options = {
  scenarios: { bench: { executor: 'constant-vus', vus: Number(__ENV['BENCH_VUS'] ?? 20), duration: __ENV['BENCH_DURATION'] ?? '15s' } },
};

export default function (): void {
  shop.send('product_get', { path: { id: 'bench-item' } });
}

export function handleSummary(data: { metrics: { http_reqs: { values: { count: number; rate: number } } } }) {
  return { stdout: `${JSON.stringify(data.metrics.http_reqs.values)}\n` };
}
