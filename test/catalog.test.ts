import { afterEach, beforeEach, describe, expect, expectTypeOf, test, vi } from 'vitest';
import { type ApiResponse, catalog } from '../src/lib/catalog.ts';
import { respondWith } from './doubles/http.ts';
import { callsTo, recorded, resetRecorded } from './doubles/recorder.ts';

const FILE = { endpoints: { login: { p95: 500, p99: 1000 }, deal_get: { p95: 150 } } };

function dealerApi() {
  return catalog(
    {
      login: { method: 'POST', path: '/auth/login', service: 'auth', auth: false },
      deal_get: { method: 'GET', path: '/deals/{id}', service: 'deal', operation: 'get' },
      deal_create: { method: 'POST', path: '/deals', service: 'deal', operation: 'create', expect: [201] },
      order: { method: 'POST', path: '/order', expect: [200, 302, 409], idempotencyKey: true, checkStatus: false },
      tax_calculate: { method: 'POST', path: '/tax/calculate', trend: 'tax_calculation_duration', thresholds: { p99: 250 } },
    },
    { baseUrl: 'http://api.test', thresholdsFile: FILE, timeout: '10s' },
  );
}

beforeEach(() => {
  resetRecorded();
  respondWith(() => ({ status: 200, body: '{"id":7,"status":"open"}', duration: 12 }));
});
afterEach(() => vi.restoreAllMocks());

describe('catalog at init', () => {
  test('creates a Trend only for an endpoint that names one, the status-class Counters and the business Rate', () => {
    dealerApi();
    const created = recorded.filter((c) => c.module === 'k6/metrics' && c.fn.startsWith('new ')).map((c) => [c.fn, ...c.args]);
    expect(created).toStrictEqual([
      ['new Trend', 'tax_calculation_duration', true],
      ['new Counter', 'responses_failed', false],
      ['new Counter', 'responses_1xx', false],
      ['new Counter', 'responses_2xx', false],
      ['new Counter', 'responses_3xx', false],
      ['new Counter', 'responses_4xx', false],
      ['new Counter', 'responses_5xx', false],
      ['new Rate', 'business_errors', false],
    ]);
  });

  test('creates no metric while sending', () => {
    const api = dealerApi();
    resetRecorded();
    api.send('deal_get', { path: { id: 7 } });
    api.send('login', { body: { username: 'u', password: 'p' } });
    expect(recorded.filter((c) => c.fn.startsWith('new '))).toStrictEqual([]);
  });

  test.each([
    [{ 'deal-get': { method: 'GET', path: '/deals' } }, 'endpoints.deal-get: "deal-get" is not accepted; expected an endpoint name'],
    [
      { deals: { method: 'GET', path: 'deals' } },
      'endpoints.deals.path: "deals" is not accepted; expected a path template starting with /',
    ],
    [
      { deals: { method: 'GET', path: '/deals', trend: '1bad' } },
      'endpoints.deals.trend: "1bad" is not accepted; expected a k6 metric name',
    ],
    [{ deals: { method: 'GET', path: '/deals', timeout: 'soon' } }, 'endpoints.deals.timeout: "soon" is not accepted'],
    [
      { pay: { method: 'POST', path: '/pay', retry: { attempts: 3 } } },
      'endpoints.pay.retry: {"attempts":3} is not accepted; expected retries only on idempotent requests',
    ],
    [
      { deals: { method: 'GET', path: '/deals', retry: { attempts: 1 } } },
      'endpoints.deals.retry.attempts: 1 is not accepted; expected a whole number from 2 to 10',
    ],
  ] as const)('rejects %j at init, naming the field', (specs, message) => {
    expect(() => catalog(specs, { baseUrl: 'http://x', thresholdsFile: {} })).toThrow(message);
  });
});

describe('send', () => {
  test('resolves the template against baseUrl and tags with the template, never the raw URL', () => {
    dealerApi().send('deal_get', { path: { id: 'a b/7' }, query: { expand: 'customer', page: 2, skip: undefined } });
    const [method, url, body, params] = callsTo('k6/http', 'request')[0]!;
    expect([method, url, body]).toStrictEqual(['GET', 'http://api.test/deals/a%20b%2F7?expand=customer&page=2', null]);
    expect(params).toStrictEqual({
      tags: { name: '/deals/{id}', endpoint: 'deal_get', operation: 'get', service: 'deal' },
      timeout: '10s',
      headers: { Accept: 'application/json' },
    });
  });

  test('sends each option given to an endpoint without auth, key or retries, and its own params when only the path is', () => {
    const api = catalog({ item: { method: 'GET', path: '/items/{id}' } }, { baseUrl: 'http://api.test', thresholdsFile: {} });
    resetRecorded();
    api.send('item', { path: { id: 1 } });
    api.send('item', { path: { id: 2 }, query: { q: 'x' } });
    api.send('item', { path: { id: 3 }, headers: { 'x-trace': 't' } });
    api.send('item', { path: { id: 4 }, tags: { flow: 'f' } });
    api.send('item', { path: { id: 5 }, body: 'text' });
    const calls = callsTo('k6/http', 'request') as [string, string, unknown, { headers: object; tags: object }][];
    expect(calls.map(([, url, body]) => [url, body])).toStrictEqual([
      ['http://api.test/items/1', null],
      ['http://api.test/items/2?q=x', null],
      ['http://api.test/items/3', null],
      ['http://api.test/items/4', null],
      ['http://api.test/items/5', 'text'],
    ]);
    expect(calls.map(([, , , params]) => params.headers)).toStrictEqual([
      { Accept: 'application/json' },
      { Accept: 'application/json' },
      { Accept: 'application/json', 'x-trace': 't' },
      { Accept: 'application/json' },
      { Accept: 'application/json' },
    ]);
    expect(calls.map(([, , , params]) => 'flow' in params.tags)).toStrictEqual([false, false, false, true, false]);
  });

  test('sends a request with nothing but its path through its Trend, its check turned off and the DEBUG log, each time', () => {
    const lines: string[] = [];
    const api = catalog(
      {
        timed: { method: 'GET', path: '/timed/{id}', trend: 'timed_duration' },
        unchecked: { method: 'GET', path: '/unchecked/{id}', checkStatus: false },
      },
      { baseUrl: 'http://api.test', thresholdsFile: {} },
    );
    const logged = catalog(
      { item: { method: 'GET', path: '/items/{id}' } },
      { baseUrl: 'http://api.test', thresholdsFile: {}, debug: { log: (line) => lines.push(line), first: 100 } },
    );
    resetRecorded();
    respondWith(() => ({ status: 200, body: '{}', duration: 9 }));
    for (let i = 0; i < 2; i += 1) {
      api.send('timed', { path: { id: i } });
      api.send('unchecked', { path: { id: i } });
      logged.send('item', { path: { id: i } });
    }
    const perRound = [
      ['timed_duration', 9, undefined],
      ['responses_2xx', 1, { endpoint: 'timed' }],
      ['responses_2xx', 1, { endpoint: 'unchecked' }],
      ['responses_2xx', 1, { endpoint: 'item' }],
    ];
    expect(callsTo('k6/metrics', 'add')).toStrictEqual([...perRound, ...perRound]);
    const checks = [
      [{ 'timed status is 2xx': true }, { endpoint: 'timed' }],
      [{ 'item status is 2xx': true }, { endpoint: 'item' }],
    ];
    expect(callsTo('k6', 'check')).toStrictEqual([...checks, ...checks]);
    expect(lines.filter((line) => line.includes('-> GET /items/{id}')).length).toBe(2);
  });

  test('sends objects as JSON with a content type, and merges per-request headers and tags', () => {
    dealerApi().send('deal_create', { body: { vin: '1HGCM82633A004352' }, headers: { 'x-trace': 't1' }, tags: { flow: 'desk' } });
    const [, , body, params] = callsTo('k6/http', 'request')[0]!;
    expect(body).toBe('{"vin":"1HGCM82633A004352"}');
    expect(params).toMatchObject({
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'x-trace': 't1' },
      tags: { name: '/deals', endpoint: 'deal_create', operation: 'create', service: 'deal', flow: 'desk' },
      responseCallback: { expectedStatuses: [201] },
    });
  });

  test('treats declared statuses as expected and does not follow redirects when a 3xx is one of them', () => {
    dealerApi().send('order', { body: {} });
    const params = callsTo('k6/http', 'request')[0]![3] as Record<string, unknown>;
    expect(params).toMatchObject({ responseCallback: { expectedStatuses: [200, 302, 409] }, redirects: 0 });
  });

  test('sends a fresh idempotency key per request, or the one given', () => {
    const api = dealerApi();
    api.send('order', { body: {} });
    api.send('order', { body: {} });
    api.send('order', { body: {}, idempotencyKey: 'retry-1' });
    const keys = callsTo('k6/http', 'request').map((c) => (c[3] as { headers: Record<string, string> }).headers['x-idempotency-key']);
    expect(keys[0]).not.toBe(keys[1]);
    expect(keys[2]).toBe('retry-1');
  });

  test('counts the status class and checks the status, recording no Trend the endpoint does not name', () => {
    const api = dealerApi();
    resetRecorded();
    respondWith(() => ({ status: 404, body: '{}', duration: 33 }));
    api.send('deal_get', { path: { id: 1 } });
    expect(callsTo('k6/metrics', 'add')).toStrictEqual([['responses_4xx', 1, { endpoint: 'deal_get' }]]);
    expect(callsTo('k6', 'check')).toStrictEqual([[{ 'deal_get status is 2xx': false }, { endpoint: 'deal_get' }]]);
  });

  test('records latency in the Trend an endpoint names', () => {
    const api = dealerApi();
    resetRecorded();
    respondWith(() => ({ status: 200, body: '{}', duration: 21 }));
    api.send('tax_calculate', { body: {} });
    expect(callsTo('k6/metrics', 'add')).toStrictEqual([
      ['tax_calculation_duration', 21, undefined],
      ['responses_2xx', 1, { endpoint: 'tax_calculate' }],
    ]);
  });

  test('sends to endpoints named like members of Object.prototype, each with its own Trend or none', () => {
    const api = catalog(
      {
        constructor: { method: 'GET', path: '/c' },
        toString: { method: 'GET', path: '/s', trend: 'to_string_duration' },
      },
      { baseUrl: 'http://api.test', thresholdsFile: {} },
    );
    resetRecorded();
    respondWith(() => ({ status: 200, body: '{}', duration: 5 }));
    api.send('constructor');
    api.send('toString');
    api.send('toString');
    expect(callsTo('k6/http', 'request').map(([method, url]) => `${method} ${url}`)).toStrictEqual([
      'GET http://api.test/c',
      'GET http://api.test/s',
      'GET http://api.test/s',
    ]);
    expect(callsTo('k6/metrics', 'add').filter(([metric]) => metric === 'to_string_duration')).toStrictEqual([
      ['to_string_duration', 5, undefined],
      ['to_string_duration', 5, undefined],
    ]);
  });

  test('sends, counts and checks an endpoint the same on every request after its first', () => {
    const api = dealerApi();
    resetRecorded();
    api.send('deal_create', { body: { n: 1 } });
    const first = [...recorded];
    resetRecorded();
    api.send('deal_create', { body: { n: 1 } });
    expect(recorded).toStrictEqual(first);
    api.reportBusinessError('deal_create', true);
    expect(callsTo('k6/metrics', 'add').at(-1)).toStrictEqual(['business_errors', true, { endpoint: 'deal_create' }]);
  });

  test('checks a status against every status the endpoint expects, and only those', () => {
    const api = catalog(
      { sale: { method: 'POST', path: '/order', expect: [200, 302, 409] } },
      { baseUrl: 'http://api.test', thresholdsFile: {} },
    );
    resetRecorded();
    for (const status of [200, 302, 409, 201, 404, 500]) {
      respondWith(() => ({ status, body: '{}' }));
      api.send('sale');
    }
    expect(callsTo('k6', 'check').map(([result]) => Object.values(result as object)[0])).toStrictEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(callsTo('k6/metrics', 'add').map(([metric]) => metric)).toStrictEqual([
      'responses_2xx',
      'responses_3xx',
      'responses_4xx',
      'responses_2xx',
      'responses_4xx',
      'responses_5xx',
    ]);
  });

  test('counts network errors (status 0) as failed', () => {
    const api = dealerApi();
    resetRecorded();
    respondWith(() => ({ status: 0, body: '' }));
    api.send('deal_create', { body: {} });
    expect(callsTo('k6/metrics', 'add')).toStrictEqual([['responses_failed', 1, { endpoint: 'deal_create' }]]);
    expect(callsTo('k6', 'check')).toStrictEqual([[{ 'deal_create status is 201': false }, { endpoint: 'deal_create' }]]);
  });

  test('fills a template with several placeholders or text after one, and refuses a missing value in either', () => {
    const api = catalog(
      {
        review: { method: 'GET', path: '/items/{item}/reviews/{id}' },
        reviews: { method: 'GET', path: '/items/{item}/reviews' },
      },
      { baseUrl: 'http://api.test', thresholdsFile: {} },
    );
    resetRecorded();
    api.send('review', { path: { item: 'a b', id: 3 } });
    api.send('reviews', { path: { item: 7 } });
    expect(callsTo('k6/http', 'request').map(([, url]) => url)).toStrictEqual([
      'http://api.test/items/a%20b/reviews/3',
      'http://api.test/items/7/reviews',
    ]);
    const send = api.send as (name: string, options?: object) => unknown;
    expect(() => send('review', { path: { item: 1 } })).toThrow(
      'review.path.id: nothing is not accepted; expected a value for {id} in /items/{item}/reviews/{id}',
    );
    expect(() => send('reviews', {})).toThrow(
      'reviews.path.item: nothing is not accepted; expected a value for {item} in /items/{item}/reviews',
    );
  });

  test('refuses a missing path value and an unknown endpoint', () => {
    // The types refuse both calls (test/catalog.test-d.ts); a JavaScript caller gets these errors.
    const send = dealerApi().send as (name: string, options?: object) => unknown;
    expect(() => send('deal_get')).toThrow('deal_get.path.id: nothing is not accepted; expected a value for {id} in /deals/{id}');
    expect(() => send('deal_delete')).toThrow('endpoint: "deal_delete" is not accepted; expected a declared endpoint: login, deal_get');
    for (const inherited of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      expect(() => send(inherited), inherited).toThrow(`endpoint: "${inherited}" is not accepted; expected a declared endpoint`);
    }
  });

  test('sends binary bodies as they are, without a JSON content type, and null as JSON', () => {
    const api = dealerApi();
    const bytes = new Uint8Array([1, 2, 3]);
    for (const body of [bytes.buffer, bytes, new DataView(bytes.buffer)]) api.send('deal_create', { body });
    api.send('deal_create', { body: null });
    const sent = callsTo('k6/http', 'request').map(([, , body, params]) => [body, (params as { headers: object }).headers]);
    expect(sent).toStrictEqual([
      [bytes.buffer, { Accept: 'application/json' }],
      [bytes, { Accept: 'application/json' }],
      [expect.any(DataView), { Accept: 'application/json' }],
      ['null', { Accept: 'application/json', 'Content-Type': 'application/json' }],
    ]);
  });

  test('returns k6’s response, typed', () => {
    const res = dealerApi().send('deal_get', { path: { id: 7 } });
    expectTypeOf(res).toEqualTypeOf<ApiResponse>();
    expect(res.json('status')).toBe('open');
  });
});

describe('retries', () => {
  const flaky = (statuses: number[]) => {
    let call = 0;
    respondWith(() => ({ status: statuses[Math.min(call++, statuses.length - 1)]!, body: '{}' }));
  };

  test('retry idempotent requests on the listed statuses with growing waits, keeping the idempotency key', () => {
    const api = catalog(
      {
        balance: { method: 'GET', path: '/balance', retry: { attempts: 4, backoff: '200ms', factor: 3 } },
        transfer: { method: 'POST', path: '/transfers', idempotencyKey: true, retry: { attempts: 3, on: [503] } },
      },
      { baseUrl: 'http://x', thresholdsFile: {} },
    );
    flaky([503, 502, 200]);
    expect(api.send('balance').status).toBe(200);
    expect(callsTo('k6/http', 'request')).toHaveLength(3);
    expect(callsTo('k6', 'sleep')).toStrictEqual([[0.2], [0.6]]);
    resetRecorded();
    flaky([503, 503, 503, 503]);
    expect(api.send('transfer', { body: { amountMinor: 1 } }).status).toBe(503);
    const keys = callsTo('k6/http', 'request').map((c) => (c[3] as { headers: Record<string, string> }).headers['x-idempotency-key']);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
  });

  test('do not retry a status that is not listed', () => {
    const api = catalog(
      { balance: { method: 'GET', path: '/balance', retry: { attempts: 3 } } },
      { baseUrl: 'http://x', thresholdsFile: {} },
    );
    flaky([500, 200]);
    expect(api.send('balance').status).toBe(500);
    expect(callsTo('k6/http', 'request')).toHaveLength(1);
  });
});

describe('thresholds', () => {
  test('wires the file’s per-endpoint limits, the endpoint’s own, and the empty sub-metrics the summary needs', () => {
    expect(dealerApi().thresholds()).toStrictEqual({
      'http_req_duration{endpoint:login}': ['p(95)<500', 'p(99)<1000'],
      'http_req_failed{endpoint:login}': [],
      'http_reqs{endpoint:login}': [],
      'http_req_duration{endpoint:deal_get}': ['p(95)<150'],
      'http_req_failed{endpoint:deal_get}': [],
      'http_reqs{endpoint:deal_get}': [],
      'http_req_duration{endpoint:deal_create}': [],
      'http_req_failed{endpoint:deal_create}': [],
      'http_reqs{endpoint:deal_create}': [],
      'http_req_duration{endpoint:order}': [],
      'http_req_failed{endpoint:order}': [],
      'http_reqs{endpoint:order}': [],
      'http_req_duration{endpoint:tax_calculate}': ['p(99)<250'],
      'http_req_failed{endpoint:tax_calculate}': [],
      'http_reqs{endpoint:tax_calculate}': [],
    });
  });

  test('reads the embedded thresholds file by default', () => {
    const api = catalog({ login: { method: 'POST', path: '/auth/login' } }, { baseUrl: 'http://x' });
    expect(api.thresholds()['http_req_duration{endpoint:login}']).toStrictEqual(['p(95)<500', 'p(99)<1000']);
  });
});

describe('reportBusinessError', () => {
  test('adds to the business_errors Rate with the endpoint tag', () => {
    const api = dealerApi();
    resetRecorded();
    api.reportBusinessError('deal_create', true);
    api.reportBusinessError('deal_create', false);
    expect(callsTo('k6/metrics', 'add')).toStrictEqual([
      ['business_errors', true, { endpoint: 'deal_create' }],
      ['business_errors', false, { endpoint: 'deal_create' }],
    ]);
  });
});
