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
import { writeK6Points } from './support/k6-output.ts';

const SIZES = [100_000, 1_000_000];

/** What the child reports. */
interface Measurement {
  readonly lines: number;
  readonly passes: number;
  readonly seconds: number;
  readonly startRssMb: number;
  readonly peakRssMb: number;
}

/** Writes `samples` Point lines of one run into a file. */
async function writeOutput(path: string, samples: number): Promise<void> {
  const out = createWriteStream(path);
  await writeK6Points(out, samples, 42);
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
