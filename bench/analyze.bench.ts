// Benchmark of `k6-forge analyze`: npx tsx bench/analyze.bench.ts
// Writes synthetic k6 --out json output of 100,000 and 1,000,000 samples to a temporary folder, analyzes each in a
// child process of its own (so its peak memory is the analysis's alone), prints samples per second and peak RSS,
// and deletes the files.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeK6Output } from '../src/cli/analysis/analyze-k6-output.ts';

const SIZES = [100_000, 1_000_000];
const ENDPOINTS = ['login', 'deals', 'deal_get', 'customer_search', 'tax_calculate'];
const REQUESTS_PER_SECOND = 1000;
const T0 = Date.parse('2025-06-01T12:00:00Z');

/** What the child reports. */
interface Measurement {
  readonly lines: number;
  readonly passes: number;
  readonly seconds: number;
  readonly startRssMb: number;
  readonly peakRssMb: number;
}

/** Writes `samples` lines the way k6 does: per request http_reqs, http_req_duration, http_req_waiting, http_req_failed; vus each second. */
async function writeOutput(path: string, samples: number): Promise<void> {
  const out = createWriteStream(path);
  let seed = 42;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const line = (metric: string, ms: number, value: number, tags: string) =>
    `{"metric":"${metric}","type":"Point","data":{"time":"${new Date(T0 + ms).toISOString().replace('Z', '000000Z')}","value":${value},"tags":${tags}}}\n`;
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
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

async function child(file: string): Promise<void> {
  const startRssMb = process.memoryUsage().rss / 2 ** 20;
  const started = performance.now();
  const analysis = await analyzeK6Output({ files: [file], recoveryLimits: { p95: 400, errorRate: 0.01 } });
  const seconds = (performance.now() - started) / 1000;
  const measurement: Measurement = {
    lines: analysis.lines,
    passes: analysis.passes,
    seconds,
    startRssMb,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(JSON.stringify(measurement));
}

async function parent(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'k6-forge-bench-'));
  try {
    console.log('samples      file       passes  time     samples/s   RSS at start  peak RSS');
    for (const samples of SIZES) {
      const file = join(folder, `out-${samples}.json`);
      await writeOutput(file, samples);
      const run = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', file], { encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`the analysis of ${samples} samples failed: ${run.stderr}`);
      const result = JSON.parse(run.stdout) as Measurement;
      const rate = Math.round(result.lines / result.seconds).toLocaleString('en-US');
      console.log(
        `${samples.toLocaleString('en-US').padEnd(12)} ${`${(statSync(file).size / 2 ** 20).toFixed(0)} MB`.padEnd(10)} ${String(result.passes).padEnd(7)} ` +
          `${`${result.seconds.toFixed(2)} s`.padEnd(8)} ${rate.padStart(9)}   ${`${result.startRssMb.toFixed(0)} MB`.padStart(12)}  ${`${result.peakRssMb.toFixed(0)} MB`.padStart(8)}`,
      );
      rmSync(file);
    }
    console.log('samples/s counts every line of the file once, though each pass reads it again; RSS includes Node and tsx.');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const [mode, file] = process.argv.slice(2);
await (mode === '--child' && file !== undefined ? child(file) : parent());
