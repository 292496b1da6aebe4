import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkedBaseline } from '../src/cli/summaries/baseline-file.ts';
import { ForgeError } from '../src/lib/errors.ts';
import { parseThresholdsFile } from '../src/lib/thresholds-file.ts';
import { cli } from './support/cli.ts';

const root = new URL('..', import.meta.url).pathname;
const json = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8')) as Record<string, unknown>;
const scratch = mkdtempSync(join(tmpdir(), 'k6-forge-schemas-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// strict: an unknown keyword or a type the schema leaves open is an error in the schema itself. p90, p95 and p99 are
// named properties (for editors to complete) that the pN pattern also matches, on purpose.
const ajv = new Ajv2020({ strict: true, allowMatchingProperties: true, allErrors: true });
const thresholdsSchema = ajv.compile(json('schemas/thresholds.schema.json'));
const baselineSchema = ajv.compile(json('schemas/baseline.schema.json'));

/** Every file the repository ships or scaffolds named thresholds.json. */
function shippedThresholdsFiles(folder = root): string[] {
  const skip = new Set(['node_modules', '.git', 'dist', 'results', 'test']);
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory())
      return skip.has(entry.name) || entry.name.startsWith('.') ? [] : shippedThresholdsFiles(join(folder, entry.name));
    return entry.name === 'thresholds.json' ? [relative(root, join(folder, entry.name))] : [];
  });
}

/** The schema's errors as `path: message` lines, the offending key named for unknown keys and bad names. */
function schemaErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map(({ instancePath, message, params }) => {
    const key =
      (params as { additionalProperty?: string; propertyName?: string }).additionalProperty ??
      (params as { propertyName?: string }).propertyName;
    return `${instancePath}${key === undefined ? '' : `/${key}`}: ${message}`;
  });
}

function loaderError(load: () => unknown): string | undefined {
  try {
    load();
    return undefined;
  } catch (error) {
    if (!(error instanceof ForgeError)) throw error;
    return error.message;
  }
}

describe('schemas/thresholds.schema.json', () => {
  test('the repository ships the packaged and the examples’ files', () => {
    expect(shippedThresholdsFiles()).toEqual(expect.arrayContaining(['thresholds.json', join('examples', 'thresholds.json')]));
  });

  test.each(shippedThresholdsFiles())('%s passes the schema and the loader, and names the schema in $schema', (path) => {
    const file = json(path);
    expect(schemaErrors(thresholdsSchema(file) ? [] : thresholdsSchema.errors)).toStrictEqual([]);
    expect(() => parseThresholdsFile(file, path)).not.toThrow();
    expect(file['$schema']).toMatch(/schemas\/thresholds\.schema\.json$/);
  });

  test.each([
    ['a latency given as text', { scenarios: { smoke: { p95: '1000' } } }, '/scenarios/smoke/p95', '$.scenarios.smoke.p95'],
    ['a zero latency', { global: { p99: 0 } }, '/global/p99', '$.global.p99'],
    ['an error rate above 1', { scenarios: { load: { errorRate: 5 } } }, '/scenarios/load/errorRate', '$.scenarios.load.errorRate'],
    ['an unknown section', { scenario: {} }, '/scenario', '$.scenario'],
    ['an unknown limit', { endpoints: { login: { latency: 5 } } }, '/endpoints/login/latency', '$.endpoints.login.latency'],
    ['a k6 expression instead of a limit', { global: { 'p(95)': 500 } }, '/global/p(95)', '$.global.p(95)'],
    ['p0', { global: { p0: 1 } }, '/global/p0', '$.global.p0'],
    ['a percentile of three digits', { global: { p100: 1 } }, '/global/p100', '$.global.p100'],
    ['abort settings in a gate', { gates: { spike: { abortOnFail: true } } }, '/gates/spike/abortOnFail', '$.gates.spike.abortOnFail'],
    [
      'abortOnFail as text',
      { scenarios: { smoke: { abortOnFail: 'yes' } } },
      '/scenarios/smoke/abortOnFail',
      '$.scenarios.smoke.abortOnFail',
    ],
    ['a delay that is no k6 duration', { global: { delayAbortEval: 'soon' } }, '/global/delayAbortEval', '$.global.delayAbortEval'],
    ['a zero delay', { global: { delayAbortEval: '0s' } }, '/global/delayAbortEval', '$.global.delayAbortEval'],
    ['units out of order', { global: { delayAbortEval: '10s1m' } }, '/global/delayAbortEval', '$.global.delayAbortEval'],
    ['a name with a space', { endpoints: { 'log in': { p95: 1 } } }, '/endpoints/log in', '$.endpoints.log in'],
    ['limits that are not an object', { scenarios: { smoke: 1000 } }, '/scenarios/smoke', '$.scenarios.smoke'],
    ['a $schema that is not text', { $schema: 1 }, '/$schema', '$.$schema'],
    ['a list instead of an object', [], '', '$'],
  ])('%s is refused by the schema and the loader, both naming the field', (_label, file, schemaPath, loaderPath) => {
    expect(thresholdsSchema(file)).toBe(false);
    expect(schemaErrors(thresholdsSchema.errors).some((line) => line.startsWith(`${schemaPath}:`))).toBe(true);
    expect(loaderError(() => parseThresholdsFile(file))).toContain(`thresholds.json at ${loaderPath}:`);
  });

  test.each([
    ['nothing', {}],
    ['$schema alone', { $schema: 'node_modules/k6-forge/schemas/thresholds.schema.json' }],
    ['every kind of limit', { global: { avg: 200, med: 150, max: 5000, p90: 300, p95: 400, 'p99.9': 2000, errorRate: 1 } }],
    ['a fractional delay with several units', { scenarios: { smoke: { p95: 1, abortOnFail: false, delayAbortEval: '1m30.5s' } } }],
    ['names with digits, _ and -', { endpoints: { 'v2_deal-get': { p95: 1 } }, gates: { 'flash-sale': { errorRate: 0.5 } } }],
    ['empty sections', { scenarios: {}, endpoints: {}, gates: {} }],
  ])('%s is accepted by both', (_label, file) => {
    expect(schemaErrors(thresholdsSchema(file) ? [] : thresholdsSchema.errors)).toStrictEqual([]);
    expect(loaderError(() => parseThresholdsFile(file))).toBeUndefined();
  });

  test('only the loader refuses a higher percentile stricter than a lower one, which a schema cannot compare', () => {
    const file = { global: { p95: 500, p99: 400 } };
    expect(thresholdsSchema(file)).toBe(true);
    expect(loaderError(() => parseThresholdsFile(file))).toContain('thresholds.json at $.global.p99: "p99 400 under p95 500"');
  });
});

/** A baseline file as the cases below spoil it. */
interface Baseline {
  [key: string]: unknown;
  endpoints: Record<string, Record<string, unknown>>;
  meta: Record<string, unknown>;
}

describe('schemas/baseline.schema.json', () => {
  const written = join(scratch, 'baselines', 'load.json');
  const saved = () => JSON.parse(readFileSync(written, 'utf8')) as Baseline;
  beforeAll(async () => {
    const run = await cli('baseline', 'save', 'test/fixtures/compare-baseline-summary.json', '--out', written);
    expect(run.code, run.messages).toBe(0);
  });

  test('a baseline written by k6-forge baseline save passes the schema and compare’s reader', () => {
    const file = saved();
    expect(file.meta).toBeDefined();
    expect(schemaErrors(baselineSchema(file) ? [] : baselineSchema.errors)).toStrictEqual([]);
    expect(loaderError(() => checkedBaseline(file, written))).toBeUndefined();
  });

  test.each<[string, (file: Baseline) => void, string, string]>([
    ['a version other than 1', (b) => (b['version'] = 2), '/version', 'at version:'],
    ['a scenario that is not text', (b) => (b['scenario'] = 7), '/scenario', 'at scenario:'],
    ['an unknown number', (b) => (b.endpoints['*']!['p99'] = 5), '/endpoints/*/p99', 'at endpoints["*"].p99:'],
    ['a negative p95', (b) => (b.endpoints['*']!['p95'] = -1), '/endpoints/*/p95', 'at endpoints["*"].p95:'],
    ['an error rate above 1', (b) => (b.endpoints['*']!['errorRate'] = 2), '/endpoints/*/errorRate', 'at endpoints["*"].errorRate:'],
    ['a whole run without its p95', (b) => delete b.endpoints['*']!['p95'], '/endpoints/*', 'at endpoints["*"].p95:'],
    ['an empty meta scenario', (b) => (b.meta['scenario'] = ''), '/meta/scenario', 'at meta.scenario:'],
    [
      'a threshold verdict without ok',
      (b) => (b.meta['thresholds'] = [{ metric: 'x', expression: 'p(95)<1' }]),
      '/meta/thresholds/0',
      'at meta.thresholds:',
    ],
  ])('%s is refused by the schema and compare’s reader, both naming the field', (_label, spoil, schemaPath, loaderField) => {
    const file = saved();
    spoil(file);
    expect(baselineSchema(file)).toBe(false);
    const errors = schemaErrors(baselineSchema.errors);
    expect(
      errors.some((line) => line.startsWith(`${schemaPath}:`)),
      errors.join('\n'),
    ).toBe(true);
    expect(loaderError(() => checkedBaseline(file, 'b.json'))).toContain(`b.json ${loaderField}`);
  });

  test.each<[string, (file: Baseline) => void]>([
    ['an endpoint without an error rate', (b) => (b.endpoints['login'] = { requestsPerSecond: 1, p95: 2 })],
    ['no meta', (b) => delete (b as Partial<Baseline>).meta],
    ['a key it does not know, which both ignore', (b) => (b['note'] = 'after the fix')],
    ['a $schema', (b) => (b['$schema'] = 'node_modules/k6-forge/schemas/baseline.schema.json')],
  ])('%s is accepted by both', (_label, change) => {
    const file = saved();
    change(file);
    expect(schemaErrors(baselineSchema(file) ? [] : baselineSchema.errors)).toStrictEqual([]);
    expect(loaderError(() => checkedBaseline(file, 'b.json'))).toBeUndefined();
  });
});
