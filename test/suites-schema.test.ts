import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import { parseSuitesFile } from '../src/cli/suites/suite-config.ts';

const root = new URL('..', import.meta.url).pathname;
const json = (path: string) => JSON.parse(readFileSync(`${root}${path}`, 'utf8')) as unknown;
const ajv = new Ajv2020({ strict: true, allErrors: true });
const validate = ajv.compile(json('schemas/suites.schema.json') as object);

function loaderAccepts(file: unknown): boolean {
  try {
    parseSuitesFile(file, 'f');
    return true;
  } catch {
    return false;
  }
}

describe('schemas/suites.schema.json', () => {
  test('accepts the shipped examples/suites.json, as the loader does', () => {
    const examples = json('examples/suites.json');
    expect(validate(examples), JSON.stringify(validate.errors)).toBe(true);
    expect(loaderAccepts(examples)).toBe(true);
  });

  const step = (extra: Record<string, unknown>) => ({ suites: { s: { steps: [{ scenario: 'smoke', ...extra }] } } });
  test.each([
    [step({ vus: 0 })],
    [step({ vus: 1.5 })],
    [step({ duration: '10 minutes' })],
    [step({ vsu: 3 })],
    [step({ env: { VUS: '3' } })],
    [step({ env: { PAGE: 2 } })],
    [step({ gate: 'a b' })],
    [step({ compare: {} })],
    [step({ compare: { baseline: 'b.json', minThroughput: 0 } })],
    [step({ compare: { baseline: 'b.json', errorRateTolerance: 2 } })],
    [step({ environment: '' })],
    [{ suites: { s: { steps: [] } } }],
    [{ suites: {} }],
    [{ suites: { s: { steps: [{ scenario: 'smoke' }] } }, extra: 1 }],
  ])('refuses %j, as the loader does', (file) => {
    expect(validate(file)).toBe(false);
    expect(loaderAccepts(file)).toBe(false);
  });
});
