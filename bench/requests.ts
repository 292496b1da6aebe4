// Benchmark: the same request loop written with k6-forge (bench/requests/sdk.ts) and by hand (plain.js).
// Node part: each loop against stand-in k6 modules, in microseconds per request (the SDK's own work).
// k6 part (when k6 is found): both scripts against the embedded target, requests per second and their ratio.
// Run: npm run bench:requests   (BENCH_VUS, BENCH_DURATION, BENCH_ROUNDS tune the k6 part)
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { buildBundles } from '../src/cli/build.ts';
import { findK6 } from '../src/cli/k6-binary.ts';
import { startTarget } from '../src/target/index.ts';

const here = new URL('./requests/', import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'k6-forge-bench-'));
const stub = (name: string) => join(here, 'stubs', `${name}.ts`);

async function loopInNode(entry: string): Promise<() => void> {
  const outfile = join(scratch, `${entry.replace(/\W/g, '-')}.mjs`);
  await build({
    entryPoints: [join(here, entry)],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    plugins: [
      {
        name: 'k6-stubs',
        // Modules the loops never reach (k6/websockets, ...) stay external and are tree-shaken away.
        setup: (bundle) =>
          bundle.onResolve({ filter: /^k6(\/\w+)?$/ }, ({ path }) => {
            const file = stub(path === 'k6' ? 'k6' : path.slice(3));
            return existsSync(file) ? { path: file } : { path, external: true };
          }),
      },
    ],
    define: { __K6_FORGE_THRESHOLDS__: '{}', __K6_FORGE_VERSION__: '"bench"' },
    logLevel: 'silent',
  });
  return ((await import(pathToFileURL(outfile).href)) as { default: () => void }).default;
}

function microsPerCall(fn: () => void, calls: number): number {
  for (let i = 0; i < calls / 10; i += 1) fn();
  const start = process.hrtime.bigint();
  for (let i = 0; i < calls; i += 1) fn();
  return Number(process.hrtime.bigint() - start) / 1000 / calls;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function nodePart(): Promise<void> {
  (globalThis as { __ENV?: object }).__ENV = { BASE_URL: 'http://127.0.0.1:3000' };
  const sdk = await loopInNode('sdk.ts');
  const plain = await loopInNode('plain.js');
  const rounds = 5;
  const calls = 200_000;
  const sdkMicros: number[] = [];
  const plainMicros: number[] = [];
  for (let r = 0; r < rounds; r += 1) {
    plainMicros.push(microsPerCall(plain, calls));
    sdkMicros.push(microsPerCall(sdk, calls));
  }
  const s = median(sdkMicros);
  const p = median(plainMicros);
  console.log(`Node, stand-in k6 modules, median of ${rounds} rounds of ${calls} requests:`);
  console.log(`  hand-written  ${p.toFixed(3)} µs per request`);
  console.log(`  k6-forge      ${s.toFixed(3)} µs per request (${s >= p ? '+' : ''}${(s - p).toFixed(3)} µs, ${(s / p).toFixed(2)}x the hand-written time)`);
}

function k6Run(k6: string, script: string, env: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(k6, ['run', '--quiet', script], { env: { ...process.env, ...env } });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0) return reject(new Error(`k6 exited ${code} for ${script}`));
      resolve((JSON.parse(line) as { rate: number }).rate);
    });
  });
}

async function k6Part(): Promise<void> {
  const k6 = findK6();
  if (!k6) {
    console.log('SKIPPED: k6 not found (the k6 part of the request benchmark needs K6_BIN or k6 on PATH)');
    return;
  }
  const [bundle] = await buildBundles({ entries: [join(here, 'sdk.ts')], outdir: scratch });
  const target = await startTarget({ ordersPerSecond: 0 });
  await fetch(`${target.url}/init`, { method: 'POST', body: JSON.stringify({ productId: 'bench-item', quantity: 1 }) });
  const env = { BASE_URL: target.url, BENCH_VUS: process.env['BENCH_VUS'] ?? '20', BENCH_DURATION: process.env['BENCH_DURATION'] ?? '15s' };
  const rounds = Number(process.env['BENCH_ROUNDS'] ?? 3);
  const sdkRates: number[] = [];
  const plainRates: number[] = [];
  try {
    for (let r = 0; r < rounds; r += 1) {
      plainRates.push(await k6Run(k6, join(here, 'plain.js'), env));
      sdkRates.push(await k6Run(k6, bundle!.file, env));
    }
  } finally {
    await target.close();
  }
  const s = median(sdkRates);
  const p = median(plainRates);
  console.log(`k6, ${env.BENCH_VUS} VUs for ${env.BENCH_DURATION}, median of ${rounds} interleaved rounds:`);
  console.log(`  hand-written  ${p.toFixed(0)} requests/s`);
  console.log(`  k6-forge      ${s.toFixed(0)} requests/s`);
  console.log(`  ratio         ${(s / p).toFixed(3)} (target: at least 0.97)`);
}

try {
  await nodePart();
  await k6Part();
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
