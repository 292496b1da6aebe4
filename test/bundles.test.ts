import { afterEach, describe, expect, test, vi } from 'vitest';

/**
 * Evaluates a committed bundle the way k6 does at init: a fresh module graph, the given __ENV, the k6 modules as
 * doubles (the same fresh instances the returned helpers drive), and `__VU` 0 as in k6's first init, the one whose
 * options k6 reads and where setup() and teardown() run; `vu` sets another.
 */
async function initBundle(name: string, env: Record<string, string>, vu = 0) {
  vi.resetModules();
  vi.stubGlobal('__ENV', env);
  vi.stubGlobal('__VU', vu);
  const script = (await import(`../dist/${name}.js`)) as Record<string, unknown>;
  const { respondWith } = await import('./doubles/http.ts');
  const { callsTo } = await import('./doubles/recorder.ts');
  const call = (fn: string, data?: unknown) => (script[fn] as (data?: unknown) => unknown)(data);
  return { options: script['options'], call, respondWith, callsTo };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('bundles at init', () => {
  test('a VU builds no options: k6 reads them from its first init only, and the VU still runs its iteration', async () => {
    const { options, call, respondWith, callsTo } = await initBundle('smoke', { BASE_URL: 'http://127.0.0.1:3000' }, 1);
    expect(options).toBeUndefined();
    respondWith(() => ({ status: 200, body: '{"stock":5}' }));
    call('default');
    expect(callsTo('k6/http', 'request').map(([method, url]) => `${String(method)} ${String(url)}`)).toStrictEqual([
      'GET http://127.0.0.1:3000/health',
      'GET http://127.0.0.1:3000/products/demo-widget',
    ]);
  });

  test('load.js scales its stages to VUS and stretches them to DURATION', async () => {
    const { options } = await initBundle('load', { VUS: '10', DURATION: '1m' });
    expect(options).toMatchObject({
      scenarios: {
        load: {
          executor: 'ramping-vus',
          stages: [
            { duration: '6s', target: 5 },
            { duration: '18s', target: 10 },
            { duration: '30s', target: 10 },
            { duration: '6s', target: 0 },
          ],
        },
      },
    });
  });

  test('smoke.js carries the embedded smoke thresholds, aborting early', async () => {
    const { options } = await initBundle('smoke', {});
    expect((options as { thresholds: object }).thresholds).toMatchObject({
      'http_req_failed{scenario:smoke}': [{ threshold: 'rate<0.01', abortOnFail: true, delayAbortEval: '10s' }],
    });
  });

  test.each([
    [{ VUS: 'ten' }, 'VUS: "ten" is not accepted; expected a whole number greater than 0, such as 10'],
    [{ ENVIRONMENT: 'staging' }, 'BASE_URL: nothing is not accepted; expected an http:// or https:// URL'],
    [{ DURATION: '5 minutes' }, 'DURATION: "5 minutes" is not accepted'],
    [{ ENVIRONMENT: 'prod' }, 'ENVIRONMENT: "prod" is not accepted; expected one of "development", "staging", "production"'],
    [
      { VUS: '1000000' },
      'VUS: "1000000" is not accepted; expected a whole number from 1 to 2000, the VUS_LIMIT (default 2000); set VUS_LIMIT to allow more',
    ],
    [
      { ENVIRONMENT: 'production', BASE_URL: 'https://shop.example.com' },
      "ALLOW_PRODUCTION_LOAD: nothing is not accepted; expected shop.example.com, the target's host",
    ],
    [
      { BASE_URL: 'https://shop.example.com' },
      'ENVIRONMENT: nothing is not accepted; expected one of development, staging, production, set because BASE_URL names shop.example.com',
    ],
  ])('stops at init on %j with a message naming the variable', async (env, message) => {
    await expect(initBundle('spike', env)).rejects.toThrow(message);
  });

  test.each(['load', 'stress', 'spike', 'soak', 'flash-sale', 'gateway-baseline', 'gateway-spike', 'dealer'])(
    '%s.js refuses production without ALLOW_PRODUCTION_LOAD naming the host, and starts with it',
    async (name) => {
      const env = {
        ENVIRONMENT: 'production',
        BASE_URL: 'https://shop.example.com',
        TEST_USERNAME: 'u',
        TEST_PASSWORD: 'p',
        BEARER_TOKEN: 't',
        ACCOUNT_ID: 'a',
      };
      await expect(initBundle(name, env)).rejects.toThrow('ALLOW_PRODUCTION_LOAD: nothing is not accepted; expected shop.example.com');
      await expect(initBundle(name, { ...env, ALLOW_PRODUCTION_LOAD: 'shop.example.com' })).resolves.toBeDefined();
    },
  );

  test.each(['smoke', 'flash-sale'])('%s.js writes nothing in setup() outside development unless SETUP_WRITES=true', async (name) => {
    const staging = { ENVIRONMENT: 'staging', BASE_URL: 'https://shop.example.com' };
    const quiet = await initBundle(name, staging);
    quiet.respondWith(() => ({ status: 200, body: '{}' }));
    quiet.call('setup');
    expect(quiet.callsTo('k6/http', 'request')).toStrictEqual([]);
    const opted = await initBundle(name, { ...staging, SETUP_WRITES: 'true' });
    opted.respondWith(() => ({ status: 200, body: '{}' }));
    opted.call('setup');
    expect(opted.callsTo('k6/http', 'request').map(([method, url]) => `${String(method)} ${String(url)}`)).toStrictEqual([
      'POST https://shop.example.com/init',
    ]);
  });
});

describe('flash-sale.js', () => {
  test('stocks the sale, orders with a fresh idempotency key and counts each answer', async () => {
    const { call, respondWith, callsTo } = await initBundle('flash-sale', { BASE_URL: 'http://127.0.0.1:9999', STOCK: '7' });
    respondWith((_method, url) =>
      url.endsWith('/init') ? { status: 200, body: '{"stock":7}' } : { status: 409, body: '{"error":"sold out"}' },
    );
    call('setup');
    call('default');
    call('default');
    const [init, first, second] = callsTo('k6/http', 'request');
    expect(init).toStrictEqual([
      'POST',
      'http://127.0.0.1:9999/init',
      '{"productId":"iphone-15","quantity":7}',
      {
        headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
        tags: { name: '/init', endpoint: 'sale_init', operation: 'stock', service: 'sale' },
      },
    ]);
    const params = first![3] as { headers: Record<string, string>; redirects: number; responseCallback: unknown; tags: object };
    expect(params).toMatchObject({
      redirects: 0,
      tags: { name: '/order', endpoint: 'order', service: 'sale' },
      responseCallback: { expectedStatuses: [200, 302, 409] },
    });
    const keys = [params.headers['x-idempotency-key'], (second![3] as typeof params).headers['x-idempotency-key']];
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(keys[0]).not.toBe(keys[1]);
    const counted = callsTo('k6/metrics', 'add').map(([metric, value]) => [metric, value]);
    expect(counted).toStrictEqual([
      ['responses_2xx', 1],
      ['order_latency', 1],
      ['responses_4xx', 1],
      ['orders_rejected', 1],
      ['order_latency', 1],
      ['responses_4xx', 1],
      ['orders_rejected', 1],
    ]);
  });

  test('teardown fails the test when the target oversold', async () => {
    const { call, respondWith } = await initBundle('flash-sale', {});
    respondWith(() => ({ status: 200, body: '{"productId":"iphone-15","stock":0,"stocked":100,"orders":101}' }));
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(() => call('teardown')).toThrow('test failed: oversold: 101 orders for 100 stocked');
  });

  test('teardown passes when orders and stock add up', async () => {
    const { call, respondWith } = await initBundle('flash-sale', {});
    respondWith(() => ({ status: 200, body: '{"productId":"iphone-15","stock":0,"stocked":100,"orders":100}' }));
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(() => call('teardown')).not.toThrow();
    expect(log).toHaveBeenCalledWith('flash sale: 100 orders for 100 stocked, 0 left');
  });
});

describe('gateway examples (document 000)', () => {
  test('gateway-spike runs the open model at a 20x burst under the spike release gate', async () => {
    const { options } = await initBundle('gateway-spike', {});
    const { scenarios, thresholds } = options as { scenarios: Record<string, object>; thresholds: Record<string, unknown> };
    expect(scenarios['spike']).toMatchObject({ executor: 'ramping-arrival-rate', timeUnit: '1m', preAllocatedVUs: 232, maxVUs: 928 });
    expect(thresholds).toMatchObject({
      'http_req_duration{scenario:spike}': ['p(95)<500', 'p(99)<1200'],
      'http_req_failed{scenario:spike}': ['rate<0.02'],
      'http_req_duration{endpoint:transfer_create}': [],
      business_errors: ['rate<0.02'],
    });
  });

  test('gateway-baseline needs a bearer token outside development, and says so at init', async () => {
    await expect(initBundle('gateway-baseline', { ENVIRONMENT: 'staging', BASE_URL: 'https://gw.example.com' })).rejects.toThrow(
      'BEARER_TOKEN: nothing is not accepted; expected a bearer token',
    );
  });

  test('each iteration reads the balance and posts a transfer with the token and an idempotency key', async () => {
    const env = { ENVIRONMENT: 'staging', BASE_URL: 'https://gw.example.com', BEARER_TOKEN: 'tok-123', ACCOUNT_ID: 'acc-9' };
    const { call, respondWith, callsTo } = await initBundle('gateway-baseline', env);
    respondWith((_method, url) =>
      url.endsWith('/transfers')
        ? { status: 201, body: '{"transferId":"tx-1"}', headers: { 'Idempotent-Replay': 'true' } }
        : { status: 200, body: '{"balanceMinor":5}' },
    );
    call('default');
    const [balance, transfer] = callsTo('k6/http', 'request');
    expect(balance!.slice(0, 2)).toStrictEqual(['GET', 'https://gw.example.com/accounts/acc-9']);
    const params = transfer![3] as { headers: Record<string, string> };
    expect(params.headers['Authorization']).toBe('Bearer tok-123');
    expect(params.headers['x-idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(String(transfer![2]))).toMatchObject({ fromAccount: 'acc-9', currency: 'EUR' });
    expect(callsTo('k6/metrics', 'add').map(([metric]) => metric)).toEqual(
      expect.arrayContaining(['transfers_replayed', 'business_errors']),
    );
  });
});

describe('dealer.js (document 001)', () => {
  test('logs in once in setup(), then each iteration registers, finds, opens a deal with a valid VIN and prices it', async () => {
    const { call, respondWith, callsTo } = await initBundle('dealer', { SEED: '42' });
    respondWith((method, url) => {
      if (url.endsWith('/auth/login')) return { status: 200, body: '{"accessToken":"a-1","refreshToken":"r-1","expiresIn":900}' };
      if (method === 'POST' && url.endsWith('/deals')) return { status: 201, body: '{"id":"deal-1"}' };
      if (url.includes('/customers?')) return { status: 200, body: '{"results":[]}' };
      return { status: method === 'POST' && url.endsWith('/customers') ? 201 : 200, body: '{}' };
    });
    const data = call('setup');
    expect(data).toStrictEqual({ session: { accessToken: 'a-1', refreshToken: 'r-1', expiresAt: expect.any(Number) } });
    call('default', data);
    call('default', data);
    const sent = callsTo('k6/http', 'request').map(
      ([method, url]) => `${String(method)} ${String(url).replace('http://127.0.0.1:3000', '')}`,
    );
    expect(sent.filter((line) => line.endsWith('/auth/login'))).toHaveLength(1);
    expect(sent.slice(0, 7)).toStrictEqual([
      'POST /auth/login',
      'POST /customers',
      expect.stringMatching(/^GET \/customers\?q=\w+/),
      'POST /deals',
      'GET /deals/deal-1',
      'POST /tax/calculate',
      'POST /customers',
    ]);
    const { isValidVin } = await import('../src/generators/vin.ts');
    const dealBody = JSON.parse(String(callsTo('k6/http', 'request')[3]![2])) as { vehicle: { vin: string } };
    expect(isValidVin(dealBody.vehicle.vin)).toBe(true);
  });
});
