import { BoundedMap } from './bounded-map.ts';

/** How many transfers' idempotency keys the ledger remembers; a replay of an older key is applied again. */
const KEYS_KEPT = 100_000;

/** A transfer the ledger applied: what the caller gets back, again on an idempotent retry. */
export interface AppliedTransfer {
  readonly kind: 'applied';
  readonly transferId: string;
  readonly fromAccount: string;
  readonly toAccount: string;
  readonly amountMinor: number;
  readonly currency: string;
  /** True when this answer repeats an earlier one for the same idempotency key. */
  readonly replay: boolean;
}

/** Why the ledger refused a transfer. */
export interface TransferRejection {
  readonly kind: 'unknown_account' | 'key_conflict' | 'insufficient_funds' | 'currency_mismatch';
}

/** One transfer request, as the gateway receives it (docs/requirements.md, 000). */
export interface TransferRequest {
  readonly fromAccount: string;
  readonly toAccount: string;
  readonly amountMinor: number;
  readonly currency: string;
}

/**
 * Whether a repeated idempotency key asks for the same transfer as the first request with it.
 * @param earlier - The transfer stored under the key.
 * @param request - The request that repeats the key.
 * @returns True when the accounts, amount and currency are the same (a replay), false for a key conflict.
 */
export function sameTransfer(earlier: TransferRequest, request: TransferRequest): boolean {
  return (
    earlier.fromAccount === request.fromAccount &&
    earlier.toAccount === request.toAccount &&
    earlier.amountMinor === request.amountMinor &&
    earlier.currency === request.currency
  );
}

/** An account's state. */
export interface AccountState {
  readonly accountId: string;
  readonly balanceMinor: number;
  readonly currency: string;
}

/** How many transfers the ledger applied and how many retries it answered without applying again. */
export interface LedgerStats {
  readonly applied: number;
  readonly replays: number;
  readonly conflicts: number;
}

interface Account {
  readonly currency: string;
  balanceMinor: number;
}

/**
 * A ledger with no I/O: balances in minor units, and transfers applied once per idempotency key.
 * Every decision is synchronous, so concurrent retries cannot apply a transfer twice.
 */
export class Ledger {
  readonly #accounts = new Map<string, Account>();
  // The idempotency window: a key older than the latest KEYS_KEPT transfers is forgotten, so memory stays flat.
  readonly #byId = new BoundedMap<string, AppliedTransfer>(KEYS_KEPT);
  readonly #byKey = new BoundedMap<string, AppliedTransfer>(KEYS_KEPT);
  #stats = { applied: 0, replays: 0, conflicts: 0 };

  /**
   * Opens (or refills) an account.
   * @param accountId - The account.
   * @param balanceMinor - Its balance in minor units.
   * @param currency - Its ISO 4217 currency.
   */
  fund(accountId: string, balanceMinor: number, currency: string): void {
    this.#accounts.set(accountId, { balanceMinor, currency });
  }

  /**
   * Reads an account.
   * @param accountId - The account.
   * @returns Its state, or undefined when it does not exist.
   */
  account(accountId: string): AccountState | undefined {
    const account = this.#accounts.get(accountId);
    return account && { accountId, balanceMinor: account.balanceMinor, currency: account.currency };
  }

  /**
   * Applies a transfer once per idempotency key; the destination account is opened on first credit.
   * @param key - The idempotency key.
   * @param request - Accounts, amount and currency (checked by the caller).
   * @returns The applied transfer (a replay for a repeated key), or why it was refused.
   */
  transfer(key: string, request: TransferRequest): AppliedTransfer | TransferRejection {
    const earlier = this.#byKey.get(key);
    if (earlier) {
      const same = sameTransfer(earlier, request);
      if (!same) {
        this.#stats.conflicts += 1;
        return { kind: 'key_conflict' };
      }
      this.#stats.replays += 1;
      return { ...earlier, replay: true };
    }
    const from = this.#accounts.get(request.fromAccount);
    if (!from) return { kind: 'unknown_account' };
    if (from.currency !== request.currency) return { kind: 'currency_mismatch' };
    if (from.balanceMinor < request.amountMinor) return { kind: 'insufficient_funds' };
    let to = this.#accounts.get(request.toAccount);
    if (!to) {
      to = { balanceMinor: 0, currency: request.currency };
      this.#accounts.set(request.toAccount, to);
    }
    if (to.currency !== request.currency) return { kind: 'currency_mismatch' };
    from.balanceMinor -= request.amountMinor;
    to.balanceMinor += request.amountMinor;
    this.#stats.applied += 1;
    const applied: AppliedTransfer = { kind: 'applied', transferId: `tx-${this.#stats.applied}`, ...request, replay: false };
    this.#byKey.set(key, applied);
    this.#byId.set(applied.transferId, applied);
    return applied;
  }

  /**
   * Reads one of the latest 100,000 transfers back.
   * @param transferId - Its id, as the transfer's answer gave it.
   * @returns The transfer, or undefined when the ledger applied none with that id (or forgot it).
   */
  transferById(transferId: string): AppliedTransfer | undefined {
    return this.#byId.get(transferId);
  }

  /**
   * Counts applied transfers, replays and key conflicts since start.
   * @returns The counts.
   */
  stats(): LedgerStats {
    return { ...this.#stats };
  }
}
