import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { init, parse } from 'es-module-lexer';
import ts from 'typescript';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { buildBundles } from '../src/cli/bundle/build-bundles.ts';

const root = new URL('..', import.meta.url).pathname;
// Inside the repo, so scripts resolve `k6-forge/...` (the package's own name) and `@faker-js/faker` as a user's would.
const scratch = mkdtempSync(join(root, '.scratch-pool-build-'));

beforeAll(() => init);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
afterEach(() => vi.unstubAllGlobals());

/** Builds one script written into the scratch folder and returns its bundle's path and code. */
async function bundle(name: string, source: string): Promise<{ file: string; code: string; bytes: number }> {
  const entry = join(scratch, `${name}.ts`);
  writeFileSync(entry, source);
  const [built] = await buildBundles({ entries: [entry], outdir: join(scratch, `out-${name}`) });
  return { file: built!.file, code: readFileSync(built!.file, 'utf8'), bytes: built!.bytes };
}

/** Evaluates a bundle the way a VU does at init, with the k6 doubles, and returns its exports. */
async function initBundle(file: string, env: Record<string, string>) {
  vi.resetModules();
  vi.stubGlobal('__ENV', env);
  const script = (await import(pathToFileURL(file).href)) as { default: () => unknown };
  const execution = (await import('./doubles/execution.ts')).default;
  const { callsTo } = await import('./doubles/recorder.ts');
  return { script, execution, callsTo };
}

/** Every node of a source file that `match` accepts. */
function nodes<T extends ts.Node>(code: string, match: (node: ts.Node) => node is T): T[] {
  const found: T[] = [];
  const visit = (node: ts.Node) => {
    if (match(node)) found.push(node);
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile('bundle.js', code, ts.ScriptTarget.ES2022, true));
  return found;
}

const POOL_SCRIPT = (query: string) => `import customers from 'k6-forge/pool?${query}';
import { pool } from 'k6-forge/generators';
const source = pool(customers, { pick: 'unique' });
export const options = {};
export default function () { return source.next(); }
`;

describe('a bundle with a pool import', () => {
  test('carries the pool as one JSON string literal, parsed inside the SharedArray callback, and no faker', async () => {
    const { code } = await bundle('embedded', POOL_SCRIPT('domain=customer&count=50&seed=7&locale=de'));
    // embeddedPool(name, json), whether the build left it a function or made it a case of the dispatcher (called once, at init).
    const calls = nodes(code, ts.isCallExpression).filter((call) => {
      const [first] = call.arguments;
      return call.arguments.length === 2 && first !== undefined && ts.isStringLiteralLike(first) && first.text === 'customer-50-7-de';
    });
    expect(calls).toHaveLength(1);
    const [name, json] = calls[0]!.arguments;
    expect(ts.isStringLiteralLike(name!) && name.text).toBe('customer-50-7-de');
    expect(ts.isStringLiteralLike(json!)).toBe(true);
    // Packed: the field paths once, then a row of values per record (see embeddedPoolJson).
    const pool = JSON.parse((json as ts.StringLiteralLike).text) as { domain: string; fields: string[][]; rows: unknown[][] };
    expect([pool.domain, pool.rows.length]).toStrictEqual(['customer', 50]);
    const email = pool.rows[0]![pool.fields.findIndex((path) => path.join('.') === 'email')] as string;
    expect(code.split(email)).toHaveLength(2); // the records are in the bundle once, in that string
    const [sharedArray] = nodes(code, ts.isNewExpression).filter(
      (n) => /^SharedArray\d*$/.test(n.expression.getText()) && n.getText().includes('recordsOf'),
    );
    const callback = sharedArray!.arguments![1]!;
    // recordsOf(json, ...), or its case of the dispatcher, made on the first call and kept.
    expect(ts.isArrowFunction(callback) && callback.body.getText()).toMatch(
      /^(recordsOf\d*|\(recordsOf\d* \|\| \(recordsOf\d* = k6ForgeLazy\(\d+\)\)\))\(json,/,
    );
    const named = (node: ts.Node): node is ts.FunctionDeclaration | ts.FunctionExpression =>
      (ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node)) && /^recordsOf\d*$/.test(node.name?.text ?? '');
    const [recordsOf] = nodes(code, named);
    expect(recordsOf!.getText()).toContain('JSON.parse(text)');
    expect(code).not.toMatch(/faker/i);
    expect(code).not.toContain('open(');
  });

  test('runs at init with the k6 doubles: one SharedArray, and each iteration takes the next unique record', async () => {
    const { file } = await bundle('evaluated', POOL_SCRIPT('domain=customer&count=50&seed=7&locale=de'));
    const { script, execution, callsTo } = await initBundle(file, { SEED: '1' });
    expect(callsTo('k6/data', 'new SharedArray')).toContainEqual(['k6-forge pool customer-50-7-de']);
    const emails = [0, 1, 49].map((iteration) => {
      execution.scenario.iterationInTest = iteration;
      return (script.default() as { email: string }).email;
    });
    expect(new Set(emails).size).toBe(3);
    execution.scenario.iterationInTest = 50;
    expect(() => script.default()).toThrow('record 51 of 50 with pick "unique"');
  });

  test('with file=, reads the mounted file with open() at init and carries no records', async () => {
    const { file, code } = await bundle('mounted', POOL_SCRIPT('domain=ledgerTransfer&file=/data/ledger.json'));
    expect(nodes(code, ts.isStringLiteralLike).filter((literal) => literal.text.length > 500)).toStrictEqual([]);
    expect(code).toMatch(/(filePool\d*|k6ForgeLazy\(\d+\))\(\{ "path": "\/data\/ledger\.json", "domain": "ledgerTransfer" \}\)/);
    const { poolJson } = await import('../src/cli/pools/pools.ts');
    const open = vi.fn(async () => {});
    const text = await poolJson({ domain: 'ledgerTransfer', count: 3 });
    open.mockImplementation(() => text as never);
    vi.stubGlobal('open', open);
    const { script } = await initBundle(file, { SEED: '1' });
    expect(open.mock.calls).toStrictEqual([['/data/ledger.json']]);
    expect(script.default()).toMatchObject({ currency: expect.any(String) });
  });

  test('a bad query fails the build, naming the script line and the import', async () => {
    await expect(bundle('bad-query', POOL_SCRIPT('domain=customer&count=ten'))).rejects.toThrow(
      'k6-forge/pool?domain=customer&count=ten: count=ten is not accepted; expected count=<a whole number>',
    );
  });
});

describe('the no-faker rule', () => {
  const examples = readdirSync(join(root, 'examples'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(root, 'examples', f));

  // Faker alone is about 446 KB; lazily imported modules carry their own copies of the helpers they share.
  test('every example bundle has no faker code and stays under 150 KB', async () => {
    const bundles = await buildBundles({ entries: examples, outdir: join(scratch, 'examples'), sourcemap: 'linked' });
    expect(bundles).toHaveLength(examples.length);
    for (const built of bundles) {
      const code = readFileSync(built.file, 'utf8');
      const { sources } = JSON.parse(readFileSync(`${built.file}.map`, 'utf8')) as { sources: string[] };
      expect(built.bytes, built.file).toBeLessThan(150_000);
      expect(code, built.file).not.toMatch(/faker/i);
      expect(
        sources.filter((s) => s.includes('@faker-js')),
        built.file,
      ).toStrictEqual([]);
    }
  });

  test('a script using every runtime generator stays small and faker-free; one that opts into faker does not', async () => {
    const runtime = await bundle(
      'runtime',
      `import * as g from 'k6-forge/generators';\nexport default function () { return [g.customer(), g.deal(), g.taxCalculationRequest(), g.insuranceLead(), g.flashSaleOrder(), g.ledgerTransfer(), g.crmContact(), g.supportTicket(), g.inventoryItem(), g.credentials()]; }\n`,
    );
    expect(runtime.code).not.toMatch(/faker/i);
    expect(runtime.bytes).toBeLessThan(60_000);
    const withFaker = await bundle(
      'faker',
      `import { fakerEN_US } from '@faker-js/faker';\nimport { fakerCustomer, fakerSource } from 'k6-forge/generators/faker';\nconst s = fakerSource(fakerEN_US, fakerCustomer);\nexport default function () { return s.next(); }\n`,
    );
    expect(withFaker.code).toMatch(/faker/i);
    expect(withFaker.bytes).toBeGreaterThan(150_000);
  });

  test('only bundles that import k6-forge/generators/xk6-faker import k6/x/faker', async () => {
    const imports = (code: string) => parse(code)[0].map((i) => i.n);
    const plain = await bundle(
      'plain-ids',
      `import { uniqueId } from 'k6-forge/generators';\nexport default function () { return uniqueId(); }\n`,
    );
    expect(imports(plain.code)).not.toContain('k6/x/faker');
    const xk6 = await bundle(
      'xk6',
      `import { fakerCustomer } from 'k6-forge/generators/faker';\nimport { xk6FakerSource } from 'k6-forge/generators/xk6-faker';\nconst s = xk6FakerSource(fakerCustomer);\nexport default function () { return s.next(); }\n`,
    );
    expect(imports(xk6.code)).toContain('k6/x/faker');
    expect(xk6.code).not.toMatch(/@faker-js/);
  });
});
