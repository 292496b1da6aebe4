import { readFileSync } from 'node:fs';
import exec from 'k6/execution';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ForgeError } from '../src/lib/errors.ts';
import { summaryHandler } from '../src/lib/summary/summary-handler.ts';
import type { RunSummary } from '../src/lib/summary/types.ts';
import { caught } from './support/caught.ts';

const fixture = JSON.parse(readFileSync(new URL('./fixtures/summary-smoke.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const END = '2026-11-22T07:30:05.250Z';
const files = (prefix: string) => ['summary.json', 'junit.xml', 'report.html', 'summary.md'].map((file) => `${prefix}-${file}`);
const STAMP = '2026-11-22T07-30-05-250Z';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date(END));
  vi.stubGlobal('__ENV', {});
  // k6 runs handleSummary in an instance of VU 0, after that instance's init.
  vi.stubGlobal('__VU', 0);
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.doUnmock('../src/lib/summary/html-report.ts');
  exec.test.options = {};
});

describe('summaryHandler', () => {
  test('writes stdout and four timestamped files into the working directory without RESULTS_DIR', () => {
    const outputs = summaryHandler({ scenario: 'smoke' })(fixture);
    expect(Object.keys(outputs).sort()).toStrictEqual([...files(`${STAMP}-smoke`), 'stdout'].sort());
    expect(outputs['stdout']).toContain(
      `k6-forge: results in ${STAMP}-smoke-* (set RESULTS_DIR to an existing folder to collect them there)`,
    );
  });

  test('writes into RESULTS_DIR when the CLI passes one, trailing slash or not', () => {
    vi.stubGlobal('__ENV', { RESULTS_DIR: 'results/ci-run-42/' });
    const outputs = summaryHandler({ scenario: 'smoke' })(fixture);
    expect(Object.keys(outputs).sort()).toStrictEqual([...files('results/ci-run-42/smoke'), 'stdout'].sort());
    expect(outputs['stdout']).toContain('     k6-forge: results in results/ci-run-42/\n');
  });

  test('writes into the working directory, naming the folder, when RESULTS_DIR is no folder (k6 cannot create one)', () => {
    const opened: string[] = [];
    vi.stubGlobal('open', (path: string) => {
      opened.push(path);
      throw new Error(
        path.endsWith('/exists') ? `open() can't be used with directories, path: "${path}"` : `stat ${path}: no such file or directory`,
      );
    });
    vi.stubGlobal('__ENV', { RESULTS_DIR: 'results/missing', PWD: '/work' });
    const outputs = summaryHandler({ scenario: 'smoke' })(fixture);
    expect(Object.keys(outputs).sort()).toStrictEqual([...files(`${STAMP}-smoke`), 'stdout'].sort());
    expect(outputs['stdout']).toContain(
      'k6-forge: RESULTS_DIR "results/missing" is not an existing folder, and k6 cannot create one: results written to the working directory instead',
    );
    vi.stubGlobal('__ENV', { RESULTS_DIR: '/abs/exists' });
    expect(Object.keys(summaryHandler({ scenario: 'smoke' })(fixture))).toContain('/abs/exists/smoke-summary.json');
    vi.stubGlobal('__ENV', { RESULTS_DIR: 'relative-without-pwd' });
    expect(Object.keys(summaryHandler({ scenario: 'smoke' })(fixture))).toContain('relative-without-pwd/smoke-summary.json');
    vi.stubGlobal('__VU', 3);
    vi.stubGlobal('__ENV', { RESULTS_DIR: '/abs/missing' });
    expect(Object.keys(summaryHandler({ scenario: 'smoke' })(fixture))).toContain('/abs/missing/smoke-summary.json');
    expect(opened).toStrictEqual(['/work/results/missing', '/abs/exists']);
  });

  test('records the run in the JSON: metadata from __ENV, start = end − testRunDurationMs, every verdict', () => {
    vi.stubGlobal('__ENV', {
      RESULTS_DIR: 'out',
      ENVIRONMENT: 'staging',
      BASE_URL: 'https://staging.example.com/api',
      GIT_REVISION: 'abc1234',
    });
    const json = JSON.parse(summaryHandler({ scenario: 'smoke' })(fixture)['out/smoke-summary.json']!) as RunSummary;
    expect(json.meta).toMatchObject({
      scenario: 'smoke',
      environment: 'staging',
      targetHost: 'staging.example.com',
      startTime: '2026-11-22T07:29:05.238Z',
      endTime: END,
      k6ForgeVersion: __K6_FORGE_VERSION__,
      gitRevision: 'abc1234',
    });
    expect(json.meta.thresholds.filter((verdict) => !verdict.ok)).toStrictEqual([
      { metric: 'http_req_duration{scenario:smoke}', expression: 'p(99)<1000', ok: false, result: 'fail' },
      { metric: 'order_latency', expression: 'p(95)<800', ok: false, result: 'fail' },
    ]);
    expect(Object.keys(json).sort()).toStrictEqual(['meta', 'metrics', 'options', 'root_group', 'state']);
  });

  test('names the files after the run’s scenarios when none is given', () => {
    const scenario = { executor: 'constant-vus', vus: 1, duration: '1s' } as const;
    const keys = () => Object.keys(summaryHandler()(fixture)).filter((key) => key !== 'stdout');
    exec.test.options = { scenarios: { smoke: scenario } };
    expect(keys()).toStrictEqual(files(`${STAMP}-smoke`));
    exec.test.options = { scenarios: { load: scenario, health: scenario } };
    expect(keys()).toStrictEqual(files(`${STAMP}-health+load`));
    exec.test.options = {};
    expect(keys()).toStrictEqual(files(`${STAMP}-default`));
  });

  test('refuses at init in VU 0 a scenario name that is not safe in a file name', () => {
    expect(caught(() => summaryHandler({ scenario: '../smoke' }))).toStrictEqual(
      new ForgeError('invalid_option', {
        field: 'summaryHandler scenario',
        given: '"../smoke"',
        accepted: 'a k6 scenario name of letters, digits, _ and -, such as smoke',
      }),
    );
  });

  test('leaves the checks, the folder and k6/execution to VU 0: another VU requires and opens nothing at init', () => {
    const required = vi.spyOn(globalThis as unknown as { require: (id: string) => unknown }, 'require');
    const opened = vi.fn();
    vi.stubGlobal('open', opened);
    vi.stubGlobal('__ENV', { RESULTS_DIR: '/abs/missing' });
    vi.stubGlobal('__VU', 7);
    expect(typeof summaryHandler({ scenario: '../smoke' })).toBe('function');
    summaryHandler();
    expect(required).not.toHaveBeenCalled();
    expect(opened).not.toHaveBeenCalled();
    vi.stubGlobal('__VU', 0);
    summaryHandler();
    expect(required).toHaveBeenCalledWith('k6/execution');
    expect(opened).toHaveBeenCalledWith('/abs/missing');
    required.mockRestore();
  });

  test('names the files "default" when k6 gave no k6/execution (require outside the init context)', () => {
    const required = vi.spyOn(globalThis as unknown as { require: (id: string) => unknown }, 'require').mockImplementation(() => {
      throw new Error('require() can only be called in the init context');
    });
    exec.test.options = { scenarios: { smoke: { executor: 'constant-vus', vus: 1, duration: '1s' } } };
    expect(Object.keys(summaryHandler()(fixture))).toContain(`${STAMP}-default-summary.json`);
    required.mockRestore();
  });

  test('lets no token, password or cookie reach any output', () => {
    vi.stubGlobal('__ENV', { BASE_URL: 'https://alice:SECRET-basic-pw@api.example.com:8443/v1?access_token=SECRET-query' });
    const planted = {
      ...fixture,
      setup_data: { token: 'SECRET-setup-token', cookie: 'session=SECRET-cookie' },
      metrics: {
        ...(fixture['metrics'] as object),
        'http_req_duration{name:https://bob:SECRET-name-pw@api.example.com/x}': { type: 'trend', contains: 'time', values: { 'p(95)': 3 } },
      },
    };
    const outputs = summaryHandler({ scenario: 'smoke' })(planted);
    expect(Object.keys(outputs)).toHaveLength(5);
    for (const [name, text] of Object.entries(outputs)) expect(text, name).not.toContain('SECRET');
    expect(outputs['stdout']).toContain('{ name:https://api.example.com/x }');
    expect(outputs[`${STAMP}-smoke-summary.md`]).toContain('target api.example.com:8443');
  });

  describe('with malformed data', () => {
    test('without metrics: still writes every file and notes the problem on stdout', () => {
      const outputs = summaryHandler({ scenario: 'smoke' })({ ...fixture, metrics: undefined });
      expect(Object.keys(outputs)).toHaveLength(5);
      expect(outputs['stdout']).toContain('     ✓ status is 200');
      expect(outputs['stdout']).toContain('     k6-forge: data.metrics is missing, so no metric is shown');
    });

    test('with a metric without values: shows what there is and notes it', () => {
      const metrics = { ...(fixture['metrics'] as object), http_reqs: { type: 'counter', contains: 'default' } };
      const stdout = summaryHandler({ scenario: 'smoke' })({ ...fixture, metrics })['stdout']!;
      expect(stdout).toContain('     http_reqs......................: -      -/s');
      expect(stdout).toContain('     iterations.....................: 120    1.999588/s');
      expect(stdout).toContain('     k6-forge: metric http_reqs has no values');
    });

    test('with nothing at all: still answers with every output', () => {
      const outputs = summaryHandler({ scenario: 'smoke' })(undefined);
      expect(Object.keys(outputs)).toHaveLength(5);
      expect(outputs['stdout']).toContain('k6-forge: handleSummary got no summary object, so there is nothing to show');
    });

    test('with data that throws when read: keeps stdout with the reason', () => {
      const hostile = {
        get metrics(): never {
          throw new Error('boom');
        },
      };
      expect(summaryHandler({ scenario: 'smoke' })(hostile)).toStrictEqual({
        stdout: '\n     k6-forge: could not summarise this run: boom\n\n',
      });
    });
  });

  test('leaves out a renderer that fails, keeping the other files and noting it', async () => {
    vi.resetModules();
    vi.doMock('../src/lib/summary/html-report.ts', () => ({
      htmlReport: () => {
        throw new Error('renderer bug');
      },
    }));
    const { summaryHandler: isolated } = await import('../src/lib/summary/summary-handler.ts');
    const outputs = isolated({ scenario: 'smoke' })(fixture);
    expect(Object.keys(outputs).sort()).toStrictEqual(
      [...files(`${STAMP}-smoke`).filter((file) => !file.endsWith('.html')), 'stdout'].sort(),
    );
    expect(outputs['stdout']).toContain(`k6-forge: could not write ${STAMP}-smoke-report.html: renderer bug`);
  });
});
