import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { bearerAuth, sessionAuth } from '../src/lib/auth.ts';
import { catalog } from '../src/lib/catalog.ts';
import { respondWith } from './doubles/http.ts';
import { callsTo, resetRecorded } from './doubles/recorder.ts';
import { caught } from './support/caught.ts';

const TOKEN = 'tok-3f9a8c1e7b';
const PASSWORD = 'S3cret-Pa55';

const specs = {
  login: { method: 'POST', path: '/auth/login', auth: false },
  refresh: { method: 'POST', path: '/auth/refresh', auth: false },
  deals: { method: 'GET', path: '/deals' },
} as const;

/** A fake auth service: tokens numbered by issue, valid for `lifetime` seconds. */
function authService(lifetime = 60) {
  let issued = 0;
  respondWith((_method, url, body) => {
    if (url.endsWith('/auth/login')) {
      const { password } = JSON.parse(String(body)) as { password: string };
      if (password !== PASSWORD) return { status: 401, body: '{"error":"invalid credentials"}' };
    }
    if (url.endsWith('/auth/login') || url.endsWith('/auth/refresh')) {
      issued += 1;
      return { status: 200, body: JSON.stringify({ accessToken: `${TOKEN}-${issued}`, refreshToken: `r-${issued}`, expiresIn: lifetime }) };
    }
    return { status: 200, body: '[]' };
  });
}

function sentAuthorization(): (string | undefined)[] {
  return callsTo('k6/http', 'request').map((c) => (c[3] as { headers: Record<string, string> }).headers['Authorization']);
}

function urls(): string[] {
  return callsTo('k6/http', 'request').map((c) => String(c[1]).replace('http://x', ''));
}

beforeEach(() => resetRecorded());
afterEach(() => vi.restoreAllMocks());

describe('bearerAuth', () => {
  test('sends the token as a bearer header on endpoints that use auth', () => {
    const api = catalog(specs, { baseUrl: 'http://x', thresholdsFile: {}, auth: bearerAuth(TOKEN) });
    respondWith(() => ({ status: 200, body: '{}' }));
    api.send('deals');
    api.send('login', { body: {} });
    expect(sentAuthorization()).toStrictEqual([`Bearer ${TOKEN}`, undefined]);
  });

  test('refuses a missing token without printing anything secret', () => {
    expect(() => bearerAuth(undefined)).toThrow('BEARER_TOKEN: nothing is not accepted; expected a bearer token');
  });
});

describe('sessionAuth', () => {
  test('logs in on first use, caches the token per VU and refreshes it 30s before expiry', () => {
    let now = 1_000_000;
    const auth = sessionAuth({ login: 'login', refresh: 'refresh', username: 'u@example.com', password: PASSWORD, now: () => now });
    const api = catalog(specs, { baseUrl: 'http://x', thresholdsFile: {}, auth });
    authService(60);
    api.send('deals');
    now += 29_000;
    api.send('deals');
    now += 1_000; // 30s left: refresh now
    api.send('deals');
    expect(urls()).toStrictEqual(['/auth/login', '/deals', '/deals', '/auth/refresh', '/deals']);
    expect(sentAuthorization()).toStrictEqual([undefined, `Bearer ${TOKEN}-1`, `Bearer ${TOKEN}-1`, undefined, `Bearer ${TOKEN}-2`]);
    expect(callsTo('k6/http', 'request')[3]![2]).toBe('{"refreshToken":"r-1"}');
  });

  test('hands the catalog one headers object per token, so request params are reused until the token changes', () => {
    let now = 0;
    const auth = sessionAuth({ login: 'login', refresh: 'refresh', username: 'u', password: PASSWORD, now: () => now });
    const api = catalog(specs, { baseUrl: 'http://x', thresholdsFile: {}, auth });
    authService(60);
    api.send('deals');
    api.send('deals');
    now = 30_000;
    api.send('deals');
    const params = callsTo('k6/http', 'request')
      .filter(([, url]) => String(url).endsWith('/deals'))
      .map((call) => call[3]);
    expect(params[1]).toBe(params[0]);
    expect(params[2]).not.toBe(params[1]);
  });

  test('logs in again when there is no refresh endpoint', () => {
    let now = 0;
    const auth = sessionAuth({ login: 'login', username: 'u', password: PASSWORD, refreshBefore: '5s', now: () => now });
    const api = catalog(specs, { baseUrl: 'http://x', thresholdsFile: {}, auth });
    authService(10);
    api.send('deals');
    now = 5_000;
    api.send('deals');
    expect(urls()).toStrictEqual(['/auth/login', '/deals', '/auth/login', '/deals']);
  });

  test('shares one setup() login with every VU through adopt', () => {
    const auth = sessionAuth({ login: 'login', username: 'u', password: PASSWORD, now: () => 0 });
    const api = catalog(specs, { baseUrl: 'http://x', thresholdsFile: {}, auth });
    authService(900);
    const shared = auth.login(api);
    expect(shared).toStrictEqual({ accessToken: `${TOKEN}-1`, refreshToken: 'r-1', expiresAt: 900_000 });
    const vu = sessionAuth({ login: 'login', username: 'u', password: PASSWORD, now: () => 1 });
    const vuApi = catalog(specs, { baseUrl: 'http://x', thresholdsFile: {}, auth: vu });
    vu.adopt(shared);
    resetRecorded();
    vuApi.send('deals');
    expect(urls()).toStrictEqual(['/deals']);
    expect(sentAuthorization()).toStrictEqual([`Bearer ${TOKEN}-1`]);
  });

  test('a failed login is tried 3 times with 1 s and 2 s waits, then aborts the test naming the endpoint and status, never the password', () => {
    const api = catalog(specs, {
      baseUrl: 'http://x',
      thresholdsFile: {},
      auth: sessionAuth({ login: 'login', username: 'u', password: 'wrong-password-123' }),
    });
    authService();
    const error = caught(() => api.send('deals')) as Error;
    expect(error.message).toBe(
      'test aborted: k6-forge sessionAuth: login failed 3 times in a row, last with HTTP 401 and no accessToken in the response; check TEST_USERNAME and TEST_PASSWORD (the test stops so that an identity provider does not lock the account)',
    );
    expect(urls()).toStrictEqual(['/auth/login', '/auth/login', '/auth/login']);
    expect(callsTo('k6', 'sleep')).toStrictEqual([[1], [2]]);
    expect(error.message).not.toContain('wrong-password-123');
  });

  test('maxFailures and backoff set the bound and the waits; a login that succeeds on a later try goes on', () => {
    let tries = 0;
    const auth = sessionAuth({ login: 'login', username: 'u', password: PASSWORD, maxFailures: 5, backoff: '200ms' });
    const api = catalog(specs, { baseUrl: 'http://x', thresholdsFile: {}, auth });
    respondWith((_method, url) => {
      if (url.endsWith('/auth/login'))
        return ++tries < 4 ? { status: 503, body: '' } : { status: 200, body: JSON.stringify({ accessToken: TOKEN }) };
      return { status: 200, body: '[]' };
    });
    api.send('deals');
    expect(urls()).toStrictEqual(['/auth/login', '/auth/login', '/auth/login', '/auth/login', '/deals']);
    expect(callsTo('k6', 'sleep')).toStrictEqual([[0.2], [0.4], [0.8]]);
    expect(sentAuthorization().at(-1)).toBe(`Bearer ${TOKEN}`);
    expect(() => sessionAuth({ login: 'login', username: 'u', password: 'p', maxFailures: 0 })).toThrow(
      'maxFailures: 0 is not accepted; expected a whole number from 1 to 10',
    );
  });

  test('a refused refresh (a rotated token another VU used) logs in instead of failing', () => {
    let clock = 0;
    const auth = sessionAuth({ login: 'login', refresh: 'refresh', username: 'u', password: PASSWORD, now: () => clock });
    const api = catalog(specs, { baseUrl: 'http://x', thresholdsFile: {}, auth });
    auth.adopt({ accessToken: 'shared', refreshToken: 'used-elsewhere', expiresAt: 60_000 });
    authService();
    respondWith((_method, url) => {
      if (url.endsWith('/auth/refresh')) return { status: 401, body: '{"error":"unknown refresh token"}' };
      if (url.endsWith('/auth/login')) return { status: 200, body: JSON.stringify({ accessToken: 'fresh', expiresIn: 60 }) };
      return { status: 200, body: '[]' };
    });
    clock = 45_000;
    api.send('deals');
    expect(urls()).toStrictEqual(['/auth/refresh', '/auth/login', '/deals']);
    expect(sentAuthorization().at(-1)).toBe('Bearer fresh');
    auth.adopt({ accessToken: 'shared', refreshToken: 'used-elsewhere', expiresAt: 60_000 });
    api.send('deals');
    expect(sentAuthorization().at(-1)).toBe('Bearer fresh');
  });

  test('refuses missing credentials, hiding the password', () => {
    expect(() => sessionAuth({ login: 'login', username: undefined, password: 'x' })).toThrow('TEST_USERNAME: nothing is not accepted');
    expect(() => sessionAuth({ login: 'login', username: 'u', password: '' })).toThrow('TEST_PASSWORD: (hidden) is not accepted');
  });
});

describe('secrets in DEBUG mode', () => {
  test('the token and password occur in no log line, whatever is logged', () => {
    const lines: string[] = [];
    const auth = sessionAuth({ login: 'login', refresh: 'refresh', username: 'u', password: PASSWORD, now: () => 0 });
    const api = catalog(specs, { baseUrl: 'http://x', thresholdsFile: {}, auth, debug: { log: (line) => lines.push(line), first: 100 } });
    authService();
    for (let i = 0; i < 5; i += 1) api.send('deals', { query: { token: TOKEN } });
    api.send('refresh', { body: { refreshToken: 'r-1' } });
    expect(lines.length).toBe(14);
    for (const line of lines) {
      expect(line).not.toContain(TOKEN);
      expect(line).not.toContain(PASSWORD);
      expect(line).not.toContain('r-1');
    }
    expect(lines[0]).toContain('-> POST /auth/login http://x/auth/login');
    expect(lines[0]).toContain('"password":"[redacted]"');
    expect(lines[2]).toContain('"Authorization":"[redacted]"');
    expect(lines[2]).toContain('?token=[redacted]');
  });
});
