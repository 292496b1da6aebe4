// The smoke bundle under real k6, with and without --new-machine-readable-summary (k6 1.5 and later): both runs
// write every report, the legacy one passes, and the machine-readable one is "no data" in every output, since that
// summary holds no p(99) for the smoke thresholds' p(99)<... limit. Without k6, or with an older one, it prints one
// SKIPPED line.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findK6 } from '../src/cli/runner/k6-binary.ts';
import { type RunningTarget, startTarget } from '../src/demo-target/index.ts';
import { cli } from './support/cli.ts';
import { atLeast, k6Version, runK6 } from './support/real-k6.ts';
import { renderedVerdicts, resultFiles } from './support/verdicts.ts';

const root = new URL('..', import.meta.url).pathname;
const k6 = findK6();
const usable = k6 !== undefined && atLeast(k6Version(k6), [1, 5]);
if (!usable) console.log('SKIPPED: k6 1.5 or newer not found (--new-machine-readable-summary needs it)');
const scratch = mkdtempSync(join(tmpdir(), 'k6-forge-mrs-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.skipIf(!usable)('summaryHandler under real k6 with both summary shapes', () => {
  let target: RunningTarget;
  beforeAll(async () => {
    target = await startTarget();
  }, 60_000);
  afterAll(async () => {
    await target?.close();
  });

  /** Runs dist/smoke.js for 3 s with 2 VUs; returns k6's outcome and the results folder. */
  async function smoke(name: string, flags: readonly string[]) {
    const [cwd, results] = [join(scratch, name, 'cwd'), join(scratch, name, 'results')];
    mkdirSync(cwd, { recursive: true });
    mkdirSync(results);
    const run = await runK6(k6!, ['run', ...flags, join(root, 'dist/smoke.js')], {
      cwd,
      env: { BASE_URL: target.url, RESULTS_DIR: results, VUS: '2', DURATION: '3s' },
    });
    return { ...run, results };
  }

  test('every output agrees: the legacy run passes; the machine-readable one is no data for the p(99) it lacks', {
    timeout: 120_000,
  }, async () => {
    const legacy = await smoke('legacy', []);
    const mrs = await smoke('mrs', ['--new-machine-readable-summary']);
    for (const run of [legacy, mrs]) {
      expect(run.code, run.output).toBe(0);
      expect(run.leftovers).toStrictEqual([]);
      expect(run.output).not.toContain('k6-forge: metric ');
    }
    const verdicts = (run: typeof legacy) => renderedVerdicts(resultFiles(run.results, 'smoke', run.output), `${run.results}/smoke`);
    expect(verdicts(legacy)).toStrictEqual({ json: 'pass', markdown: 'pass', html: 'pass', junit: 'pass', text: 'pass' });
    // JUnit has no verdict of its own for a partly judged run: its p(99) case is skipped and nothing fails.
    expect(verdicts(mrs)).toStrictEqual({ json: 'no data', markdown: 'no data', html: 'no data', junit: 'pass', text: 'no data' });
    expect(mrs.output).toContain(
      "k6-forge: ∅ smoke: no data: 1 of 4 thresholds could not be judged (k6's machine-readable summary lacks the values they are judged on)",
    );
    const markdown = resultFiles(mrs.results, 'smoke', '')[`${mrs.results}/smoke-summary.md`]!;
    expect(markdown).toContain('| `http_req_duration{scenario:smoke}` | `p(99)<1000` | p(99) not in the summary | ⚪ no data |');

    const gate = await cli('gate', mrs.results);
    expect(gate.code).toBe(2);
    expect(gate.messages).toContain("k6's --new-machine-readable-summary holds only avg, min, med, max, p(90) and p(95)");
    // Latency and throughput limits wide open: two short real runs differ by noise; the verdict is what is compared.
    const compare = await cli(
      'compare',
      join(mrs.results, 'smoke-summary.json'),
      join(legacy.results, 'smoke-summary.json'),
      '--p95-tolerance',
      '100',
      '--min-throughput',
      '0.01',
    );
    expect(compare.report).toContain('but the current run itself did not: smoke: no data');
    expect(compare.code).toBe(1);
  });
});
