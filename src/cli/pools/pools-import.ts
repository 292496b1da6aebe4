// Pool imports: `k6-forge build` turns `import customers from 'k6-forge/pool?domain=customer&count=10000&seed=42&locale=de'`
// into a module that carries the pool inside the bundle as one JSON string, parsed once per run in a SharedArray
// callback; `...&file=/data/customers.json` reads a pool file from a mounted folder instead.
import { dirname } from 'node:path';
import type { Plugin } from 'esbuild';
import { ForgeError, refuse, shown } from '../../lib/errors.ts';
import { packageModule } from '../bundle/package-modules.ts';
import { type CheckedPoolSpec, checkPoolSpec, embeddedPoolJson, POOL_DOMAINS, type PoolDomain, poolFile } from './pools.ts';

/** The specifiers a pool import starts with. */
export const POOL_IMPORT_PREFIX = 'k6-forge/pool?';

/** What a pool import asks for: a pool built now and embedded, or a pool file read at init. */
export type PoolImport =
  | { readonly kind: 'embedded'; readonly spec: CheckedPoolSpec }
  | { readonly kind: 'file'; readonly domain: PoolDomain; readonly path: string };

const POOL_MODULE = packageModule('generators/pool');
const KEYS = ['domain', 'count', 'seed', 'locale', 'file'];
const WHOLE = /^\d{1,10}$/;

function bad(specifier: string, given: string, accepted: string): never {
  refuse('invalid_script', { field: specifier, shownAs: given, accepted: accepted });
}

/**
 * Reads a pool import's query: `domain` first (so TypeScript types the import), then `count` (1 to 100,000) with
 * optional `seed` (default 1) and `locale` (default `en_US`), or `file` alone.
 * @param specifier - The import, such as `k6-forge/pool?domain=customer&count=10000&seed=42&locale=de`.
 * @returns What it asks for.
 * @throws {ForgeError} `invalid_script` naming the import and what is wrong with it.
 */
export function parsePoolImport(specifier: string): PoolImport {
  const query = new URLSearchParams(specifier.slice(POOL_IMPORT_PREFIX.length));
  const keys = [...query.keys()];
  if (keys[0] !== 'domain')
    bad(
      specifier,
      'a query that does not start with domain=',
      `domain=<one of ${POOL_DOMAINS.join(', ')}> first, so TypeScript can type the import`,
    );
  for (const key of keys) {
    if (!KEYS.includes(key)) bad(specifier, `the parameter ${shown(key)}`, `only ${KEYS.join(', ')}`);
    if (query.getAll(key).length > 1) bad(specifier, `${key} twice`, 'each parameter once');
  }
  const domain = query.get('domain')!;
  const file = query.get('file');
  if (file !== null) {
    if (keys.length !== 2)
      bad(
        specifier,
        `file with ${keys.filter((k) => k !== 'file' && k !== 'domain').join(', ')}`,
        'file with domain only: the file already holds its records',
      );
    if (file === '') bad(specifier, 'an empty file', 'the path k6 opens, such as /data/customers.json');
    return { kind: 'file', domain: checkPoolSpec({ domain, count: 1 }, specifier).domain, path: file };
  }
  const count = query.get('count');
  if (count === null) bad(specifier, 'no count', 'count=<records, 1 to 100000> (or file=<path> for a pool file)');
  const seed = query.get('seed');
  const whole = (key: string, text: string) =>
    WHOLE.test(text) ? Number(text) : bad(specifier, `${key}=${text}`, `${key}=<a whole number>`);
  const spec = checkPoolSpec(
    {
      domain,
      count: whole('count', count),
      ...(seed === null ? {} : { seed: whole('seed', seed) }),
      ...(query.has('locale') ? { locale: query.get('locale')! } : {}),
    },
    specifier,
  );
  return { kind: 'embedded', spec };
}

/**
 * The JavaScript module a pool import becomes in the bundle.
 * @param poolImport - What the import asks for.
 * @returns Its source (built with faker for an embedded pool): one `embeddedPool(name, "<JSON>")` or `filePool({ path, domain })` call as the default export.
 */
export async function poolModuleSource(poolImport: PoolImport): Promise<string> {
  const from = `import { embeddedPool, filePool } from ${JSON.stringify(POOL_MODULE)};\n`;
  if (poolImport.kind === 'file')
    return `${from}export default filePool(${JSON.stringify({ path: poolImport.path, domain: poolImport.domain })});\n`;
  const { domain, count, seed, locale } = poolImport.spec;
  return `${from}export default embeddedPool(${JSON.stringify(`${domain}-${count}-${seed}-${locale}`)}, ${JSON.stringify(embeddedPoolJson(await poolFile(poolImport.spec)))});\n`;
}

/** The esbuild plugin that resolves `k6-forge/pool?...` imports; a bad query fails the build at the import. */
export const poolImports: Plugin = {
  name: 'k6-forge-pool-imports',
  setup(bundle) {
    bundle.onResolve({ filter: /^k6-forge\/pool\?/ }, ({ path }) => {
      try {
        return { path, namespace: 'k6-forge-pool', pluginData: parsePoolImport(path) };
      } catch (error) {
        if (error instanceof ForgeError) return { errors: [{ text: error.message }] };
        throw error;
      }
    });
    bundle.onLoad({ filter: /.*/, namespace: 'k6-forge-pool' }, async ({ pluginData }) => ({
      contents: await poolModuleSource(pluginData as PoolImport),
      loader: 'js',
      resolveDir: dirname(POOL_MODULE),
    }));
  },
};
