// Type tests, run by vitest's typecheck mode (never executed): a pool import is typed by its domain, and pool options
// by their pick.
import { type Customer, type LedgerTransfer, pool, type Source } from 'k6-forge/generators';
import customers from 'k6-forge/pool?domain=customer&count=10&seed=42&locale=de';
import ledger from 'k6-forge/pool?domain=ledgerTransfer&file=/data/ledger.json';
import { describe, expectTypeOf, test } from 'vitest';

describe('pool types', () => {
  test('a pool import is typed by its domain, and the source by its records', () => {
    expectTypeOf(pool(customers, { pick: 'unique', recycle: true, perIteration: 2 })).toEqualTypeOf<Source<Customer>>();
    expectTypeOf(pool(ledger, { pick: 'shard', vus: 10 })).toEqualTypeOf<Source<LedgerTransfer>>();
  });

  test('refuses another domain’s records', () => {
    // @ts-expect-error a ledger pool holds no customers
    const wrongRecords: Source<Customer> = pool(ledger, { pick: 'random' });
    expectTypeOf(wrongRecords).toEqualTypeOf<Source<Customer>>();
  });

  test('refuses options that do not belong to the pick', () => {
    // @ts-expect-error shard needs the test's most VUs
    pool(customers, { pick: 'shard' });
    // @ts-expect-error recycle belongs to unique
    pool(customers, { pick: 'circular', recycle: true });
  });
});
