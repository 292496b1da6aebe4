// The multi-instance run and the merge under real k6, against the demo target: one test as 1 instance and as 3,
// with the same VUs and iterations and one SEED; the merged figures against the instances' own and against every raw
// sample; a threshold only the whole run breaks; run-unique ids across instances; the flash sale over 3 instances;
// and `merge` reproducing a run's merged summary. Without k6 it prints one SKIPPED line.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { findK6 } from '../src/cli/runner/k6-binary.ts';
import { cli } from './support/cli.ts';

const k6 = findK6();
if (!k6) console.log('SKIPPED: k6 not found (set K6_BIN or put k6 on PATH to run the multi-instance tests under real k6)');
const scratch = mkdtempSync(join(tmpdir(), 'k6-forge-merge-k6-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const SCRIPT = 'test/fixtures/split-run.ts';

/** k6's own percentile: sort, then linear between ranks ⌊p(n-1)⌋ and ⌈p(n-1)⌉. */
function k6Percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = fraction * (sorted.length - 1);
  const lower = sorted[Math.floor(index)]!;
  return lower + (sorted[Math.ceil(index)]! - lower) * (index - Math.floor(index));
}

/** The samples of one metric in a run's raw outputs (`*-instance-<i>.json.gz`), with their tags. */
function rawSamples(folder: string, metric: string): { value: number; tags: Record<string, string> }[] {
  return readdirSync(folder)
    .filter((name) => /-instance-\d+\.json\.gz$/.test(name))
    .flatMap((name) =>
      gunzipSync(readFileSync(join(folder, name)))
        .toString('utf8')
        .split('\n')
        .filter((line) => line.startsWith(`{"metric":"${metric}","type":"Point"`))
        .map((line) => JSON.parse(line).data as { value: number; tags: Record<string, string> }),
    );
}

interface Summary {
  readonly metrics: Record<string, { values: Record<string, number>; thresholds?: Record<string, { ok: boolean }> }>;
  readonly meta: { verdict: { result: string } };
  readonly root_group: { groups: { name: string; checks: { name: string; passes: number; fails: number }[] }[] };
}

function summaryOf(path: string): Summary {
  return JSON.parse(readFileSync(path, 'utf8')) as Summary;
}

/** Runs the split test with `instances` k6 processes into a folder of its own. */
async function splitRun(name: string, instances: number, ...env: string[]): Promise<{ code: number; folder: string; messages: string }> {
  const folder = join(scratch, name);
  const args = ['run', SCRIPT, '--demo-target', '--instances', String(instances), '--output-dir', folder, '-e', 'SEED=42'];
  const run = await cli(...args, ...env.flatMap((pair) => ['-e', pair]), '--', '--quiet');
  return { code: run.code, folder, messages: run.messages };
}

describe.runIf(k6)('run --instances under real k6', () => {
  test('3 instances merge to the 1-instance run: counts, exact percentiles, unique ids, and merge reproduces the summary', async () => {
    const one = await splitRun('one', 1);
    const three = await splitRun('three', 3);
    expect(one.code, one.messages).toBe(0);
    expect(three.code, three.messages).toBe(0);
    expect(three.messages).toContain('instances ended with exit codes 0, 0, 0');
    const merged = summaryOf(join(three.folder, 'split-summary.json'));
    const instances = [1, 2, 3].map((i) => summaryOf(join(three.folder, `instance-${i}`, 'split-summary.json')));
    const count = (summary: Summary, metric: string) => summary.metrics[metric]!.values['count']!;
    for (const metric of ['http_reqs', 'iterations', 'http_reqs{scenario:split}', 'iterations{scenario:split}']) {
      // Merged counts are the instances' sum, and the same as the single instance's: 6 VUs x 5 iterations.
      expect(count(merged, metric)).toBe(instances.reduce((total, summary) => total + count(summary, metric), 0));
      expect(count(merged, metric)).toBe(30);
      expect(count(summaryOf(join(one.folder, 'split-summary.json')), metric)).toBe(30);
    }
    expect(instances.map((summary) => count(summary, 'iterations'))).toStrictEqual([10, 10, 10]);
    // Exact p(95) and p(99): the percentiles of every raw sample of every instance together.
    const durations = rawSamples(three.folder, 'http_req_duration').map((sample) => sample.value);
    expect(durations).toHaveLength(30);
    for (const [stat, fraction] of [
      ['p(95)', 0.95],
      ['p(99)', 0.99],
    ] as const) {
      expect(merged.metrics['http_req_duration']!.values[stat]).toBe(k6Percentile(durations, fraction));
      expect(merged.metrics['http_req_duration{scenario:split}']!.values[stat]).toBe(k6Percentile(durations, fraction));
    }
    // Run-unique ids: none repeats across the instances, and one SEED gives the 1-instance run the very same ids.
    const ids = rawSamples(three.folder, 'http_reqs').map((sample) => sample.tags['uid']);
    expect(new Set(ids).size).toBe(30);
    expect(new Set(ids)).toStrictEqual(new Set(rawSamples(one.folder, 'http_reqs').map((sample) => sample.tags['uid'])));
    // merge on the run's folder (its three raw outputs and the instances' summaries) gives the same summary, byte for byte.
    const again = join(scratch, 'merged-again');
    const merge = await cli('merge', three.folder, '--out', again);
    expect(merge.code, merge.messages).toBe(0);
    expect(readFileSync(join(again, 'split-summary.json'), 'utf8')).toBe(readFileSync(join(three.folder, 'split-summary.json'), 'utf8'));
  }, 120_000);

  test('a threshold every instance keeps but the whole run breaks fails the merged verdict with exit 99', async () => {
    // 10 requests per instance are under 20; the run's 30 are not.
    const run = await splitRun('merged-only', 3, 'MAX_REQUESTS=20');
    expect(run.messages).toContain('instances ended with exit codes 0, 0, 0');
    expect(run.code).toBe(99);
    const merged = summaryOf(join(run.folder, 'split-summary.json'));
    expect(merged.metrics['http_reqs{scenario:split}']!.thresholds).toStrictEqual({ 'count<20': { ok: false } });
    expect(merged.meta.verdict.result).toBe('fail');
  }, 120_000);

  test('refuses more instances than the test has VUs, before any k6 starts, and leaves no folder behind', async () => {
    const folder = join(scratch, 'too-many');
    const run = await cli('run', SCRIPT, '--instances', '7', '--results', folder);
    expect(run.code).toBe(2);
    expect(run.messages).toContain("--instances: 7 is not accepted; expected at most the test's 6 VUs");
    expect(readdirSync(folder)).toStrictEqual([]);
  }, 60_000);

  test('the flash sale over 3 instances sells exactly its stock: one setup, no oversell, one passing verdict', async () => {
    const folder = join(scratch, 'flash-sale');
    const run = await cli(
      'run',
      'flash-sale',
      '--demo-target',
      '--instances',
      '3',
      '--vus',
      '30',
      '--duration',
      '6s',
      '--output-dir',
      folder,
      '--',
      '--quiet',
    );
    expect(run.code, run.messages).toBe(0);
    const merged = summaryOf(join(folder, 'flash-sale-summary.json'));
    expect(merged.metrics['orders_accepted']!.values['count']).toBe(100);
    // The sale was stocked once (setup in instance 1 only), and every instance's teardown found no oversell.
    expect(
      merged.metrics['http_reqs{endpoint:sale_init}']?.values['count'] ??
        rawSamples(folder, 'http_reqs').filter((s) => s.tags['endpoint'] === 'sale_init').length,
    ).toBe(1);
    const teardown = merged.root_group.groups.find((group) => group.name === 'teardown');
    expect(teardown?.checks.find((check) => check.name === 'no overselling')).toMatchObject({ passes: 3, fails: 0 });
    expect(merged.meta.verdict.result).toBe('pass');
  }, 180_000);
});
