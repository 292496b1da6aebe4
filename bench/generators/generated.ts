// The generator-heavy script of the generators benchmark: the same requests as plain.ts, with every order's data from
// k6-forge: a 10,000-customer pool embedded in the bundle, and runtime generators for the rest of each iteration.
import { check, sleep } from 'k6';
import http from 'k6/http';
import customers from 'k6-forge/pool?domain=customer&count=10000&seed=42&locale=en_US';
import { customer, deal, flashSaleOrder, ledgerTransfer, pool, supportTicket, taxCalculationRequest } from 'k6-forge/generators';

export const options = { vus: Number(__ENV['BENCH_VUS'] ?? 1), duration: __ENV['BENCH_DURATION'] ?? '10s' };

const BASE_URL = __ENV['BASE_URL'] ?? 'http://127.0.0.1:3000';
const shoppers = pool(customers, { pick: 'random' });

/** One shopper from the pool orders with generated data; the other records stand for a heavier journey's bodies. */
export default function (): void {
  const shopper = shoppers.next();
  const order = flashSaleOrder({ productId: 'bench-item', userId: shopper.email });
  const bodies = [customer(), deal(), taxCalculationRequest(), ledgerTransfer(), supportTicket()];
  const res = http.post(`${BASE_URL}/order`, JSON.stringify({ productId: order.productId, userId: order.userId }), {
    headers: { 'Content-Type': 'application/json', 'x-idempotency-key': order.idempotencyKey },
    tags: { name: 'POST /order' },
  });
  check(res, { 'order accepted': (r) => r.status === 200, 'records made': () => bodies.length === 5 });
  sleep(1);
}
