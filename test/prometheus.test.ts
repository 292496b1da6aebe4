import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findK6 } from '../src/cli/runner/k6-binary.ts';

const root = new URL('..', import.meta.url).pathname;
const k6 = findK6();
/** Debian's prometheus package (2.42 here), or PROMETHEUS_BIN. */
const prometheusBin = process.env['PROMETHEUS_BIN'] ?? '/usr/bin/prometheus';
const prometheusFound = existsSync(prometheusBin);
const skip = !k6 || !prometheusFound;
if (skip) {
  console.log(
    `SKIPPED: ${k6 ? '' : 'k6 not found (set K6_BIN or put k6 on PATH)'}${!k6 && !prometheusFound ? ' and ' : ''}${prometheusFound ? '' : `prometheus not found at ${prometheusBin} (apt-get install prometheus, or set PROMETHEUS_BIN)`}: the dashboards are not checked against a real Prometheus`,
  );
}

/** A free loopback port. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface PromResult {
  readonly metric: Record<string, string>;
  readonly value?: [number, string];
  readonly values?: [number, string][];
}

let scratch = '';
let prometheus: ChildProcess | undefined;
let base = '';
/** The testids of the runs: the current dealer run, its baseline, and a flash sale (business Counters). */
const ids = { current: '', baseline: '', flashSale: '' };
let started = 0;
let ended = 0;

async function api<T>(path: string, params: Record<string, string | string[]>): Promise<T> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) for (const one of [value].flat()) query.append(key, one);
  const response = await fetch(`${base}${path}?${query}`);
  const body = (await response.json()) as { status: string; data: T; error?: string };
  if (body.status !== 'success') throw new Error(`${path} ${JSON.stringify(params)}: ${body.error}`);
  return body.data;
}

/** Runs k6-forge run with --prometheus and returns the run's testid (its results folder's name). */
async function forgeRun(scenario: string, vus: string, duration: string): Promise<string> {
  const results = join(scratch, `results-${scenario}-${Date.now()}`);
  const args = [
    'run',
    scenario,
    '--demo-target',
    '--vus',
    vus,
    '--duration',
    duration,
    '--results',
    results,
    '--prometheus',
    `${base}/api/v1/write`,
  ];
  const child = spawn(process.execPath, [join(root, 'bin/k6-forge.mjs'), ...args, '--', '--quiet'], {
    cwd: root,
    env: { ...process.env, K6_BIN: k6!, K6_PROMETHEUS_RW_PUSH_INTERVAL: '1s' },
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`k6-forge ${args.join(' ')} exited ${code}:\n${output}`);
  const [folder] = readdirSync(results);
  expect(output).toContain(`metrics stream to Prometheus at ${base}/api/v1/write, labelled testid=${folder}`);
  return folder!;
}

beforeAll(async () => {
  if (skip) return;
  scratch = mkdtempSync(join(tmpdir(), 'k6-forge-prometheus-'));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  writeFileSync(join(scratch, 'prometheus.yml'), 'global:\n  scrape_interval: 1m\n');
  prometheus = spawn(
    prometheusBin,
    [
      `--config.file=${join(scratch, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(scratch, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--web.enable-remote-write-receiver',
    ],
    { stdio: 'ignore' },
  );
  for (let i = 0; ; i += 1) {
    const ready = await fetch(`${base}/-/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (i > 100) throw new Error(`prometheus did not get ready on ${base}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  started = Math.floor(Date.now() / 1000) - 2;
  ids.baseline = await forgeRun('dealer', '2', '4s');
  ids.current = await forgeRun('dealer', '3', '5s');
  ids.flashSale = await forgeRun('flash-sale', '2', '3s');
  ended = Math.ceil(Date.now() / 1000) + 1;
}, 180_000);

afterAll(() => {
  prometheus?.kill('SIGTERM');
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

interface Target {
  readonly expr: string;
  readonly instant?: boolean;
}
interface Panel {
  readonly type: string;
  readonly title: string;
  readonly targets?: Target[];
  readonly panels?: Panel[];
}
interface Dashboard {
  readonly templating: { readonly list: { readonly name: string; readonly definition?: string }[] };
  readonly panels: Panel[];
}

const dashboard = (name: string) => JSON.parse(readFileSync(join(root, 'dashboards/grafana', name), 'utf8')) as Dashboard;
const panelsOf = (d: Dashboard) => d.panels.flatMap((p) => [p, ...(p.panels ?? [])]).filter((p) => p.type !== 'row');

/** Grafana's variables, as Grafana would fill them for the runs (an endpoint as given, else All: `.*`). */
function substituted(expr: string, endpoint: string): string {
  const range = `${ended - started}s`;
  return expr
    .replaceAll('$testid', ids.current)
    .replaceAll('$baseline', ids.baseline)
    .replaceAll('$endpoint', endpoint)
    .replaceAll('$__rate_interval', '10s')
    .replaceAll('$__interval', '1s')
    .replaceAll('$__range', range);
}

/** The series an expression gives over the runs' window (or at its end, for an instant query), without NaN points. */
async function evaluate(expr: string, instant: boolean): Promise<PromResult[]> {
  const result = instant
    ? (await api<{ result: PromResult[] }>('/api/v1/query', { query: expr, time: String(ended) })).result
    : (await api<{ result: PromResult[] }>('/api/v1/query_range', { query: expr, start: String(started), end: String(ended), step: '1' }))
        .result;
  return result.filter((series) => (series.values ?? [series.value!]).some(([, value]) => value !== 'NaN'));
}

describe.skipIf(skip)('the dashboards against a real Prometheus fed by k6-forge run --prometheus (dealer example, real k6)', () => {
  test('every panel query of both dashboards returns data for the runs, with All endpoints and with one', async () => {
    const endpoints = await api<string[]>('/api/v1/label/endpoint/values', { 'match[]': `k6_http_reqs_total{testid="${ids.current}"}` });
    expect(endpoints).toEqual(expect.arrayContaining(['deal_get', 'deal_create', 'login', 'tax_calculate']));
    const empty: string[] = [];
    const unexercised: string[] = [];
    let checked = 0;
    for (const name of ['k6-forge-overview.json', 'k6-forge-comparison.json']) {
      for (const panel of panelsOf(dashboard(name))) {
        for (const target of panel.targets ?? []) {
          let expr = target.expr;
          // An endpoint of the thresholds file the dealer run did not send to: the same query on one it did.
          const named = /endpoint="([^"]+)"/.exec(expr)?.[1];
          if (named !== undefined && !endpoints.includes(named)) {
            unexercised.push(named);
            expr = expr.replace(`endpoint="${named}"`, 'endpoint="deal_get"');
          }
          for (const endpoint of expr.includes('$endpoint') ? ['.*', 'deal_get'] : ['.*']) {
            const query = substituted(expr, endpoint);
            checked += 1;
            if ((await evaluate(query, target.instant === true)).length === 0) empty.push(`${name} "${panel.title}": ${query}`);
          }
        }
      }
    }
    console.log(
      `prometheus: ${checked} panel queries returned data for testids ${ids.current} and ${ids.baseline}; checked on deal_get for the endpoints the dealer run does not send to: ${[...new Set(unexercised)].join(', ')}`,
    );
    expect(empty).toStrictEqual([]);
    expect([...new Set(unexercised)].sort()).toStrictEqual([
      'customer_list',
      'deal_list',
      'deal_update',
      'register',
      'tax_batch',
      'token_refresh',
    ]);
  }, 60_000);

  test('a query on a metric or label the SDK does not emit finds nothing, so such a panel would fail the test above', async () => {
    for (const expr of [
      `k6_http_req_duration_p90{testid="${ids.current}"}`,
      `k6_http_reqs_total{testid="${ids.current}", url=~".+"}`,
      `k6_http_reqs_total{testid="${ids.current}", endpoint="no_such_endpoint"}`,
      `k6_deal_get_duration_p95{testid="${ids.current}"}`,
    ]) {
      expect(await evaluate(expr, false), expr).toStrictEqual([]);
    }
  });

  test('the variables list the runs and the endpoints', async () => {
    for (const name of ['k6-forge-overview.json', 'k6-forge-comparison.json']) {
      for (const variable of dashboard(name).templating.list.filter((v) => v.definition !== undefined)) {
        const [, selector, label] = /^label_values\((.+), (\w+)\)$/.exec(variable.definition!)!;
        const values = await api<string[]>(`/api/v1/label/${label}/values`, { 'match[]': substituted(selector!, '.*') });
        expect(values, variable.definition).toEqual(
          expect.arrayContaining(label === 'testid' ? [ids.current, ids.baseline] : ['deal_get']),
        );
      }
    }
  });

  test('the panel of the script’s Counters shows the flash sale’s business Counters', async () => {
    const panel = panelsOf(dashboard('k6-forge-overview.json')).find((p) => p.title === 'The script’s Counters (running totals)')!;
    const expr = panel.targets![0]!.expr.replaceAll('$testid', ids.flashSale);
    const names = (await evaluate(expr, false)).map((series) => series.metric['__name__']);
    expect(names).toEqual(expect.arrayContaining(['k6_orders_accepted_total', 'k6_responses_2xx_total']));
  });

  test('cardinality: no label carries a raw URL, an id or a token; the series count per endpoint', async () => {
    const series = await api<Record<string, string>[]>('/api/v1/series', {
      'match[]': `{testid="${ids.current}"}`,
      start: String(started),
      end: String(ended),
    });
    const labels = new Set(series.flatMap((one) => Object.keys(one)));
    expect([...labels].sort()).toStrictEqual(
      [
        '__name__',
        'check',
        'endpoint',
        'expected_response',
        'group',
        'method',
        'name',
        'operation',
        'proto',
        'scenario',
        'service',
        'status',
        'testid',
      ].sort(),
    );
    const values = series.flatMap((one) => Object.entries(one).filter(([key]) => key !== '__name__'));
    const unbounded = values.filter(([, value]) =>
      /:\/\/|\?|[0-9a-f]{8}-[0-9a-f]{4}|\/\d+(\/|$)|[0-9A-HJ-NPR-Z]{17}|demo-token|Bearer/i.test(value),
    );
    expect(unbounded).toStrictEqual([]);
    const names = new Set(series.map((one) => one['name']).filter((name) => name !== undefined));
    expect([...names].sort()).toStrictEqual(['/auth/login', '/customers', '/deals', '/deals/{id}', '/tax/calculate']);
    const perEndpoint = new Map<string, number>();
    for (const one of series) if (one['endpoint']) perEndpoint.set(one['endpoint'], (perEndpoint.get(one['endpoint']) ?? 0) + 1);
    console.log(
      `prometheus: ${series.length} series for testid ${ids.current}; per endpoint: ${[...perEndpoint].map(([e, n]) => `${e} ${n}`).join(', ')}`,
    );
    // 7 http_req_* Trends x 3 stats (p95, p99, avg), http_reqs, http_req_failed, checks and responses_2xx: 25 for
    // an endpoint answering one status in one group.
    expect(perEndpoint.get('deal_get')).toBe(25);
  });
});
