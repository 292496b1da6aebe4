// Benchmark of k6-forge's generators: npx tsx bench/generators.bench.ts
// Node part: records per second per domain from the runtime generators (against the k6 doubles, one iteration per
// record) and from build-time pool making (faker, in Node).
// k6 part (when k6 is found: K6_BIN, else k6 on PATH): peak memory of a generator-heavy script (a 10,000-customer pool
// embedded in the bundle, six runtime generators per iteration) beside a plain script sending the same requests to the
// embedded target, at 1 and 500 VUs, and their ratio (issue 4's budget: at most 1.5 at 500 VUs).
// BENCH_DURATION (default 10s) sets how long each k6 run lasts.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { buildBundles } from '../src/cli/build.ts';
import { findK6 } from '../src/cli/k6-binary.ts';
import { poolFile, POOL_DOMAINS } from '../src/cli/pools.ts';
import { startTarget } from '../src/target/index.ts';

const root = new URL('..', import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'k6-forge-generators-bench-'));
const DOUBLES: Record<string, string> = { 'k6/execution': 'execution', 'k6/data': 'data' };
const VU_COUNTS = [1, 500];
const BUDGET = 1.5;

type Generators = typeof import('../src/generators/index.ts');
type Execution = typeof import('../test/doubles/execution.ts').default;

/** The generators bundled for Node with k6/execution and k6/data as the test doubles, which the bench then drives. */
async function generatorsInNode(): Promise<{ generators: Generators; execution: Execution }> {
  const outfile = join(scratch, 'generators.mjs');
  await build({
    stdin: {
      contents: `export * as generators from ${JSON.stringify(join(root, 'src/generators/index.ts'))};\nexport { default as execution } from ${JSON.stringify(join(root, 'test/doubles/execution.ts'))};\n`,
      resolveDir: root,
      loader: 'ts',
    },
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    plugins: [
      {
        name: 'k6-doubles',
        setup: (bundle) => bundle.onResolve({ filter: /^k6\/(execution|data)$/ }, ({ path }) => ({ path: join(root, 'test/doubles', `${DOUBLES[path]}.ts`) })),
      },
    ],
    logLevel: 'silent',
  });
  (globalThis as { __ENV?: object }).__ENV = { SEED: '42' };
  return (await import(pathToFileURL(outfile).href)) as { generators: Generators; execution: Execution };
}

/** Records per second of `make`, one iteration per record (so each record reseeds the VU's stream), over ~0.4 s. */
function perSecond(execution: Execution, make: () => unknown): number {
  let n = 0;
  const start = performance.now();
  let now = start;
  while (now - start < 400) {
    for (let i = 0; i < 250; i += 1, n += 1) {
      execution.vu.iterationInInstance = n;
      make();
    }
    now = performance.now();
  }
  return n / ((now - start) / 1000);
}

const rate = (value: number) => Math.round(value).toLocaleString('en-US').padStart(12);

async function nodePart(): Promise<void> {
  const { generators: g, execution } = await generatorsInNode();
  const runtime: Record<string, () => unknown> = {
    person: g.person,
    credentials: g.credentials,
    postalAddress: g.postalAddress,
    customer: g.customer,
    vehicle: g.vehicle,
    inventoryItem: g.inventoryItem,
    deal: g.deal,
    taxCalculationRequest: g.taxCalculationRequest,
    insuranceLead: g.insuranceLead,
    flashSaleOrder: g.flashSaleOrder,
    ledgerTransfer: g.ledgerTransfer,
    crmContact: g.crmContact,
    supportTicket: g.supportTicket,
  };
  console.log(`Node ${process.version}, records per second per domain (SEED=42):`);
  await poolFile({ domain: 'person', count: 1 }); // loads faker before the clock starts
  console.log(`  ${'domain'.padEnd(22)} ${'runtime'.padStart(12)} ${'pool build'.padStart(12)}`);
  for (const domain of POOL_DOMAINS) {
    const started = performance.now();
    await poolFile({ domain, count: 5_000, seed: 42 });
    const built = 5_000 / ((performance.now() - started) / 1000);
    console.log(`  ${domain.padEnd(22)} ${rate(perSecond(execution, runtime[domain]!))} ${rate(built)}`);
  }
  console.log('  (runtime: in a VU, word lists, no faker; pool build: at build time in Node with @faker-js/faker, en_US)');
}

/** The peak resident memory of a process in MB: VmHWM from /proc on Linux, else the largest `ps` sample. */
function sampler(pid: number): () => number {
  let peak = 0;
  return () => {
    const status = `/proc/${pid}/status`;
    if (existsSync(status)) {
      const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(status, 'utf8'));
      if (match) peak = Math.max(peak, Number(match[1]) / 1024);
    } else {
      const ps = spawnSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' });
      peak = Math.max(peak, Number(ps.stdout.trim() || 0) / 1024);
    }
    return peak;
  };
}

/** Runs one bundle under k6 and returns its peak memory in MB and its wall time in seconds. */
function k6Run(k6: string, script: string, env: Record<string, string>): Promise<{ mb: number; seconds: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(k6, ['run', '--quiet', '--no-summary', script], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const sample = sampler(child.pid!);
    let peak = 0;
    const timer = setInterval(() => {
      try {
        peak = sample();
      } catch {
        // the process is gone; the last sample stands
      }
    }, 100);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code !== 0) reject(new Error(`k6 exited ${code} for ${script}: ${errors.trim().split('\n').slice(-3).join(' | ')}`));
      else resolve({ mb: peak, seconds: (performance.now() - started) / 1000 });
    });
  });
}

async function k6Part(): Promise<void> {
  const k6 = findK6();
  if (!k6) {
    console.log('SKIPPED: k6 not found (the memory part of the generators benchmark needs K6_BIN or k6 on PATH)');
    return;
  }
  const bundles = await buildBundles({ entries: [join(root, 'bench/generators/plain.ts'), join(root, 'bench/generators/generated.ts')], outdir: scratch });
  const [generated, plain] = bundles;
  console.log(`\nk6 (${k6}), each VU one POST /order a second for ${process.env['BENCH_DURATION'] ?? '10s'}; bundles: plain ${plain!.bytes.toLocaleString('en-US')} B, generated ${generated!.bytes.toLocaleString('en-US')} B`);
  const target = await startTarget({ ordersPerSecond: 0 });
  await fetch(`${target.url}/init`, { method: 'POST', body: JSON.stringify({ productId: 'bench-item', quantity: 100_000_000 }) });
  const ratios: number[] = [];
  try {
    for (const vus of VU_COUNTS) {
      const env = { BASE_URL: target.url, BENCH_VUS: String(vus), BENCH_DURATION: process.env['BENCH_DURATION'] ?? '10s', SEED: '42' };
      const p = await k6Run(k6, plain!.file, env);
      const gen = await k6Run(k6, generated!.file, env);
      ratios.push(gen.mb / p.mb);
      console.log(
        `  ${String(vus).padStart(3)} VUs: plain ${p.mb.toFixed(0).padStart(5)} MB (${p.seconds.toFixed(1)} s), generated ${gen.mb.toFixed(0).padStart(5)} MB (${gen.seconds.toFixed(1)} s), ratio ${(gen.mb / p.mb).toFixed(2)}`,
      );
    }
  } finally {
    await target.close();
  }
  const last = ratios[ratios.length - 1]!;
  console.log(`  budget at ${VU_COUNTS[VU_COUNTS.length - 1]} VUs: at most ${BUDGET}x the plain script: ${last <= BUDGET ? 'met' : 'NOT met'} (${last.toFixed(2)}x)`);
}

try {
  await nodePart();
  await k6Part();
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
