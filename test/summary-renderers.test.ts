import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { htmlReport } from '../src/lib/summary/html-report.ts';
import { jsonReport } from '../src/lib/summary/json-report.ts';
import { junitReport } from '../src/lib/summary/junit-report.ts';
import { markdownReport } from '../src/lib/summary/markdown-report.ts';
import { runMeta } from '../src/lib/summary/run-meta.ts';
import { readSummaryData } from '../src/lib/summary/summary-data.ts';
import { textSummary } from '../src/lib/summary/text-summary.ts';
import type { RunSummary, Series, SummaryData } from '../src/lib/summary/types.ts';

const fixture = JSON.parse(readFileSync(new URL('./fixtures/summary-smoke.json', import.meta.url), 'utf8')) as unknown;

/** The smoke fixture as a run summary, with fixed metadata (the version too, so goldens outlive releases). */
function smokeRun(change: (data: Omit<SummaryData, 'setup_data'>) => Omit<SummaryData, 'setup_data'> = (d) => d): RunSummary {
  const data = change(readSummaryData(fixture).data);
  const env = { ENVIRONMENT: 'staging', BASE_URL: 'https://staging.example.com', GIT_REVISION: '4f2a9c1' };
  const meta = runMeta(data, { scenario: 'smoke', env, end: new Date('2026-11-22T07:30:05.250Z') });
  return { ...data, meta: { ...meta, k6ForgeVersion: '9.9.9-test' } };
}

/**
 * Compares a whole output with its golden file in test/golden, a vitest file snapshot. Update it deliberately, after
 * reading the diff, as every snapshot is: `npx vitest run -u test/summary-renderers.test.ts`.
 */
async function expectGolden(name: string, actual: string): Promise<void> {
  await expect(actual).toMatchFileSnapshot(`./golden/${name}`);
}

const VOID_ELEMENTS = ['meta'];
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z][a-zA-Z0-9:-]*="[^"<>]*")*)\s*(\/?)>/g;

/** Checks that every element the report emits is closed in order, attributes are quoted, and no text holds `<`, `>` or a bare `&`. */
function expectWellFormed(html: string): void {
  expect(html.startsWith('<!DOCTYPE html>\n')).toBe(true);
  const body = html.slice('<!DOCTYPE html>\n'.length);
  const open: string[] = [];
  for (const [tag, closing, name = '', , selfClosing] of body.matchAll(TAG)) {
    if (closing) expect(open.pop(), `${tag} closes the innermost open element`).toBe(name);
    else if (!selfClosing && !VOID_ELEMENTS.includes(name)) open.push(name);
  }
  expect(open).toStrictEqual([]);
  const text = body.replace(TAG, '');
  expect(text).not.toMatch(/[<>]/);
  expect(text).not.toMatch(/&(?!(amp|lt|gt|quot|#39);)/);
}

function expectSelfContained(html: string): void {
  for (const reference of ['http://', 'https://', 'src=', '<link', '<script', 'url(', '@import']) {
    expect(html, reference).not.toContain(reference);
  }
}

describe('jsonReport', () => {
  test('writes k6’s data plus meta, without setup_data, keys sorted, 2-space indent', () => {
    const run = smokeRun();
    const text = jsonReport({ ...run, setup_data: { token: 'x' } } as RunSummary);
    expect(text).not.toContain('setup_data');
    expect(JSON.parse(text)).toStrictEqual({
      meta: run.meta,
      metrics: run.metrics,
      root_group: run.root_group,
      options: run.options,
      state: run.state,
    });
    expect(text.split('\n').slice(0, 3)).toStrictEqual(['{', '  "meta": {', '    "endTime": "2026-11-22T07:30:05.250Z",']);
    expect(text.endsWith('}\n')).toBe(true);
  });

  test('gives the same bytes whatever order k6 handed the keys in', () => {
    const run = smokeRun();
    const reversed = Object.fromEntries(Object.entries(run.metrics).reverse());
    expect(jsonReport({ ...run, metrics: reversed })).toBe(jsonReport(run));
  });
});

describe('junitReport', () => {
  test('matches the golden file: a case per threshold and per check, failures with measured values', async () => {
    await expectGolden('summary-smoke-junit.xml', junitReport(smokeRun()));
  });

  test('escapes names that would break XML', () => {
    const xml = junitReport(
      smokeRun((data) => ({
        ...data,
        root_group: { ...data.root_group, groups: [], checks: [{ name: `<b>"x" & 'y'</b>\u0007`, path: '', id: '', passes: 0, fails: 1 }] },
      })),
    );
    expect(xml).toContain(`name="&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;\uFFFD"`);
    expect(xml).not.toContain('<b>');
  });
});

describe('markdownReport', () => {
  test('matches the golden file: verdict, facts, thresholds, latency per endpoint, checks', async () => {
    await expectGolden('summary-smoke.md', markdownReport(smokeRun()));
  });

  test('falls back to the whole run’s latency without endpoint or name sub-metrics, and says when nothing is there', () => {
    const plain = markdownReport(smokeRun((data) => ({ ...data, metrics: { http_req_duration: data.metrics['http_req_duration']! } })));
    expect(plain).toContain('| \\* | 182.44ms | 841.2µs | 120.5ms | 2.31s | 410.12ms | 640.88ms | 1.52s |');
    expect(plain).toContain('## ✅ smoke passed: no thresholds were set');
    const empty = markdownReport(
      smokeRun((data) => ({ ...data, metrics: {}, root_group: { ...data.root_group, groups: [], checks: [] } })),
    );
    expect(empty).toContain('No thresholds were set.\n');
    expect(empty).toContain('No HTTP request was timed.\n');
    expect(empty).toContain('No checks ran.\n');
  });

  test('uses {name:x} sub-metrics when no endpoint is tagged', () => {
    const named = markdownReport(
      smokeRun((data) => ({
        ...data,
        metrics: { 'http_req_duration{name:GET /deals}': { type: 'trend', contains: 'time', values: { avg: 12 } } },
      })),
    );
    expect(named).toContain('| GET /deals | 12ms | - | - | - | - | - | - |');
  });
});

/** A run captured from real k6 v2.2.0 (test/fixtures/capture-summary.js), in either summary shape, as a run summary. */
function capturedRun(shape: 'legacy' | 'mrs'): RunSummary {
  const raw = JSON.parse(readFileSync(new URL(`./fixtures/k6-v2.2.0-${shape}-pass.json`, import.meta.url), 'utf8')) as unknown;
  const thresholds = {
    'http_req_duration{scenario:smoke}': ['p(95)<1000'],
    'http_req_failed{scenario:smoke}': ['rate<0.6'],
    'iterations{scenario:smoke}': ['count>0'],
    orders_accepted: ['count>0'],
    rate_limited: ['rate<0.9'],
  };
  const { data } = readSummaryData(raw, thresholds);
  const meta = runMeta(data, {
    scenario: 'smoke',
    env: { ENVIRONMENT: 'ci' },
    end: new Date('2026-12-02T18:58:00.000Z'),
    scenarios: ['smoke'],
  });
  return { ...data, meta: { ...meta, k6ForgeVersion: '9.9.9-test' } };
}

describe('every metric in the Markdown and HTML reports', () => {
  test.each(['legacy', 'mrs'] as const)('k6 v2.2.0 %s summary: the Markdown matches its golden file', async (shape) => {
    await expectGolden(`k6-v2.2.0-${shape}.md`, markdownReport(capturedRun(shape)));
  });

  test.each(['legacy', 'mrs'] as const)('k6 v2.2.0 %s summary: the HTML matches its golden file', async (shape) => {
    await expectGolden(`k6-v2.2.0-${shape}.html`, htmlReport(capturedRun(shape)));
  });

  test('shows custom counters, rates, gauges and trends, iterations, data volume and VUs in the form of their type', () => {
    const run = smokeRun();
    const markdown = markdownReport({
      ...run,
      metrics: {
        ...run.metrics,
        rate_limited: { type: 'rate', contains: 'default', values: { rate: 0.25, passes: 2, fails: 6 } },
        queue_depth: { type: 'gauge', contains: 'default', values: { value: 10, min: 3, max: 12 } },
      },
    });
    for (const line of [
      '| `orders_accepted` | counter |',
      '| `rate_limited` | rate | 25.00% | ✓ 2 ✗ 6 |',
      '| `queue_depth` | gauge | 10 | min=3 max=12 |',
      '| `iterations` | counter |',
      '| `data_received` | counter |',
      '| `vus` | gauge |',
      '| `vus_max` | gauge |',
      '| `order_latency` |',
    ]) {
      expect(markdown).toContain(line);
    }
  });
});

describe('htmlReport', () => {
  const series: Series[] = [
    {
      name: 'requests per second',
      unit: 'per second',
      points: [
        [0, 0],
        [10, 5.5],
        [20, 6],
        [60, 6],
      ],
    },
    {
      name: 'p95 <login> & "co"',
      unit: 'ms',
      points: [
        [0, 120],
        [30, 310],
        [60, 180],
      ],
    },
  ];

  test('is well formed and self-contained, with every section and chart', () => {
    const html = htmlReport(smokeRun(), series);
    expectWellFormed(html);
    expectSelfContained(html);
    expect(html).toContain('<style>');
    expect(html).toContain('<h1 class="fail">❌ smoke failed: 2 of 6 thresholds failed</h1>');
    expect(html).toContain('aria-label="p(95) per endpoint"');
    expect(html.match(/<rect class="bar"/g)).toHaveLength(3);
    expect(html.match(/<polyline class="line"/g)).toHaveLength(2);
    expect(html).toContain('p95 &lt;login&gt; &amp; &quot;co&quot; (ms)');
    expect(html).toContain(
      '<td><code>order_latency</code></td><td><code>p(95)&lt;800</code></td><td class="num">990.4ms</td><td>❌ fail</td>',
    );
    expect(html).toContain('<td>checkout › pay</td><td>order accepted</td>');
  });

  test('escapes hostile names and stays well formed without series', () => {
    const html = htmlReport(
      smokeRun((data) => ({
        ...data,
        root_group: {
          ...data.root_group,
          groups: [],
          checks: [{ name: '<script>alert(1)</script>', path: '', id: '', passes: 1, fails: 0 }],
        },
        metrics: { 'http_req_duration{endpoint:x"><img src=y>}': { type: 'trend', contains: 'time', values: { 'p(95)': 5 } } },
      })),
    );
    expectWellFormed(html);
    expectSelfContained(html.replace(/src=y/g, ''));
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('Over time');
  });
});

describe('textSummary', () => {
  const lines = (text: string) => text.split('\n');

  test('lays checks and metrics out like k6, with threshold marks, rates and counters', () => {
    const text = textSummary(smokeRun());
    expect(text.startsWith('\n     ✓ status is 200\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(true);
    expect(lines(text)).toEqual(
      expect.arrayContaining([
        '     █ checkout',
        '       ✗ page < 20 items & "sorted"',
        '        ↳  98% — ✓ 118 / ✗ 2',
        '         ✗ order accepted',
        '          ↳  95% — ✓ 114 / ✗ 6',
        '     checks.........................: 98.91% ✓ 832      ✗ 8',
        '     data_received..................: 1.3 MB 21 kB/s',
        '     http_req_duration..............: avg=182.44ms min=841.2µs med=120.5ms max=2.31s   p(90)=410.12ms p(95)=640.88ms p(99)=1.52s',
        '     ✓ { endpoint:login }...........: avg=150.75ms min=40.2ms  med=130ms   max=890.5ms p(90)=260.3ms  p(95)=320.44ms p(99)=700.2ms',
        '     ✗ { scenario:smoke }...........: avg=182.44ms min=841.2µs med=120.5ms max=2.31s   p(90)=410.12ms p(95)=640.88ms p(99)=1.52s',
        '     http_req_failed................: 0.55%  ✓ 2        ✗ 358',
        '     http_reqs......................: 360    5.998765/s',
        '   ✗ order_latency..................: avg=310.5ms  min=60.1ms  med=250.2ms max=2.3s    p(90)=730ms    p(95)=990.4ms  p(99)=1.9s',
        '     vus............................: 10     min=10     max=10',
        '       { endpoint:deals }...........: avg=95.2ms   min=841.2µs med=80.1ms  max=610.3ms p(90)=150.25ms p(95)=210.4ms  p(99)=480.9ms',
        '     ✓ { scenario:smoke }...........: 0.55%  ✓ 2        ✗ 358',
      ]),
    );
    expect(text).not.toContain('\x1b[');
  });

  test('follows summaryTrendStats order and summaryTimeUnit', () => {
    const text = textSummary(
      smokeRun((data) => ({ ...data, options: { ...data.options, summaryTrendStats: ['p(99)', 'max', 'count'], summaryTimeUnit: 'ms' } })),
    );
    expect(lines(text)).toContain('     iteration_duration.............: p(99)=6100.40ms max=6203.90ms count=-');
  });

  test('colours only on a terminal and never with noColor', () => {
    const run = smokeRun();
    const on = (noColor: boolean, isStdOutTTY: boolean) =>
      textSummary({ ...run, options: { ...run.options, noColor }, state: { ...run.state, isStdOutTTY } });
    expect(on(false, true)).toContain('\x1b[32m     ✓ status is 200\x1b[0m');
    expect(on(true, true)).not.toContain('\x1b[');
    expect(on(false, false)).not.toContain('\x1b[');
  });

  test('adds notes after k6’s layout', () => {
    const text = textSummary(smokeRun(), { notes: ['k6-forge: results in out/'] });
    expect(text.endsWith('\n\n     k6-forge: results in out/\n\n')).toBe(true);
  });
});
