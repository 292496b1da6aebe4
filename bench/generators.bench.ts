// Benchmark of k6-forge's generators in Node: npm run bench:generators
// Records per second per domain from the runtime generators (against the k6 doubles, one iteration per record) and
// from build-time pool making (faker, in Node). Their cost inside k6 is the dealer pair of `npm run bench`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { POOL_DOMAINS, poolFile } from '../src/cli/pools/pools.ts';

const root = new URL('..', import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'k6-forge-generators-bench-'));
const DOUBLES: Record<string, string> = { 'k6/execution': 'execution', 'k6/data': 'data' };

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
        setup: (bundle) =>
          bundle.onResolve({ filter: /^k6\/(execution|data)$/ }, ({ path }) => ({
            path: join(root, 'test/doubles', `${DOUBLES[path]}.ts`),
          })),
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

try {
  await nodePart();
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
