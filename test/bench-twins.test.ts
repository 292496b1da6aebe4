// The benchmark pairs compare like with like only while each plain-k6 twin does its SDK script's work: this runs both
// halves of every pair once under real k6 (1 VU, 2 s) against the benchmarks' nginx target and compares what they
// sent and recorded. Without k6 or nginx it prints one SKIPPED line.
import { createReadStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inspectK6, runK6 } from '../bench/support/k6-run.ts';
import { findNginx, type NginxTarget, startNginxTarget } from '../bench/support/nginx-target.ts';
import { buildSdkBundle, PAIRS, ROOT } from '../bench/support/pairs.ts';
import { findK6 } from '../src/cli/runner/k6-binary.ts';

const k6 = findK6();
const nginx = findNginx();
const skipped = !k6 ? 'SKIPPED: k6 not found' : !nginx ? 'SKIPPED: nginx not found (apt-get install nginx-light)' : undefined;
if (skipped) console.log(skipped);

/** The request tags that say what was sent and how it was judged (not the URL or the address). */
const REQUEST_TAGS = ['name', 'endpoint', 'operation', 'service', 'method', 'status', 'expected_response', 'group', 'scenario'];

/** What one script did in one run, as sorted lists for comparison. */
interface Work {
  /** The distinct tag sets of `http_reqs` samples. */
  readonly requests: string[];
  /** The names of the metrics that got samples. */
  readonly metrics: string[];
  /** The checks, each with its `endpoint` tag when it has one. */
  readonly checks: string[];
  /** The thresholds the script gives k6. */
  readonly thresholds: unknown;
}

interface Sample {
  readonly type: string;
  readonly metric: string;
  readonly data: { readonly tags?: Record<string, string> };
}

/** Runs a script once with `--out json` and reads what it sent, recorded and checked, and the thresholds it declares. */
async function workOf(script: string, env: Record<string, string>, folder: string): Promise<Work> {
  mkdirSync(folder);
  const out = join(folder, 'out.json');
  await runK6({ k6: k6!, script, env: { ...env, RESULTS_DIR: folder }, args: ['--out', `json=${out}`] });
  const requests = new Set<string>();
  const metrics = new Set<string>();
  const checks = new Set<string>();
  for await (const line of createInterface({ input: createReadStream(out) })) {
    const sample = JSON.parse(line) as Sample;
    if (sample.type !== 'Point') continue;
    const tags = sample.data.tags ?? {};
    metrics.add(sample.metric);
    if (sample.metric === 'http_reqs') requests.add(JSON.stringify(REQUEST_TAGS.map((tag) => [tag, tags[tag]])));
    if (sample.metric === 'checks') checks.add(tags['endpoint'] ? `${tags['check']} {endpoint:${tags['endpoint']}}` : tags['check']!);
  }
  const { thresholds } = await inspectK6({ k6: k6!, script, env });
  return { requests: [...requests].sort(), metrics: [...metrics].sort(), checks: [...checks].sort(), thresholds };
}

describe.skipIf(skipped !== undefined)('each benchmark twin does the work of its SDK script', () => {
  let scratch: string;
  let target: NginxTarget;
  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'k6-forge-twins-'));
    target = await startNginxTarget(nginx!);
  });
  afterAll(async () => {
    await target?.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  test.each(PAIRS)('$name: $twin against $sdk', { timeout: 60_000 }, async (pair) => {
    const folder = join(scratch, pair.name);
    mkdirSync(folder);
    const bundle = await buildSdkBundle(pair, join(folder, 'build'));
    const env = { BASE_URL: target.url, VUS: '1', DURATION: '2s', SEED: '42', ...(await pair.prepare?.(folder)) };
    const [sdk, twin] = await Promise.all([
      workOf(bundle, env, join(folder, 'sdk')),
      workOf(join(ROOT, pair.twin), env, join(folder, 'twin')),
    ]);
    expect(sdk.requests.length).toBeGreaterThan(0);
    expect(twin.requests, 'http_reqs tag sets').toStrictEqual(sdk.requests);
    expect(twin.metrics, 'metrics with samples').toStrictEqual(sdk.metrics);
    expect(twin.checks, 'checks').toStrictEqual(sdk.checks);
    expect(twin.thresholds, 'thresholds').toStrictEqual(sdk.thresholds);
  });
});
