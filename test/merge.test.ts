// The merge of several k6 instances' outputs, on synthetic k6 --out json files: exact figures over every sample,
// sub-metrics by tags, thresholds judged on the merged values, the merged summary and the command's refusals.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { mergeK6Outputs } from '../src/cli/merge/merge-k6-outputs.ts';
import { parseMetricSelector, selectsTags } from '../src/cli/merge/metric-selector.ts';
import { instancesOption } from '../src/cli/runner/instances-option.ts';
import { executionSegments } from '../src/cli/runner/run-instances.ts';
import { cli } from './support/cli.ts';
import { k6Percentile, random } from './support/samples.ts';

const scratch = mkdtempSync(join(tmpdir(), 'k6-forge-merge-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const T0 = Date.parse('2025-06-01T12:00:00Z');

function metricLine(name: string, type: string, contains: string, thresholds: string[] = []): string {
  return JSON.stringify({ type: 'Metric', data: { name, type, contains, thresholds, submetrics: null }, metric: name });
}

function point(metric: string, ms: number, value: number, tags: Record<string, string>): string {
  return JSON.stringify({ metric, type: 'Point', data: { time: new Date(T0 + ms).toISOString(), value, tags } });
}

/** One instance's requests: latencies drawn from `draw`, the endpoint alternating, every tenth failed. */
function instanceOutput(latencies: readonly number[], vus: number): string {
  const lines = [
    metricLine('http_req_duration', 'trend', 'time', ['p(95)<10000']),
    metricLine('http_req_failed', 'rate', 'default'),
    metricLine('http_reqs', 'counter', 'default'),
    metricLine('iterations', 'counter', 'default', ['count>0']),
    metricLine('vus', 'gauge', 'default'),
    metricLine('checks', 'rate', 'default'),
    point('vus', 0, vus, {}),
  ];
  latencies.forEach((latency, i) => {
    const tags = { scenario: 'load', endpoint: i % 2 === 0 ? 'login' : 'search', expected_response: 'true' };
    lines.push(point('http_req_duration', i * 10, latency, tags));
    lines.push(point('http_req_failed', i * 10, i % 10 === 0 ? 1 : 0, tags));
    lines.push(point('http_reqs', i * 10, 1, tags));
    lines.push(point('checks', i * 10, i % 10 === 0 ? 0 : 1, { scenario: 'load', check: 'status is 200', group: '' }));
    lines.push(point('iterations', i * 10, 1, { scenario: 'load' }));
  });
  lines.push(point('vus', latencies.length * 10, vus, {}));
  return `${lines.join('\n')}\n`;
}

/** Three instances' outputs (one gzip), their latencies and the folder they are in. */
function threeInstances(folder: string, sizes: readonly number[] = [400, 300, 500]): number[][] {
  mkdirSync(folder, { recursive: true });
  const draw = random(7);
  const all = sizes.map((size, index) => Array.from({ length: size }, () => Math.round(draw() * (index + 1) * 1000) / 10));
  all.forEach((latencies, index) => {
    const text = instanceOutput(latencies, index + 1);
    if (index === 1) writeFileSync(join(folder, `load-instance-${index + 1}.json.gz`), gzipSync(text));
    else writeFileSync(join(folder, `load-instance-${index + 1}.json`), text);
  });
  return all;
}

describe('executionSegments', () => {
  test('splits the test into N equal segments with the sequence k6 needs', () => {
    expect(executionSegments(3)).toStrictEqual({ segments: ['0:1/3', '1/3:2/3', '2/3:1'], sequence: '0,1/3,2/3,1' });
    expect(executionSegments(1)).toStrictEqual({ segments: ['0:1'], sequence: '0,1' });
  });
});

describe('instancesOption', () => {
  test('takes a whole number of at least 1 and refuses anything else, naming --instances', () => {
    expect(instancesOption('3')).toBe(3);
    for (const bad of ['0', '1.5', '-2', 'three', '']) expect(() => instancesOption(bad)).toThrow(/--instances/);
  });
});

describe('parseMetricSelector', () => {
  test('reads a metric and its tags, quotes removed, and matches samples by every tag', () => {
    const selector = parseMetricSelector("http_req_duration{scenario:load, endpoint:'login'}");
    expect(selector).toStrictEqual({
      name: "http_req_duration{scenario:load, endpoint:'login'}",
      metric: 'http_req_duration',
      tags: { scenario: 'load', endpoint: 'login' },
    });
    expect(selectsTags(selector, { scenario: 'load', endpoint: 'login', status: '200' })).toBe(true);
    expect(selectsTags(selector, { scenario: 'load', endpoint: 'search' })).toBe(false);
    expect(selectsTags(selector, { scenario: 'load' })).toBe(false);
    expect(() => parseMetricSelector('http_req_duration{scenario}')).toThrow(/tag:value/);
  });
});

describe('mergeK6Outputs', () => {
  test('counts, rates and exact percentiles over every sample of every file, whole run and sub-metrics', async () => {
    const folder = join(scratch, 'exact');
    const all = threeInstances(folder);
    const files = readdirSync(folder).map((name) => join(folder, name));
    const merged = await mergeK6Outputs({
      files,
      thresholds: { 'http_req_duration{endpoint:login}': ['p(99)<1', 'med>0'], 'http_req_failed{scenario:load}': ['rate<0.2'] },
      trendStats: ['avg', 'min', 'med', 'max', 'p(95)', 'p(99)', 'count'],
      durationMs: 10_000,
    });
    const latencies = all.flat();
    const login = all.flatMap((values) => values.filter((_, i) => i % 2 === 0));
    const duration = merged.metrics['http_req_duration']!.values;
    expect(duration['count']).toBe(1200);
    expect(duration['p(95)']).toBe(k6Percentile(latencies, 0.95));
    expect(duration['p(99)']).toBe(k6Percentile(latencies, 0.99));
    expect(duration['med']).toBe(k6Percentile(latencies, 0.5));
    expect(duration['min']).toBe(Math.min(...latencies));
    expect(duration['max']).toBe(Math.max(...latencies));
    const loginValues = merged.metrics['http_req_duration{endpoint:login}']!.values;
    expect(loginValues['p(99)']).toBe(k6Percentile(login, 0.99));
    expect(loginValues['count']).toBe(login.length);
    expect(merged.metrics['http_reqs']!.values).toStrictEqual({ count: 1200, rate: 120 });
    expect(merged.metrics['iterations']!.values).toStrictEqual({ count: 1200, rate: 120 });
    const failed = all.reduce((total, values) => total + Math.ceil(values.length / 10), 0);
    expect(merged.metrics['http_req_failed{scenario:load}']!.values).toStrictEqual({
      rate: failed / 1200,
      passes: failed,
      fails: 1200 - failed,
    });
    // k6's vus gauge adds up over the instances: 1 + 2 + 3.
    expect(merged.metrics['vus']!.values).toStrictEqual({ value: 6, min: 6, max: 6 });
    // The thresholds of the summaries and of the Metric lines, judged on the merged values.
    expect(merged.metrics['http_req_duration{endpoint:login}']!.thresholds).toStrictEqual({
      'p(99)<1': { ok: false },
      'med>0': { ok: true },
    });
    expect(merged.metrics['http_req_failed{scenario:load}']!.thresholds).toStrictEqual({ 'rate<0.2': { ok: true } });
    expect(merged.metrics['http_req_duration']!.thresholds).toStrictEqual({ 'p(95)<10000': { ok: true } });
    expect(merged.metrics['iterations']!.thresholds).toStrictEqual({ 'count>0': { ok: true } });
    expect(merged.rootGroup.checks).toMatchObject([{ name: 'status is 200', passes: 1200 - failed, fails: failed }]);
  });

  test('fails a threshold that holds in every instance alone but not on the merged samples', async () => {
    const folder = join(scratch, 'merged-only');
    threeInstances(folder, [100, 100, 100]);
    // Each instance made 100 requests, under the limit alone; the run made 300.
    const merged = await mergeK6Outputs({
      files: readdirSync(folder).map((name) => join(folder, name)),
      thresholds: { 'http_reqs{scenario:load}': ['count<200'] },
    });
    expect(merged.metrics['http_reqs{scenario:load}']!.values['count']).toBe(300);
    expect(merged.metrics['http_reqs{scenario:load}']!.thresholds).toStrictEqual({ 'count<200': { ok: false } });
  });

  test('marks a threshold on a metric no file declares as unjudged, and refuses a file that is not k6 output', async () => {
    const folder = join(scratch, 'unjudged');
    threeInstances(folder, [10, 10, 10]);
    const files = readdirSync(folder).map((name) => join(folder, name));
    const merged = await mergeK6Outputs({ files, thresholds: { order_latency: ['p(95)<500'] } });
    expect(merged.metrics['order_latency']!.thresholds).toStrictEqual({ 'p(95)<500': { ok: false, unjudged: true } });
    const text = join(scratch, 'notes.json');
    writeFileSync(text, 'hello\nworld\n');
    await expect(mergeK6Outputs({ files: [text] })).rejects.toThrow(/notes\.json line 1/);
  });
});

describe('k6-forge merge', () => {
  /** A k6-forge summary of one instance, with the thresholds the run declares. */
  function instanceSummary(path: string, thresholds: Record<string, string[]>): void {
    const metrics = Object.fromEntries(
      Object.entries(thresholds).map(([name, list]) => [
        name,
        {
          type: 'trend',
          contains: 'time',
          values: { avg: 1, min: 1, med: 1, max: 1, 'p(95)': 1 },
          thresholds: Object.fromEntries(list.map((e) => [e, { ok: true }])),
        },
      ]),
    );
    const summary = {
      metrics,
      root_group: { name: '', path: '', id: '', groups: [], checks: [] },
      options: { summaryTrendStats: ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)'], summaryTimeUnit: '', noColor: false },
      state: { isStdOutTTY: false, isStdErrTTY: false, testRunDurationMs: 12_000 },
    };
    writeFileSync(path, JSON.stringify(summary));
  }

  test('merges a folder of raw outputs and summaries: one summary and its reports, and exit 99 when a merged threshold fails', async () => {
    const folder = join(scratch, 'command');
    const all = threeInstances(folder);
    for (const i of [1, 2, 3]) {
      mkdirSync(join(folder, `instance-${i}`));
      instanceSummary(join(folder, `instance-${i}`, 'load-summary.json'), { 'http_req_duration{scenario:load}': ['p(99)<10'] });
    }
    const out = join(scratch, 'command-out');
    const run = await cli('merge', folder, '--out', out);
    expect(run.code).toBe(99);
    expect(readdirSync(out).sort()).toStrictEqual([
      'load-gate.txt',
      'load-junit.xml',
      'load-report.html',
      'load-summary.json',
      'load-summary.md',
    ]);
    const summary = JSON.parse(readFileSync(join(out, 'load-summary.json'), 'utf8'));
    expect(summary.metrics['http_req_duration{scenario:load}'].values['p(99)']).toBe(k6Percentile(all.flat(), 0.99));
    expect(summary.metrics['http_reqs'].values.rate).toBe(1200 / 12);
    expect(summary.meta.verdict.result).toBe('fail');
    expect(run.report).toContain('merged 3 raw outputs');
    // The same inputs give the same bytes.
    const again = join(scratch, 'command-again');
    await cli('merge', folder, '--out', again);
    expect(readFileSync(join(again, 'load-summary.json'), 'utf8')).toBe(readFileSync(join(out, 'load-summary.json'), 'utf8'));
  });

  test('passes (exit 0) when every merged threshold and the gate hold', async () => {
    const folder = join(scratch, 'passing');
    threeInstances(folder, [50, 50, 50]);
    const summary = join(folder, 'load-summary.json');
    instanceSummary(summary, { 'http_req_duration{scenario:load}': ['p(95)<1000'] });
    const thresholds = join(scratch, 'gate.json');
    writeFileSync(thresholds, JSON.stringify({ scenarios: { load: { p95: 1000, p99: 1000, errorRate: 0.5 } } }));
    const run = await cli('merge', folder, '--out', join(scratch, 'passing-out'), '--thresholds', thresholds);
    expect(run.code).toBe(0);
  });

  test('refuses no files, a missing file, a file that is not k6 output, and summaries without raw output', async () => {
    expect((await cli('merge')).messages).toMatch(/merge.*no files/);
    const missing = await cli('merge', join(scratch, 'nope.json.gz'), '--out', join(scratch, 'o1'));
    expect(missing.code).toBe(2);
    expect(missing.messages).toMatch(/nope\.json\.gz/);
    const text = join(scratch, 'readme.txt');
    writeFileSync(text, 'not k6\n');
    const notK6 = await cli('merge', text, '--out', join(scratch, 'o2'));
    expect(notK6.code).toBe(2);
    expect(notK6.messages).toMatch(/readme\.txt/);
    const onlySummary = join(scratch, 'only-summary.json');
    instanceSummary(onlySummary, { http_req_duration: ['p(95)<1'] });
    const summaries = await cli('merge', onlySummary, '--out', join(scratch, 'o3'));
    expect(summaries.code).toBe(2);
    expect(summaries.messages).toMatch(/summaries without raw output/);
  });
});
