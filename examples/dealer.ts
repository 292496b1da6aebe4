// The dealer platform of docs/requirements.md, 001: the desk logs in once (in setup), then each VU registers a generated customer, finds them again,
// opens a deal on a generated vehicle (with a valid VIN) and prices it with the tax engine.
import { check, group, sleep } from 'k6';
import { customer, deal, taxCalculationRequest } from 'k6-forge/generators';
import { catalog, jsonHas, loadConfig, type SessionToken, sessionAuth, summaryHandler } from 'k6-forge/lib';
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

export const options = composeOptions(loadProfile({ name: 'dealer', vus: config.VUS, duration: config.DURATION }), {
  thresholds: { ...desk.thresholds(), checks: ['rate>0.99'] },
});
export const handleSummary = summaryHandler();

/** Logs in once for the whole run; every VU takes this session and refreshes it when it nears expiry. */
export function setup(): { session: SessionToken } {
  return { session: auth.login(desk) };
}

/** One deal desk visit, on fresh generated data (SEED replays it). */
export default function dealDesk(data: { session: SessionToken }): void {
  auth.adopt(data.session);
  const buyer = customer();
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
