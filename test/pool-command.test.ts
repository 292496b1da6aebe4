import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { cli } from './support/cli.ts';

const scratch = mkdtempSync(join(tmpdir(), 'k6-forge-pool-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('k6-forge pool', () => {
  test('writes a seeded pool file that replays: same seed, same records', async () => {
    const first = join(scratch, 'a', 'customers.json');
    const second = join(scratch, 'b', 'customers.json');
    expect(await cli('pool', 'customer', '--count', '50', '--seed', '7', '--locale', 'de', '--out', first)).toMatchObject({ code: 0 });
    await cli('pool', 'customer', '--count', '50', '--seed', '7', '--locale', 'de', '--out', second);
    const pool = JSON.parse(readFileSync(first, 'utf8')) as { format: string; domain: string; count: number; records: unknown[] };
    expect(pool).toMatchObject({ format: 'k6-forge-pool', domain: 'customer', count: 50, locale: 'de', seed: 7 });
    expect(pool.records).toHaveLength(50);
    expect(readFileSync(second, 'utf8')).toBe(readFileSync(first, 'utf8'));
  });

  test('keeps an existing file unless --force', async () => {
    const file = join(scratch, 'kept.json');
    writeFileSync(file, 'precious');
    const refused = await cli('pool', 'vehicle', '--count', '3', '--out', file);
    expect(refused.code).toBe(2);
    expect(refused.messages).toContain('a file that already exists is not accepted; expected a path that is free, or --force');
    expect(readFileSync(file, 'utf8')).toBe('precious');
    expect((await cli('pool', 'vehicle', '--count', '3', '--out', file, '--force')).code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ domain: 'vehicle', count: 3 });
  });

  test.each([
    [['pool', 'spaceship', '--count', '3', '--out', 'x.json'], 'domain: "spaceship" is not accepted; expected one of'],
    [['pool', 'customer', '--out', 'x.json'], '--count: nothing is not accepted'],
    [['pool', 'customer', '--count', 'many', '--out', 'x.json'], '--count: "many" is not accepted; expected a whole number'],
    [['pool', 'customer', '--count', '3'], '--out: nothing is not accepted'],
  ])('%j exits 2 naming the problem', async (argv, message) => {
    const { code, messages } = await cli(...argv);
    expect(code).toBe(2);
    expect(messages).toContain(message);
  });
});
