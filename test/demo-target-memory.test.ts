// The demo target's state stays flat over a long run: a scaled-down stand-in for a 2 h soak drives the ledger and the
// dealer far past their caps and measures the heap after garbage collection.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { BoundedMap } from '../src/demo-target/services/bounded-map.ts';
import { Dealer } from '../src/demo-target/services/dealer.ts';

const root = new URL('..', import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'k6-forge-memory-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** 1,000,000 transfers (10 times the idempotency window) and 300,000 customers, deals and searches (6 times the cap). */
const SCRIPT = `
import { Ledger } from ${JSON.stringify(join(root, 'src/demo-target/services/ledger.ts'))};
import { Dealer } from ${JSON.stringify(join(root, 'src/demo-target/services/dealer.ts'))};
const ledger = new Ledger();
ledger.fund('acc-demo', 1e15, 'EUR');
const dealer = new Dealer();
const VIN = '1HGCM82633A004352';
const heap = () => { globalThis.gc(); return process.memoryUsage().heapUsed; };
const samples = [];
const started = Date.now();
for (let step = 1; step <= 10; step += 1) {
  for (let i = 0; i < 100_000; i += 1) {
    const n = (step - 1) * 100_000 + i;
    ledger.transfer('key-' + n + '-' + 'x'.repeat(24), { fromAccount: 'acc-demo', toAccount: 'acc-sink-' + (n % 20), amountMinor: 100, currency: 'EUR' });
    if (i % 10 < 3) {
      dealer.addCustomer({ firstName: 'First' + (n % 997), lastName: n.toString(36).padStart(6, 'q'), email: 'c' + n + '@example.com' });
      const deal = dealer.openDeal({ dealNumber: 'D-' + n, vin: VIN, salePrice: 30000, customerEmail: 'c' + n + '@example.com' });
      dealer.searchCustomers(n.toString(36).slice(0, 3));
      if (!deal) throw new Error('deal refused');
    }
  }
  samples.push(heap());
}
const search = Date.now();
for (let i = 0; i < 1000; i += 1) dealer.searchCustomers('qq' + (i % 36).toString(36) + 'none');
console.log(JSON.stringify({ samples, stats: ledger.stats(), seconds: (Date.now() - started) / 1000, searchMs: Date.now() - search }));
`;

describe('the demo target over a long run', () => {
  test('heap stays flat once the caps are reached: 1,000,000 transfers and 300,000 customers and deals', { timeout: 120_000 }, () => {
    const file = join(scratch, 'soak.ts');
    writeFileSync(file, SCRIPT);
    const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', file], { cwd: root, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const { samples, stats, searchMs } = JSON.parse(run.stdout) as { samples: number[]; stats: { applied: number }; searchMs: number };
    console.log(
      `target memory: heap after GC per 100,000 transfers (MB): ${samples.map((b) => (b / 1e6).toFixed(1)).join(', ')}; 1,000 searches in ${searchMs} ms`,
    );
    expect(stats.applied).toBe(1_000_000);
    // The caps are reached after 100,000 transfers and about 170,000 customers; from there the heap must not grow.
    const atCap = samples[2]!;
    const last = samples.at(-1)!;
    expect(last - atCap).toBeLessThan(10e6);
    expect(Math.max(...samples)).toBeLessThan(200e6);
    expect(searchMs).toBeLessThan(2000);
  });
});

describe('bounded state', () => {
  test('BoundedMap evicts the oldest entry, skipping keys deleted since, and reports each eviction', () => {
    const evicted: string[] = [];
    const map = new BoundedMap<string, number>(3, (key) => evicted.push(key));
    for (const key of ['a', 'b', 'c']) map.set(key, 1);
    map.delete('a');
    map.set('d', 1);
    map.set('e', 1);
    map.set('b', 2);
    expect([...map.keys()]).toStrictEqual(['d', 'e', 'b']);
    expect(evicted).toStrictEqual(['b', 'c']);
  });

  test('the dealer forgets its oldest customers and deals past 50,000, also in search, and never reuses an id', () => {
    const dealer = new Dealer();
    const first = dealer.addCustomer({ firstName: 'Ada', lastName: 'Oldest', email: 'ada@example.com' });
    const deal = dealer.openDeal({ dealNumber: 'D-1', vin: '1HGCM82633A004352', salePrice: 1, customerEmail: 'ada@example.com' })!;
    for (let i = 0; i < 50_000; i += 1) {
      dealer.addCustomer({ firstName: 'Bob', lastName: `Newer${i}`, email: `b${i}@example.com` });
      dealer.openDeal({ dealNumber: `D-${i + 2}`, vin: '1HGCM82633A004352', salePrice: 1, customerEmail: 'b@example.com' });
    }
    expect(first.id).toBe('cust-1');
    expect(dealer.searchCustomers('Olde')).toStrictEqual([]);
    expect(dealer.searchCustomers('ada')).toStrictEqual([]);
    expect(dealer.deal(deal.id)).toBeUndefined();
    expect(dealer.searchCustomers('newer49999')).toStrictEqual([
      { id: 'cust-50001', firstName: 'Bob', lastName: 'Newer49999', email: 'b49999@example.com' },
    ]);
    expect(dealer.searchCustomers('Ne')).toHaveLength(20);
    expect(dealer.deal('deal-50001')?.dealNumber).toBe('D-50001');
  });
});
