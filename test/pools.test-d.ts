// Type tests (checked by `tsc --noEmit`, not run): a pool import is typed by its domain, and pool options by their pick.
import customers from 'k6-forge/pool?domain=customer&count=10&seed=42&locale=de';
import ledger from 'k6-forge/pool?domain=ledgerTransfer&file=/data/ledger.json';
import { pool, type Customer, type LedgerTransfer, type Source } from 'k6-forge/generators';

export const customerSource: Source<Customer> = pool(customers, { pick: 'unique', recycle: true, perIteration: 2 });
export const ledgerSource: Source<LedgerTransfer> = pool(ledger, { pick: 'shard', vus: 10 });

// @ts-expect-error a ledger pool holds no customers
export const wrongRecords: Source<Customer> = pool(ledger, { pick: 'random' });

// @ts-expect-error shard needs the test's most VUs
pool(customers, { pick: 'shard' });

// @ts-expect-error recycle belongs to unique
pool(customers, { pick: 'circular', recycle: true });
