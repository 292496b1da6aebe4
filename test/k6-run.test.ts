import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { init, parse } from 'es-module-lexer';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildBundles } from '../src/cli/bundle/build-bundles.ts';
import { main } from '../src/cli/main.ts';
import { findK6 } from '../src/cli/runner/k6-binary.ts';
import { type RunningTarget, startTarget } from '../src/demo-target/index.ts';
import { atLeast, type K6Outcome, k6Version, runK6 } from './support/real-k6.ts';

const root = new URL('..', import.meta.url).pathname;
const k6 = findK6();
if (!k6) console.log('SKIPPED: k6 not found (set K6_BIN or put k6 on PATH to run the bundles under real k6)');

const version = k6 ? k6Version(k6) : undefined;
const shown = version ? `k6 v${version.join('.')}` : 'k6';
/** k6 older than 0.53 compiles ES modules with Babel 6, which rejects the default es2022 bundles: build es2017 ones. */
const legacy = version !== undefined && !atLeast(version, [0, 53]);
/** `k6/websockets` is a k6 module from v1.6 (k6/timers from v0.50). */
const hasWebSockets = version !== undefined && atLeast(version, [1, 6]);
if (k6 && hasWebSockets) {
  console.log(
    `SKIPPED: ${shown} has k6/websockets, so the failure of dist/messaging.js on older k6 is not checked (set K6_BIN to a k6 older than v1.6)`,
  );
}

const scratch = mkdtempSync(join(tmpdir(), 'k6-forge-k6-'));
/** Where the bundles under test are: `dist/`, or es2017 builds of `examples/` for k6 older than 0.53. */
const bundles = legacy ? join(scratch, 'bundles-es2017') : join(root, 'dist');
const bundle = (name: string) => join(bundles, `${name}.js`);

/** The k6 modules each committed bundle imports (an es2017 build imports the same). */
await init;
const importsOf = new Map(
  readdirSync(join(root, 'examples'))
    .filter((file) => file.endsWith('.ts'))
    .map((file) => file.replace(/\.ts$/, ''))
    .map((name) => {
      const file = join(root, 'dist', `${name}.js`);
      return [name, existsSync(file) ? parse(readFileSync(file, 'utf8'))[0].map((i) => i.n) : []] as const;
    }),
);
const needsWebSockets = (name: string) => importsOf.get(name)!.includes('k6/websockets');
/** The examples the dedicated tests below do not run, each run for exit code 0 and its reports; k6/websockets only where k6 has it. */
const COVERED = ['smoke', 'flash-sale', 'dealer', 'gateway-baseline', 'gateway-spike'];
const others = [...importsOf.keys()].filter((name) => !COVERED.includes(name) && (hasWebSockets || !needsWebSockets(name))).sort();

let runs = 0;
/**
 * Runs a bundle under real k6 without blocking this process, which serves the target. k6 runs in a fresh temporary
 * folder, so anything it writes outside `RESULTS_DIR` and `out` stays out of the repository (and shows in `leftovers`).
 */
function k6Run(script: string, env: Record<string, string>, out?: string): Promise<K6Outcome> {
  const cwd = join(scratch, `cwd-${++runs}`);
  mkdirSync(cwd);
  return runK6(k6!, ['run', ...(out ? ['--out', `json=${out}`] : []), script], { cwd, env });
}

/** A fresh, empty results folder for one run. */
function resultsDir(name: string): string {
  const dir = join(scratch, `results-${name}`);
  mkdirSync(dir);
  return dir;
}

/** The four report files `summaryHandler` writes for a scenario. */
const reports = (scenario: string) => [
  `${scenario}-junit.xml`,
  `${scenario}-report.html`,
  `${scenario}-summary.json`,
  `${scenario}-summary.md`,
];

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

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.skipIf(!k6)(`bundles under real ${shown}${legacy ? ' (es2017 builds)' : ''} against the demo target`, () => {
  let target: RunningTarget;
  beforeAll(async () => {
    if (legacy) {
      const entries = [...importsOf.keys()].map((name) => join(root, 'examples', `${name}.ts`));
      await buildBundles({ entries, outdir: bundles, target: 'es2017', thresholds: join(root, 'examples', 'thresholds.json') });
    }
    target = await startTarget();
  }, 60_000);
  afterAll(async () => {
    await target?.close();
  });

  test('smoke passes every threshold and leaves JSON, JUnit, HTML and Markdown results', { timeout: 120_000 }, async () => {
    const out = join(scratch, 'smoke.json');
    const results = resultsDir('smoke');
    const run = await k6Run(bundle('smoke'), { BASE_URL: target.url, VUS: '2', DURATION: '5s', RESULTS_DIR: results }, out);
    expect(run.code, run.output).toBe(0);
    expect(run.leftovers).toStrictEqual([]);
    expect(readdirSync(results).sort()).toStrictEqual(reports('smoke'));
    const summary = JSON.parse(readFileSync(join(results, 'smoke-summary.json'), 'utf8')) as {
      meta: { scenario: string; thresholds: { ok: boolean }[] };
    };
    expect(summary.meta.scenario).toBe('smoke');
    expect(summary.meta.thresholds.every((t) => t.ok)).toBe(true);
    expect([...sampledMetrics(out)]).toEqual(expect.arrayContaining(['http_req_duration', 'http_req_failed', 'checks']));
  });

  test('a RESULTS_DIR that does not exist loses nothing: the four files go to the working directory with a warning naming it', {
    timeout: 120_000,
  }, async () => {
    const missing = join(scratch, 'no-such-folder');
    const run = await k6Run(bundle('smoke'), { BASE_URL: target.url, VUS: '1', DURATION: '2s', RESULTS_DIR: missing });
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain(
      `k6-forge: RESULTS_DIR ${JSON.stringify(missing)} is not an existing folder, and k6 cannot create one: results written to the working directory instead`,
    );
    expect(run.leftovers.map((file) => file.replace(/^[\dT-]+Z-/, '')).sort()).toStrictEqual(reports('smoke'));
    expect(existsSync(missing)).toBe(false);
  });

  test('flash-sale sells exactly the stock, no more, with its custom metrics', { timeout: 120_000 }, async () => {
    const out = join(scratch, 'flash-sale.json');
    const results = resultsDir('flash-sale');
    const run = await k6Run(bundle('flash-sale'), { BASE_URL: target.url, VUS: '20', DURATION: '5s', RESULTS_DIR: results }, out);
    expect(run.code, run.output).toBe(0);
    expect(run.leftovers).toStrictEqual([]);
    expect(readdirSync(results).sort()).toStrictEqual(reports('flash-sale'));
    expect([...sampledMetrics(out)]).toEqual(expect.arrayContaining(['orders_accepted', 'orders_rejected', 'order_latency']));
    const product = (await (await fetch(`${target.url}/products/iphone-15`)).json()) as { stock: number; stocked: number; orders: number };
    expect(product).toStrictEqual({ productId: 'iphone-15', stock: 0, stocked: 100, orders: 100 });
    // Without SEED, the run's random seed is logged once, whatever the VUs, so the run can be replayed.
    expect(run.output.match(/k6-forge: SEED is not set; this run draws its data from SEED=\d+ /g), run.output).toHaveLength(1);
  });

  test('a malformed SEED stops the run at init with one message naming SEED', { timeout: 120_000 }, async () => {
    const run = await k6Run(bundle('flash-sale'), {
      BASE_URL: target.url,
      VUS: '5',
      DURATION: '5s',
      SEED: 'forty-two',
      RESULTS_DIR: resultsDir('bad-seed'),
    });
    expect(run.code, run.output).toBe(107);
    expect(run.output).toContain('SEED: \\"forty-two\\" is not accepted; expected a whole number from 0 to 4294967295, such as 42');
  });

  test('dealer runs the deal desk on generated data with every threshold passing', { timeout: 120_000 }, async () => {
    const out = join(scratch, 'dealer.json');
    const results = resultsDir('dealer');
    const run = await k6Run(bundle('dealer'), { BASE_URL: target.url, VUS: '5', DURATION: '10s', SEED: '42', RESULTS_DIR: results }, out);
    expect(run.code, run.output).toBe(0);
    expect(run.leftovers).toStrictEqual([]);
    expect(readdirSync(results).sort()).toStrictEqual(reports('dealer'));
    expect([...sampledMetrics(out)]).toEqual(
      expect.arrayContaining(['login_duration', 'deal_create_duration', 'customer_search_duration', 'tax_calculation_duration']),
    );
  });

  test('dealer with a wrong TEST_PASSWORD stops after 3 login attempts with one line naming the endpoint and status', {
    timeout: 120_000,
  }, async () => {
    const out = join(scratch, 'dealer-bad-login.json');
    const results = resultsDir('dealer-bad-login');
    const run = await k6Run(
      bundle('dealer'),
      { BASE_URL: target.url, VUS: '2', DURATION: '10s', TEST_PASSWORD: 'Wr0ng-Passw0rd!', RESULTS_DIR: results },
      out,
    );
    expect(run.code, run.output).toBe(108);
    const logins = readFileSync(out, 'utf8')
      .split('\n')
      .filter((line) => line.includes('"type":"Point"') && line.includes('"metric":"http_reqs"') && line.includes('"endpoint":"login"'));
    expect(logins).toHaveLength(3);
    const logged = run.output.split('\n').filter((line) => line.startsWith('time='));
    expect(logged.length, run.output).toBeLessThanOrEqual(3);
    expect(run.output).toContain(
      'k6-forge sessionAuth: login failed 3 times in a row, last with HTTP 401 and no accessToken in the response',
    );
    expect(run.output).not.toContain('Wr0ng-Passw0rd!');
    expect(readdirSync(results).sort()).toStrictEqual(reports('dealer'));
  });

  test('stress against ENVIRONMENT=production stops at init naming ALLOW_PRODUCTION_LOAD, and VUS=1000000 naming VUS_LIMIT', {
    timeout: 120_000,
  }, async () => {
    const host = new URL(target.url).hostname;
    const guarded = await k6Run(bundle('stress'), {
      ENVIRONMENT: 'production',
      BASE_URL: target.url,
      RESULTS_DIR: resultsDir('production-guard'),
    });
    expect(guarded.code, guarded.output).toBe(107);
    expect(guarded.output).toContain(
      `ALLOW_PRODUCTION_LOAD: nothing is not accepted; expected ${host}, the target's host, to run the stress profile with ENVIRONMENT=production`,
    );
    const huge = await k6Run(bundle('smoke'), { BASE_URL: target.url, VUS: '1000000', RESULTS_DIR: resultsDir('vus-limit') });
    expect(huge.code, huge.output).toBe(107);
    expect(huge.output).toContain(
      'VUS: \\"1000000\\" is not accepted; expected a whole number from 1 to 2000, the VUS_LIMIT (default 2000); set VUS_LIMIT to allow more',
    );
  });

  test.each(['gateway-baseline', 'gateway-spike'])(
    '%s passes every threshold and the ledger applies every transfer exactly once',
    { timeout: 180_000 },
    async (name) => {
      const out = join(scratch, `${name}.json`);
      const before = (await (await fetch(`${target.url}/transfers/stats`)).json()) as {
        applied: number;
        replays: number;
        conflicts: number;
      };
      const results = resultsDir(name);
      const run = await k6Run(
        bundle(name),
        { BASE_URL: target.url, VUS: name === 'gateway-spike' ? '300' : '5', DURATION: '10s', RESULTS_DIR: results },
        out,
      );
      expect(run.code, run.output).toBe(0);
      expect(run.leftovers).toStrictEqual([]);
      expect(readdirSync(results).sort()).toStrictEqual(reports(name.replace(/^gateway-/, '')));
      expect(
        await main(
          ['gate', results],
          () => undefined,
          () => undefined,
        ),
      ).toBe(0);
      const after = (await (await fetch(`${target.url}/transfers/stats`)).json()) as typeof before;
      expect(after.conflicts).toBe(before.conflicts);
      expect(after.applied - before.applied).toBe(total(out, 'transfers_created'));
      expect(after.replays - before.replays).toBe(total(out, 'transfers_replayed'));
      expect(total(out, 'transfers_created')).toBeGreaterThan(0);
    },
  );

  test.each(others)('%s passes every threshold and leaves its reports', { timeout: 120_000 }, async (name) => {
    const results = resultsDir(name);
    const run = await k6Run(bundle(name), { BASE_URL: target.url, VUS: '2', DURATION: '5s', RESULTS_DIR: results });
    expect(run.code, run.output).toBe(0);
    expect(run.leftovers).toStrictEqual([]);
    expect(readdirSync(results).sort()).toStrictEqual(reports(name));
    const summary = JSON.parse(readFileSync(join(results, `${name}-summary.json`), 'utf8')) as { meta: { thresholds: { ok: boolean }[] } };
    expect(summary.meta.thresholds.length).toBeGreaterThan(0);
    expect(summary.meta.thresholds.every((t) => t.ok)).toBe(true);
  });

  // k6 resolves every import before any script code runs, so no SDK code can explain a missing module: the message
  // is k6's own. k6 v1.0 to v1.5 name the module only; k6 before v0.50 (no k6/timers yet) fails on k6/timers first,
  // and its stack points at the import in the bundle (built without a source map, the default).
  test.skipIf(hasWebSockets)(
    'messaging, which needs k6/websockets (k6 v1.6+), stops at init naming the missing module',
    { timeout: 60_000 },
    async () => {
      const results = resultsDir('messaging-missing-module');
      const run = await k6Run(bundle('messaging'), { BASE_URL: target.url, VUS: '1', DURATION: '1s', RESULTS_DIR: results });
      expect(run.code, run.output).toBe(107);
      expect(run.leftovers).toStrictEqual([]);
      expect(readdirSync(results)).toStrictEqual([]);
      if (atLeast(version!, [0, 50])) {
        expect(run.output).toMatch(/level=error msg="GoError: unknown module: k6\/websockets\\n/);
      } else {
        expect(run.output).toMatch(
          /level=error msg="GoError: unknown module: k6\/timers\\n\\tat .*\\n\\tat file:\/\/\/.*\/messaging\.js:\d+:\d+/,
        );
      }
    },
  );
});
