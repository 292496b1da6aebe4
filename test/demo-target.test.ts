import { connect } from 'node:net';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { type RunningTarget, startTarget, type TargetOptions } from '../src/demo-target/index.ts';
import { FlashSale } from '../src/demo-target/services/flash-sale.ts';
import { ForgeError } from '../src/lib/errors.ts';

interface Answer {
  readonly status: number;
  readonly body: unknown;
}

const JSON_HEADERS = { 'content-type': 'application/json' };

async function call(target: RunningTarget, method: string, path: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(`${target.url}${path}`, { method, redirect: 'manual', ...init });
  return { status: response.status, body: await response.json() };
}

function post(target: RunningTarget, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  return call(target, 'POST', path, { body: JSON.stringify(body), headers: { ...JSON_HEADERS, ...headers } });
}

function order(target: RunningTarget, key: string, productId = 'iphone-15', userId = `user-${key}`): Promise<Answer> {
  return post(target, '/order', { productId, userId }, { 'x-idempotency-key': key });
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('startTarget', () => {
  let target: RunningTarget;
  let extra: RunningTarget | undefined;

  beforeEach(async () => {
    target = await startTarget({ port: 0 });
  });

  afterEach(async () => {
    await target.close();
    await extra?.close();
    extra = undefined;
  });

  test('listens on a free loopback port and reports its URL', () => {
    expect(target.port).toBeGreaterThan(0);
    expect(target.url).toBe(`http://127.0.0.1:${target.port}`);
  });

  test('GET /health answers 200 {"status":"ok"} as JSON', async () => {
    const response = await fetch(`${target.url}/health`);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect({ status: response.status, body: await response.json() }).toStrictEqual({
      status: 200,
      body: { status: 'ok' },
    });
  });

  test('POST /init stocks a product that GET /products/{id} then reports', async () => {
    expect(await post(target, '/init', { productId: 'iphone-15', quantity: 100 })).toStrictEqual({
      status: 200,
      body: { productId: 'iphone-15', stock: 100 },
    });
    expect(await call(target, 'GET', '/products/iphone-15')).toStrictEqual({
      status: 200,
      body: { productId: 'iphone-15', stock: 100, stocked: 100, orders: 0 },
    });
  });

  test.each([
    [{ quantity: 5 }, 'productId: nothing is not accepted; expected a non-empty string'],
    [{ productId: '', quantity: 5 }, 'productId: "" is not accepted; expected a non-empty string'],
    [{ productId: 7, quantity: 5 }, 'productId: 7 is not accepted; expected a non-empty string'],
    [{ productId: 'p' }, 'quantity: nothing is not accepted; expected a non-negative integer'],
    [{ productId: 'p', quantity: -1 }, 'quantity: -1 is not accepted; expected a non-negative integer'],
    [{ productId: 'p', quantity: 1.5 }, 'quantity: 1.5 is not accepted; expected a non-negative integer'],
    [{ productId: 'p', quantity: '5' }, 'quantity: "5" is not accepted; expected a non-negative integer'],
    [[1, 2], 'body: [1,2] is not accepted; expected a JSON object'],
  ])('POST /init rejects %j with 400 naming the field', async (body, error) => {
    expect(await post(target, '/init', body)).toStrictEqual({ status: 400, body: { error } });
  });

  test('200 concurrent orders against stock 50 accept exactly 50 and sell out the rest', async () => {
    await post(target, '/init', { productId: 'iphone-15', quantity: 50 });
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => order(target, `key-${i}`)));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(50);
    expect(statuses.filter((status) => status === 409)).toHaveLength(150);
    const accepted = answers.filter((answer) => answer.status === 200);
    const orderIds = new Set(accepted.map((answer) => (answer.body as { orderId: string }).orderId));
    expect(orderIds.size).toBe(50);
    expect(answers.find((answer) => answer.status === 409)).toStrictEqual({ status: 409, body: { error: 'sold out' } });
    expect(await call(target, 'GET', '/products/iphone-15')).toStrictEqual({
      status: 200,
      body: { productId: 'iphone-15', stock: 0, stocked: 50, orders: 50 },
    });
  });

  test('a retry with the same idempotency key gets the same order and takes stock once', async () => {
    await post(target, '/init', { productId: 'iphone-15', quantity: 10 });
    const first = await order(target, 'k1', 'iphone-15', 'ada');
    expect(first).toStrictEqual({
      status: 200,
      body: { orderId: expect.any(String), productId: 'iphone-15', userId: 'ada' },
    });
    expect(await order(target, 'k1', 'iphone-15', 'ada')).toStrictEqual(first);
    expect(await call(target, 'GET', '/products/iphone-15')).toStrictEqual({
      status: 200,
      body: { productId: 'iphone-15', stock: 9, stocked: 10, orders: 1 },
    });
  });

  test('a retry still gets its order after the product sells out', async () => {
    await post(target, '/init', { productId: 'iphone-15', quantity: 1 });
    const first = await order(target, 'k1');
    expect(first.status).toBe(200);
    expect(await order(target, 'k2')).toStrictEqual({ status: 409, body: { error: 'sold out' } });
    expect(await order(target, 'k1')).toStrictEqual(first);
  });

  test('re-init restocks and forgets earlier orders and their keys', async () => {
    await post(target, '/init', { productId: 'iphone-15', quantity: 1 });
    const first = await order(target, 'k1');
    await post(target, '/init', { productId: 'iphone-15', quantity: 3 });
    const again = await order(target, 'k1');
    expect(again.status).toBe(200);
    expect(again.body).not.toStrictEqual(first.body);
    expect(await call(target, 'GET', '/products/iphone-15')).toStrictEqual({
      status: 200,
      body: { productId: 'iphone-15', stock: 2, stocked: 3, orders: 1 },
    });
  });

  test('the same key with a different product or user answers 422 and takes no stock', async () => {
    await post(target, '/init', { productId: 'iphone-15', quantity: 10 });
    await post(target, '/init', { productId: 'pixel-9', quantity: 10 });
    await order(target, 'k1', 'iphone-15', 'ada');
    const conflict = { status: 422, body: { error: 'x-idempotency-key was already used for a different order' } };
    expect(await order(target, 'k1', 'iphone-15', 'bob')).toStrictEqual(conflict);
    expect(await order(target, 'k1', 'pixel-9', 'ada')).toStrictEqual(conflict);
    expect(await call(target, 'GET', '/products/pixel-9')).toStrictEqual({
      status: 200,
      body: { productId: 'pixel-9', stock: 10, stocked: 10, orders: 0 },
    });
  });

  test.each([
    [{}, 'x-idempotency-key: nothing is not accepted; expected a non-empty header'],
    [{ 'x-idempotency-key': '' }, 'x-idempotency-key: "" is not accepted; expected a non-empty header'],
  ])('POST /order with idempotency headers %j answers 400', async (headers, error) => {
    await post(target, '/init', { productId: 'iphone-15', quantity: 10 });
    expect(await post(target, '/order', { productId: 'iphone-15', userId: 'ada' }, headers)).toStrictEqual({
      status: 400,
      body: { error },
    });
  });

  test('POST /order without a userId answers 400 naming userId', async () => {
    expect(await post(target, '/order', { productId: 'iphone-15' }, { 'x-idempotency-key': 'k1' })).toStrictEqual({
      status: 400,
      body: { error: 'userId: nothing is not accepted; expected a non-empty string' },
    });
  });

  test('an order for a product never stocked answers 404', async () => {
    expect(await order(target, 'k1', 'nope')).toStrictEqual({ status: 404, body: { error: 'unknown product' } });
  });

  test('GET /products/{id} for a product never stocked answers 404', async () => {
    expect(await call(target, 'GET', '/products/nope')).toStrictEqual({
      status: 404,
      body: { error: 'unknown product' },
    });
  });

  test('GET /products/{id} decodes the id', async () => {
    await post(target, '/init', { productId: 'a b/c', quantity: 2 });
    expect(await call(target, 'GET', `/products/${encodeURIComponent('a b/c')}`)).toStrictEqual({
      status: 200,
      body: { productId: 'a b/c', stock: 2, stocked: 2, orders: 0 },
    });
  });

  test.each(['/', '/nope', '/products/', '/products/a/b', '/health/x'])('GET %s answers 404', async (path) => {
    expect(await call(target, 'GET', path)).toStrictEqual({ status: 404, body: { error: 'not found' } });
  });

  test.each([
    ['POST', '/health', 'GET'],
    ['GET', '/init', 'POST'],
    ['GET', '/order', 'POST'],
    ['DELETE', '/products/iphone-15', 'GET'],
  ])('%s %s answers 405 allowing %s', async (method, path, allow) => {
    const response = await fetch(`${target.url}${path}`, { method });
    const answer = { status: response.status, allow: response.headers.get('allow'), body: await response.json() };
    expect(answer).toStrictEqual({
      status: 405,
      allow,
      body: { error: 'method not allowed' },
    });
  });

  test('malformed JSON answers 400', async () => {
    expect(await call(target, 'POST', '/init', { body: '{"productId":', headers: JSON_HEADERS })).toStrictEqual({
      status: 400,
      body: { error: 'body: "{\\"productId\\":" is not accepted; expected a JSON object' },
    });
  });

  test('a body over 64 KB answers 413', async () => {
    const body = JSON.stringify({ productId: 'x'.repeat(70_000), quantity: 1 });
    expect(await call(target, 'POST', '/init', { body, headers: JSON_HEADERS })).toStrictEqual({
      status: 413,
      body: { error: 'body: more than 65536 bytes is not accepted; expected at most 64 KB' },
    });
  });

  test('over the rate limit, orders are sent to the waiting room with 302', async () => {
    extra = await startTarget({ ordersPerSecond: 5 });
    await post(extra, '/init', { productId: 'iphone-15', quantity: 1000 });
    const running = extra;
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        fetch(`${running.url}/order`, {
          method: 'POST',
          redirect: 'manual',
          body: JSON.stringify({ productId: 'iphone-15', userId: `u${i}` }),
          headers: { ...JSON_HEADERS, 'x-idempotency-key': `k${i}` },
        }),
      ),
    );
    const accepted = responses.filter((response) => response.status === 200).length;
    const limited = responses.filter((response) => response.status === 302);
    expect(accepted).toBeGreaterThanOrEqual(5);
    expect(accepted).toBeLessThanOrEqual(6);
    expect(limited).toHaveLength(20 - accepted);
    const first = limited[0];
    expect(first && { location: first.headers.get('location'), body: await first.json() }).toStrictEqual({
      location: '/waiting-room',
      body: { error: 'rate limited' },
    });
    expect(await call(extra, 'GET', '/waiting-room')).toStrictEqual({ status: 200, body: { status: 'waiting' } });
  });

  test('close() drops idle keep-alive connections and stops serving', async () => {
    extra = await startTarget();
    const { url } = extra;
    expect((await fetch(`${url}/health`)).status).toBe(200);
    const started = Date.now();
    await extra.close();
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(fetch(`${url}/health`)).rejects.toThrow();
    await extra.close();
  });

  test('close() also drops a connection stuck mid-request', async () => {
    extra = await startTarget();
    const socket = connect(extra.port, '127.0.0.1');
    const closed = new Promise((resolve) => socket.once('close', resolve));
    socket.on('error', () => undefined);
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write('POST /init HTTP/1.1\r\nhost: x\r\ncontent-length: 100\r\n\r\n{"productId"');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await extra.close();
    await closed;
    expect(Date.now() - started).toBeLessThan(1000);
  });

  test.each<[TargetOptions, string, string, string]>([
    [{ port: -1 }, 'port', '-1', 'an integer from 0 to 65535 (0 picks a free port)'],
    [{ port: 65536 }, 'port', '65536', 'an integer from 0 to 65535 (0 picks a free port)'],
    [{ port: 80.5 }, 'port', '80.5', 'an integer from 0 to 65535 (0 picks a free port)'],
    [{ host: '' }, 'host', '""', 'a non-empty host name or address'],
    [{ ordersPerSecond: -1 }, 'ordersPerSecond', '-1', 'a finite number of 0 or more (0 means no limit)'],
  ])('rejects options %j with a ForgeError naming %s', async (options, field, given, accepted) => {
    const error = await rejectionOf(startTarget(options));
    expect(error).toBeInstanceOf(ForgeError);
    const { code, details, message } = error as ForgeError;
    expect({ code, details, message }).toStrictEqual({
      code: 'invalid_option',
      details: { field, given, accepted },
      message: `${field}: ${given} is not accepted; expected ${accepted}`,
    });
  });
});

describe('FlashSale', () => {
  test('refills the rate limit at ordersPerSecond tokens per second', () => {
    const sale = new FlashSale({ ordersPerSecond: 2 });
    sale.restock('p', 100);
    const kinds = (nowMs: number, keys: string[]) => keys.map((key) => sale.order('p', 'u', key, nowMs).kind);
    expect(kinds(0, ['a', 'b', 'c'])).toStrictEqual(['accepted', 'accepted', 'rate_limited']);
    expect(kinds(250, ['d'])).toStrictEqual(['rate_limited']);
    expect(kinds(500, ['e', 'f'])).toStrictEqual(['accepted', 'rate_limited']);
    expect(kinds(60_000, ['g', 'h', 'i'])).toStrictEqual(['accepted', 'accepted', 'rate_limited']);
  });

  test('sold-out attempts and retries do not spend the rate limit', () => {
    const sale = new FlashSale({ ordersPerSecond: 2 });
    sale.restock('p', 1);
    const accepted = { kind: 'accepted', orderId: 'order-1', productId: 'p', userId: 'u' };
    expect(sale.order('p', 'u', 'a', 0)).toStrictEqual(accepted);
    expect(sale.order('p', 'u', 'b', 0)).toStrictEqual({ kind: 'sold_out' });
    expect(sale.order('p', 'u', 'a', 0)).toStrictEqual(accepted);
    sale.restock('p', 5);
    expect(sale.order('p', 'u', 'c', 0)).toStrictEqual({ ...accepted, orderId: 'order-2' });
    expect(sale.order('p', 'u', 'd', 0)).toStrictEqual({ kind: 'rate_limited' });
  });

  test('with ordersPerSecond 0 there is no limit', () => {
    const sale = new FlashSale({ ordersPerSecond: 0 });
    sale.restock('p', 1000);
    const kinds = new Set(Array.from({ length: 1000 }, (_, i) => sale.order('p', 'u', `k${i}`, 0).kind));
    expect([...kinds]).toStrictEqual(['accepted']);
    expect(sale.product('p')).toStrictEqual({ productId: 'p', stock: 0, stocked: 1000, orders: 1000 });
  });
});
