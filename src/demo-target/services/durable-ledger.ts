import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import { ForgeError } from '../../lib/errors.ts';
import { type AccountState, sameTransfer, type TransferRejection, type TransferRequest } from './ledger.ts';

/** A transfer as the durable ledger stores it. */
export interface StoredTransfer {
  readonly transferId: string;
  readonly idempotencyKey: string;
  readonly fromAccount: string;
  readonly toAccount: string;
  readonly amountMinor: number;
  readonly currency: string;
  /** When it was committed (or, acknowledged before commit, accepted), as an ISO 8601 time. */
  readonly createdAt: string;
}

/** What a transfer request gets: the stored transfer (with whether it repeats an earlier answer), or a refusal. */
export type DurableOutcome = (StoredTransfer & { readonly kind: 'applied'; readonly replay: boolean }) | TransferRejection;

/** Options of {@link DurableLedger}. */
export interface DurableLedgerOptions {
  /** The SQLite database file; created when missing. */
  readonly file: string;
  /**
   * The deliberately broken variant: answer a transfer before it is written, and write the transfers accepted so far
   * every `flushMs`, so a SIGKILL loses the ones acknowledged since the last write. For the drill's test that it
   * catches a loss; never the default.
   * @default false
   */
  readonly ackBeforeCommit?: boolean;
  /** How often the broken variant writes what it acknowledged. @default 500 */
  readonly flushMs?: number;
  /** Accounts opened (when missing) at start, in minor units of EUR. @default { 'acc-demo': 1_000_000_000_000 } */
  readonly accounts?: Readonly<Record<string, number>>;
}

/**
 * Loads better-sqlite3, an optional dependency used by the ledger process alone, so nothing else pays for it.
 * @returns The Database constructor.
 * @throws {ForgeError} `invalid_option` naming the package when it is not installed.
 */
function loadSqlite(): typeof BetterSqlite3 {
  try {
    return createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
  } catch (error) {
    throw new ForgeError('invalid_option', {
      field: 'better-sqlite3',
      given: `a package that does not load (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`,
      accepted: 'better-sqlite3 version 12 installed (npm install better-sqlite3@12; version 13 does not run on Node 20)',
    });
  }
}

interface TransferRow {
  transfer_id: string;
  idempotency_key: string;
  from_account: string;
  to_account: string;
  amount_minor: number;
  currency: string;
  created_at: string;
}

const toTransfer = (row: TransferRow): StoredTransfer => ({
  transferId: row.transfer_id,
  idempotencyKey: row.idempotency_key,
  fromAccount: row.from_account,
  toAccount: row.to_account,
  amountMinor: row.amount_minor,
  currency: row.currency,
  createdAt: row.created_at,
});

/**
 * The demo ledger with durable storage: accounts and transfers in an embedded SQLite database (WAL, synchronous
 * FULL), each transfer written with its balance changes in one transaction before it is answered, once per
 * idempotency key (a unique index). A SIGKILL of its process loses nothing it acknowledged, unless it runs as the
 * broken variant (`ackBeforeCommit`).
 */
export class DurableLedger {
  readonly #db: BetterSqlite3.Database;
  readonly #byKey: BetterSqlite3.Statement<[string], TransferRow>;
  readonly #byId: BetterSqlite3.Statement<[string], TransferRow>;
  readonly #apply: (key: string, request: TransferRequest, transferId: string, createdAt: string) => TransferRejection | undefined;
  readonly #pending = new Map<string, StoredTransfer>();
  readonly #flushTimer: NodeJS.Timeout | undefined;

  /**
   * Opens (or creates) the database.
   * @param options - The file, the broken variant, the accounts opened at start.
   * @throws {ForgeError} `invalid_option` when better-sqlite3 is not installed.
   */
  constructor(options: DurableLedgerOptions) {
    const Database = loadSqlite();
    const db = new Database(options.file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec(`
      CREATE TABLE IF NOT EXISTS accounts (account_id TEXT PRIMARY KEY, balance_minor INTEGER NOT NULL, currency TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS transfers (
        transfer_id TEXT PRIMARY KEY, idempotency_key TEXT NOT NULL, from_account TEXT NOT NULL, to_account TEXT NOT NULL,
        amount_minor INTEGER NOT NULL, currency TEXT NOT NULL, created_at TEXT NOT NULL, seq INTEGER NOT NULL);
      CREATE UNIQUE INDEX IF NOT EXISTS transfers_by_key ON transfers (idempotency_key);`);
    const open = db.prepare('INSERT OR IGNORE INTO accounts (account_id, balance_minor, currency) VALUES (?, ?, ?)');
    for (const [account, balance] of Object.entries(options.accounts ?? { 'acc-demo': 1_000_000_000_000 }))
      open.run(account, balance, 'EUR');
    this.#db = db;
    this.#byKey = db.prepare('SELECT * FROM transfers WHERE idempotency_key = ?');
    this.#byId = db.prepare('SELECT * FROM transfers WHERE transfer_id = ?');
    const account = db.prepare<[string], { balance_minor: number; currency: string }>(
      'SELECT balance_minor, currency FROM accounts WHERE account_id = ?',
    );
    const credit = db.prepare(
      'INSERT INTO accounts (account_id, balance_minor, currency) VALUES (?, ?, ?) ON CONFLICT(account_id) DO UPDATE SET balance_minor = balance_minor + excluded.balance_minor',
    );
    const debit = db.prepare('UPDATE accounts SET balance_minor = balance_minor - ? WHERE account_id = ?');
    const insert = db.prepare(
      'INSERT INTO transfers (transfer_id, idempotency_key, from_account, to_account, amount_minor, currency, created_at, seq) VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT COUNT(*) FROM transfers) + 1)',
    );
    this.#apply = db.transaction((key: string, request: TransferRequest, transferId: string, createdAt: string) => {
      const from = account.get(request.fromAccount);
      if (!from) return { kind: 'unknown_account' } as const;
      if (from.currency !== request.currency) return { kind: 'currency_mismatch' } as const;
      if (from.balance_minor < request.amountMinor) return { kind: 'insufficient_funds' } as const;
      const to = account.get(request.toAccount);
      if (to && to.currency !== request.currency) return { kind: 'currency_mismatch' } as const;
      debit.run(request.amountMinor, request.fromAccount);
      credit.run(request.toAccount, request.amountMinor, request.currency);
      insert.run(transferId, key, request.fromAccount, request.toAccount, request.amountMinor, request.currency, createdAt);
      return undefined;
    });
    if (options.ackBeforeCommit) {
      this.#flushTimer = setInterval(() => this.#flush(), options.flushMs ?? 500);
    }
  }

  /** Writes the transfers the broken variant acknowledged and has not written yet. */
  #flush(): void {
    for (const [key, transfer] of this.#pending) {
      this.#apply(key, transfer, transfer.transferId, transfer.createdAt);
      this.#pending.delete(key);
    }
  }

  /**
   * Applies a transfer once per idempotency key, in one transaction with its balance changes; the destination
   * account is opened on first credit.
   * @param key - The idempotency key.
   * @param request - Accounts, amount and currency (checked by the caller).
   * @returns The stored transfer (a replay for a key seen before, with the first answer's id), or why it was refused.
   */
  transfer(key: string, request: TransferRequest): DurableOutcome {
    const earlier = this.#pending.get(key) ?? this.#transferWhere(this.#byKey, key);
    if (earlier) {
      const same = sameTransfer(earlier, request);
      return same ? { kind: 'applied', ...earlier, replay: true } : { kind: 'key_conflict' };
    }
    const stored: StoredTransfer = {
      transferId: `tx-${randomUUID()}`,
      idempotencyKey: key,
      ...pick(request),
      createdAt: new Date().toISOString(),
    };
    if (this.#flushTimer) {
      // The broken variant: acknowledged now, written at the next flush (or never, after a SIGKILL).
      this.#pending.set(key, stored);
      return { kind: 'applied', ...stored, replay: false };
    }
    const refused = this.#apply(key, request, stored.transferId, stored.createdAt);
    return refused ?? { kind: 'applied', ...stored, replay: false };
  }

  /**
   * Reads one transfer.
   * @param transferId - Its id.
   * @returns The transfer, or undefined when the ledger holds none with that id.
   */
  transferById(transferId: string): StoredTransfer | undefined {
    return [...this.#pending.values()].find((t) => t.transferId === transferId) ?? this.#transferWhere(this.#byId, transferId);
  }

  /**
   * Lists every stored transfer, in the order they were written.
   * @returns The transfers (the broken variant's unwritten ones last).
   */
  transfers(): StoredTransfer[] {
    const rows = this.#db.prepare<[], TransferRow>('SELECT * FROM transfers ORDER BY seq').all();
    return [...rows.map(toTransfer), ...this.#pending.values()];
  }

  /**
   * Reads an account.
   * @param accountId - The account.
   * @returns Its state, or undefined when it does not exist.
   */
  account(accountId: string): AccountState | undefined {
    const row = this.#db
      .prepare<[string], { balance_minor: number; currency: string }>('SELECT balance_minor, currency FROM accounts WHERE account_id = ?')
      .get(accountId);
    return row && { accountId, balanceMinor: row.balance_minor, currency: row.currency };
  }

  /** Writes what is pending and closes the database. */
  close(): void {
    if (this.#flushTimer) clearInterval(this.#flushTimer);
    this.#flush();
    this.#db.close();
  }

  #transferWhere(statement: BetterSqlite3.Statement<[string], TransferRow>, value: string): StoredTransfer | undefined {
    const row = statement.get(value);
    return row && toTransfer(row);
  }
}

function pick({ fromAccount, toAccount, amountMinor, currency }: TransferRequest): TransferRequest {
  return { fromAccount, toAccount, amountMinor, currency };
}
