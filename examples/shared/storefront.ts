// The journey the smoke, load, stress, spike and soak examples share: check health, read a product.
import { check, sleep } from 'k6';
import { boolean, catalog, jsonHas, loadConfig, summaryHandler } from 'k6-forge/lib';

/** This run's configuration, read from `__ENV` once per VU; setup() writes only in development unless SETUP_WRITES says so. */
export const config = loadConfig({ vars: { SETUP_WRITES: boolean({ byEnvironment: { development: true }, default: false }) } });

/** The storefront's endpoints, declared once: tags, expected statuses, metrics and thresholds follow. */
export const storefront = catalog(
  {
    health: { method: 'GET', path: '/health', service: 'storefront' },
    product_get: { method: 'GET', path: '/products/{id}', service: 'storefront', operation: 'get' },
    product_stock: { method: 'POST', path: '/init', service: 'storefront', operation: 'stock' },
  },
  { baseUrl: config.BASE_URL, debug: config.DEBUG },
);

/** Writes the run's JSON, JUnit, HTML and Markdown results and k6's text summary. */
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
