// Impossible numbers in the files gate, compare, baseline and build read are refused with the JSON path and value.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { assertJudgeable } from '../src/lib/thresholds-file.ts';
import { cli } from './support/cli.ts';

const scratch = mkdtempSync(join(tmpdir(), 'k6-forge-ranges-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const GATE = readFileSync('test/fixtures/gate-baseline-summary.json', 'utf8');
const COMPARE = readFileSync('test/fixtures/compare-baseline-summary.json', 'utf8');
let files = 0;
/** The part of a summary the edits change. */
type Summary = { metrics: Record<string, { values: Record<string, number> }> };

/** Writes a fixture changed by `edit` into a folder of its own and returns its path. */
function variant(text: string, edit: (json: Summary) => unknown, name = 'baseline-summary.json'): string {
  const json = JSON.parse(text) as Summary;
  edit(json);
  files += 1;
  const folder = join(scratch, String(files));
  const path = join(folder, name);
  mkdirSync(folder);
  writeFileSync(path, JSON.stringify(json));
  return path;
}

describe('summaries with numbers no run produces', () => {
  test.each([
    [
      'an error rate of -100%',
      (j) => (j.metrics['http_req_failed']!.values['rate'] = -1),
      'metrics["http_req_failed"].values.rate: -1 is not accepted; expected a share from 0 to 1',
    ],
    [
      'an error rate of 150%',
      (j) => (j.metrics['http_req_failed']!.values['rate'] = 1.5),
      'metrics["http_req_failed"].values.rate: 1.5 is not accepted; expected a share from 0 to 1',
    ],
    [
      'a negative p(95)',
      (j) => (j.metrics['http_req_duration']!.values['p(95)'] = -5),
      'metrics["http_req_duration"].values.p(95): -5 is not accepted; expected a duration of at least 0 ms',
    ],
    [
      'p(99) under p(95)',
      (j) => (j.metrics['http_req_duration']!.values['p(99)'] = 300),
      'metrics["http_req_duration"].values.p(99): 300 under p(95) 450.9 is not accepted; expected p(99) at least p(95)',
    ],
    [
      'max under p(99)',
      (j) => (j.metrics['http_req_duration']!.values['max'] = 1000),
      'metrics["http_req_duration"].values.max: 1000 under p(99) 1320.5 is not accepted',
    ],
    [
      'a negative request rate',
      (j) => (j.metrics['http_reqs']!.values['rate'] = -3),
      'metrics["http_reqs"].values.rate: -3 is not accepted; expected a number of at least 0',
    ],
    [
      'an average above max',
      (j) => (j.metrics['http_req_duration']!.values['avg'] = 9999),
      'metrics["http_req_duration"].values.avg: 9999 is not accepted; expected an average from min 12.1 to max 2410',
    ],
  ] as [string, (json: Summary) => unknown, string][])('gate refuses %s with the path and value, exit 2', async (_case, edit, message) => {
    const file = variant(GATE, edit);
    const run = await cli('gate', '--baseline-summary', file, '--thresholds', 'thresholds.json');
    expect(run.code).toBe(2);
    expect(run.messages).toContain(`${file} at ${message}`);
  });

  test('1e999 is refused as Infinity by compare, gate and baseline save, not read as Infinity or saved as null', async () => {
    const file = variant(COMPARE, () => undefined);
    writeFileSync(file, COMPARE.replace('"p(95)": 320', '"p(95)": 1e999'));
    const message = `${file} at metrics["http_req_duration"].values.p(95): Infinity is not accepted; expected a finite number`;
    expect(COMPARE).toContain('"p(95)": 320');
    for (const argv of [
      ['compare', file, 'test/fixtures/compare-baseline-summary.json'],
      ['gate', '--baseline-summary', file, '--thresholds', 'thresholds.json'],
      ['baseline', 'save', file, '--out', join(scratch, 'never.json')],
    ]) {
      const run = await cli(...argv);
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.messages).toContain(message);
    }
    expect(existsSync(join(scratch, 'never.json'))).toBe(false);
  });

  test('baseline save --force keeps a good baseline when the new summary is refused', async () => {
    const out = join(scratch, 'kept.json');
    expect((await cli('baseline', 'save', 'test/fixtures/compare-baseline-summary.json', '--out', out)).code).toBe(0);
    const good = readFileSync(out, 'utf8');
    const bad = variant(COMPARE, (j) => (j.metrics['http_req_failed']!.values['rate'] = -0.5));
    const run = await cli('baseline', 'save', bad, '--out', out, '--force');
    expect(run.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe(good);
    expect((await cli('compare', 'test/fixtures/compare-baseline-summary.json', out)).code).toBe(0);
  });

  test('compare refuses a baseline file with an error rate above 1', async () => {
    const out = join(scratch, 'edited.json');
    expect((await cli('baseline', 'save', 'test/fixtures/compare-baseline-summary.json', '--out', out)).code).toBe(0);
    const baseline = JSON.parse(readFileSync(out, 'utf8')) as { endpoints: Record<string, { errorRate: number }> };
    baseline.endpoints['*']!.errorRate = 2;
    writeFileSync(out, JSON.stringify(baseline));
    const run = await cli('compare', 'test/fixtures/compare-baseline-summary.json', out);
    expect(run.code).toBe(2);
    expect(run.messages).toContain(`${out} at endpoints["*"].errorRate: 2 is not accepted; expected a share from 0 to 1`);
  });
});

describe('thresholds files that cannot judge a run', () => {
  const build = async (thresholds: object) => {
    files += 1;
    const file = join(scratch, `thresholds-${files}.json`);
    writeFileSync(file, JSON.stringify(thresholds));
    return { file, run: await cli('build', 'examples/smoke.ts', '--outdir', join(scratch, `dist-${files}`), '--thresholds', file) };
  };

  test('{} builds with the neutral default limits it is merged over, so a run is still judged', async () => {
    const { file, run } = await build({});
    expect(run.code).toBe(0);
    expect(run.messages).toContain(`embedded thresholds: ${file} merged over k6-forge's neutral default thresholds.json`);
    expect(run.messages).toContain('global: p(95)<500 p(99)<1000 errorRate<0.01');
  });

  test('limits in force with no limit at all are refused (assertJudgeable, which build, gate and analyze apply)', () => {
    const message =
      'at least one limit (p95, p99, errorRate, ...) in global, scenarios, endpoints or gates: without one a run has no pass/fail verdict';
    expect(() => assertJudgeable({}, 'x.json')).toThrow(`x.json at $: {} is not accepted; expected ${message}`);
    expect(() => assertJudgeable({ scenarios: { smoke: { abortOnFail: true } } }, 'x.json')).toThrow(message);
  });

  test.each([
    [{ global: { p95: 500, p99: 400 } }, '$.global.p99: "p99 400 under p95 500" is not accepted; expected p99 at least p95'],
    [{ endpoints: { login: { p95: 500, 'p99.9': 499 } } }, '$.endpoints.login.p99.9: "p99.9 499 under p95 500" is not accepted'],
    [{ gates: { spike: { med: 300, p90: 200 } } }, '$.gates.spike.p90: "p90 200 under med 300" is not accepted'],
    [
      { scenarios: { load: { p95: 1500 } } },
      '$.scenarios.load.p95: "p99 1000 under p95 1500 (one of them inherited from global)" is not accepted; expected p99 at least p95',
    ],
  ])('%j is refused, naming the path and both limits', async (thresholds, message) => {
    const { file, run } = await build(thresholds);
    expect(run.code).toBe(2);
    expect(run.messages).toContain(`${file} at ${message}`);
  });
});
