// The journey every profile script shares, on the endpoint catalog: check health, read a product, think.
// It targets the API of k6-forge's demo target (`k6-forge run smoke --demo-target`); replace the endpoints, the
// journey and the limits in thresholds.json with your own system's.
import { check, sleep } from 'k6';
import { boolean, catalog, jsonHas, loadConfig, summaryHandler } from 'k6-forge/lib';

/** This run's configuration, read from `__ENV` once per VU: BASE_URL, ENVIRONMENT, VUS, DURATION and SETUP_WRITES. */
export const config = loadConfig({ vars: { SETUP_WRITES: boolean({ byEnvironment: { development: true }, default: false }) } });

/** The endpoints, declared once: each request is tagged, checked against its expected statuses and measured. */
export const storefront = catalog(
  {
    health: { method: 'GET', path: '/health', service: 'storefront' },
    product_get: { method: 'GET', path: '/products/{id}', service: 'storefront', operation: 'get' },
    product_stock: { method: 'POST', path: '/init', service: 'storefront', operation: 'stock' },
  },
  { baseUrl: config.BASE_URL, debug: config.DEBUG },
);

/** Writes the run's JSON, JUnit, HTML and Markdown reports into the results folder, and k6's text summary. */
export const handleSummary = summaryHandler();

const PRODUCT = 'demo-widget';

/** Stocks the product the journey reads, once before the test: in development, or where SETUP_WRITES=true. */
export function setup(): void {
  if (config.SETUP_WRITES) storefront.send('product_stock', { body: { productId: PRODUCT, quantity: 1_000_000 } });
}

/** One visitor: the health check, then the product page, then a second of thinking. */
export function browse(): void {
  storefront.send('health');
  const product = storefront.send('product_get', { path: { id: PRODUCT } });
  check(product, jsonHas('stock'));
  sleep(1);
}
