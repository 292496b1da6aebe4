import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { type RunningTarget, startTarget } from '../src/demo-target/index.ts';

let target: RunningTarget;
beforeAll(async () => {
  target = await startTarget({ bearerTokens: ['gw-token'], accounts: { 'acc-a': 10_000 }, tokenLifetimeSeconds: 60 });
});
afterAll(() => target.close());

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${target.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    replay: response.headers.get('idempotent-replay'),
  };
}

const AUTH = { authorization: 'Bearer gw-token' };
const transfer = (key: string, amountMinor = 100, toAccount = 'acc-b') =>
  call('POST', '/transfers', { fromAccount: 'acc-a', toAccount, amountMinor, currency: 'EUR' }, { ...AUTH, 'x-idempotency-key': key });

describe('gateway and ledger (document 000)', () => {
  test('require a valid bearer token', async () => {
    expect((await call('GET', '/accounts/acc-a')).status).toBe(401);
    expect((await call('GET', '/accounts/acc-a', undefined, { authorization: 'Bearer nope' })).status).toBe(401);
    expect(await call('GET', '/accounts/acc-a', undefined, AUTH)).toMatchObject({
      status: 200,
      body: { accountId: 'acc-a', balanceMinor: 10_000, currency: 'EUR' },
    });
  });

  test('apply each idempotency key once, even when 50 retries of it race', async () => {
    const before = (await call('GET', '/transfers/stats')).body;
    const answers = await Promise.all(Array.from({ length: 50 }, () => transfer('key-race', 250)));
    expect(new Set(answers.map((a) => a.body['transferId'])).size).toBe(1);
    expect(answers.every((a) => a.status === 201)).toBe(true);
    expect(answers.filter((a) => a.replay === 'true')).toHaveLength(49);
    const after = (await call('GET', '/transfers/stats')).body;
    expect(after).toStrictEqual({ applied: Number(before['applied']) + 1, replays: Number(before['replays']) + 49, conflicts: 0 });
    expect((await call('GET', '/accounts/acc-b', undefined, AUTH)).body['balanceMinor']).toBe(250);
  });

  test('refuse a reused key with another body, overdrafts and bad input', async () => {
    await transfer('key-1', 10, 'acc-c');
    expect((await transfer('key-1', 11, 'acc-c')).status).toBe(422);
    expect((await transfer('key-big', 1_000_000)).status).toBe(409);
    expect((await call('POST', '/transfers', { fromAccount: 'acc-a' }, AUTH)).body).toStrictEqual({
      error: 'x-idempotency-key: nothing is not accepted; expected a non-empty header',
    });
    expect(
      (
        await call(
          'POST',
          '/transfers',
          { fromAccount: 'acc-a', toAccount: 'acc-b', currency: 'EUR', amountMinor: -5 },
          { ...AUTH, 'x-idempotency-key': 'k' },
        )
      ).body,
    ).toStrictEqual({
      error: 'amountMinor: -5 is not accepted; expected a whole number of minor units greater than 0',
    });
    expect(
      (
        await call(
          'POST',
          '/transfers',
          { fromAccount: 'nobody', toAccount: 'acc-b', currency: 'EUR', amountMinor: 5 },
          { ...AUTH, 'x-idempotency-key': 'k2' },
        )
      ).status,
    ).toBe(404);
  });
});

describe('auth service (document 001)', () => {
  test('logs in, authorizes the access token, refreshes once per refresh token', async () => {
    const login = await call('POST', '/auth/login', { username: 'loadtest@example.com', password: 'LoadTest123!' });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ expiresIn: 60 });
    const { accessToken, refreshToken } = login.body as { accessToken: string; refreshToken: string };
    expect((await call('GET', '/accounts/acc-a', undefined, { authorization: `Bearer ${accessToken}` })).status).toBe(200);
    const refreshed = await call('POST', '/auth/refresh', { refreshToken });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body['accessToken']).not.toBe(accessToken);
    expect((await call('POST', '/auth/refresh', { refreshToken })).status).toBe(401);
  });

  test('refuses wrong credentials, and never echoes a password', async () => {
    expect(await call('POST', '/auth/login', { username: 'loadtest@example.com', password: 'nope' })).toMatchObject({ status: 401 });
    const bad = await call('POST', '/auth/login', { username: 'u', password: 12345 });
    expect(bad).toMatchObject({ status: 400, body: { error: 'password: "(hidden)" is not accepted; expected a non-empty string' } });
  });
});

describe('WebSocket echo', () => {
  test('echoes each message at /ws/echo', async () => {
    const socket = new WebSocket(`${target.url.replace('http', 'ws')}/ws/echo`);
    await new Promise((resolve) => socket.once('open', resolve));
    const reply = new Promise<string>((resolve) => socket.once('message', (data) => resolve(String(data))));
    socket.send('ping-42');
    expect(await reply).toBe('ping-42');
    socket.close();
  });
});

describe('dealer platform (document 001)', () => {
  let auth: Record<string, string>;
  beforeAll(async () => {
    const login = await call('POST', '/auth/login', { username: 'loadtest@example.com', password: 'LoadTest123!' });
    auth = { authorization: `Bearer ${String(login.body['accessToken'])}` };
  });

  test('needs a token', async () => {
    expect((await call('GET', '/customers?q=a')).status).toBe(401);
  });

  test('stores customers and finds them by name or email prefix', async () => {
    const created = await call('POST', '/customers', { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' }, auth);
    expect(created).toMatchObject({ status: 201, body: { firstName: 'Ada', email: 'ada@example.com' } });
    await call('POST', '/customers', { firstName: 'Alan', lastName: 'Turing', email: 'alan@example.com' }, auth);
    const found = await call('GET', '/customers?q=lov', undefined, auth);
    expect((found.body['results'] as { email: string }[]).map((c) => c.email)).toStrictEqual(['ada@example.com']);
    expect((await call('GET', '/customers', undefined, auth)).status).toBe(400);
  });

  test('opens a deal only for a VIN with a valid check digit', async () => {
    const deal = (vin: string) =>
      call('POST', '/deals', { dealNumber: 'DEAL-1', vehicle: { vin }, customer: { email: 'ada@example.com' }, salePrice: 28_500 }, auth);
    const opened = await deal('1HGCM82633A004352');
    expect(opened).toMatchObject({ status: 201, body: { status: 'draft', vin: '1HGCM82633A004352', salePrice: 28_500 } });
    expect((await call('GET', `/deals/${String(opened.body['id'])}`, undefined, auth)).body).toStrictEqual(opened.body);
    expect((await deal('1HGCM82643A004352')).status).toBe(422);
    expect((await call('GET', '/deals/deal-999', undefined, auth)).status).toBe(404);
  });

  test('quotes tax on the price less trade-in and rebate, fees untaxed', async () => {
    const quote = await call(
      'POST',
      '/tax/calculate',
      {
        jurisdiction: { region: 'CA' },
        vehiclePrice: 30_000,
        tradeInValue: 4_000,
        rebate: 1_000,
        fees: [
          { code: 'doc', amount: 100 },
          { code: 'title', amount: 50 },
        ],
      },
      auth,
    );
    expect(quote).toMatchObject({
      status: 200,
      body: { region: 'CA', rate: 0.0725, taxableAmount: 25_000, tax: 1_812.5, fees: 150, total: 26_962.5 },
    });
    expect((await call('POST', '/tax/calculate', { jurisdiction: { region: 'CA' }, vehiclePrice: -1 }, auth)).status).toBe(400);
  });
});
