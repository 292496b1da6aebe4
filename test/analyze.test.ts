import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { type Analysis, analyzeK6Output, intervalFor } from '../src/cli/analysis/analyze-k6-output.ts';
import { ExactPercentiles } from '../src/cli/analysis/exact-percentiles.ts';
import { bucketOf, HISTOGRAM_PRECISION, LogHistogram } from '../src/cli/analysis/log-histogram.ts';
import { cli } from './support/cli.ts';
import { k6Percentile, random } from './support/samples.ts';

const scratch = mkdtempSync(join(tmpdir(), 'k6-forge-analyze-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const T0 = Date.parse('2025-06-01T12:00:00Z');
const LIMITS = { p95: 400, errorRate: 0.01 };

/** One line of k6's --out json, with k6's nanosecond timestamps. */
function point(metric: string, seconds: number, value: number, tags: Record<string, string> | null = {}): string {
  const time = new Date(T0 + seconds * 1000).toISOString().replace('Z', '123456Z');
  return JSON.stringify({ metric, type: 'Point', data: { time, value, tags } });
}

/** The samples k6 writes for one HTTP request, with one metric analyze does not read. */
function request(seconds: number, latency: number, options: { failed?: boolean; endpoint?: string; scenario?: string } = {}): string[] {
  const tags = {
    scenario: options.scenario ?? 'spike',
    status: options.failed ? '503' : '200',
    ...(options.endpoint && { endpoint: options.endpoint }),
  };
  return [
    point('http_reqs', seconds, 1, tags),
    point('http_req_duration', seconds, latency, tags),
    point('http_req_waiting', seconds, latency * 0.9, tags),
    point('http_req_failed', seconds, options.failed ? 1 : 0, tags),
  ];
}

const METRIC_LINE =
  '{"type":"Metric","data":{"name":"http_req_duration","type":"trend","contains":"time","thresholds":["p(95)<500"],"submetrics":null},"metric":"http_req_duration"}';

function output(name: string, lines: readonly string[], gzip = false): string {
  const path = join(scratch, name);
  const text = `${[METRIC_LINE, ...lines].join('\n')}\n`;
  writeFileSync(path, gzip ? gzipSync(text) : text);
  return path;
}

const analyze = (files: string[], options: { intervalMs?: number; spikeEndSeconds?: number; expect?: 'soak' } = {}): Promise<Analysis> =>
  analyzeK6Output({ files, recoveryLimits: LIMITS, ...options });

describe('exact percentiles across several files', () => {
  // 1..1000 ms in shuffled order, odd values in one file and even in the other, as two k6 instances would write them.
  const next = random(7);
  const values = Array.from({ length: 1000 }, (_, index) => index + 1).sort(() => next() - 0.5);
  const endpointOf = (value: number) => (value % 3 === 0 ? 'login' : 'deals');
  const lines = (odd: boolean) =>
    values.flatMap((value, index) =>
      value % 2 === (odd ? 1 : 0) ? request(index * 0.1, value, { failed: value % 100 === 0, endpoint: endpointOf(value) }) : [],
    );
  const odd = output('instance-1.json', lines(true));
  const even = output('instance-2.json', lines(false));

  test('merge into the percentiles k6 would report for the whole run (1..1000 ms: p95 = 950.05)', async () => {
    const analysis = await analyze([odd, even]);
    const whole = analysis.endpoints[0]!;
    expect(whole).toStrictEqual({
      endpoint: '*',
      requests: 1000,
      requestsPerSecond: 1000 / 99.9,
      errorRate: 0.01,
      latency: {
        min: 1,
        avg: 500.5,
        med: k6Percentile(values, 0.5),
        p90: k6Percentile(values, 0.9),
        p95: k6Percentile(values, 0.95),
        p99: k6Percentile(values, 0.99),
        max: 1000,
      },
    });
    expect([whole.latency.med, whole.latency.p90, whole.latency.p95, whole.latency.p99]).toStrictEqual([500.5, 900.1, 950.05, 990.01]);
    expect(analysis.files).toStrictEqual([odd, even]);
    expect(analysis.passes).toBe(2);
  });

  test('and per endpoint, from the endpoint tag', async () => {
    const analysis = await analyze([even, odd]);
    expect(analysis.endpoints.map((endpoint) => endpoint.endpoint)).toStrictEqual(['*', 'deals', 'login']);
    for (const name of ['deals', 'login']) {
      const own = values.filter((value) => endpointOf(value) === name);
      const endpoint = analysis.endpoints.find((candidate) => candidate.endpoint === name)!;
      expect(endpoint.requests).toBe(own.length);
      expect([endpoint.latency.med, endpoint.latency.p95, endpoint.latency.p99]).toStrictEqual(
        [0.5, 0.95, 0.99].map((p) => k6Percentile(own, p)),
      );
    }
  });

  test('gzip output, told by its magic bytes whatever its name, gives the same analysis', async () => {
    const zipped = [output('instance-1.out', lines(true), true), output('instance-2.json.gz', lines(false), true)];
    const { files: _plain, ...plain } = await analyze([odd, even]);
    const { files, ...fromGzip } = await analyze(zipped);
    expect(files).toStrictEqual(zipped);
    expect(fromGzip).toStrictEqual(plain);
  });
});

describe('ExactPercentiles', () => {
  function passes(selection: ExactPercentiles, values: readonly number[]): number {
    let count = 0;
    do {
      for (const value of values) selection.add(value);
      selection.endPass();
      count += 1;
    } while (selection.pending);
    return count;
  }

  test('splits a bucket too full to keep in memory over further passes and still selects exactly', () => {
    const next = random(11);
    // 200,000 values within half a millisecond: far more than one log bucket may collect at once.
    const values = [...Array.from({ length: 200_000 }, () => 100 + next() / 2), 3, 5000, 0];
    const selection = new ExactPercentiles([0.5, 0.95, 0.99]);
    expect(passes(selection, values)).toBe(3);
    const sum = values.reduce((total, value) => total + value, 0);
    expect(selection.result()).toStrictEqual({
      count: values.length,
      min: 0,
      max: 5000,
      avg: expect.closeTo(sum / values.length, 9),
      percentiles: [0.5, 0.95, 0.99].map((p) => k6Percentile(values, p)),
    });
  });

  test('needs no second pass when the wanted ranks fall in buckets of one value', () => {
    const selection = new ExactPercentiles([0.5, 0.95]);
    expect(
      passes(
        selection,
        Array.from({ length: 100_000 }, () => 42),
      ),
    ).toBe(1);
    expect(selection.result().percentiles).toStrictEqual([42, 42]);
  });

  test('reports one value as every percentile, and nothing for no values', () => {
    const one = new ExactPercentiles([0.95]);
    passes(one, [7.5]);
    expect(one.result()).toStrictEqual({ count: 1, min: 7.5, max: 7.5, avg: 7.5, percentiles: [7.5] });
    const none = new ExactPercentiles([0.95]);
    passes(none, []);
    expect(none.result()).toStrictEqual({ count: 0, min: Number.NaN, max: Number.NaN, avg: Number.NaN, percentiles: [Number.NaN] });
  });
});

describe('LogHistogram', () => {
  test('orders buckets exactly as values, from zero to huge', () => {
    const next = random(3);
    const values = [
      0,
      -1,
      1e-12,
      2 ** -30,
      0.001,
      1,
      1.015625,
      1.0156251,
      2,
      1e6,
      2 ** 60,
      1e300,
      ...Array.from({ length: 5000 }, () => 10 ** (next() * 8 - 3)),
    ];
    const sorted = values.sort((a, b) => a - b);
    for (let index = 1; index < sorted.length; index += 1)
      expect(bucketOf(sorted[index]!)).toBeGreaterThanOrEqual(bucketOf(sorted[index - 1]!));
    expect(bucketOf(1)).toBe(bucketOf(1.015624));
    expect(bucketOf(1.015625)).toBe(bucketOf(1) + 1);
  });

  test(`estimates percentiles within ${HISTOGRAM_PRECISION} relative`, () => {
    const next = random(5);
    const values = Array.from({ length: 20_000 }, () => Math.exp(next() * 6) * 3);
    const histogram = new LogHistogram();
    for (const value of values) histogram.add(value);
    for (const p of [0.5, 0.9, 0.95, 0.99]) {
      const exact = k6Percentile(values, p);
      expect(Math.abs(histogram.percentile(p) - exact) / exact).toBeLessThanOrEqual(HISTOGRAM_PRECISION);
    }
  });
});

/** A spike run: 10 VUs, 100 from 60 s to 120 s, 10 again until 240 s; 10 requests a second throughout. */
function spikeRun(name: string, slowUntil: number, failingUntil = 0): string {
  const lines: string[] = [];
  for (let second = 0; second <= 241; second += 1) {
    lines.push(point('vus', second, second > 240 ? 0 : second >= 60 && second <= 120 ? 100 : 10, null));
    if (second > 240) continue;
    for (let tenth = 0; tenth < 10; tenth += 1) {
      const at = second + tenth / 10;
      const inSpike = at >= 60;
      lines.push(...request(at, inSpike && at < slowUntil ? 900 : 100, { failed: inSpike && at < failingUntil && tenth % 2 === 0 }));
    }
  }
  return output(name, lines);
}

describe('spike recovery', () => {
  test('is the first window after the spike end within the baseline limits: 25 s passes', async () => {
    const { recovery } = await analyze([spikeRun('recovers.json', 145)], { intervalMs: 5000 });
    expect(recovery).toMatchObject({
      verdict: 'pass',
      spikeEndSeconds: 120,
      spikeEndFrom: 'vus',
      recoverySeconds: 25,
      limitSeconds: 30,
      limits: LIMITS,
      reason: 'back within the baseline limits 25 s after the spike ended (within 30 s)',
    });
    expect(recovery.windows.slice(4, 6)).toStrictEqual([
      { startSeconds: 20, requests: 50, p95: 900, errorRate: 0 },
      { startSeconds: 25, requests: 50, p95: 100, errorRate: 0 },
    ]);
  });

  test('fails past 30 s, counting a window with any slow share above p95 as not recovered', async () => {
    const { recovery } = await analyze([spikeRun('slow.json', 162)], { intervalMs: 5000 });
    expect(recovery).toMatchObject({
      verdict: 'fail',
      recoverySeconds: 45,
      reason: 'back within the baseline limits 45 s after the spike ended (beyond 30 s)',
    });
  });

  test('waits for the error rate too, and exactly 30 s passes', async () => {
    const { recovery } = await analyze([spikeRun('failing.json', 125, 150)], { intervalMs: 5000 });
    expect(recovery).toMatchObject({ verdict: 'pass', recoverySeconds: 30 });
    expect(recovery.windows[5]).toStrictEqual({ startSeconds: 25, requests: 50, p95: 100, errorRate: 0.5 });
  });

  test('takes the spike end from --spike-end when given', async () => {
    const { recovery } = await analyze([spikeRun('given.json', 145)], { intervalMs: 5000, spikeEndSeconds: 130 });
    expect(recovery).toMatchObject({ verdict: 'pass', spikeEndSeconds: 130, spikeEndFrom: 'option', recoverySeconds: 15 });
  });

  test('fails when the run never gets back within the limits', async () => {
    const { recovery } = await analyze([spikeRun('never.json', 999)], { intervalMs: 5000 });
    expect(recovery).toMatchObject({
      verdict: 'fail',
      recoverySeconds: null,
      reason: 'p95 and error rate were not back within the baseline limits by the end of the run',
    });
  });

  test('does not apply to a run whose VUs only stop at the end', async () => {
    const lines = Array.from({ length: 60 }, (_, second) => [point('vus', second, 20, null), ...request(second, 100)]).flat();
    const { recovery } = await analyze([output('steady.json', [...lines, point('vus', 60, 0, null)])]);
    expect(recovery).toMatchObject({ verdict: 'not applicable', spikeEndSeconds: null, windows: [] });
  });
});

describe('soak degradation', () => {
  /** Ten minutes of 10 requests a second whose latency grows by `drift` of 100 ms over the run, with seeded noise. */
  function soakRun(name: string, drift: number): { path: string; first: number; last: number } {
    const next = random(13);
    const samples = Array.from({ length: 6001 }, (_, index) => ({
      at: index / 10,
      latency: (100 + 100 * drift * (index / 6000)) * (0.9 + next() * 0.2),
    }));
    const length = samples.at(-1)!.at;
    const p95Where = (keep: (at: number) => boolean) =>
      k6Percentile(
        samples.filter(({ at }) => keep(at)).map(({ latency }) => latency),
        0.95,
      );
    const path = output(
      name,
      samples.flatMap(({ at, latency }) => request(at, latency)),
    );
    return { path, first: p95Where((at) => at < length / 10), last: p95Where((at) => at >= length - length / 10) };
  }

  test('compares the exact p95 of the last tenth with the first: a 30% drift fails', async () => {
    const run = soakRun('drifting.json', 0.3);
    const { soak } = await analyze([run.path], { expect: 'soak' });
    expect(soak).toStrictEqual({
      verdict: 'fail',
      firstP95: run.first,
      lastP95: run.last,
      change: (run.last - run.first) / run.first,
      limit: 0.1,
      tenthSeconds: 60,
      reason: `p95 changed by ${(((run.last - run.first) / run.first) * 100).toFixed(1)}% from the first tenth to the last (not under 10%)`,
    });
    expect(soak.change).toBeGreaterThan(0.2);
  });

  test('passes a 5% drift', async () => {
    const run = soakRun('steady-soak.json', 0.05);
    const { soak } = await analyze([run.path], { expect: 'soak' });
    expect(soak).toMatchObject({ verdict: 'pass', firstP95: run.first, lastP95: run.last });
    expect(soak.change).toBeLessThan(0.1);
  });
});

describe('k6-forge analyze', () => {
  const small = output(
    'small.json',
    Array.from({ length: 30 }, (_, index) =>
      request(index, 100 + index * 10, { endpoint: index % 2 ? 'login' : 'deals', failed: index === 29 }),
    ).flat(),
  );

  test('prints the run, exact latency per endpoint, the limits, checks and verdicts and the series, and exits 1 on a failed limit', async () => {
    const login300 = writeText('login-300.json', JSON.stringify({ endpoints: { login: { p95: 300, p99: 1000 } } }));
    expect(await cli('analyze', small, '--interval', '10s', '--thresholds', login300)).toStrictEqual({
      code: 1,
      messages: '',
      report: [
        'k6-forge analyze: 1 file, 60 samples of 121 lines, read in 2 passes',
        "run: 2025-06-01T12:00:00.000Z to 2025-06-01T12:00:29.000Z (29 s), scenario spike, judged as spike (from the scenario's name)",
        'http_req_duration in ms; percentiles are exact over all files, as k6 computes them',
        'endpoint  requests   rps  error rate  min  avg  med  p(90)  p(95)  p(99)  max',
        '*               30  1.03      3.333%  100  245  245    361  375.5  387.1  390',
        'deals           15  0.52          0%  100  240  240    352    366  377.2  380',
        'login           15  0.52      6.667%  110  250  250    362    376  387.2  390',
        'limits of the thresholds file, on the exact figures:',
        'scope           measure     measured  limit      verdict',
        'scenario spike  p(95)       375.5 ms  < 2000 ms  PASS',
        'scenario spike  p(99)       387.1 ms  < 4000 ms  PASS',
        'scenario spike  error rate    3.333%  < 10%      PASS',
        'endpoint login  p(95)         376 ms  < 300 ms   FAIL',
        'endpoint login  p(99)       387.2 ms  < 1000 ms  PASS',
        'checks: none in the output',
        'spike recovery: NOT APPLICABLE: no spike: VUs do not keep running below their peak for an interval after it (give --spike-end)',
        'soak degradation: NOT APPLICABLE: not a soak run (its scenario is spike; give --expect soak to judge degradation)',
        'whole run per 10 s (p95 within 0.78%; more series in --format json and --html)',
        'time (s)   rps  error rate  p95 (ms)',
        '       0     1          0%    185.95',
        '      10     1          0%     286.4',
        '      20  1.11         10%     386.4',
        'FAIL: 1 of 5 limits failed',
      ].join('\n'),
    });
  });

  test('exits 0 when no verdict fails: a steady run, no spike', async () => {
    const steady = output('steady.json', Array.from({ length: 30 }, (_, index) => request(index, 120)).flat());
    const { code, report } = await cli('analyze', steady, '--thresholds', 'examples/thresholds.json');
    expect(code).toBe(0);
    expect(report).toContain(
      'soak degradation: NOT APPLICABLE: not a soak run (its scenario is spike; give --expect soak to judge degradation)',
    );
    expect(report.split('\n').at(-1)).toBe('PASS: 3 of 3 limits held');
  });

  test('--format json gives the whole analysis, series and verdicts included', async () => {
    const { code, report } = await cli(
      'analyze',
      small,
      '--format',
      'json',
      '--interval',
      '10s',
      '--baseline-p95',
      '300',
      '--baseline-error-rate',
      '0.05',
      '--spike-end',
      '20',
    );
    expect(code).toBe(1);
    const analysis = JSON.parse(report) as Analysis;
    expect(analysis.series.map((series) => series.name)).toStrictEqual([
      'requests per second',
      'error rate',
      'p95',
      'requests per second deals',
      'error rate deals',
      'p95 deals',
      'requests per second login',
      'error rate login',
      'p95 login',
    ]);
    expect(analysis.series[0]!.points).toStrictEqual([
      [0, 1],
      [10, 1],
      [20, 10 / 9],
    ]);
    expect(analysis.recovery).toMatchObject({
      verdict: 'fail',
      spikeEndSeconds: 20,
      recoverySeconds: null,
      limits: { p95: 300, errorRate: 0.05 },
    });
  });

  test('--html writes a self-contained report with the series as charts and the verdicts as thresholds', async () => {
    const report = join(scratch, 'html', 'report.html');
    const login300 = writeText('login-300-html.json', JSON.stringify({ endpoints: { login: { p95: 300, p99: 1000 } } }));
    const first = await cli('analyze', small, '--html', report, '--spike-end', '10', '--interval', '10s', '--thresholds', login300);
    expect(first).toMatchObject({ code: 1, messages: `k6-forge: wrote the report to ${report}` });
    const html = readFileSync(report, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('spike failed: 1 of 6 thresholds failed');
    expect(html).toContain(
      '<td><code>http_req_duration{endpoint:login}</code></td><td><code>p(95)&lt;300</code></td><td class="num">376ms</td><td>❌ fail</td>',
    );
    expect(html).toContain('aria-label="p95 login (ms)"');
    expect(html).toContain('<code>spike_recovery_seconds</code>');
    expect(html).not.toMatch(/(src|href)=|https?:\/\//);
    expect(html.match(/<svg /g)?.length).toBe(10);
    await cli('analyze', small, '--html', report, '--summary', 'test/fixtures/gate-baseline-summary.json', '--thresholds', login300);
    const withSummary = readFileSync(report, 'utf8');
    expect(withSummary).toContain('baseline failed: 1 of 8 thresholds failed');
    expect(withSummary).toContain('status is 200');
    expect(readdirSync(join(scratch, 'html'))).toStrictEqual(['report.html']);
  });

  test('--summary of another run (start and end outside the output) is refused, naming both spans', async () => {
    const other = JSON.parse(readFileSync('test/fixtures/gate-baseline-summary.json', 'utf8')) as { meta: Record<string, string> };
    other.meta = { ...other.meta, startTime: '2025-06-02T08:00:00.000Z', endTime: '2025-06-02T08:07:00.000Z' };
    const path = writeText('other-run-summary.json', JSON.stringify(other));
    const { code, messages } = await cli(
      'analyze',
      small,
      '--html',
      join(scratch, 'other.html'),
      '--summary',
      path,
      '--thresholds',
      'examples/thresholds.json',
    );
    expect(code).toBe(2);
    expect(messages).toBe(
      `k6-forge analyze: --summary: "${path}" is not accepted; expected a summary of the same run: it spans 2025-06-02T08:00:00.000Z to 2025-06-02T08:07:00.000Z, the output 2025-06-01T12:00:00.000Z to 2025-06-01T12:00:29.000Z`,
    );
  });

  const cut = (text: string) => text.slice(0, text.lastIndexOf('"value"'));
  const smallText = readFileSync(small, 'utf8');

  test.each([
    ['a missing file', () => join(scratch, 'nope.json'), 'nope.json: a missing file is not accepted; expected k6 --out json output'],
    ['an empty file', () => writeText('empty.json', ''), 'empty.json: an empty file is not accepted'],
    [
      'a truncated last line',
      () => writeText('cut.json', cut(smallText)),
      'cut.json line 121: a last line that is cut short, as in a truncated file',
    ],
    [
      'a truncated last line of a metric analyze skips',
      () => writeText('cut-other.json', `${smallText}{"metric":"http_req_waiting","type":"Poi`),
      'cut-other.json line 122: a last line that is cut short',
    ],
    [
      'a truncated gzip file',
      () => writeBytes('cut.json.gz', gzipSync(smallText).subarray(0, 300)),
      'cut.json.gz: a truncated gzip file is not accepted',
    ],
    [
      'a line that is not JSON',
      () => writeText('garbage.json', `${METRIC_LINE}\nnot json\n${smallText}`),
      'garbage.json line 2: text that is not JSON',
    ],
    [
      'a summary instead of k6 output',
      () => writeText('summary.json', readFileSync('test/fixtures/gate-spike-export.json', 'utf8')),
      'summary.json line 1: text that is not JSON',
    ],
    [
      'a line of the wrong shape',
      () => writeText('shape.json', '{"metrics":{}}\n'),
      'shape.json line 1: {"metrics":{}} is not accepted; expected k6 --out json output',
    ],
    [
      'a sample without a time',
      () => writeText('no-time.json', '{"metric":"http_req_duration","type":"Point","data":{"value":1,"tags":null}}\n'),
      'no-time.json line 1 at data: {"value":1,"tags":null}, which lacks a time, a numeric value or tags',
    ],
    [
      'output without requests',
      () => output('idle.json', [point('vus', 0, 1), point('vus', 1, 1)]),
      'idle.json: output without http_req_duration samples is not accepted; expected k6 --out json output of a test that made HTTP requests',
    ],
  ])('%s is bad input: exit 2 and one message naming the file', async (_case, path, message) => {
    const { code, report, messages } = await cli('analyze', path(), '--thresholds', 'examples/thresholds.json');
    expect({ code, report }).toStrictEqual({ code: 2, report: '' });
    expect(messages).toMatch(/^k6-forge analyze: /);
    expect(messages).toContain(message);
  });

  test.each([
    [['analyze'], 'analyze: no files is not accepted; expected one or more k6 --out json files'],
    [['analyze', small, '--interval', '10 s'], '--interval: "10 s" is not accepted; expected a k6 duration'],
    [['analyze', small, '--format', 'csv'], '--format: "csv" is not accepted; expected text or json'],
    [['analyze', small, '--spike-end', '45'], '--spike-end: 45 is not accepted; expected seconds within the run, from 0 to 29'],
    [['analyze', small, '--spike-end', 'soon'], '--spike-end: "soon" is not accepted'],
    [['analyze', small, '--baseline-p95', '0'], '--baseline-p95: "0" is not accepted; expected milliseconds above 0'],
    [['analyze', small, '--summary', 'x.json'], '--summary: "x.json" is not accepted; expected a summary only together with --html'],
    [
      ['analyze', small, '--html', join(scratch, 'never.html'), '--summary', 'test/fixtures/nope.json'],
      'test/fixtures/nope.json: a missing file is not accepted',
    ],
  ])('%j is bad input and writes nothing', async (argv, message) => {
    const { code, messages } = await cli(...argv, '--thresholds', 'examples/thresholds.json');
    expect(code).toBe(2);
    expect(messages).toContain(message);
    expect(readdirSync(scratch)).not.toContain('never.html');
  });

  function writeText(name: string, text: string): string {
    return writeBytes(name, Buffer.from(text));
  }

  function writeBytes(name: string, bytes: Uint8Array): string {
    const path = join(scratch, name);
    writeFileSync(path, bytes);
    return path;
  }
});

describe('analyze judges what the run was', () => {
  /** A 10 s load run at 10 requests a second with a falling VU count at the end, `failedEvery` failing one in N. */
  function loadRun(
    name: string,
    options: { failedEvery?: number; scenario?: string; declared?: string[]; checks?: boolean; iterations?: boolean } = {},
  ): string {
    const lines: string[] = [];
    for (let index = 0; index < 100; index += 1) {
      const seconds = index / 10;
      if (index % 10 === 0) lines.push(point('vus', seconds, seconds < 5 ? 20 : 5, null));
      const failed = options.failedEvery !== undefined && index % options.failedEvery === 0;
      lines.push(
        ...request(seconds, 1.23 + (0.2 * index) / 100, { failed, scenario: options.scenario ?? 'load', endpoint: 'product_get' }),
      );
      if (options.checks)
        lines.push(point('checks', seconds, index === 7 ? 0 : 1, { check: 'product_get status is 2xx', group: '', scenario: 'load' }));
      if (options.iterations) lines.push(point('iterations', seconds, 1, { scenario: options.scenario ?? 'load' }));
    }
    const declared = (options.declared ?? []).map((scenario) => ({
      name: `iterations{scenario:${scenario}}`,
      suffix: `scenario:${scenario}`,
      tags: { scenario },
    }));
    const definition = JSON.stringify({
      type: 'Metric',
      data: { name: 'iterations', type: 'counter', contains: 'default', thresholds: [], submetrics: declared },
      metric: 'iterations',
    });
    return output(name, [definition, ...lines]);
  }

  test('a healthy short load run passes: no soak verdict from a p95 creeping 1.23 → 1.43 ms, no spike from its VU drop', async () => {
    const { code, report } = await cli('analyze', loadRun('healthy-load.json'), '--thresholds', 'examples/thresholds.json');
    expect(code).toBe(0);
    expect(report).toContain('judged as steady (neither a spike nor a soak by name)');
    expect(report).toContain(
      'spike recovery: NOT APPLICABLE: not a spike run (its scenario is named neither spike nor soak; give --expect spike to judge recovery)',
    );
    expect(report).toContain(
      'soak degradation: NOT APPLICABLE: not a soak run (its scenario is named neither spike nor soak; give --expect soak to judge degradation)',
    );
    expect(report.split('\n').at(-1)).toBe('PASS: 3 of 3 limits held');
  });

  test('a load run with 10% errors fails on the error rate of its scenario', async () => {
    const { code, report } = await cli(
      'analyze',
      loadRun('erroring-load.json', { failedEvery: 10 }),
      '--thresholds',
      'examples/thresholds.json',
    );
    expect(code).toBe(1);
    expect(report).toMatch(/scenario load {2}error rate +10% +< 1% +FAIL/);
    expect(report.split('\n').at(-1)).toBe('FAIL: 1 of 3 limits failed');
  });

  test('--expect soak on a short run is not applicable, naming the length a soak needs', async () => {
    const { code, report } = await cli(
      'analyze',
      loadRun('short-soak.json'),
      '--expect',
      'soak',
      '--thresholds',
      'examples/thresholds.json',
    );
    expect(code).toBe(0);
    expect(report).toContain('soak degradation: NOT APPLICABLE: a soak needs at least 10 min of requests; this run has 10 s');
  });

  test('--expect spike judges recovery on the VU drop', async () => {
    const analysis = await analyzeK6Output({ files: [loadRun('expected-spike.json')], recoveryLimits: LIMITS, expect: 'spike' });
    expect(analysis.kind).toStrictEqual({ value: 'spike', from: 'option' });
    expect(analysis.recovery).toMatchObject({ verdict: 'pass', spikeEndSeconds: 4, spikeEndFrom: 'vus' });
  });

  test('without --interval the interval fits the run, so a 10 s run has a point per second', async () => {
    const analysis = await analyzeK6Output({ files: [loadRun('interval.json')], recoveryLimits: LIMITS });
    expect(analysis.intervalSeconds).toBe(1);
    expect(analysis.intervalFrom).toBe('run length');
    expect(analysis.series[0]!.points).toHaveLength(10);
    expect(analysis.series[2]!.points).toHaveLength(10);
  });

  test.each([
    [10_000, 1],
    [90_000, 5],
    [600_000, 30],
    [7_200_000, 300],
  ])('a run of %i ms gets an interval of %i s', (length, seconds) => {
    expect(intervalFor(length)).toBe(seconds * 1000);
  });

  test('reads the checks from the output', async () => {
    const path = loadRun('checks.json', { checks: true });
    const { report } = await cli('analyze', path, '--thresholds', 'examples/thresholds.json');
    expect(report).toContain('checks: 1 check, 1 of 100 failed: product_get status is 2xx (1 of 100)');
    const html = join(scratch, 'checks.html');
    await cli('analyze', path, '--html', html, '--thresholds', 'examples/thresholds.json');
    expect(readFileSync(html, 'utf8')).toContain('<td>product_get status is 2xx</td><td class="num">99</td><td class="num">1</td>');
    expect(readFileSync(html, 'utf8')).not.toContain('No checks ran.');
  });

  test('a scenario the output declares that made no request or iteration fails the run', async () => {
    const { code, report } = await cli(
      'analyze',
      loadRun('replaced.json', { scenario: 'default', declared: ['smoke'] }),
      '--thresholds',
      'examples/thresholds.json',
    );
    expect(code).toBe(1);
    expect(report).toContain('FAIL: scenario smoke never ran: the output declares it, but it made no request, check or iteration');
    expect(report.split('\n').at(-1)).toBe(
      'FAIL: scenario smoke never ran: the output declares it, but it made no request, check or iteration',
    );
  });

  test('a declared scenario whose requests never completed an iteration (a stalled route) fails; one that iterated passes', async () => {
    const stalled = await cli('analyze', loadRun('stalled.json', { declared: ['load'] }), '--thresholds', 'examples/thresholds.json');
    expect(stalled.code).toBe(1);
    expect(stalled.report.split('\n').at(-1)).toBe('FAIL: scenario load completed no iteration: every one was stalled or interrupted');
    const iterated = await cli(
      'analyze',
      loadRun('iterated.json', { declared: ['load'], iterations: true }),
      '--thresholds',
      'examples/thresholds.json',
    );
    expect(iterated.code).toBe(0);
  });

  test('--expect takes only the kinds it knows', async () => {
    const { code, messages } = await cli('analyze', loadRun('kind.json'), '--expect', 'burst');
    expect(code).toBe(2);
    expect(messages).toBe('k6-forge analyze: --expect: "burst" is not accepted; expected one of spike, soak, steady');
  });
});
