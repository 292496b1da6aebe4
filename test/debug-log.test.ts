import { afterEach, describe, expect, test } from 'vitest';
import { requestLogger } from '../src/lib/debug-log.ts';
import { request, respondWith } from './doubles/http.ts';

const vuGlobal = globalThis as { __VU?: number };

afterEach(() => {
  vuGlobal.__VU = 1;
});

function logged(vu: number, requests: number, options: { vus?: number; first?: number; every?: number }): number {
  vuGlobal.__VU = vu;
  const lines: string[] = [];
  const log = requestLogger({ ...options, log: (line) => lines.push(line) });
  respondWith(() => ({ status: 200, body: '{}' }));
  const res = request('GET', 'http://x/') as never;
  for (let i = 0; i < requests; i += 1) log('GET /', { url: 'http://x/', headers: {}, body: null }, res);
  return lines.length / 2;
}

describe('requestLogger sampling', () => {
  test('logs the first requests of the first VUs, then one in `every`', () => {
    expect(logged(1, 1000, {})).toBe(20 + 9);
    expect(logged(2, 50, { first: 5, every: 10 })).toBe(5 + 4);
  });

  test('stays silent on VUs past the limit, so 1000 VUs do not flood the terminal', () => {
    expect(logged(3, 1000, {})).toBe(0);
    expect(logged(3, 10, { vus: 3 })).toBe(10);
  });
});
