// The request loop written with k6-forge: one catalog endpoint with its tags, status Counter and check.
// k6 runs it with VUS and DURATION; its handleSummary prints http_reqs' count and rate for the benchmark to read.
import { catalog, loadConfig } from 'k6-forge/lib';

const config = loadConfig();
const shop = catalog(
  { product_get: { method: 'GET', path: '/products/{id}', service: 'storefront', operation: 'get' } },
  { baseUrl: config.BASE_URL },
);

export const options = {
  scenarios: { bench: { executor: 'constant-vus', vus: config.VUS ?? 20, duration: config.DURATION ?? '8s' } },
};

export default function (): void {
  shop.send('product_get', { path: { id: 'bench-item' } });
}

export function handleSummary(data: { metrics: { http_reqs: { values: { count: number; rate: number } } } }) {
  return { stdout: `${JSON.stringify(data.metrics.http_reqs.values)}\n` };
}
