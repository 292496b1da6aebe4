import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { baselineFile, readComparable } from '../src/cli/summaries/baseline-file.ts';
import { type ComparableRun, comparableNumbers, type EndpointNumbers } from '../src/cli/summaries/comparable.ts';
import { compareRuns, DEFAULT_TOLERANCES } from '../src/cli/summaries/comparison.ts';
import { summaryFromJson } from '../src/cli/summaries/summary-file.ts';
import { cli } from './support/cli.ts';

const scratch = mkdtempSync(join(tmpdir(), 'k6-forge-compare-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const CURRENT = 'test/fixtures/compare-current-summary.json';
const BASELINE = 'test/fixtures/compare-baseline-summary.json';

function run(path: string, whole: EndpointNumbers, endpoints: Record<string, EndpointNumbers> = {}): ComparableRun {
  return { path, scenario: 'load', endpoints: { '*': whole, ...endpoints } };
}

const before = run('baseline.json', { requestsPerSecond: 100, p95: 400, errorRate: 0.02 });

/** The verdict of one rule when only that number differs from the baseline's. */
function verdict(current: EndpointNumbers, tolerances = DEFAULT_TOLERANCES): Record<string, boolean> {
  const comparison = compareRuns(run('current.json', { ...before.endpoints['*'], ...current }), before, tolerances);
  return Object.fromEntries(comparison.checks.map((check) => [check.rule, check.passed]));
}

describe('compareRuns at the tolerance edges (a value exactly at its limit passes)', () => {
  test.each([
    ['throughput at exactly 90% of the baseline', { requestsPerSecond: 90 }, true],
    ['throughput just below 90%', { requestsPerSecond: 89.999 }, false],
    ['throughput above the baseline', { requestsPerSecond: 140 }, true],
    ['p95 exactly 10% higher', { p95: 440 }, true],
    ['p95 just more than 10% higher', { p95: 440.001 }, false],
    ['p95 lower', { p95: 200 }, true],
    ['error rate exactly 0.5 points higher (0.025 - 0.02 is 0.005000000000000001 in floats)', { errorRate: 0.025 }, true],
    ['error rate just more than 0.5 points higher', { errorRate: 0.025001 }, false],
    ['error rate lower', { errorRate: 0 }, true],
  ])('%s', (_case, current, passed) => {
    const rule = 'requestsPerSecond' in current ? 'throughput' : 'p95' in current ? 'p95' : 'error rate';
    expect(verdict(current)).toStrictEqual({ throughput: true, p95: true, 'error rate': true, [rule]: passed });
  });

  test('custom tolerances move the edges', () => {
    const strict = { minThroughput: 1, p95Tolerance: 0, errorRateTolerance: 0 };
    expect(verdict({ requestsPerSecond: 100, p95: 400, errorRate: 0.02 }, strict)).toStrictEqual({
      throughput: true,
      p95: true,
      'error rate': true,
    });
    expect(verdict({ requestsPerSecond: 99.99, p95: 400.01, errorRate: 0.0201 }, strict)).toStrictEqual({
      throughput: false,
      p95: false,
      'error rate': false,
    });
    const loose = { minThroughput: 0.5, p95Tolerance: 1, errorRateTolerance: 0.05 };
    expect(verdict({ requestsPerSecond: 50, p95: 800, errorRate: 0.07 }, loose)).toStrictEqual({
      throughput: true,
      p95: true,
      'error rate': true,
    });
  });

  test('reports each change: throughput as a share, p95 relative, error rate absolute', () => {
    const comparison = compareRuns(run('current.json', { requestsPerSecond: 90, p95: 440, errorRate: 0.025 }), before);
    expect(comparison.checks.map(({ rule, change, limit }) => [rule, change, limit])).toStrictEqual([
      ['throughput', 0.9, 0.9],
      ['p95', 0.1, 0.1],
      ['error rate', 0.025 - 0.02, 0.005],
    ]);
    expect(comparison.passed).toBe(true);
  });

  test('a baseline without traffic or latency leaves nothing to fall below, except a p95 up from 0 ms', () => {
    const zero = run('zero.json', { requestsPerSecond: 0, p95: 0, errorRate: 0 });
    const comparison = compareRuns(run('current.json', { requestsPerSecond: 5, p95: 10, errorRate: 0 }), zero);
    expect(comparison.checks.map(({ rule, change, passed }) => [rule, change, passed])).toStrictEqual([
      ['throughput', 1, true],
      ['p95', Infinity, false],
      ['error rate', 0, true],
    ]);
  });
});

describe('compareRuns per endpoint', () => {
  test('fails what the baseline has and the run lacks, and notes what cannot be compared', () => {
    const baseline = run('b.json', before.endpoints['*']!, { login: { requestsPerSecond: 10, p95: 300 }, gone: { p95: 100 } });
    const current = run('c.json', before.endpoints['*']!, {
      login: { requestsPerSecond: 10, p95: 300, errorRate: 0.1 },
      fresh: { p95: 1 },
    });
    const comparison = compareRuns(current, baseline);
    expect(comparison.checks.filter((check) => check.endpoint !== '*')).toStrictEqual([
      { endpoint: 'login', rule: 'throughput', baseline: 10, current: 10, change: 1, limit: 0.9, passed: true },
      { endpoint: 'login', rule: 'p95', baseline: 300, current: 300, change: 0, limit: 0.1, passed: true },
      { endpoint: 'gone', rule: 'p95', baseline: 100, current: null, change: null, limit: 0.1, passed: false },
    ]);
    expect(comparison.notes).toStrictEqual([
      'login: the baseline has no error rate, so it is not compared',
      'gone: in the baseline but not in the current run, so its checks fail',
      'fresh: new in the current run, so it is not compared',
    ]);
    expect(comparison.passed).toBe(false);
  });

  test('takes endpoints from {endpoint:x} sub-metrics, else from {name:x}', () => {
    const json = JSON.parse(readFileSync(BASELINE, 'utf8')) as { metrics: Record<string, unknown> };
    expect(Object.keys(comparableNumbers(summaryFromJson(json, BASELINE)))).toStrictEqual(['*', 'deals', 'export', 'login', 'search']);
    const byName = Object.fromEntries(Object.entries(json.metrics).filter(([name]) => !name.includes('{endpoint:')));
    expect(comparableNumbers(summaryFromJson({ metrics: byName }, 'x.json'))).toStrictEqual({
      '*': { requestsPerSecond: 100, p95: 320, errorRate: 0.004 },
      'GET /deals': { p95: 99 },
    });
  });

  test('a current run whose own verdict failed fails the comparison, though its numbers are within the tolerances', () => {
    const failedRun = {
      ...before,
      path: 'current.json',
      verdict: { result: 'fail', text: 'load failed: scenario load never ran', problems: [] },
    } as const;
    const comparison = compareRuns(failedRun, before);
    expect(comparison.checks.every((check) => check.passed)).toBe(true);
    expect(comparison.passed).toBe(false);
    expect(comparison.runVerdict?.text).toBe('load failed: scenario load never ran');
  });

  test('an endpoint the run did not call has no p95 or error rate, so it fails against a baseline that called it', () => {
    const json = JSON.parse(readFileSync(CURRENT, 'utf8')) as { metrics: Record<string, { values: Record<string, number> }> };
    const zero = (values: Record<string, number>) => Object.fromEntries(Object.keys(values).map((key) => [key, 0]));
    for (const name of Object.keys(json.metrics).filter((name) => name.endsWith('{endpoint:login}'))) {
      json.metrics[name]!.values = zero(json.metrics[name]!.values);
    }
    const current = { path: 'current.json', scenario: 'load', endpoints: comparableNumbers(summaryFromJson(json, 'current.json')) };
    expect(current.endpoints['login']).toStrictEqual({ requestsPerSecond: 0 });
    const baseline = {
      path: 'baseline.json',
      scenario: 'load',
      endpoints: comparableNumbers(summaryFromJson(JSON.parse(readFileSync(BASELINE, 'utf8')), BASELINE)),
    };
    const login = compareRuns(current, baseline).checks.filter((check) => check.endpoint === 'login');
    expect(login.map(({ rule, current: now, passed }) => [rule, now, passed])).toStrictEqual([
      ['throughput', 0, false],
      ['p95', null, false],
      ['error rate', null, false],
    ]);
  });
});

describe('k6-forge compare', () => {
  test('prints the text report and exits 1 on a regression', async () => {
    expect(await cli('compare', CURRENT, BASELINE)).toStrictEqual({
      code: 1,
      messages: '',
      report: [
        `k6-forge compare: current ${CURRENT}, baseline ${BASELINE}`,
        "limits: throughput at least 90% of the baseline's, p95 at most 10% higher, error rate at most 0.5 points higher; a value exactly at its limit passes",
        'endpoint  rule        baseline  current             change  limit       verdict',
        '*         throughput     100/s     90/s    90% of baseline  >= 90%      PASS',
        '*         p95           320 ms   352 ms               +10%  <= +10%     PASS',
        '*         error rate      0.4%     0.9%            +0.5 pp  <= +0.5 pp  PASS',
        'deals     throughput      50/s   44.9/s  89.8% of baseline  >= 90%      FAIL',
        'deals     p95           180 ms   190 ms             +5.56%  <= +10%     PASS',
        'deals     error rate      0.2%    0.25%           +0.05 pp  <= +0.5 pp  PASS',
        'export    throughput       5/s        -            no data  >= 90%      FAIL',
        'export    p95           900 ms        -            no data  <= +10%     FAIL',
        'export    error rate        0%        -            no data  <= +0.5 pp  FAIL',
        'login     throughput    33.3/s   33.3/s   100% of baseline  >= 90%      PASS',
        'login     p95           400 ms   480 ms               +20%  <= +10%     FAIL',
        'login     error rate      0.6%     1.2%            +0.6 pp  <= +0.5 pp  FAIL',
        'search    throughput    16.7/s   16.7/s   100% of baseline  >= 90%      PASS',
        'search    p95           300 ms   310 ms             +3.33%  <= +10%     PASS',
        'note: export: in the baseline but not in the current run, so its checks fail',
        'note: search: the baseline has no error rate, so it is not compared',
        'note: checkout: new in the current run, so it is not compared',
        'FAIL: 6 of 14 checks failed',
      ].join('\n'),
    });
  });

  test('prints Markdown for a CI job summary', async () => {
    const { code, report } = await cli('compare', BASELINE, BASELINE, '--format', 'markdown', '--p95-tolerance', '0.05');
    expect(code).toBe(0);
    expect(report).toBe(
      [
        '## k6-forge compare: ✅ PASS',
        '',
        `Current ${BASELINE} against baseline ${BASELINE}: throughput at least 90% of the baseline's, p95 at most 5% higher, error rate at most 0.5 points higher; a value exactly at its limit passes.`,
        '',
        '| endpoint | rule | baseline | current | change | limit | verdict |',
        '| --- | --- | ---: | ---: | ---: | --- | --- |',
        '| \\* | throughput | 100/s | 100/s | 100% of baseline | >= 90% | ✅ pass |',
        '| \\* | p95 | 320 ms | 320 ms | +0% | <= +5% | ✅ pass |',
        '| \\* | error rate | 0.4% | 0.4% | +0 pp | <= +0.5 pp | ✅ pass |',
        '| deals | throughput | 50/s | 50/s | 100% of baseline | >= 90% | ✅ pass |',
        '| deals | p95 | 180 ms | 180 ms | +0% | <= +5% | ✅ pass |',
        '| deals | error rate | 0.2% | 0.2% | +0 pp | <= +0.5 pp | ✅ pass |',
        '| export | throughput | 5/s | 5/s | 100% of baseline | >= 90% | ✅ pass |',
        '| export | p95 | 900 ms | 900 ms | +0% | <= +5% | ✅ pass |',
        '| export | error rate | 0% | 0% | +0 pp | <= +0.5 pp | ✅ pass |',
        '| login | throughput | 33.3/s | 33.3/s | 100% of baseline | >= 90% | ✅ pass |',
        '| login | p95 | 400 ms | 400 ms | +0% | <= +5% | ✅ pass |',
        '| login | error rate | 0.6% | 0.6% | +0 pp | <= +0.5 pp | ✅ pass |',
        '| search | throughput | 16.7/s | 16.7/s | 100% of baseline | >= 90% | ✅ pass |',
        '| search | p95 | 300 ms | 300 ms | +0% | <= +5% | ✅ pass |',
        '',
        'PASS: all 14 checks passed',
      ].join('\n'),
    );
  });

  test('prints JSON with every check, and the failing ones of the Markdown report', async () => {
    const { code, report } = await cli('compare', CURRENT, BASELINE, '--format', 'json');
    expect(code).toBe(1);
    const comparison = JSON.parse(report) as {
      passed: boolean;
      tolerances: unknown;
      checks: { endpoint: string; rule: string; passed: boolean }[];
    };
    expect(comparison.passed).toBe(false);
    expect(comparison.tolerances).toStrictEqual({ minThroughput: 0.9, p95Tolerance: 0.1, errorRateTolerance: 0.005 });
    const failing = comparison.checks.filter((check) => !check.passed).map((check) => `${check.endpoint} ${check.rule}`);
    expect(failing).toStrictEqual([
      'deals throughput',
      'export throughput',
      'export p95',
      'export error rate',
      'login p95',
      'login error rate',
    ]);
    const markdown = (await cli('compare', CURRENT, BASELINE, '--format', 'markdown')).report;
    expect(markdown.split('\n').filter((line) => line.includes('❌ fail'))).toHaveLength(6);
    expect(markdown).toContain('| login | p95 | 400 ms | 480 ms | +20% | <= +10% | ❌ fail |');
  });

  test.each([
    [
      ['compare', CURRENT],
      'compare: "test/fixtures/compare-current-summary.json" is not accepted; expected two files: <current> <baseline>',
    ],
    [['compare', CURRENT, BASELINE, '--format', 'html'], '--format: "html" is not accepted; expected text, json or markdown'],
    [
      ['compare', CURRENT, BASELINE, '--min-throughput', '90%'],
      '--min-throughput: "90%" is not accepted; expected a share of the baseline above 0 and at most 1',
    ],
    [
      ['compare', CURRENT, BASELINE, '--p95-tolerance=-0.1'],
      '--p95-tolerance: "-0.1" is not accepted; expected a relative increase of at least 0',
    ],
    [['compare', CURRENT, BASELINE, '--error-rate-tolerance', ''], '--error-rate-tolerance: "" is not accepted'],
    [['compare', CURRENT, 'nope.json'], 'nope.json: a missing file is not accepted; expected a k6 summary in JSON'],
  ])('%j is bad input', async (argv, message) => {
    const { code, report, messages } = await cli(...argv);
    expect({ code, report }).toStrictEqual({ code: 2, report: '' });
    expect(messages).toContain(message);
  });

  test.each([
    [
      "without the whole run's http_reqs",
      (json: any) => delete json.metrics.http_reqs,
      'at metrics: no http_reqs is not accepted; expected the metric http_reqs',
    ],
    [
      'without p(95)',
      (json: any) => delete json.metrics.http_req_duration.values['p(95)'],
      'at metrics["http_req_duration"]: no p(95) is not accepted',
    ],
    ['truncated', () => 'cut', 'JSON that stops short, as a truncated file does'],
  ])('a summary %s is bad input naming the file', async (_case, change, message) => {
    const json = JSON.parse(readFileSync(BASELINE, 'utf8')) as unknown;
    const changed = change(json);
    const path = join(scratch, 'broken-summary.json');
    writeFileSync(path, changed === 'cut' ? readFileSync(BASELINE, 'utf8').slice(0, 500) : JSON.stringify(json));
    const { code, messages } = await cli('compare', CURRENT, path);
    expect(code).toBe(2);
    expect(messages).toMatch(new RegExp(`^k6-forge compare: ${path}[ :]`));
    expect(messages).toContain(message);
  });
});

describe('k6-forge baseline save', () => {
  const folder = join(scratch, 'baselines');
  const saved = join(folder, 'load.json');

  test('records the comparable numbers and meta whole, and compare reads the file like a summary', async () => {
    expect(await cli('baseline', 'save', CURRENT, '--out', saved)).toStrictEqual({
      code: 0,
      report: '',
      messages: `k6-forge: saved the baseline of load to ${saved}`,
    });
    const file = JSON.parse(readFileSync(saved, 'utf8')) as Record<string, unknown>;
    const summary = summaryFromJson(JSON.parse(readFileSync(CURRENT, 'utf8')), CURRENT);
    expect(file).toStrictEqual({ ...baselineFile(summary, 'load', new Date(file['savedAt'] as string)) });
    expect(Object.keys(file)).toStrictEqual(['kind', 'version', 'scenario', 'source', 'savedAt', 'meta', 'endpoints']);
    expect(await readComparable(saved)).toStrictEqual({
      path: saved,
      scenario: 'load',
      endpoints: comparableNumbers(summary),
      verdict: summary.meta?.verdict,
    });
    const { code, report } = await cli('compare', CURRENT, saved);
    expect(code).toBe(0);
    expect(report.split('\n').at(-1)).toBe('PASS: all 14 checks passed');
    expect((await cli('compare', BASELINE, saved)).code).toBe(1);
  });

  test('keeps an existing baseline unless --force, and leaves no temporary file behind', async () => {
    const before = readFileSync(saved, 'utf8');
    const refused = await cli('baseline', 'save', BASELINE, '--out', saved);
    expect(refused).toStrictEqual({
      code: 2,
      report: '',
      messages: `k6-forge baseline: ${saved}: a file that already exists is not accepted; expected a path that is free, or --force to replace the file`,
    });
    expect(readFileSync(saved, 'utf8')).toBe(before);
    expect((await cli('baseline', 'save', BASELINE, '--out', saved, '--force')).code).toBe(0);
    expect((JSON.parse(readFileSync(saved, 'utf8')) as { source: string }).source).toBe(BASELINE);
    expect(readdirSync(folder)).toStrictEqual(['load.json']);
  });

  test('writes baselines/<scenario>.json by default', async () => {
    const home = process.cwd();
    const project = mkdtempSync(join(scratch, 'project-'));
    process.chdir(project);
    try {
      expect(await cli('baseline', 'save', join(home, CURRENT))).toMatchObject({ code: 0 });
      expect(readdirSync(join(project, 'baselines'))).toStrictEqual(['load.json']);
    } finally {
      process.chdir(home);
    }
  });

  test.each([
    [['baseline', 'load'], 'baseline: "load" is not accepted; expected save <summary>'],
    [['baseline', 'save'], 'baseline save: nothing is not accepted; expected exactly one summary file'],
    [
      ['baseline', 'save', 'test/fixtures/gate-spike-export.json'],
      'test/fixtures/gate-spike-export.json: a summary that names no scenario (no meta, no <scenario>-summary.json name) is not accepted; expected a file to write given with --out',
    ],
    [['baseline', 'save', 'nope-summary.json'], 'nope-summary.json: a missing file is not accepted'],
  ])('%j is bad input and writes nothing', async (argv, message) => {
    const { code, messages } = await cli(...argv);
    expect(code).toBe(2);
    expect(messages).toContain(message);
    expect(existsSync('baselines')).toBe(false);
  });

  test.each([
    ['another version', { version: 2 }, 'at version: 2 is not accepted; expected 1'],
    [
      'a negative number',
      { endpoints: { '*': { requestsPerSecond: -1, p95: 1, errorRate: 0 } } },
      'at endpoints["*"].requestsPerSecond: -1 is not accepted; expected a number of at least 0 under requestsPerSecond, p95, errorRate',
    ],
    [
      'an unknown number',
      { endpoints: { '*': { requestsPerSecond: 1, p95: 1, errorRate: 0, p99: 3 } } },
      'at endpoints["*"].p99: 3 is not accepted; expected a number of at least 0 under requestsPerSecond, p95, errorRate',
    ],
    [
      'no whole-run p95',
      { endpoints: { '*': { requestsPerSecond: 1, errorRate: 0 } } },
      `at endpoints["*"].p95: nothing is not accepted; expected the whole run's number`,
    ],
  ])('a baseline file with %s is bad input', async (_case, change, message) => {
    const path = join(scratch, 'broken-baseline.json');
    writeFileSync(path, JSON.stringify({ ...(JSON.parse(readFileSync(saved, 'utf8')) as object), ...change }));
    const { code, messages } = await cli('compare', CURRENT, path);
    expect(code).toBe(2);
    expect(messages).toBe(`k6-forge compare: ${path} ${message}`);
  });
});
