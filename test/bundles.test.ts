import { afterEach, describe, expect, test, vi } from 'vitest';

/**
 * Evaluates a committed bundle the way a k6 VU does at init: a fresh module graph, the given __ENV,
 * and the k6 modules as doubles (the same fresh instances the returned helpers drive).
 */
async function initBundle(name: string, env: Record<string, string>) {
  vi.resetModules();
  vi.stubGlobal('__ENV', env);
  const script = (await import(`../dist/${name}.js`)) as Record<string, unknown>;
  const { respondWith } = await import('./doubles/http.ts');
  const { callsTo } = await import('./doubles/recorder.ts');
  const call = (fn: string) => (script[fn] as () => void)();
  return { options: script['options'], call, respondWith, callsTo };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('bundles at init', () => {
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
  ])('stops at init on %j with a message naming the variable', async (env, message) => {
    await expect(initBundle('spike', env)).rejects.toThrow(message);
  });
});

describe('flash-sale.js', () => {
  test('stocks the sale, orders with a fresh idempotency key and counts each answer', async () => {
    const { call, respondWith, callsTo } = await initBundle('flash-sale', { BASE_URL: 'http://127.0.0.1:9999', STOCK: '7' });
    respondWith((_method, url) => (url.endsWith('/init') ? { status: 200, body: '{"stock":7}' } : { status: 409, body: '{"error":"sold out"}' }));
    call('setup');
    call('default');
    call('default');
    const [init, first, second] = callsTo('k6/http', 'request');
    expect(init).toStrictEqual(['POST', 'http://127.0.0.1:9999/init', '{"productId":"iphone-15","quantity":7}', { headers: { 'Content-Type': 'application/json' } }]);
    const params = first![3] as { headers: Record<string, string>; redirects: number; responseCallback: unknown; tags: object };
    expect(params).toMatchObject({ redirects: 0, tags: { name: 'POST /order' }, responseCallback: { expectedStatuses: [200, 302, 409] } });
    const keys = [params.headers['x-idempotency-key'], (second![3] as typeof params).headers['x-idempotency-key']];
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(keys[0]).not.toBe(keys[1]);
    const counted = callsTo('k6/metrics', 'add').map(([metric, value]) => [metric, value]);
    expect(counted).toStrictEqual([
      ['order_latency', 1],
      ['orders_rejected', 1],
      ['order_latency', 1],
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
