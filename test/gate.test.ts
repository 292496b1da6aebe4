import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { gateChecks, gateLimitsWith } from '../src/cli/summaries/gate-checks.ts';
import { summaryFromJson } from '../src/cli/summaries/summary-file.ts';
import { runMeta } from '../src/lib/summary/run-meta.ts';
import { readSummaryData } from '../src/lib/summary/summary-data.ts';
import { cli } from './support/cli.ts';

const scratch = mkdtempSync(join(tmpdir(), 'k6-forge-gate-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const BASELINE = 'test/fixtures/gate-baseline-summary.json';
const SPIKE_EXPORT = 'test/fixtures/gate-spike-export.json';
const GATES = { baseline: { p95: 400, p99: 900, errorRate: 0.01 }, spike: { p95: 500, p99: 1200, errorRate: 0.02 } };

function fixture(path: string): Record<string, any> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, any>;
}

function scratchFile(name: string, content: unknown): string {
  const path = join(scratch, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe('gateChecks', () => {
  test('prefers the {scenario:<name>} sub-metrics, so a whole run over the limits still passes its scenario', () => {
    const summary = summaryFromJson(fixture(BASELINE), BASELINE);
    expect(gateChecks(summary, 'baseline', GATES.baseline)).toStrictEqual([
      {
        scenario: 'baseline',
        metric: 'http_req_duration{scenario:baseline}',
        measure: 'p(95)',
        measured: 312.5,
        limit: 400,
        verdict: 'pass',
      },
      {
        scenario: 'baseline',
        metric: 'http_req_duration{scenario:baseline}',
        measure: 'p(99)',
        measured: 870.25,
        limit: 900,
        verdict: 'pass',
      },
      {
        scenario: 'baseline',
        metric: 'http_req_failed{scenario:baseline}',
        measure: 'rate',
        measured: 0.004,
        limit: 0.01,
        verdict: 'pass',
      },
    ]);
  });

  test('reads the whole run of a --summary-export file, whose rates are under "value"', () => {
    const summary = summaryFromJson(fixture(SPIKE_EXPORT), SPIKE_EXPORT);
    expect(summary.scenario).toBeUndefined();
    expect(gateChecks(summary, 'spike', GATES.spike)).toStrictEqual([
      { scenario: 'spike', metric: 'http_req_duration', measure: 'p(95)', measured: 480.5, limit: 500, verdict: 'pass' },
      { scenario: 'spike', metric: 'http_req_duration', measure: 'p(99)', measured: 1300.75, limit: 1200, verdict: 'fail' },
      { scenario: 'spike', metric: 'http_req_failed', measure: 'rate', measured: 0.015, limit: 0.02, verdict: 'pass' },
    ]);
  });

  test('a value equal to its limit fails, as k6 judges p(95)<400', () => {
    const json = fixture(BASELINE);
    json['metrics']['http_req_duration{scenario:baseline}'].values['p(95)'] = 400;
    const [p95] = gateChecks(summaryFromJson(json, 'x.json'), 'baseline', { p95: 400 });
    expect(p95).toMatchObject({ measured: 400, limit: 400, verdict: 'fail' });
  });

  test('checks every kind of limit a gate may hold, latency first as in the k6 thresholds', () => {
    const summary = summaryFromJson(fixture(BASELINE), BASELINE);
    const checks = gateChecks(summary, 'baseline', { errorRate: 0.01, p90: 300, max: 5000, avg: 250 });
    expect(checks.map(({ measure, measured, verdict }) => [measure, measured, verdict])).toStrictEqual([
      ['avg', 210.3, 'pass'],
      ['max', 1100.4, 'pass'],
      ['p(90)', 301.6, 'fail'],
      ['rate', 0.004, 'pass'],
    ]);
  });
});

describe('k6-forge gate', () => {
  const results = join(scratch, 'results', '2025-06-01T12-00-00Z');
  mkdirSync(results, { recursive: true });
  copyFileSync(BASELINE, join(results, 'baseline-summary.json'));
  copyFileSync(SPIKE_EXPORT, join(results, 'spike-summary.json'));
  writeFileSync(join(results, 'baseline-report.html'), '<!DOCTYPE html>');

  test('checks every <scenario>-summary.json of a results folder, prints each check and exits 1 on a failure', async () => {
    expect(await cli('gate', results, '--thresholds', 'thresholds.json')).toStrictEqual({
      code: 1,
      messages: '',
      report: [
        'k6-forge gate: 2 summaries against the limits in thresholds.json (baseline: gates.baseline over scenarios.baseline over global; spike: gates.spike over scenarios.spike over global)',
        'scenario  measure       measured  limit      verdict  metric',
        'baseline  p(95)         312.5 ms  < 400 ms   PASS     http_req_duration{scenario:baseline}',
        'baseline  p(99)        870.25 ms  < 900 ms   PASS     http_req_duration{scenario:baseline}',
        'baseline  error rate        0.4%  < 1%       PASS     http_req_failed{scenario:baseline}',
        'spike     p(95)         480.5 ms  < 500 ms   PASS     http_req_duration',
        'spike     p(99)       1300.75 ms  < 1200 ms  FAIL     http_req_duration',
        'spike     error rate        1.5%  < 2%       PASS     http_req_failed',
        'FAIL: 1 of 6 checks failed',
      ].join('\n'),
    });
  });

  test("takes document 000's --baseline-summary and --spike-summary and exits 0 when every check passes", async () => {
    const spike = fixture(SPIKE_EXPORT);
    spike['metrics']['http_req_duration']['p(99)'] = 1100;
    const { code, report } = await cli(
      'gate',
      '--baseline-summary',
      BASELINE,
      '--spike-summary',
      scratchFile('spike-ok.json', spike),
      '--thresholds',
      'thresholds.json',
    );
    expect(code).toBe(0);
    expect(report.split('\n').slice(-3)).toStrictEqual([
      'spike     p(99)         1100 ms  < 1200 ms  PASS     http_req_duration',
      'spike     error rate       1.5%  < 2%       PASS     http_req_failed',
      'PASS: all 6 checks passed',
    ]);
  });

  test("--summary names the scenario of any file, and a flag wins over the file's meta", async () => {
    const { code, report } = await cli('gate', '--summary', `spike=${BASELINE}`, '--thresholds', 'thresholds.json');
    expect(code).toBe(1);
    expect(report.split('\n').slice(2)).toStrictEqual([
      'spike     p(95)        450.9 ms  < 500 ms   PASS     http_req_duration',
      'spike     p(99)       1320.5 ms  < 1200 ms  FAIL     http_req_duration',
      'spike     error rate         3%  < 2%       FAIL     http_req_failed',
      'FAIL: 2 of 3 checks failed',
    ]);
  });

  test("without --thresholds reads ./thresholds.json, whose gates hold document 000's defaults", async () => {
    const { code, report } = await cli('gate', '--baseline-summary', BASELINE);
    expect(code).toBe(0);
    expect(report.split('\n')[0]).toBe(
      'k6-forge gate: 1 summary against the limits in thresholds.json (baseline: gates.baseline over scenarios.baseline over global)',
    );
  });

  const json = fixture(BASELINE);
  const withoutFailed = { ...json, metrics: { ...json['metrics'] } };
  delete withoutFailed.metrics['http_req_failed'];
  delete withoutFailed.metrics['http_req_failed{scenario:baseline}'];
  const withoutP99 = structuredClone(json);
  delete withoutP99['metrics']['http_req_duration{scenario:baseline}'].values['p(99)'];
  delete withoutP99['metrics']['http_req_duration'].values['p(99)'];
  const file = (name: string, content: unknown) => () => scratchFile(name, content);

  test.each([
    ['a missing file', () => join(scratch, 'nope.json'), 'nope.json: a missing file is not accepted; expected a k6 summary in JSON'],
    ['an empty file', file('empty.json', ''), 'empty.json: an empty file is not accepted'],
    [
      'a truncated file',
      file('truncated.json', readFileSync(BASELINE, 'utf8').slice(0, 700)),
      'truncated.json: JSON that stops short, as a truncated file does',
    ],
    ['text that is not JSON', file('text.json', 'p95=312'), 'text.json: text that is not JSON'],
    ['a list instead of a summary', file('list.json', [1, 2]), 'list.json at $: [1,2] is not accepted; expected a k6 summary in JSON'],
    ['an object without metrics', file('no-metrics.json', { data: {} }), 'no-metrics.json at metrics: nothing is not accepted'],
    [
      'a metric that is not an object',
      file('bad-metric.json', { metrics: { http_reqs: 5 } }),
      'bad-metric.json at metrics["http_reqs"]: 5 is not accepted; expected an object of numbers',
    ],
    [
      'malformed meta',
      file('bad-meta.json', { ...json, meta: { ...json['meta'], scenario: 5 } }),
      'bad-meta.json at meta.scenario: 5 is not accepted; expected text',
    ],
    [
      'a missing metric',
      file('no-failed.json', withoutFailed),
      'no-failed.json at metrics: no http_req_failed is not accepted; expected the metric http_req_failed',
    ],
    [
      'a missing statistic',
      file('no-p99.json', withoutP99),
      'no-p99.json at metrics["http_req_duration{scenario:baseline}"]: no p(99) is not accepted; expected the statistic p(99); add it to summaryTrendStats',
    ],
  ])('%s is bad input: exit 2 and one message naming the file', async (_case, path, message) => {
    const { code, report, messages } = await cli('gate', '--baseline-summary', path(), '--thresholds', 'thresholds.json');
    expect({ code, report }).toStrictEqual({ code: 2, report: '' });
    expect(messages.split('\n')).toHaveLength(1);
    expect(messages).toMatch(/^k6-forge gate: /);
    expect(messages).toContain(message);
  });

  test.each([
    [['--summary', BASELINE], '--summary: "test/fixtures/gate-baseline-summary.json" is not accepted; expected <scenario>=<file>'],
    [
      [],
      'gate: no summaries is not accepted; expected a results folder, --baseline-summary, --spike-summary or --summary <scenario>=<file>',
    ],
    [[join(scratch, 'no-such-run')], `results-dir: "${join(scratch, 'no-such-run')}" is not accepted; expected an existing results folder`],
    [['a', 'b'], 'gate: "a b" is not accepted; expected at most one results folder'],
    [
      ['--baseline-summary', BASELINE, '--thresholds', 'no-thresholds.json'],
      '--thresholds: "no-thresholds.json" is not accepted; expected a readable JSON file',
    ],
  ])('%j is bad input', async (argv, message) => {
    const { code, messages } = await cli('gate', ...argv, ...(argv.includes('--thresholds') ? [] : ['--thresholds', 'thresholds.json']));
    expect(code).toBe(2);
    expect(messages).toContain(message);
  });

  test('a folder without summaries is bad input', async () => {
    const empty = join(scratch, 'empty-run');
    mkdirSync(empty);
    expect((await cli('gate', empty)).messages).toBe(
      `k6-forge gate: ${empty}: a folder without <scenario>-summary.json files is not accepted; expected a results folder of a k6-forge run`,
    );
  });

  test('a project thresholds file without gates keeps the packaged gates (it is merged over them)', async () => {
    const noGates = scratchFile('no-gates.json', { global: { p95: 500 } });
    const { code, report } = await cli('gate', '--baseline-summary', BASELINE, '--thresholds', noGates);
    expect(code).toBe(0);
    expect(report).toMatch(/baseline {2}p\(99\) +870.25 ms {2}< 900 ms {2}PASS/);
  });
});

describe('gate judges any scenario with limits', () => {
  const file = {
    global: { p95: 500, errorRate: 0.01 },
    scenarios: { load: { p95: 450, abortOnFail: true } },
    gates: { spike: { p99: 1200 } },
  };

  test('takes gates, then scenarios, then global, key by key, so a gate setting only p99 keeps the error-rate limit', () => {
    expect(gateLimitsWith(file, 'spike')).toStrictEqual({
      limits: { p95: 500, errorRate: 0.01, p99: 1200 },
      source: 'gates.spike over global',
    });
    expect(gateLimitsWith(file, 'load')).toStrictEqual({ limits: { p95: 450, errorRate: 0.01 }, source: 'scenarios.load over global' });
    expect(gateLimitsWith(file, 'smoke')).toStrictEqual({ limits: { p95: 500, errorRate: 0.01 }, source: 'global' });
    expect(gateLimitsWith({}, 'smoke')).toBeUndefined();
    expect(gateLimitsWith(file, 'load', { p95: 300, errorRate: 0.05 })).toStrictEqual({
      limits: { p95: 300, errorRate: 0.05 },
      source: '--p95, --error-rate over scenarios.load over global',
    });
  });

  test('a load or smoke results folder is judged, not refused', async () => {
    const run = join(scratch, 'load-run');
    mkdirSync(run);
    const load = fixture(BASELINE);
    load['meta'] = { ...load['meta'], scenario: 'load' };
    load['metrics']['http_req_duration{scenario:load}'] = load['metrics']['http_req_duration{scenario:baseline}'];
    load['metrics']['http_req_failed{scenario:load}'] = load['metrics']['http_req_failed{scenario:baseline}'];
    writeFileSync(join(run, 'load-summary.json'), JSON.stringify(load));
    const { code, report } = await cli('gate', run, '--thresholds', 'thresholds.json');
    expect(code).toBe(0);
    expect(report.split('\n')).toStrictEqual([
      'k6-forge gate: 1 summary against the limits in thresholds.json (load: scenarios.load over global)',
      'scenario  measure      measured  limit      verdict  metric',
      'load      p(95)        312.5 ms  < 500 ms   PASS     http_req_duration{scenario:load}',
      'load      p(99)       870.25 ms  < 1000 ms  PASS     http_req_duration{scenario:load}',
      'load      error rate       0.4%  < 1%       PASS     http_req_failed{scenario:load}',
      'PASS: all 3 checks passed',
    ]);
  });

  test('--p95, --p99 and --error-rate set one-off limits over the file', async () => {
    const { code, report } = await cli('gate', '--baseline-summary', BASELINE, '--p95', '300', '--thresholds', 'thresholds.json');
    expect(code).toBe(1);
    expect(report).toContain('(baseline: --p95 over gates.baseline over scenarios.baseline over global)');
    expect(report).toMatch(/baseline {2}p\(95\) +312\.5 ms {2}< 300 ms +FAIL/);
  });

  test.each([
    [['--p95', 'fast'], '--p95: "fast" is not accepted; expected milliseconds above 0, such as 400'],
    [['--error-rate', '2'], '--error-rate: "2" is not accepted; expected a share above 0 and at most 1, such as 0.01'],
  ])('%j is bad input', async (argv, message) => {
    const { code, messages } = await cli('gate', '--baseline-summary', BASELINE, ...argv);
    expect(code).toBe(2);
    expect(messages).toContain(message);
  });
});

describe('gate gives no pass without data', () => {
  /** handleSummary's data of a real k6 v2.2.0 run whose smoke scenario k6's --vus/--duration replaced with default. */
  const replaced = JSON.parse(readFileSync('test/fixtures/summary-scenario-replaced.json', 'utf8')) as unknown;

  test('a limit whose metric had no samples is NO DATA and fails the gate', async () => {
    const { data } = readSummaryData(replaced);
    const path = scratchFile('smoke-no-data.json', { ...data, meta: runMeta(data, { scenario: 'smoke', env: {}, end: new Date() }) });
    const { code, report } = await cli('gate', '--summary', `smoke=${path}`, '--thresholds', 'thresholds.json');
    expect(code).toBe(1);
    expect(report).toMatch(/smoke +p\(95\) +no samples {2}< 1000 ms {2}NO DATA {2}http_req_duration\{scenario:smoke\}/);
    expect(report.split('\n').at(-1)).toBe('NO DATA: 3 of 3 checks had no samples, so the gate cannot pass');
  });

  test("a run whose own verdict failed fails the gate, though the whole run's figures are within the limits", async () => {
    const { data } = readSummaryData(replaced);
    const run = join(scratch, 'replaced-run');
    mkdirSync(run);
    writeFileSync(
      join(run, 'default-summary.json'),
      JSON.stringify({ ...data, meta: runMeta(data, { scenario: 'default', env: {}, end: new Date(), scenarios: ['default'] }) }),
    );
    const { code, report } = await cli('gate', run, '--thresholds', 'thresholds.json');
    expect(code).toBe(1);
    expect(report).toMatch(/default {3}error rate +0% {2}< 1% +PASS +http_req_failed/);
    expect(report).toContain('FAIL: the run itself: default failed: 1 of 4 thresholds failed; scenario smoke never ran');
    expect(report.split('\n').at(-1)).toBe('FAIL: every check passed, but a run did not');
  });
});
