import { readFileSync } from 'node:fs';
import exec from 'k6/execution';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { hasSamples } from '../src/lib/summary/has-samples.ts';
import { runVerdict } from '../src/lib/summary/run-verdict.ts';
import { summaryHandler } from '../src/lib/summary/summary-handler.ts';
import type { ThresholdVerdict } from '../src/lib/summary/types.ts';
import { renderedVerdicts } from './support/verdicts.ts';

/** handleSummary's data from real k6 v2.2.0: `k6 run --vus 2 --duration 3s dist/smoke.js`, which ran `default`, not smoke. */
const replaced = JSON.parse(readFileSync(new URL('./fixtures/summary-scenario-replaced.json', import.meta.url), 'utf8')) as Record<
  string,
  any
>;
const smoke = JSON.parse(readFileSync(new URL('./fixtures/summary-smoke.json', import.meta.url), 'utf8')) as Record<string, any>;
const scenario = { executor: 'constant-vus', vus: 1, duration: '1s' } as const;

beforeEach(() => {
  vi.stubGlobal('__ENV', { RESULTS_DIR: 'out' });
  vi.stubGlobal('__VU', 0); // handleSummary's VU
});
afterEach(() => {
  vi.unstubAllGlobals();
  exec.test.options = {};
});

function run(data: unknown, scenarios: readonly string[]): Record<string, string> {
  exec.test.options = { scenarios: Object.fromEntries(scenarios.map((name) => [name, scenario])) };
  return summaryHandler()(data);
}

const verdict = (metric: string, result: ThresholdVerdict['result']): ThresholdVerdict => ({
  metric,
  expression: 'x<1',
  ok: result !== 'fail',
  result,
});

describe('hasSamples', () => {
  test.each([
    [{ rate: 0, passes: 0, fails: 0 }, false],
    [{ rate: 0, passes: 0, fails: 13 }, true],
    [{ count: 0, rate: 0 }, false],
    [{ count: 6, rate: 2 }, true],
    [{ avg: 0, min: 0, med: 0, max: 0, 'p(95)': 0 }, false],
    [{ avg: 0.9, min: 0.2, med: 0.5, max: 3.5, 'p(95)': 3.3 }, true],
    [{ value: 0, min: 0, max: 0 }, true],
  ])('%j has samples: %s', (values, expected) => {
    expect(hasSamples(values)).toBe(expected);
  });
});

describe('runVerdict', () => {
  test('a threshold held without samples is no data, and a run where none held on samples is no data', () => {
    expect(runVerdict({ scenario: 's', thresholds: [verdict('a', 'no data'), verdict('b', 'no data')] })).toStrictEqual({
      result: 'no data',
      text: 's: no data: none of its 2 thresholds had samples',
      problems: [],
    });
    expect(runVerdict({ scenario: 's', thresholds: [verdict('a', 'pass'), verdict('b', 'no data')] }).text).toBe(
      's passed: 1 threshold held, 1 had no data',
    );
  });

  test('a scenario the thresholds name but k6 did not run fails the run, naming the scenario and the fix', () => {
    const { result, problems } = runVerdict({
      scenario: 'default',
      thresholds: [verdict('http_req_duration{scenario:smoke}', 'no data')],
      scenarios: ['default'],
    });
    expect(result).toBe('fail');
    expect(problems).toStrictEqual([
      "scenario smoke never ran: this run's scenarios were default; k6's --vus/--duration (or --iterations/--stages) replaced the script's scenarios; use -e VUS=... -e DURATION=... (k6-forge run --vus/--duration) instead",
    ]);
  });

  test('a scenario that completed no iteration fails the run', () => {
    const stalled = { metric: 'iterations{scenario:smoke}', expression: 'count>0', ok: false, result: 'fail' } as const;
    expect(runVerdict({ scenario: 'smoke', thresholds: [stalled], scenarios: ['smoke'] }).problems).toStrictEqual([
      'scenario smoke completed no iteration: every one was stalled or interrupted',
    ]);
  });
});

describe('summaryHandler on a run whose scenario k6 replaced (real k6 data)', () => {
  test('every output fails the run and says which scenario never ran and why', () => {
    const outputs = run(replaced, ['default']);
    expect(renderedVerdicts(outputs, 'out/default')).toStrictEqual({
      json: 'fail',
      markdown: 'fail',
      html: 'fail',
      junit: 'fail',
      text: 'fail',
    });
    for (const output of Object.values(outputs)) expect(output).toContain('scenario smoke never ran');
    expect(outputs['stdout']).toContain('use -e VUS=... -e DURATION=...');
  });

  test('fails even without the iterations threshold a profile adds (a script with thresholds of its own)', () => {
    const data = structuredClone(replaced);
    delete data['metrics']['iterations{scenario:smoke}'];
    const outputs = run(data, ['default']);
    expect(renderedVerdicts(outputs, 'out/default')).toStrictEqual({
      json: 'fail',
      markdown: 'fail',
      html: 'fail',
      junit: 'fail',
      text: 'fail',
    });
  });

  test('shows the thresholds without samples as no data, never as pass at 0 ms', () => {
    const outputs = run(replaced, ['default']);
    const json = JSON.parse(outputs['out/default-summary.json']!) as { meta: { thresholds: ThresholdVerdict[] } };
    expect(json.meta.thresholds.map(({ metric, expression, result }) => `${metric} ${expression} ${result}`)).toStrictEqual([
      'http_req_duration{scenario:smoke} p(95)<1000 no data',
      'http_req_duration{scenario:smoke} p(99)<1000 no data',
      'http_req_failed{scenario:smoke} rate<0.01 no data',
      'iterations{scenario:smoke} count>0 fail',
    ]);
    expect(outputs['out/default-summary.md']).toContain('| `http_req_duration{scenario:smoke}` | `p(95)<1000` | no samples | ⚪ no data |');
    expect(outputs['out/default-report.html']).toContain('<td class="num">no samples</td><td>⚪ no data</td>');
    expect(outputs['out/default-junit.xml']).toContain(
      '<skipped message="no data: http_req_duration{scenario:smoke} had no samples, so p(95)&lt;1000 was not judged"/>',
    );
    expect(outputs['out/default-junit.xml']).toMatch(/<testsuite name="thresholds" tests="5" failures="2" errors="0" skipped="3"/);
    expect(outputs['stdout']).toMatch(/∅ \{ scenario:smoke \}\.+: avg=0s/);
  });

  test('a run that made no request at all is no data in every output, not a pass', () => {
    const data = structuredClone(replaced);
    delete data['metrics']['iterations{scenario:smoke}'];
    const outputs = run(data, ['smoke']);
    expect(renderedVerdicts(outputs, 'out/smoke')).toStrictEqual({
      json: 'no data',
      markdown: 'no data',
      html: 'no data',
      junit: 'no data',
      text: 'no data',
    });
  });
});

describe('endpoints without requests', () => {
  test('are listed as not called, not at 0 ms', () => {
    const data = structuredClone(smoke);
    const zero = { avg: 0, min: 0, med: 0, max: 0, 'p(90)': 0, 'p(95)': 0, 'p(99)': 0 };
    data['metrics']['http_req_duration{endpoint:refund}'] = { type: 'trend', contains: 'time', values: zero };
    const outputs = run(data, ['smoke']);
    expect(outputs['out/smoke-summary.md']).toContain('| refund (not called) | - | - | - | - | - | - | - |');
    expect(outputs['out/smoke-report.html']).toContain('<td>refund (not called)</td><td class="num">-</td>');
  });
});

describe('failed checks', () => {
  test('that no threshold judges are JUnit warnings, so a run k6 passes is not red in CI', () => {
    const data = structuredClone(smoke);
    for (const metric of Object.values(data['metrics'] as Record<string, { thresholds?: Record<string, { ok: boolean }> }>)) {
      for (const verdict of Object.values(metric.thresholds ?? {})) verdict.ok = true;
    }
    const outputs = run(data, ['smoke']);
    expect(renderedVerdicts(outputs, 'out/smoke')).toStrictEqual({
      json: 'pass',
      markdown: 'pass',
      html: 'pass',
      junit: 'pass',
      text: 'pass',
    });
    const junit = outputs['out/smoke-junit.xml']!;
    expect(junit).toMatch(/<testsuites name="k6-forge smoke" tests="11" failures="0"/);
    expect(junit).toContain(
      '<system-out>warning: 6 of 120 failed (95.00% passed); a check fails a run only through a threshold on checks</system-out>',
    );
  });
});
