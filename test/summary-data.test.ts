import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { humanizeBytes, humanizeDuration } from '../src/lib/summary/internal/humanize.ts';
import { runMeta } from '../src/lib/summary/run-meta.ts';
import { thresholdVerdicts } from '../src/lib/summary/run-verdict.ts';
import { readSummaryData } from '../src/lib/summary/summary-data.ts';
import { targetHost } from '../src/lib/target-host.ts';

const fixture = JSON.parse(readFileSync(new URL('./fixtures/summary-smoke.json', import.meta.url), 'utf8')) as Record<string, unknown>;

describe('readSummaryData', () => {
  test('keeps a whole summary as it is, without setup_data, and finds no problem', () => {
    const { data, problems } = readSummaryData(fixture);
    expect(problems).toStrictEqual([]);
    const { setup_data: _dropped, ...rest } = fixture;
    expect(data).toStrictEqual(rest);
    expect('setup_data' in data).toBe(false);
  });

  test('replaces missing metrics with none and says so', () => {
    const { data, problems } = readSummaryData({ ...fixture, metrics: undefined });
    expect(data.metrics).toStrictEqual({});
    expect(data.root_group.groups).toHaveLength(2);
    expect(problems).toStrictEqual(['data.metrics is missing, so no metric is shown']);
  });

  test('keeps a metric without values, with empty values, and says so', () => {
    const { data, problems } = readSummaryData({ ...fixture, metrics: { http_reqs: { type: 'counter', contains: 'default' } } });
    expect(data.metrics).toStrictEqual({ http_reqs: { type: 'counter', contains: 'default', values: {} } });
    expect(problems).toStrictEqual(['metric http_reqs has no values']);
  });

  test('leaves out metrics of unknown type, malformed checks and verdicts without ok, naming each', () => {
    const { data, problems } = readSummaryData({
      ...fixture,
      root_group: { name: '', path: '', id: '', groups: [], checks: [{ name: 'status is 200' }] },
      metrics: {
        odd: { type: 'histogram', contains: 'default', values: {} },
        vus: { type: 'gauge', contains: 'default', values: { value: 3, min: 'x' }, thresholds: { 'value<10': {} } },
      },
    });
    expect(data.metrics).toStrictEqual({ vus: { type: 'gauge', contains: 'default', values: { value: 3 }, thresholds: {} } });
    expect(data.root_group.checks).toStrictEqual([]);
    expect(problems).toStrictEqual([
      'a check in data.root_group has no name, passes or fails, so it is left out',
      'metric odd has no known type (counter, gauge, rate or trend), so it is left out',
      'metric vus has a value min that is not a number',
      'threshold value<10 on vus has no ok flag',
    ]);
  });

  test('reads k6’s --new-machine-readable-summary shape as the legacy data', () => {
    const counter = { name: 'iterations', type: 'counter', contains: 'default', values: { count: 4 } };
    const { data, problems } = readSummaryData({ config: { duration: 2 }, results: { metrics: [counter] }, version: '1.0.0' });
    expect(data.metrics).toStrictEqual({ iterations: { type: 'counter', contains: 'default', values: { count: 4, rate: 2 } } });
    expect(data.state.testRunDurationMs).toBe(2000);
    expect(problems).toStrictEqual([]);
  });

  test('turns nothing at all into an empty summary with one problem', () => {
    const { data, problems } = readSummaryData(undefined);
    expect(data).toStrictEqual({
      root_group: { name: '', path: '', id: '', groups: [], checks: [] },
      options: { summaryTrendStats: ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)'], summaryTimeUnit: '', noColor: false },
      state: { isStdOutTTY: false, isStdErrTTY: false, testRunDurationMs: 0 },
      metrics: {},
    });
    expect(problems).toStrictEqual(['handleSummary got no summary object, so there is nothing to show']);
  });

  test('removes credentials from URLs in metric and check names', () => {
    const { data } = readSummaryData({
      ...fixture,
      root_group: { name: '', path: '', id: '', groups: [], checks: [{ name: 'GET https://bob:pw@api.test/x ok', passes: 1, fails: 0 }] },
      metrics: { 'http_req_duration{name:https://bob:pw@api.test/x}': { type: 'trend', contains: 'time', values: { avg: 1 } } },
    });
    expect(Object.keys(data.metrics)).toStrictEqual(['http_req_duration{name:https://api.test/x}']);
    expect(data.root_group.checks[0]?.name).toBe('GET https://api.test/x ok');
  });

  test('keeps a metric named __proto__ (a valid k6 name) as a metric', () => {
    const metrics = JSON.parse('{"__proto__": {"type": "counter", "contains": "default", "values": {"count": 1, "rate": 1}}}') as unknown;
    const { data } = readSummaryData({ ...fixture, metrics });
    expect(Object.keys(data.metrics)).toStrictEqual(['__proto__']);
  });
});

describe('targetHost', () => {
  test.each([
    ['http://127.0.0.1:3000', '127.0.0.1:3000'],
    ['https://alice:s3cret@API.example.com:8443/v1/deals?token=abc#top', 'api.example.com:8443'],
    ['https://a@b:p@ss@host.test/x', 'host.test'],
    ['http://[::1]:3000/', '[::1]:3000'],
    ['staging.example.com/path', 'staging.example.com'],
  ])('reads %s as %s', (url, host) => {
    expect(targetHost(url)).toBe(host);
  });

  test.each([
    ['unset', undefined],
    ['a password holding a slash', 'https://user:pa/ss@host.test/'],
    ['an empty value', ''],
  ])('gives nothing for %s, never part of a password', (_label, url) => {
    expect(targetHost(url)).toBe('');
  });
});

describe('thresholdVerdicts', () => {
  test('flattens every threshold, metrics in k6’s order, expressions sorted', () => {
    expect(thresholdVerdicts(readSummaryData(fixture).data.metrics)).toStrictEqual([
      { metric: 'http_req_duration{endpoint:login}', expression: 'p(95)<500', ok: true, result: 'pass' },
      { metric: 'http_req_duration{endpoint:login}', expression: 'p(99)<1000', ok: true, result: 'pass' },
      { metric: 'http_req_duration{scenario:smoke}', expression: 'p(95)<1000', ok: true, result: 'pass' },
      { metric: 'http_req_duration{scenario:smoke}', expression: 'p(99)<1000', ok: false, result: 'fail' },
      { metric: 'http_req_failed{scenario:smoke}', expression: 'rate<0.01', ok: true, result: 'pass' },
      { metric: 'order_latency', expression: 'p(95)<800', ok: false, result: 'fail' },
    ]);
  });
});

describe('runMeta', () => {
  test('records scenario, environment, host, start and end, version and git revision', () => {
    const { data } = readSummaryData(fixture);
    const meta = runMeta(data, {
      scenario: 'smoke',
      env: { ENVIRONMENT: 'staging', BASE_URL: 'https://u:p@staging.example.com/api', GIT_REVISION: '4f2a9c1' },
      end: new Date('2026-11-22T07:30:05.250Z'),
    });
    expect(meta).toStrictEqual({
      scenario: 'smoke',
      environment: 'staging',
      targetHost: 'staging.example.com',
      startTime: '2026-11-22T07:29:05.238Z',
      endTime: '2026-11-22T07:30:05.250Z',
      k6ForgeVersion: __K6_FORGE_VERSION__,
      gitRevision: '4f2a9c1',
      thresholds: thresholdVerdicts(data.metrics),
      verdict: { result: 'fail', text: 'smoke failed: 2 of 6 thresholds failed', problems: [] },
    });
  });

  test('defaults the environment to development and leaves out an unset git revision', () => {
    const { data } = readSummaryData(fixture);
    const meta = runMeta(data, { scenario: 'smoke', env: {}, end: new Date('2026-11-22T07:30:05Z') });
    expect(meta.environment).toBe('development');
    expect(meta.targetHost).toBe('');
    expect('gitRevision' in meta).toBe(false);
  });
});

describe('k6 value formats', () => {
  test.each([
    [0, '', '0s'],
    [0.0005, '', '500ns'],
    [0.8412, '', '841.2µs'],
    [80.1, '', '80.1ms'],
    [1520.4311, '', '1.52s'],
    [125_000, '', '2m5s'],
    [3_725_000, '', '1h2m5s'],
    [1520.4311, 'ms', '1520.43ms'],
    [1520.4311, 's', '1.52s'],
    [0.8412, 'us', '841.20µs'],
  ])('writes %s ms with time unit "%s" as %s', (ms, unit, text) => {
    expect(humanizeDuration(ms, unit)).toBe(text);
  });

  test.each([
    [5, '5 B'],
    [98_765, '99 kB'],
    [1_254_321, '1.3 MB'],
  ])('writes %s bytes as %s', (bytes, text) => {
    expect(humanizeBytes(bytes)).toBe(text);
  });
});
