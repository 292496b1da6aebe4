// The dealer journey of examples/dealer.ts with its customer from a 10,000-record pool built at build time (picked at
// random per iteration) and its deal and tax request from the runtime generators. Its twin is dealer/plain.js.
import { check, group, sleep } from 'k6';
import { deal, pool, taxCalculationRequest } from 'k6-forge/generators';
import { catalog, jsonHas, loadConfig, sessionAuth, summaryHandler } from 'k6-forge/lib';
import customers from 'k6-forge/pool?domain=customer&count=10000&seed=42&locale=en_US';
import { composeOptions, loadProfile } from 'k6-forge/scenarios';

const config = loadConfig();
const auth = sessionAuth({ login: 'login', refresh: 'token_refresh', username: config.TEST_USERNAME, password: config.TEST_PASSWORD });
const desk = catalog(
  {
    login: { method: 'POST', path: '/auth/login', service: 'auth', auth: false, trend: 'login_duration' },
    token_refresh: { method: 'POST', path: '/auth/refresh', service: 'auth', operation: 'refresh', auth: false },
    customer_create: { method: 'POST', path: '/customers', service: 'customer', operation: 'create', expect: [201] },
    customer_search: { method: 'GET', path: '/customers', service: 'customer', operation: 'search', trend: 'customer_search_duration' },
    deal_create: { method: 'POST', path: '/deals', service: 'deal', operation: 'create', expect: [201], trend: 'deal_create_duration' },
    deal_get: { method: 'GET', path: '/deals/{id}', service: 'deal', operation: 'get' },
    tax_calculate: { method: 'POST', path: '/tax/calculate', service: 'tax', operation: 'calculate', trend: 'tax_calculation_duration' },
  },
  { baseUrl: config.BASE_URL, auth, debug: config.DEBUG },
);
const shoppers = pool(customers, { pick: 'random' });

export const options = composeOptions(loadProfile({ name: 'dealer', vus: config.VUS, duration: config.DURATION }), {
  thresholds: { ...desk.thresholds(), checks: ['rate>0.99'] },
});
export const handleSummary = summaryHandler();

/** One deal desk visit: a pool customer, a generated deal and tax request (SEED replays them). */
export default function dealDesk(): void {
  const buyer = shoppers.next();
  group('register the customer', () => {
    desk.send('customer_create', { body: buyer });
    const found = desk.send('customer_search', { query: { q: buyer.lastName.slice(0, 3) } });
    check(found, jsonHas('results'));
  });
  group('open and price the deal', () => {
    const offer = deal({ customer: buyer });
    const opened = desk.send('deal_create', { body: offer });
    if (!check(opened, jsonHas('id'))) return;
    desk.send('deal_get', { path: { id: String(opened.json('id')) } });
    desk.send('tax_calculate', {
      body: taxCalculationRequest({ dealType: offer.dealType, vehiclePrice: offer.salePrice, tradeInValue: offer.tradeInValue }),
    });
  });
  sleep(1);
}
