import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findK6 } from '../src/cli/k6-binary.ts';
import { main } from '../src/cli/main.ts';
import { startTarget, type RunningTarget } from '../src/target/index.ts';

const k6 = findK6();
if (!k6) console.log('SKIPPED: k6 not found (set K6_BIN or put k6 on PATH to run the bundles under real k6)');

const scratch = mkdtempSync(join(tmpdir(), 'k6-forge-k6-'));

/** Runs a bundle under real k6 without blocking this process, which serves the target. */
function k6Run(script: string, env: Record<string, string>, out: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(k6!, ['run', '--out', `json=${out}`, script], { env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

/** The metric names that have samples in a k6 JSON output file. */
function sampledMetrics(file: string): Set<string> {
  const names = new Set<string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    const entry = JSON.parse(line) as { type: string; metric: string };
    if (entry.type === 'Point') names.add(entry.metric);
  }
  return names;
}

/** The sum of a metric's sample values in a k6 JSON output file. */
function total(file: string, metric: string): number {
  let sum = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    const entry = JSON.parse(line) as { type: string; metric: string; data: { value: number } };
    if (entry.type === 'Point' && entry.metric === metric) sum += entry.data.value;
  }
  return sum;
}

describe.skipIf(!k6)('bundles under real k6 against the embedded target', () => {
  let target: RunningTarget;
  beforeAll(async () => {
    target = await startTarget();
  });
  afterAll(async () => {
    await target?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  test('dist/smoke.js passes every threshold and leaves JSON, JUnit, HTML and Markdown results', { timeout: 120_000 }, async () => {
    const out = join(scratch, 'smoke.json');
    const results = join(scratch, 'results-smoke');
    mkdirSync(results);
    const run = await k6Run('dist/smoke.js', { BASE_URL: target.url, VUS: '2', DURATION: '5s', RESULTS_DIR: results }, out);
    expect(run.code, run.output).toBe(0);
    expect(readdirSync(results).sort()).toStrictEqual(['smoke-junit.xml', 'smoke-report.html', 'smoke-summary.json', 'smoke-summary.md']);
    const summary = JSON.parse(readFileSync(join(results, 'smoke-summary.json'), 'utf8')) as { meta: { scenario: string; thresholds: { ok: boolean }[] } };
    expect(summary.meta.scenario).toBe('smoke');
    expect(summary.meta.thresholds.every((t) => t.ok)).toBe(true);
    expect([...sampledMetrics(out)]).toEqual(expect.arrayContaining(['http_req_duration', 'http_req_failed', 'checks']));
  });

  test('dist/flash-sale.js sells exactly the stock, no more, with its custom metrics', { timeout: 120_000 }, async () => {
    const out = join(scratch, 'flash-sale.json');
    const run = await k6Run('dist/flash-sale.js', { BASE_URL: target.url, VUS: '20', DURATION: '5s' }, out);
    expect(run.code, run.output).toBe(0);
    expect([...sampledMetrics(out)]).toEqual(expect.arrayContaining(['orders_accepted', 'orders_rejected', 'order_latency']));
    const product = (await (await fetch(`${target.url}/products/iphone-15`)).json()) as { stock: number; stocked: number; orders: number };
    expect(product).toStrictEqual({ productId: 'iphone-15', stock: 0, stocked: 100, orders: 100 });
  });

  test('dist/dealer.js runs the deal desk on generated data with every threshold passing', { timeout: 120_000 }, async () => {
    const out = join(scratch, 'dealer.json');
    const run = await k6Run('dist/dealer.js', { BASE_URL: target.url, VUS: '5', DURATION: '10s', SEED: '42' }, out);
    expect(run.code, run.output).toBe(0);
    expect([...sampledMetrics(out)]).toEqual(expect.arrayContaining(['login_duration', 'deal_create_duration', 'customer_search_duration', 'tax_calculation_duration']));
  });

  test.each(['gateway-baseline', 'gateway-spike'])(
    'dist/%s.js passes every threshold and the ledger applies every transfer exactly once',
    { timeout: 180_000 },
    async (name) => {
      const out = join(scratch, `${name}.json`);
      const before = (await (await fetch(`${target.url}/transfers/stats`)).json()) as { applied: number; replays: number; conflicts: number };
      const results = join(scratch, `results-${name}`);
      mkdirSync(results);
      const run = await k6Run(`dist/${name}.js`, { BASE_URL: target.url, VUS: name === 'gateway-spike' ? '300' : '5', DURATION: '10s', RESULTS_DIR: results }, out);
      expect(run.code, run.output).toBe(0);
      expect(await main(['gate', results], () => undefined, () => undefined)).toBe(0);
      const after = (await (await fetch(`${target.url}/transfers/stats`)).json()) as typeof before;
      expect(after.conflicts).toBe(before.conflicts);
      expect(after.applied - before.applied).toBe(total(out, 'transfers_created'));
      expect(after.replays - before.replays).toBe(total(out, 'transfers_replayed'));
      expect(total(out, 'transfers_created')).toBeGreaterThan(0);
    },
  );
});
