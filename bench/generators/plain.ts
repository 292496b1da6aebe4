// The plain script of the generators benchmark: the same requests as generated.ts, with fixed data and no k6-forge code.
import { check, sleep } from 'k6';
import http from 'k6/http';

export const options = { vus: Number(__ENV['BENCH_VUS'] ?? 1), duration: __ENV['BENCH_DURATION'] ?? '10s' };

const BASE_URL = __ENV['BASE_URL'] ?? 'http://127.0.0.1:3000';

/** One shopper: one order for the stocked product, then a second of thinking. */
export default function (): void {
  const res = http.post(`${BASE_URL}/order`, JSON.stringify({ productId: 'bench-item', userId: `user-${__VU}` }), {
    headers: { 'Content-Type': 'application/json', 'x-idempotency-key': `${__VU}-${__ITER}` },
    tags: { name: 'POST /order' },
  });
  check(res, { 'order accepted': (r) => r.status === 200 });
  sleep(1);
}
