// Benchmark of `k6-forge merge`: npm run bench:merge (npx tsx bench/merge.bench.ts)
// Writes the gzip k6 --out json output of 3 instances (100,000, then 1,000,000 samples each) to a temporary folder,
// merges each set in a child process of its own (so its peak memory is the merge's alone) with thresholds on the
// whole run, the scenario and every endpoint, prints samples per second and peak RSS, and deletes the files.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGzip } from 'node:zlib';
import { mergeK6Outputs } from '../src/cli/merge/merge-k6-outputs.ts';
import { ENDPOINTS, writeK6Points } from './support/k6-output.ts';

const INSTANCES = 3;
const SIZES = [100_000, 1_000_000];
const THRESHOLDS: Record<string, string[]> = {
  http_req_duration: ['p(95)<500', 'p(99)<1000'],
  'http_req_duration{scenario:load}': ['p(95)<500', 'p(99)<1000'],
  'http_req_failed{scenario:load}': ['rate<0.01'],
  ...Object.fromEntries(ENDPOINTS.map((endpoint) => [`http_req_duration{endpoint:${endpoint}}`, ['p(95)<500', 'p(99)<1000']])),
};

/** What the child reports. */
interface Measurement {
  readonly lines: number;
  readonly passes: number;
  readonly seconds: number;
  readonly startRssMb: number;
  readonly peakRssMb: number;
}

/** Writes `samples` Point lines of one instance the way k6 does, gzip, after its Metric lines. */
async function writeOutput(path: string, samples: number, instance: number): Promise<void> {
  const gzip = createGzip();
  const done = new Promise<void>((resolve, reject) => gzip.pipe(createWriteStream(path)).on('finish', resolve).on('error', reject));
  const declare = (name: string, type: string, contains: string) =>
    `{"type":"Metric","data":{"name":"${name}","type":"${type}","contains":"${contains}","thresholds":[],"submetrics":null},"metric":"${name}"}\n`;
  const declarations =
    declare('vus', 'gauge', 'default') +
    declare('http_reqs', 'counter', 'default') +
    declare('http_req_duration', 'trend', 'time') +
    declare('http_req_waiting', 'trend', 'time') +
    declare('http_req_failed', 'rate', 'default');
  await writeK6Points(gzip, samples, 42 + instance, declarations);
  gzip.end();
  await done;
}

async function child(files: readonly string[]): Promise<void> {
  const startRssMb = process.memoryUsage().rss / 2 ** 20;
  const started = performance.now();
  const merged = await mergeK6Outputs({
    files,
    thresholds: THRESHOLDS,
    trendStats: ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)'],
  });
  const seconds = (performance.now() - started) / 1000;
  const measurement: Measurement = {
    lines: merged.lines,
    passes: merged.passes,
    seconds,
    startRssMb,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(JSON.stringify(measurement));
}

async function parent(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'k6-forge-bench-merge-'));
  try {
    console.log(`${INSTANCES} files of   gzip total  passes  time      samples/s   RSS at start  peak RSS`);
    for (const samples of SIZES) {
      const files = Array.from({ length: INSTANCES }, (_, i) => join(folder, `load-instance-${i + 1}.json.gz`));
      for (const [i, file] of files.entries()) await writeOutput(file, samples, i);
      const run = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', ...files], {
        encoding: 'utf8',
      });
      if (run.status !== 0) throw new Error(`the merge of ${INSTANCES} x ${samples} samples failed: ${run.stderr}`);
      const result = JSON.parse(run.stdout) as Measurement;
      const rate = Math.round(result.lines / result.seconds).toLocaleString('en-US');
      const size = files.reduce((total, file) => total + statSync(file).size, 0) / 2 ** 20;
      console.log(
        `${samples.toLocaleString('en-US').padEnd(12)} ${`${size.toFixed(0)} MB`.padEnd(11)} ${String(result.passes).padEnd(7)} ` +
          `${`${result.seconds.toFixed(2)} s`.padEnd(9)} ${rate.padStart(9)}   ${`${result.startRssMb.toFixed(0)} MB`.padStart(12)}  ${`${result.peakRssMb.toFixed(0)} MB`.padStart(8)}`,
      );
      for (const file of files) rmSync(file);
    }
    console.log(
      'samples/s counts every line of every file once, though each pass reads them again (and gunzips them); RSS includes Node and tsx.',
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const [mode, ...files] = process.argv.slice(2);
await (mode === '--child' && files.length > 0 ? child(files) : parent());
