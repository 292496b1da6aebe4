// The benchmark pairs: each SDK script beside a hand-written plain-k6 twin doing the same work.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBundles } from '../../src/cli/bundle/build-bundles.ts';
import { poolJson } from '../../src/cli/pools/pools.ts';

/** The repository's root folder. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** What a pair is judged by: SDK requests per second over the twin's, or peak memory and wall time. */
export type Budget =
  | { readonly kind: 'throughput' /** The least SDK/twin ratio of requests per second. */; readonly minRatio: number }
  | {
      readonly kind: 'memory';
      /** The most SDK/twin ratio of peak memory. */
      readonly maxMemoryRatio: number;
      /** The most seconds the SDK's run may take beyond the twin's. */
      readonly maxExtraSeconds: number;
    };

/** One SDK script and its twin. */
export interface BenchPair {
  /** The name on the command line, such as `smoke`. */
  readonly name: string;
  /** The SDK script, relative to the root; it is built with `buildBundles`. */
  readonly sdk: string;
  /** The plain-k6 twin, relative to the root; k6 runs it as it is. */
  readonly twin: string;
  readonly vus: number;
  readonly duration: string;
  readonly rounds: number;
  readonly budget: Budget;
  /**
   * Writes what both scripts read besides the target into `folder` (the dealer twin's pool file).
   * @returns Variables for both scripts.
   */
  readonly prepare?: (folder: string) => Promise<Record<string, string>>;
}

const MEMORY_BUDGET: Budget = { kind: 'memory', maxMemoryRatio: 1.15, maxExtraSeconds: 0.3 };

/** The pool the dealer's SDK script imports, as the twin reads it: the same domain, count, seed and locale. */
const DEALER_POOL = { domain: 'customer', count: 10_000, seed: 42, locale: 'en_US' } as const;

/** Every pair, in the order `npm run bench` runs them. */
export const PAIRS: readonly BenchPair[] = [
  {
    name: 'requests',
    sdk: 'bench/pairs/requests/sdk.ts',
    twin: 'bench/pairs/requests/plain.js',
    vus: 20,
    duration: '8s',
    rounds: 5,
    budget: { kind: 'throughput', minRatio: 0.97 },
  },
  {
    name: 'smoke',
    sdk: 'examples/smoke.ts',
    twin: 'bench/pairs/smoke/plain.js',
    vus: 500,
    duration: '10s',
    rounds: 3,
    budget: MEMORY_BUDGET,
  },
  {
    name: 'flash-sale',
    sdk: 'examples/flash-sale.ts',
    twin: 'bench/pairs/flash-sale/plain.js',
    vus: 500,
    duration: '10s',
    rounds: 3,
    budget: MEMORY_BUDGET,
  },
  {
    name: 'dealer',
    sdk: 'bench/pairs/dealer/sdk.ts',
    twin: 'bench/pairs/dealer/plain.js',
    vus: 500,
    duration: '10s',
    rounds: 3,
    budget: { ...MEMORY_BUDGET, maxMemoryRatio: 1.3 },
    async prepare(folder) {
      const file = join(folder, 'customers.json');
      writeFileSync(file, await poolJson(DEALER_POOL));
      return { CUSTOMERS_FILE: file };
    },
  },
];

/**
 * Builds a pair's SDK script into `outdir` as k6-forge users do, with the demo's endpoint limits
 * (`examples/thresholds.json`, merged over the neutral defaults) that the hand-written twins also declare.
 * @param pair - The pair.
 * @param outdir - An empty folder of its own (two pairs may both have an `sdk.ts`).
 * @returns The bundle's path.
 */
export async function buildSdkBundle(pair: BenchPair, outdir: string): Promise<string> {
  const [bundle] = await buildBundles({ entries: [join(ROOT, pair.sdk)], outdir, thresholds: join(ROOT, 'examples', 'thresholds.json') });
  return bundle!.file;
}
