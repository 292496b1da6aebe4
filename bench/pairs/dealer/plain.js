// The dealer journey of dealer/sdk.ts written by hand in plain k6: the same requests, tags, checks, metrics, think time,
// scenario and thresholds. Its customers are the same 10,000 pool records, read with open() inside a SharedArray
// callback from CUSTOMERS_FILE (which the benchmark writes); its deals and tax requests come from small generators.
import { check, group, sleep } from 'k6';
import { SharedArray } from 'k6/data';
import http from 'k6/http';
import { Counter, Rate, Trend } from 'k6/metrics';

const BASE_URL = __ENV.BASE_URL || 'http://127.0.0.1:3000';
const USERNAME = __ENV.TEST_USERNAME || 'loadtest@example.com';
const PASSWORD = __ENV.TEST_PASSWORD || 'LoadTest123!';
const VUS = Number(__ENV.VUS || 100);
const DURATION = __ENV.DURATION || '10m';

const customers = new SharedArray('customers', () => JSON.parse(open(__ENV.CUSTOMERS_FILE)).records);

const responses = {
  failed: new Counter('responses_failed'),
  '1xx': new Counter('responses_1xx'),
  '2xx': new Counter('responses_2xx'),
  '3xx': new Counter('responses_3xx'),
  '4xx': new Counter('responses_4xx'),
  '5xx': new Counter('responses_5xx'),
};
new Rate('business_errors');
const loginDuration = new Trend('login_duration', true);
const customerSearchDuration = new Trend('customer_search_duration', true);
const dealCreateDuration = new Trend('deal_create_duration', true);
const taxCalculationDuration = new Trend('tax_calculation_duration', true);

/** Milliseconds of a duration given in whole seconds, minutes or hours, such as `10s`. */
function ms(duration) {
  const unit = { s: 1000, m: 60000, h: 3600000 }[duration.slice(-1)];
  return Number(duration.slice(0, -1)) * unit;
}

// The load profile's shape (1m to 50 VUs, 3m to 100, 5m at 100, 1m to 0) stretched to DURATION, scaled to VUS at the peak.
const stage = (share, target) => ({
  duration: `${Math.round(ms(DURATION) * share)}ms`,
  target: target === 0 ? 0 : Math.max(1, Math.round((target * VUS) / 100)),
});
const limits = (p95, p99) => [`p(95)<${p95}`, `p(99)<${p99}`];

export const options = {
  scenarios: {
    dealer: { executor: 'ramping-vus', startVUs: 0, stages: [stage(0.1, 50), stage(0.3, 100), stage(0.5, 100), stage(0.1, 0)] },
  },
  thresholds: {
    'http_req_duration{scenario:dealer}': limits(500, 1000),
    'http_req_failed{scenario:dealer}': ['rate<0.01'],
    'iterations{scenario:dealer}': ['count>0'],
    'http_req_duration{endpoint:login}': limits(500, 1000),
    'http_req_failed{endpoint:login}': [],
    'http_reqs{endpoint:login}': [],
    'http_req_duration{endpoint:token_refresh}': limits(100, 200),
    'http_req_failed{endpoint:token_refresh}': [],
    'http_reqs{endpoint:token_refresh}': [],
    'http_req_duration{endpoint:customer_create}': limits(500, 1000),
    'http_req_failed{endpoint:customer_create}': [],
    'http_reqs{endpoint:customer_create}': [],
    'http_req_duration{endpoint:customer_search}': limits(500, 1000),
    'http_req_failed{endpoint:customer_search}': [],
    'http_reqs{endpoint:customer_search}': [],
    'http_req_duration{endpoint:deal_create}': limits(400, 800),
    'http_req_failed{endpoint:deal_create}': [],
    'http_reqs{endpoint:deal_create}': [],
    'http_req_duration{endpoint:deal_get}': limits(150, 300),
    'http_req_failed{endpoint:deal_get}': [],
    'http_reqs{endpoint:deal_get}': [],
    'http_req_duration{endpoint:tax_calculate}': limits(100, 200),
    'http_req_failed{endpoint:tax_calculate}': [],
    'http_reqs{endpoint:tax_calculate}': [],
    checks: ['rate>0.99'],
  },
  summaryTrendStats: ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)'],
};

// --- test data: a few word lists and Math.random ---
const MAKES = [
  {
    name: 'Toyota',
    wmi: '4T1',
    models: [
      ['Camry', 'sedan', 27000, 36000],
      ['RAV4', 'suv', 29000, 41000],
    ],
  },
  {
    name: 'Honda',
    wmi: '1HG',
    models: [
      ['Civic', 'sedan', 24000, 31000],
      ['CR-V', 'suv', 30000, 40000],
    ],
  },
  {
    name: 'Ford',
    wmi: '1FT',
    models: [
      ['F-150', 'pickup', 36000, 80000],
      ['Explorer', 'suv', 38000, 58000],
    ],
  },
  {
    name: 'Hyundai',
    wmi: 'KMH',
    models: [
      ['Elantra', 'sedan', 21000, 28000],
      ['Tucson', 'suv', 28000, 38000],
    ],
  },
];
const TRIMS = ['Base', 'SE', 'LE', 'Sport', 'Limited'];
const COLORS = ['Black', 'White', 'Silver', 'Blue', 'Red'];
const PLACES = [
  ['US', 'TX', 'Travis', 'Austin', '787'],
  ['US', 'CA', 'Los Angeles', 'Los Angeles', '900'],
  ['US', 'IL', 'Cook', 'Chicago', '606'],
  ['US', 'FL', 'Miami-Dade', 'Miami', '331'],
];
const FEES = [
  ['DOC', 85, 799],
  ['TITLE', 15, 150],
  ['REGISTRATION', 30, 400],
  ['TIRE', 5, 25],
  ['DEALER_PREP', 100, 600],
];
const VIN_CHARS = '0123456789ABCDEFGHJKLMNPRSTUVWXYZ';
const VIN_VALUES = '012345678912345678.12345.7.923456789'; // ISO 3779 values of 0-9 then A-Z
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
const YEAR_CODES = 'ABCDEFGHJKLMNPRSTVWXY123456789';

const int = (min, max) => min + Math.floor(Math.random() * (max - min + 1));
const money = (min, max) => Math.round((min + Math.random() * (max - min)) * 100) / 100;
const pick = (list) => list[Math.floor(Math.random() * list.length)];
const dealType = () => pick(['finance', 'finance', 'finance', 'cash', 'lease']);

/** A VIN of the maker's WMI and the model year with a valid check digit (position 9). */
function vin(wmi, year) {
  let chars = wmi;
  for (let i = 0; i < 5; i += 1) chars += pick(VIN_CHARS);
  chars += `0${YEAR_CODES[(year - 1980) % 30]}${VIN_CHARS[int(10, 32)]}${String(int(0, 999999)).padStart(6, '0')}`;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const code = chars.charCodeAt(i);
    sum += Number(VIN_VALUES[code <= 57 ? code - 48 : code - 55]) * VIN_WEIGHTS[i];
  }
  const digit = sum % 11 === 10 ? 'X' : String(sum % 11);
  return `${chars.slice(0, 8)}${digit}${chars.slice(9)}`;
}

function vehicle() {
  const make = pick(MAKES);
  const [model, bodyStyle, low, high] = pick(make.models);
  const year = int(2014, 2026);
  const age = 2026 - year;
  return {
    vin: vin(make.wmi, year),
    make: make.name,
    model,
    year,
    trim: pick(TRIMS),
    bodyStyle,
    color: pick(COLORS),
    mileage: age === 0 ? int(0, 50) : age * int(6000, 16000),
    price: Math.min(90000, Math.max(5000, Math.round((int(low, high) * 0.86 ** age) / 50) * 50)),
  };
}

function deal(customer) {
  const type = dealType();
  const car = vehicle();
  const salePrice = money(car.price * 0.92, car.price);
  return {
    dealNumber: `DEAL-${__VU}-${__ITER}`,
    dealType: type,
    status: 'draft',
    customer,
    vehicle: car,
    salePrice,
    downPayment: type === 'cash' ? salePrice : money(0, salePrice * 0.3),
    tradeInValue: Math.random() < 0.35 ? int(10, 150) * 100 : 0,
    termMonths: type === 'cash' ? null : pick(type === 'lease' ? [24, 36, 39, 48] : [36, 48, 60, 72, 84]),
    apr: type === 'cash' ? null : money(1.9, 14.9),
  };
}

function taxCalculationRequest(offer) {
  const [country, region, county, city, zip] = pick(PLACES);
  return {
    jurisdiction: { country, region, county, city, postalCode: `${zip}${int(10, 99)}` },
    dealType: offer.dealType,
    vehiclePrice: offer.salePrice,
    tradeInValue: offer.tradeInValue,
    rebate: Math.random() < 0.25 ? int(1, 12) * 250 : 0,
    fees: FEES.filter((_, i) => i === 0 || Math.random() < 0.5).map(([code, min, max]) => ({ code, amount: money(min, max) })),
  };
}

// --- requests ---
const JSON_HEADERS = { Accept: 'application/json', 'Content-Type': 'application/json' };
const tags = (name, endpoint, operation, service) => ({ name, endpoint, operation, service });
const LOGIN = { headers: JSON_HEADERS, tags: tags('/auth/login', 'login', 'login', 'auth') };
const REFRESH = { headers: JSON_HEADERS, tags: tags('/auth/refresh', 'token_refresh', 'refresh', 'auth') };
const CREATED = http.expectedStatuses(201);

/** Counts the response in its status class and checks its status (2xx unless `expected` is given), tagged by endpoint. */
function counted(res, endpoint, expected) {
  const metricTags = { endpoint };
  responses[res.status === 0 ? 'failed' : `${Math.floor(res.status / 100)}xx`].add(1, metricTags);
  const ok = expected ? res.status === expected : res.status >= 200 && res.status < 300;
  check(res, { [`${endpoint} status is ${expected || '2xx'}`]: () => ok }, metricTags);
  return res;
}

// This VU's session: logged in on first use, refreshed 30 s before it expires.
let session;
let authHeaders;

function obtain(path, body, params, endpoint, trend) {
  const res = http.post(`${BASE_URL}${path}`, JSON.stringify(body), params);
  if (trend) trend.add(res.timings.duration);
  counted(res, endpoint);
  const data = res.status >= 200 && res.status < 300 ? res.json() : null;
  if (!data || typeof data.accessToken !== 'string')
    throw new Error(`${endpoint} failed: HTTP ${res.status}, no accessToken in the response`);
  session = { accessToken: data.accessToken, refreshToken: data.refreshToken, expiresAt: Date.now() + data.expiresIn * 1000 };
  authHeaders = { Accept: 'application/json', Authorization: `Bearer ${session.accessToken}` };
}

/** The Authorization header of this VU's session, logging in or refreshing first when needed. */
function authorized(json) {
  if (!session) obtain('/auth/login', { username: USERNAME, password: PASSWORD }, LOGIN, 'login', loginDuration);
  else if (Date.now() >= session.expiresAt - 30000)
    obtain('/auth/refresh', { refreshToken: session.refreshToken }, REFRESH, 'token_refresh');
  return json ? { ...JSON_HEADERS, Authorization: authHeaders.Authorization } : authHeaders;
}

function post(path, body, name, endpoint, operation, service, expected) {
  return http.post(`${BASE_URL}${path}`, JSON.stringify(body), {
    headers: authorized(true),
    tags: tags(name, endpoint, operation, service),
    ...(expected && { responseCallback: CREATED }),
  });
}

function get(path, name, endpoint, operation, service) {
  return http.get(`${BASE_URL}${path}`, { headers: authorized(false), tags: tags(name, endpoint, operation, service) });
}

const jsonHas = (field) => ({ [`json has ${field}`]: (r) => r.json(field) !== undefined && r.json(field) !== null });

/** One deal desk visit: a pool customer, a generated deal and tax request. */
export default function () {
  const buyer = customers[Math.floor(Math.random() * customers.length)];
  group('register the customer', () => {
    counted(post('/customers', buyer, '/customers', 'customer_create', 'create', 'customer', 201), 'customer_create', 201);
    const found = get(
      `/customers?q=${encodeURIComponent(buyer.lastName.slice(0, 3))}`,
      '/customers',
      'customer_search',
      'search',
      'customer',
    );
    customerSearchDuration.add(found.timings.duration);
    check(counted(found, 'customer_search'), jsonHas('results'));
  });
  group('open and price the deal', () => {
    const offer = deal(buyer);
    const opened = post('/deals', offer, '/deals', 'deal_create', 'create', 'deal', 201);
    dealCreateDuration.add(opened.timings.duration);
    if (!check(counted(opened, 'deal_create', 201), jsonHas('id'))) return;
    counted(get(`/deals/${encodeURIComponent(String(opened.json('id')))}`, '/deals/{id}', 'deal_get', 'get', 'deal'), 'deal_get');
    const tax = post('/tax/calculate', taxCalculationRequest(offer), '/tax/calculate', 'tax_calculate', 'calculate', 'tax');
    taxCalculationDuration.add(tax.timings.duration);
    counted(tax, 'tax_calculate');
  });
  sleep(1);
}

export function handleSummary(data) {
  const dir = __ENV.RESULTS_DIR ? `${__ENV.RESULTS_DIR}/` : '';
  return { [`${dir}dealer-summary.json`]: JSON.stringify(data) };
}
