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

const INSTANCES = 3;
const SIZES = [100_000, 1_000_000];
const ENDPOINTS = ['login', 'deals', 'deal_get', 'customer_search', 'tax_calculate'];
const REQUESTS_PER_SECOND = 1000;
const T0 = Date.parse('2025-06-01T12:00:00Z');
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

/** Writes `samples` lines of one instance the way k6 does, gzip: Metric lines, then per request http_reqs, http_req_duration, http_req_waiting, http_req_failed; vus each second. */
async function writeOutput(path: string, samples: number, instance: number): Promise<void> {
  const gzip = createGzip();
  const done = new Promise<void>((resolve, reject) => gzip.pipe(createWriteStream(path)).on('finish', resolve).on('error', reject));
  let seed = 42 + instance;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const line = (metric: string, ms: number, value: number, tags: string) =>
    `{"metric":"${metric}","type":"Point","data":{"time":"${new Date(T0 + ms).toISOString().replace('Z', '000000Z')}","value":${value},"tags":${tags}}}\n`;
  const declare = (name: string, type: string, contains: string) =>
    `{"type":"Metric","data":{"name":"${name}","type":"${type}","contains":"${contains}","thresholds":[],"submetrics":null},"metric":"${name}"}\n`;
  gzip.write(
    declare('vus', 'gauge', 'default') +
      declare('http_reqs', 'counter', 'default') +
      declare('http_req_duration', 'trend', 'time') +
      declare('http_req_waiting', 'trend', 'time') +
      declare('http_req_failed', 'rate', 'default'),
  );
  let written = 0;
  for (let request = 0; written < samples; request += 1) {
    const ms = (request * 1000) / REQUESTS_PER_SECOND;
    let chunk = '';
    if (request % REQUESTS_PER_SECOND === 0) {
      chunk += line('vus', ms, 100, 'null');
      written += 1;
    }
    const endpoint = ENDPOINTS[request % ENDPOINTS.length]!;
    const failed = random() < 0.01;
    const tags = `{"endpoint":"${endpoint}","expected_response":"${!failed}","method":"GET","name":"${endpoint}","proto":"HTTP/1.1","scenario":"load","status":"${failed ? 503 : 200}","url":"http://127.0.0.1:3000/${endpoint}"}`;
    const latency = Math.round(Math.exp(3 + random() * 2.5 + random()) * 1000) / 1000;
    chunk +=
      line('http_reqs', ms, 1, tags) +
      line('http_req_duration', ms, latency, tags) +
      line('http_req_waiting', ms, latency * 0.9, tags) +
      line('http_req_failed', ms, failed ? 1 : 0, tags);
    written += 4;
    if (!gzip.write(chunk)) await new Promise<void>((resolve) => gzip.once('drain', () => resolve()));
  }
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
