import { readFileSync } from 'node:fs';
import exec from 'k6/execution';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { comparableNumbers } from '../src/cli/summaries/comparable.ts';
import { gateChecks } from '../src/cli/summaries/gate-checks.ts';
import { summaryFromJson } from '../src/cli/summaries/summary-file.ts';
import { isMachineReadable, judgeThreshold, legacyFromMachineReadable } from '../src/lib/summary/machine-readable.ts';
import { readSummaryData } from '../src/lib/summary/summary-data.ts';
import { summaryHandler } from '../src/lib/summary/summary-handler.ts';
import { caught } from './support/caught.ts';

// Captured from real k6 v2.2.0 with test/fixtures/capture-summary.js against a local HTTP server: the same script
// run with and without --new-machine-readable-summary, passing (rate<0.6 on errors) and failing (rate<0.5, p(99)).
const FIXTURES = 'test/fixtures/k6-v2.2.0';
const SMOKE = { executor: 'shared-iterations', vus: 2, iterations: 8 } as const;
const fixture = (name: string) => JSON.parse(readFileSync(`${FIXTURES}-${name}.json`, 'utf8')) as Record<string, any>;
const PASS = { legacy: fixture('legacy-pass'), mrs: fixture('mrs-pass') };
const FAIL = { legacy: fixture('legacy-fail'), mrs: fixture('mrs-fail') };

/** The run's thresholds as `exec.test.options.thresholds` holds them, read back from the legacy data's verdicts. */
function thresholdsOf(legacy: Record<string, any>): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(legacy['metrics'] as Record<string, { thresholds?: object }>).flatMap(([name, metric]) =>
      metric.thresholds ? [[name, Object.keys(metric.thresholds)]] : [],
    ),
  );
}

/** Every output's verdict: the JSON's, the text summary's line, Markdown's heading, HTML's title, JUnit's failures. */
function verdicts(data: unknown, thresholds: Record<string, string[]>) {
  exec.test.options = { scenarios: { smoke: SMOKE }, thresholds };
  const outputs = summaryHandler()(data);
  const file = (suffix: string) => outputs[Object.keys(outputs).find((path) => path.endsWith(suffix))!]!;
  const meta = JSON.parse(file('-summary.json')).meta;
  return {
    result: meta.verdict.result,
    text: meta.verdict.text,
    thresholds: meta.thresholds.map(
      (v: { metric: string; expression: string; result: string }) => `${v.metric} ${v.expression} ${v.result}`,
    ),
    stdout: outputs['stdout']!.includes(meta.verdict.text),
    markdown: file('-summary.md').split('\n')[0]!.includes(meta.verdict.text),
    html: file('-report.html').includes(`<title>k6-forge: ${meta.verdict.text.replaceAll("'", '&#39;')}</title>`),
    junitFailures: /failures="(\d+)"/.exec(file('-junit.xml'))?.[1],
  };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-12-02T18:58:00.000Z'));
  vi.stubGlobal('__ENV', {});
  vi.stubGlobal('__VU', 0); // handleSummary's VU
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  exec.test.options = {};
});

describe('legacyFromMachineReadable', () => {
  test('tells the machine-readable summary from the legacy data', () => {
    expect([isMachineReadable(PASS.mrs), isMachineReadable(PASS.legacy), isMachineReadable({ results: {} })]).toStrictEqual([
      true,
      false,
      false,
    ]);
  });

  test('gives each metric its legacy values: a counter its rate, a rate its passes and fails, a trend p(90) and p(95)', () => {
    const { metrics, state } = legacyFromMachineReadable(PASS.mrs) as Record<string, any>;
    const seconds = PASS.mrs['config'].duration;
    expect(state.testRunDurationMs).toBe(seconds * 1000);
    expect(metrics['orders_accepted']).toStrictEqual({ type: 'counter', contains: 'default', values: { count: 16, rate: 16 / seconds } });
    expect(metrics['rate_limited']).toStrictEqual({ type: 'rate', contains: 'default', values: { rate: 0.25, passes: 2, fails: 6 } });
    expect(metrics['queue_depth']).toStrictEqual({ type: 'gauge', contains: 'default', values: { max: 10, min: 3, value: 10 } });
    expect(Object.keys(metrics['checkout_duration'].values).sort()).toStrictEqual(['avg', 'max', 'med', 'min', 'p(90)', 'p(95)']);
    expect(metrics['checks']).toStrictEqual({ type: 'rate', contains: 'default', values: { rate: 0.5, passes: 8, fails: 8 } });
  });

  test('holds every metric of the legacy data but the HTTP timing phases and group_duration, with the same types', () => {
    const legacy = readSummaryData(PASS.legacy).data.metrics;
    const read = readSummaryData(PASS.mrs);
    expect(read.problems).toStrictEqual([]);
    const phases = (name: string) =>
      /^http_req_(blocked|connecting|receiving|sending|tls_handshaking|waiting)$|^group_duration$/.test(name);
    expect(Object.keys(read.data.metrics).sort()).toStrictEqual(
      Object.keys(legacy)
        .filter((name) => !phases(name))
        .sort(),
    );
    for (const [name, metric] of Object.entries(read.data.metrics)) {
      expect([name, metric.type, metric.contains]).toStrictEqual([name, legacy[name]!.type, legacy[name]!.contains]);
    }
  });

  test('reads the checks into the root group, without their groups', () => {
    expect(readSummaryData(PASS.mrs).data.root_group.checks).toStrictEqual([
      { name: 'home is 200', path: '', id: '', passes: 8, fails: 0 },
      { name: 'missing is 200', path: '', id: '', passes: 0, fails: 8 },
    ]);
  });
});

describe('judgeThreshold', () => {
  test.each([
    ['p(95)<1000', { 'p(95)': 999 }, true],
    ['p(95) < 1000', { 'p(95)': 1000 }, false],
    ['rate<=0.01', { rate: 0.01 }, true],
    ['count>0', { count: 0 }, false],
    ['value>=3', { value: 3 }, true],
    ['avg==2', { avg: 2 }, true],
    ['p(99)<1500', { 'p(95)': 2 }, undefined],
    ['p(95)<', { 'p(95)': 2 }, undefined],
  ])('%s on %o is %s', (expression, values, held) => {
    expect(judgeThreshold(expression, values)).toBe(held);
  });
});

describe('summaryHandler on both shapes of the same run', () => {
  test('a passing run passes in every output of both shapes, with the same thresholds', () => {
    const thresholds = thresholdsOf(PASS.legacy);
    const legacy = verdicts(PASS.legacy, thresholds);
    expect(legacy).toMatchObject({ result: 'pass', text: 'smoke passed: all 5 thresholds held', stdout: true, markdown: true, html: true });
    expect(verdicts(PASS.mrs, thresholds)).toStrictEqual(legacy);
  });

  test('a failing run fails in every output of both shapes; the p(99) the machine-readable summary lacks is no data', () => {
    const thresholds = thresholdsOf(FAIL.legacy);
    const legacy = verdicts(FAIL.legacy, thresholds);
    const mrs = verdicts(FAIL.mrs, thresholds);
    expect(legacy).toMatchObject({
      result: 'fail',
      text: 'smoke failed: 1 of 6 thresholds failed',
      stdout: true,
      markdown: true,
      html: true,
    });
    expect(mrs).toStrictEqual({
      ...legacy,
      thresholds: legacy.thresholds.map((line: string) => line.replace('p(99)<1500 pass', 'p(99)<1500 no data')),
    });
  });

  test('a run whose thresholds need a statistic the machine-readable summary lacks is no data, never a pass', () => {
    const thresholds = { ...thresholdsOf(PASS.legacy), 'http_req_duration{scenario:smoke}': ['p(95)<1000', 'p(99)<1500'] };
    expect(verdicts(PASS.mrs, thresholds)).toMatchObject({
      result: 'no data',
      text: "smoke: no data: 1 of 6 thresholds could not be judged (k6's machine-readable summary lacks the values they are judged on)",
      stdout: true,
      markdown: true,
      html: true,
      junitFailures: '0',
    });
  });

  test('a threshold on a metric the machine-readable summary lacks is no data', () => {
    const result = verdicts(PASS.mrs, { ...thresholdsOf(PASS.legacy), 'http_req_duration{endpoint:never}': ['p(95)<100'] });
    expect(result.result).toBe('no data');
    expect(result.thresholds).toContain('http_req_duration{endpoint:never} p(95)<100 no data');
  });

  test('JUnit skips a threshold it could not judge, saying what the summary lacked', () => {
    exec.test.options = { scenarios: { smoke: SMOKE }, thresholds: { 'http_req_duration{scenario:smoke}': ['p(99)<1500'] } };
    const outputs = summaryHandler()(PASS.mrs);
    const junit = outputs[Object.keys(outputs).find((path) => path.endsWith('-junit.xml'))!]!;
    expect(junit).toContain(
      '<skipped message="no data: p(99) not in the summary of http_req_duration{scenario:smoke}, so p(99)&lt;1500 was not judged"/>',
    );
  });
});

describe('gate and compare on both shapes', () => {
  test('read the same metrics and judge p95 and the error rate alike', () => {
    const legacy = summaryFromJson(PASS.legacy, 'legacy.json');
    const mrs = summaryFromJson(PASS.mrs, 'mrs.json');
    expect(mrs.meta).toBeUndefined();
    const limits = { p95: 1000, errorRate: 0.6 };
    const judged = (summary: typeof legacy) =>
      gateChecks(summary, 'smoke', limits).map(({ metric, measure, verdict }) => [metric, measure, verdict]);
    expect(judged(mrs)).toStrictEqual(judged(legacy));
    expect(Object.keys(comparableNumbers(mrs))).toStrictEqual(Object.keys(comparableNumbers(legacy)));
    expect(comparableNumbers(mrs)['*']!.requestsPerSecond).toBe(16 / PASS.mrs['config'].duration);
  });

  test('a p(99) limit on a machine-readable summary is refused, saying the shape lacks it', () => {
    const error = caught(() => gateChecks(summaryFromJson(PASS.mrs, 'mrs.json'), 'smoke', { p99: 1500 }));
    expect((error as Error).message).toContain("k6's --new-machine-readable-summary holds only avg, min, med, max, p(90) and p(95)");
  });
});
