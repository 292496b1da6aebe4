import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ForgeError } from '../src/lib/errors.ts';
import { limitsToThresholds, thresholdsFor } from '../src/lib/thresholds.ts';
import { embeddedThresholds, parseThresholdsFile } from '../src/lib/thresholds-file.ts';

const read = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as Record<string, unknown>;
const repoFile = read('../thresholds.json');
const demoFile = read('../examples/thresholds.json');

function problem(value: unknown): string {
  try {
    parseThresholdsFile(value);
  } catch (error) {
    expect(error).toBeInstanceOf(ForgeError);
    expect((error as ForgeError).code).toBe('invalid_thresholds');
    return (error as ForgeError).message;
  }
  throw new Error('expected the file to be rejected');
}

describe('parseThresholdsFile', () => {
  test('accepts the repository thresholds.json with the source documents’ values, and no endpoint limits', () => {
    const file = parseThresholdsFile(repoFile);
    expect(file.scenarios?.['smoke']).toStrictEqual({ p95: 1000, errorRate: 0.01, abortOnFail: true, delayAbortEval: '10s' });
    expect(file.scenarios?.['spike']).toMatchObject({ p95: 2000, errorRate: 0.1 });
    expect(file.gates).toStrictEqual({
      baseline: { p95: 400, p99: 900, errorRate: 0.01 },
      spike: { p95: 500, p99: 1200, errorRate: 0.02 },
    });
    expect(file.endpoints).toBeUndefined();
    expect(file.$schema).toBe('./schemas/thresholds.schema.json');
  });

  test("accepts the examples' thresholds.json: the demo's endpoint limits and nothing else", () => {
    const file = parseThresholdsFile(demoFile, 'examples/thresholds.json');
    expect(Object.keys(file)).toStrictEqual(['$schema', 'endpoints']);
    expect(file.endpoints?.['login']).toStrictEqual({ p95: 500, p99: 1000 });
  });

  test.each([
    ['a list instead of an object', [], 'thresholds.json at $: [] is not accepted'],
    [
      'an unknown section',
      { scenario: {} },
      'thresholds.json at $.scenario: "scenario" is not accepted; expected one of global, scenarios, endpoints, gates or $schema',
    ],
    [
      'a latency given as text',
      { scenarios: { smoke: { p95: '1000' } } },
      'thresholds.json at $.scenarios.smoke.p95: "1000" is not accepted; expected a number of milliseconds greater than 0',
    ],
    ['a negative latency', { global: { p99: -5 } }, 'thresholds.json at $.global.p99: -5 is not accepted'],
    [
      'an error rate above 1',
      { scenarios: { load: { errorRate: 5 } } },
      'thresholds.json at $.scenarios.load.errorRate: 5 is not accepted; expected a share above 0 and at most 1',
    ],
    [
      'an unknown limit',
      { endpoints: { login: { p95: 1, latency: 2 } } },
      'thresholds.json at $.endpoints.login.latency: "latency" is not accepted; expected one of avg, med, max, pN',
    ],
    [
      'abortOnFail as text',
      { scenarios: { smoke: { abortOnFail: 'yes' } } },
      'thresholds.json at $.scenarios.smoke.abortOnFail: "yes" is not accepted; expected true or false',
    ],
    [
      'abort settings in a gate',
      { gates: { spike: { abortOnFail: true } } },
      'thresholds.json at $.gates.spike.abortOnFail: true is not accepted; expected no abort settings in a release gate',
    ],
    [
      'a bad delayAbortEval',
      { global: { abortOnFail: true, delayAbortEval: 'soon' } },
      'thresholds.json at $.global.delayAbortEval: "soon" is not accepted; expected a k6 duration',
    ],
    [
      'a scenario that is not an object',
      { scenarios: { smoke: 1000 } },
      'thresholds.json at $.scenarios.smoke: 1000 is not accepted; expected an object of limits',
    ],
    ['a name with a space', { endpoints: { 'log in': { p95: 1 } } }, 'thresholds.json at $.endpoints.log in: "log in" is not accepted'],
    ['p0', { global: { p0: 1 } }, 'thresholds.json at $.global.p0: "p0" is not accepted; expected a percentile above p0'],
    [
      'a $schema that is not text',
      { $schema: 1 },
      'thresholds.json at $.$schema: 1 is not accepted; expected the path or URL of a JSON Schema',
    ],
  ])('rejects %s, naming the JSON path', (_label, value, message) => {
    expect(problem(value)).toContain(message);
  });
});

describe('embeddedThresholds', () => {
  test('reads the file the build embedded (vitest defines it as build.mjs builds the examples)', () => {
    const { $schema: _schema, ...neutral } = repoFile;
    expect(embeddedThresholds()).toStrictEqual({ ...neutral, endpoints: demoFile['endpoints'] });
  });
});

describe('limitsToThresholds', () => {
  test('orders trend limits avg, med, max, then percentiles ascending, on tagged sub-metrics', () => {
    expect(limitsToThresholds({ 'p99.9': 3000, p95: 500, avg: 200, max: 5000, errorRate: 0.02 }, 'endpoint:login')).toStrictEqual({
      'http_req_duration{endpoint:login}': ['avg<200', 'max<5000', 'p(95)<500', 'p(99.9)<3000'],
      'http_req_failed{endpoint:login}': ['rate<0.02'],
    });
  });

  test('writes abortOnFail objects with a 10s delay unless one is given', () => {
    expect(limitsToThresholds({ p95: 1000, errorRate: 0.01, abortOnFail: true })).toStrictEqual({
      http_req_duration: [{ threshold: 'p(95)<1000', abortOnFail: true, delayAbortEval: '10s' }],
      http_req_failed: [{ threshold: 'rate<0.01', abortOnFail: true, delayAbortEval: '10s' }],
    });
    expect(limitsToThresholds({ med: 50, abortOnFail: true, delayAbortEval: '30s' })).toStrictEqual({
      http_req_duration: [{ threshold: 'med<50', abortOnFail: true, delayAbortEval: '30s' }],
    });
  });
});

describe('thresholdsFor', () => {
  test('smoke: its own p95 and error rate over the global p99, aborting early', () => {
    const abort = { abortOnFail: true, delayAbortEval: '10s' };
    expect(thresholdsFor('smoke')).toStrictEqual({
      'http_req_duration{scenario:smoke}': [
        { threshold: 'p(95)<1000', ...abort },
        { threshold: 'p(99)<1000', ...abort },
      ],
      'http_req_failed{scenario:smoke}': [{ threshold: 'rate<0.01', ...abort }],
    });
  });

  test('spike under another scenario name, with a caller limit replacing the file’s', () => {
    expect(thresholdsFor('spike', { scenario: 'black_friday', limits: { errorRate: 0.05 } })).toStrictEqual({
      'http_req_duration{scenario:black_friday}': ['p(95)<2000', 'p(99)<4000'],
      'http_req_failed{scenario:black_friday}': ['rate<0.05'],
    });
  });

  test('an unknown profile gets the global limits', () => {
    expect(thresholdsFor('checkout', { file: { global: { p95: 300 } } })).toStrictEqual({
      'http_req_duration{scenario:checkout}': ['p(95)<300'],
    });
  });
});
