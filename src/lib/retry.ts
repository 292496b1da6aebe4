import { parseDuration } from './duration.ts';
import { invalidOption } from './errors.ts';

/** Opt-in retries for idempotent requests. */
export interface RetryPolicy {
  /** Tries in all, the first included; at least 2. */
  readonly attempts: number;
  /** The wait before the first retry, in k6 duration syntax. @default "100ms" */
  readonly backoff?: string;
  /** How much each wait grows over the last. @default 2 */
  readonly factor?: number;
  /** Statuses worth another try; 0 is a network error or timeout. @default [0, 502, 503, 504] */
  readonly on?: readonly number[];
}

/** A retry policy checked and turned into waits. */
export interface RetrySchedule {
  /** The statuses that are retried. */
  readonly on: readonly number[];
  /** The wait before each retry, in seconds (for k6's `sleep`). */
  readonly waits: readonly number[];
}

/**
 * Checks a retry policy and computes its waits.
 * @param policy - The policy.
 * @param field - Where it was declared, named in errors.
 * @returns The statuses to retry and the wait before each retry.
 * @throws {ForgeError} `invalid_option` for fewer than 2 attempts, a bad backoff or a factor below 1.
 */
export function retrySchedule(policy: RetryPolicy, field: string): RetrySchedule {
  const { attempts, backoff = '100ms', factor = 2, on = [0, 502, 503, 504] } = policy;
  if (!(Number.isInteger(attempts) && attempts >= 2 && attempts <= 10)) {
    invalidOption(`${field}.attempts`, attempts, 'a whole number from 2 to 10');
  }
  if (!(Number.isFinite(factor) && factor >= 1)) {
    invalidOption(`${field}.factor`, factor, 'a number of 1 or more');
  }
  const firstMs = parseDuration(backoff, `${field}.backoff`);
  return { on: [...on], waits: Array.from({ length: attempts - 1 }, (_, i) => Math.round(firstMs * factor ** i) / 1000) };
}
