import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, test, vi } from 'vitest';
import { checkPoolSpec, embeddedPoolJson, POOL_DOMAINS, poolFile, poolJson, writePool } from '../src/cli/pools/pools.ts';
import { parsePoolImport } from '../src/cli/pools/pools-import.ts';
import type { LedgerTransfer } from '../src/generators/index.ts';
import { loadVu } from './support/seeded-runs.ts';

const scratch = mkdtempSync(join(tmpdir(), 'k6-forge-pools-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
afterEach(() => vi.unstubAllGlobals());

const SIZE = 10;
const json = await poolJson({ domain: 'ledgerTransfer', count: SIZE, seed: 3 });
const records = (JSON.parse(json) as { records: LedgerTransfer[] }).records;

/** A simulated VU holding the 10-record pool, as its bundle would at init. */
async function vuWithPool(vu = 1, seed = '42') {
  const simulated = await loadVu({ seed, vu });
  const data = simulated.generators.embeddedPool<LedgerTransfer>('ledger', json);
  return { ...simulated, data };
}

/** The indexes of the records a source returns. */
const indexOf = (record: LedgerTransfer) => records.findIndex((r) => r.idempotencyKey === record.idempotencyKey);

describe('pool files made in Node with faker', () => {
  test('the same spec makes the same JSON; another seed or locale makes other records', async () => {
    const spec = { domain: 'customer', count: 50, seed: 9, locale: 'de' };
    expect(await poolJson(spec)).toBe(await poolJson(spec));
    expect(await poolJson({ ...spec, seed: 10 })).not.toBe(await poolJson(spec));
    expect(await poolJson({ ...spec, locale: 'fr' })).not.toBe(await poolJson(spec));
  });

  test.each(POOL_DOMAINS)('%s: a pool holds count records, says what made it, and repeats no unique value', async (domain) => {
    const file = await poolFile({ domain, count: 500, seed: 4, locale: 'en_GB' });
    expect({ ...file, records: file.records.length }).toStrictEqual({
      format: 'k6-forge-pool',
      domain,
      seed: 4,
      locale: 'en_GB',
      count: 500,
      records: 500,
    });
    const text = JSON.stringify(file.records);
    const uniques = text.match(/"(email|requesterEmail|username|idempotencyKey|stockNumber|dealNumber)":"[^"]+"/g) ?? [];
    expect(new Set(uniques).size).toBe(uniques.length);
  });

  test('pools of two domains made with one seed share no e-mail', async () => {
    const emails = async (domain: string) => new Set((await poolJson({ domain, count: 300, seed: 1 })).match(/[a-z0-9.-]+@example\.com/g));
    const people = await emails('person');
    for (const email of await emails('insuranceLead')) expect(people.has(email)).toBe(false);
  });

  test.each([
    [
      { domain: 'customers', count: 1 },
      'pool: domain: "customers" is not accepted; expected one of person, credentials, postalAddress, customer',
    ],
    [{ domain: 'customer', count: 0 }, 'pool: count: 0 is not accepted; expected a whole number from 1 to 100000'],
    [{ domain: 'customer', count: 100_001 }, 'pool: count: 100001 is not accepted'],
    [{ domain: 'customer', count: 1, seed: -1 }, 'pool: seed: -1 is not accepted; expected a whole number from 0 to 4294967295'],
    [{ domain: 'customer', count: 1, locale: 'de-DE' }, 'pool: locale: "de-DE" is not accepted; expected a faker locale such as en_US'],
    [{ domain: 'customer', count: 1, locale: 'base' }, 'pool: locale: "base" is not accepted'],
  ])('checkPoolSpec refuses %j', (spec, message) => {
    expect(() => checkPoolSpec(spec)).toThrow(message);
  });

  test('poolFile refuses a locale faker does not have', async () => {
    await expect(poolFile({ domain: 'person', count: 1, locale: 'xx' })).rejects.toThrow(
      'pool: locale: "xx" is not accepted; expected a faker locale',
    );
  });

  test('writePool writes the pool whole, making missing folders, and returns its size', async () => {
    const file = join(scratch, 'data', 'people.json');
    const written = await writePool({ domain: 'person', count: 20, seed: 5, file });
    const text = readFileSync(file, 'utf8');
    expect(written).toStrictEqual({ file, count: 20, bytes: Buffer.byteLength(text) });
    expect(text).toBe(await poolJson({ domain: 'person', count: 20, seed: 5 }));
  });
});

describe('embedded pools', () => {
  test.each(POOL_DOMAINS)('%s: the embedded JSON rebuilds the same records, keys in the same order', async (domain) => {
    const file = await poolFile({ domain, count: 50, seed: 8 });
    const { generators } = await loadVu();
    const rebuilt = generators.embeddedPool(domain, embeddedPoolJson(file)).records;
    expect(JSON.stringify(rebuilt)).toBe(JSON.stringify(file.records));
  });

  test('records of one shape are written as field paths once and a row of values each: the customer pool about 40% smaller', async () => {
    const file = await poolFile({ domain: 'customer', count: 1_000, seed: 42 });
    const packed = JSON.parse(embeddedPoolJson(file)) as { fields: string[][]; rows: unknown[][]; records?: unknown };
    expect(packed.records).toBeUndefined();
    expect(packed.fields).toContainEqual(['address', 'city']);
    expect(packed.rows).toHaveLength(1_000);
    expect(embeddedPoolJson(file).length / JSON.stringify(file).length).toBeLessThan(0.65);
  });

  test('records of different shapes, empty objects, arrays and nulls are embedded as they are, and read back the same', async () => {
    const base = { format: 'k6-forge-pool', domain: 'person', seed: 1, locale: 'en_US' } as const;
    const uniform = {
      ...base,
      count: 2,
      records: [
        { a: { b: 1, c: [1, 2] }, d: {}, e: null },
        { a: { b: 2, c: [] }, d: {}, e: 'x' },
      ],
    };
    const mixed = { ...base, count: 2, records: [{ a: 1 }, { a: 1, b: 2 }] };
    expect(JSON.parse(embeddedPoolJson(uniform))).toMatchObject({ fields: [['a', 'b'], ['a', 'c'], ['d'], ['e']] });
    expect(embeddedPoolJson(mixed)).toBe(JSON.stringify(mixed));
    const { generators } = await loadVu();
    for (const file of [uniform, mixed]) {
      expect(JSON.stringify(generators.embeddedPool('shapes', embeddedPoolJson(file)).records)).toBe(JSON.stringify(file.records));
    }
  });

  test('refuses rows that do not match the fields', async () => {
    const { generators } = await loadVu();
    const bad = JSON.stringify({ format: 'k6-forge-pool', domain: 'person', fields: [['a'], ['b']], rows: [[1, 2], [3]] });
    expect(() => generators.embeddedPool('bad', bad).records).toThrow('bad: data that is not a k6-forge pool with records is not accepted');
  });
});

describe('pool imports', () => {
  test('read domain, count, seed and locale, with defaults', () => {
    expect(parsePoolImport('k6-forge/pool?domain=customer&count=10000&seed=42&locale=de')).toStrictEqual({
      kind: 'embedded',
      spec: { domain: 'customer', count: 10000, seed: 42, locale: 'de' },
    });
    expect(parsePoolImport('k6-forge/pool?domain=vehicle&count=5')).toStrictEqual({
      kind: 'embedded',
      spec: { domain: 'vehicle', count: 5, seed: 1, locale: 'en_US' },
    });
    expect(parsePoolImport('k6-forge/pool?domain=customer&file=/data/customers.json')).toStrictEqual({
      kind: 'file',
      domain: 'customer',
      path: '/data/customers.json',
    });
  });

  test.each([
    ['k6-forge/pool?count=5&domain=customer', 'a query that does not start with domain= is not accepted; expected domain=<one of person'],
    [
      'k6-forge/pool?domain=customer&count=5&size=3',
      'the parameter "size" is not accepted; expected only domain, count, seed, locale, file',
    ],
    ['k6-forge/pool?domain=customer&count=5&count=6', 'count twice is not accepted; expected each parameter once'],
    ['k6-forge/pool?domain=customer&file=/x.json&count=5', 'file with count is not accepted; expected file with domain only'],
    ['k6-forge/pool?domain=customer&seed=1', 'no count is not accepted; expected count=<records, 1 to 100000>'],
    ['k6-forge/pool?domain=customer&count=ten', 'count=ten is not accepted; expected count=<a whole number>'],
    ['k6-forge/pool?domain=customer&count=0', 'count: 0 is not accepted; expected a whole number from 1 to 100000'],
    ['k6-forge/pool?domain=lead&count=5', 'domain: "lead" is not accepted'],
  ])('refuse %s', (specifier, message) => {
    expect(() => parsePoolImport(specifier)).toThrow(`${specifier}: ${message}`);
  });

  test('pool-imports.d.ts types an import for every domain', () => {
    const declarations = readFileSync(new URL('../src/generators/pool-imports.d.ts', import.meta.url), 'utf8');
    const declared = [...declarations.matchAll(/declare module 'k6-forge\/pool\?domain=(\w+)&\*'/g)].map((m) => m[1]);
    expect(declared).toStrictEqual(POOL_DOMAINS);
  });
});

describe('pool: pick strategies in k6', () => {
  test('embeddedPool parses the JSON once, in a SharedArray callback, named after the pool', async () => {
    const { data } = await vuWithPool();
    const { callsTo } = await import('./doubles/recorder.ts');
    expect(callsTo('k6/data', 'new SharedArray').filter(([name]) => !String(name).startsWith('k6-forge seed'))).toStrictEqual([
      ['k6-forge pool ledger'],
    ]);
    expect([...data.records]).toStrictEqual(records);
  });

  test('unique: one record per iteration in the whole run, then a clear error', async () => {
    const { generators, data, at } = await vuWithPool();
    const source = generators.pool(data, { pick: 'unique' });
    const seen = Array.from({ length: SIZE }, (_, i) => {
      at(i);
      return indexOf(source.next());
    });
    expect(seen).toStrictEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    at(SIZE);
    expect(() => source.next()).toThrow(
      'ledger: record 11 of 10 with pick "unique" is not accepted; expected at most 10 records in a run; build a bigger pool, run fewer iterations, or set recycle: true',
    );
  });

  test('unique: iterations of other VUs (iterationInTest) take their own records', async () => {
    const one = await vuWithPool(1);
    const first = one.generators.pool(one.data, { pick: 'unique' });
    one.at(3);
    const two = await vuWithPool(2);
    const second = two.generators.pool(two.data, { pick: 'unique' });
    two.at(4);
    expect([indexOf(first.next()), indexOf(second.next())]).toStrictEqual([3, 4]);
  });

  test('unique with recycle starts over; perIteration takes several records per iteration and no more', async () => {
    const { generators, data, at } = await vuWithPool();
    const recycled = generators.pool(data, { pick: 'unique', recycle: true });
    at(12);
    expect(indexOf(recycled.next())).toBe(2);
    const pairs = generators.pool(data, { pick: 'unique', perIteration: 2 });
    at(3);
    expect([indexOf(pairs.next()), indexOf(pairs.next())]).toStrictEqual([6, 7]);
    expect(() => pairs.next()).toThrow(
      'ledger: perIteration: 3 records in one iteration is not accepted; expected at most 2; raise perIteration',
    );
    at(4);
    expect(indexOf(pairs.next())).toBe(8);
  });

  test('random: seeded by SEED, VU and iteration, and every record can come up', async () => {
    const pickAt = async (vu: number) => {
      const { generators, data, at } = await vuWithPool(vu);
      const source = generators.pool(data, { pick: 'random' });
      return Array.from({ length: 200 }, (_, i) => {
        at(i);
        return indexOf(source.next());
      });
    };
    const first = await pickAt(1);
    expect(await pickAt(1)).toStrictEqual(first);
    expect(await pickAt(2)).not.toStrictEqual(first);
    expect(new Set(first).size).toBe(SIZE);
  });

  test('circular: each VU walks the pool in order from its own record, wrapping around', async () => {
    const { generators, data } = await vuWithPool(3);
    const source = generators.pool(data, { pick: 'circular' });
    expect(Array.from({ length: 12 }, () => indexOf(source.next()))).toStrictEqual([2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3]);
  });

  test('shard: disjoint slices, one per VU, each walked in order', async () => {
    const slices: number[][] = [];
    for (let vu = 1; vu <= 5; vu += 1) {
      const { generators, data } = await vuWithPool(vu);
      const source = generators.pool(data, { pick: 'shard', vus: 5 });
      slices.push(Array.from({ length: 3 }, () => indexOf(source.next())));
    }
    expect(slices).toStrictEqual([
      [0, 1, 0],
      [2, 3, 2],
      [4, 5, 4],
      [6, 7, 6],
      [8, 9, 8],
    ]);
  });

  test('shard: refuses more VUs than records, and a VU beyond the count it was split for', async () => {
    const { generators, data } = await vuWithPool(6);
    expect(() => generators.pool(data, { pick: 'shard', vus: 11 })).toThrow('ledger: vus: 11 is not accepted; expected at most 10');
    expect(() => generators.pool(data, { pick: 'shard', vus: 5 }).next()).toThrow('ledger: VU 6 is not accepted; expected VUs 1 to 5');
  });

  test('refuses an unknown pick and data that is not a pool', async () => {
    const { generators, data } = await vuWithPool();
    expect(() => generators.pool(data, { pick: 'sequential' } as never)).toThrow(
      `ledger: pick: "sequential" is not accepted; expected pick: 'unique', 'random', 'circular' or 'shard'`,
    );
    expect(() => generators.embeddedPool('broken', '{"records": []}')).toThrow(
      'broken: data that is not a k6-forge pool with records is not accepted',
    );
  });

  test('filePool reads the file with open() inside the SharedArray callback and checks its domain', async () => {
    const { generators } = await loadVu();
    const open = vi.fn(() => json);
    vi.stubGlobal('open', open);
    const data = generators.filePool<LedgerTransfer>({ path: '/data/ledger.json', domain: 'ledgerTransfer' });
    expect(open.mock.calls).toStrictEqual([['/data/ledger.json']]);
    expect(data.records).toHaveLength(SIZE);
    expect(() => generators.filePool({ path: '/data/other.json', domain: 'customer' })).toThrow(
      '/data/other.json: a pool of "ledgerTransfer" records is not accepted; expected a pool of "customer" records',
    );
  });
});
