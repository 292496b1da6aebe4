// Adversarial verdict tests under real k6: the smoke journey against the demo target with faults injected (a share
// of 5xx, added latency, a stalled route, a scenario k6's own flags replaced, a partial thresholds file), each run
// judged by k6, every report, gate, compare and analyze, which must all agree. Everything is written to temporary
// folders. Without k6 it prints one SKIPPED line.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildBundles } from '../src/cli/bundle/build-bundles.ts';
import { findK6 } from '../src/cli/runner/k6-binary.ts';
import { type RunningTarget, startTarget } from '../src/demo-target/index.ts';
import type { Faults } from '../src/demo-target/services/faults.ts';
import { cli } from './support/cli.ts';
import { atLeast, k6Version, runK6 } from './support/real-k6.ts';
import { renderedVerdicts, resultFiles } from './support/verdicts.ts';

const root = new URL('..', import.meta.url).pathname;
const k6 = findK6();
if (!k6) console.log('SKIPPED: k6 not found (set K6_BIN or put k6 on PATH to run the adversarial verdict tests under real k6)');
const legacy = k6 !== undefined && !atLeast(k6Version(k6), [0, 53]);
const scratch = mkdtempSync(join(tmpdir(), 'k6-forge-verdicts-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A project thresholds file holding only a gate: merged over the packaged one, it must keep every error-rate limit. */
const PARTIAL_THRESHOLDS = { gates: { load: { p95: 800 } } };

/** One adversarial case: the fault, how k6 is run, and the verdict every judge must give. */
interface Case {
  readonly name: string;
  readonly bundle: 'smoke' | 'partial' | 'stalled';
  readonly faults: Faults;
  /** k6's own flags, which replace the script's scenarios. */
  readonly flags?: readonly string[];
  /** The scenario that names the result files. */
  readonly scenario: string;
  readonly k6Code: number;
  readonly verdict: 'pass' | 'fail';
  /** What the text summary must say beside the verdict. */
  readonly says?: string;
  /** What the Markdown report must show, such as `no data` rows or an endpoint `not called`. */
  readonly shows?: readonly string[];
}

const CASES: readonly Case[] = [
  { name: 'healthy', bundle: 'smoke', faults: {}, scenario: 'smoke', k6Code: 0, verdict: 'pass' },
  {
    name: 'a third of product pages answer 503',
    bundle: 'smoke',
    faults: { 'GET /products/{id}': { errorRate: 1 / 3 } },
    scenario: 'smoke',
    k6Code: 99,
    verdict: 'fail',
  },
  {
    name: 'product pages take 1.1 s',
    bundle: 'smoke',
    faults: { 'GET /products/{id}': { delayMs: 1100 } },
    scenario: 'smoke',
    k6Code: 99,
    verdict: 'fail',
  },
  {
    name: 'product pages stall',
    bundle: 'stalled',
    faults: { 'GET /products/{id}': { stall: true } },
    scenario: 'smoke',
    k6Code: 99,
    verdict: 'fail',
    says: 'scenario smoke completed no iteration',
    shows: ['| product\\_get (not called) |'],
  },
  {
    name: "k6's --vus/--duration replace the smoke scenario",
    bundle: 'smoke',
    faults: {},
    flags: ['--vus', '2', '--duration', '3s'],
    scenario: 'default',
    k6Code: 99,
    verdict: 'fail',
    says: 'scenario smoke never ran',
    shows: [
      '| `http_req_duration{scenario:smoke}` | `p(95)<1000` | no samples | ⚪ no data |',
      '| `http_req_failed{scenario:smoke}` | `rate<0.01` | no samples | ⚪ no data |',
    ],
  },
  {
    name: 'a partial thresholds file, with a third of product pages answering 503',
    bundle: 'partial',
    faults: { 'GET /products/{id}': { errorRate: 1 / 3 } },
    scenario: 'smoke',
    k6Code: 99,
    verdict: 'fail',
  },
];

describe.skipIf(!k6)('verdicts under real k6 against the demo target with injected faults', () => {
  let target: RunningTarget;
  const bundles: Record<Case['bundle'], string> = { smoke: '', partial: '', stalled: '' };
  const partialFile = join(scratch, 'partial-thresholds.json');
  /** The healthy run's summary, the baseline every other run is compared with. */
  let healthySummary = '';

  beforeAll(async () => {
    writeFileSync(partialFile, JSON.stringify(PARTIAL_THRESHOLDS));
    const build = async (entry: string, outdir: string, thresholds: string) => {
      const [bundle] = await buildBundles({
        entries: [join(root, entry)],
        outdir: join(scratch, outdir),
        thresholds,
        ...(legacy && { target: 'es2017' }),
      });
      return resolve(bundle!.file);
    };
    bundles.smoke = await build('examples/smoke.ts', 'smoke', join(root, 'examples', 'thresholds.json'));
    bundles.partial = await build('examples/smoke.ts', 'partial', partialFile);
    bundles.stalled = await build('test/fixtures/stalled-smoke.ts', 'stalled', join(root, 'examples', 'thresholds.json'));
    target = await startTarget();
  }, 60_000);
  afterAll(async () => {
    await target?.close();
  });

  test.each(CASES)(
    '$name: k6 exits $k6Code and every report, gate, compare and analyze say $verdict',
    { timeout: 120_000 },
    async (run) => {
      await fetch(`${target.url}/admin/faults`, { method: 'POST', body: JSON.stringify(run.faults) });
      const dir = join(scratch, run.name.replace(/[^a-z0-9]+/gi, '-'));
      const [cwd, results, out] = [join(dir, 'cwd'), join(dir, 'results'), join(dir, 'out.json')];
      mkdirSync(cwd, { recursive: true });
      mkdirSync(results);
      const sizing = run.flags ? {} : { VUS: '2', DURATION: '3s' };
      const k6Run = await runK6(k6!, ['run', ...(run.flags ?? []), '--out', `json=${out}`, bundles[run.bundle]], {
        cwd,
        env: { BASE_URL: target.url, RESULTS_DIR: results, ...sizing },
      });
      await fetch(`${target.url}/admin/faults`, { method: 'POST', body: '{}' });

      // k6's own verdict, and nothing written outside the temporary folders.
      expect(k6Run.code, k6Run.output).toBe(run.k6Code);
      expect(k6Run.leftovers).toStrictEqual([]);

      // Every report of the run gives the same verdict, which agrees with k6.
      const outputs = resultFiles(results, run.scenario, k6Run.output);
      expect(renderedVerdicts(outputs, `${results}/${run.scenario}`)).toStrictEqual({
        json: run.verdict,
        markdown: run.verdict,
        html: run.verdict,
        junit: run.verdict,
        text: run.verdict,
      });
      if (run.says) expect(k6Run.output).toContain(run.says);
      for (const shown of run.shows ?? []) expect(outputs[`${results}/${run.scenario}-summary.md`]).toContain(shown);

      // gate, compare and analyze agree.
      const expected = run.verdict === 'pass' ? 0 : 1;
      const summary = join(results, `${run.scenario}-summary.json`);
      if (run.name === 'healthy') healthySummary = summary;
      const thresholds = run.bundle === 'partial' ? partialFile : join(root, 'examples', 'thresholds.json');
      const gate = await cli('gate', results, '--thresholds', thresholds);
      expect(gate.code, gate.report + gate.messages).toBe(expected);
      const compare = await cli('compare', summary, healthySummary);
      expect(compare.code, compare.report + compare.messages).toBe(expected);
      const analyze = await cli('analyze', out, '--thresholds', thresholds, '--html', join(dir, 'analysis.html'), '--summary', summary);
      expect(analyze.code, analyze.report + analyze.messages).toBe(expected);
    },
  );
});
