import { readK6Samples } from '../analysis/k6-json-stream.ts';

/** A transfer the load saw acknowledged (201): its id and the idempotency key it was sent with. */
export interface AcknowledgedTransfer {
  readonly transferId: string;
  readonly idempotencyKey: string;
  /** When k6 recorded the acknowledgement, in milliseconds since the epoch. */
  readonly time: number;
}

/** A transfer as the ledger lists it. */
export interface LedgerTransfer {
  readonly transferId: string;
  readonly idempotencyKey: string;
}

/** One second of the load: transfer requests (every retry counted), those that failed, and their latency. */
export interface TimelineSecond {
  /** Seconds from the failover command's start (negative before it). */
  readonly second: number;
  readonly requests: number;
  /** Requests not answered 201: 503s while the ledger was down, timeouts, connection errors. */
  readonly errors: number;
  /** The slowest request's latency in milliseconds; 0 without requests. */
  readonly maxMs: number;
  /** The 95th percentile latency in milliseconds (nearest rank); 0 without requests. */
  readonly p95Ms: number;
}

/** What the load's `--out json` file holds for the drill. */
export interface LoadEvidence {
  readonly acknowledged: readonly AcknowledgedTransfer[];
  /** Every transfer request (each retry its own): when it was sent, its status, its latency. */
  readonly requests: readonly { readonly time: number; readonly status: number; readonly ms: number }[];
  /** Every logical transfer (after its retries): when it ended and whether it was acknowledged. */
  readonly outcomes: readonly { readonly time: number; readonly ok: boolean }[];
}

const WANTED = new Set(['drill_transfers_acknowledged', 'drill_transfer_ok', 'http_req_duration']);

/**
 * Reads the load's k6 `--out json` file: the acknowledged transfers, each transfer request's status and latency,
 * and each logical transfer's outcome.
 * @param path - The file.
 * @returns The evidence, in file order.
 * @throws {ForgeError} `invalid_file` for a missing, empty or malformed file.
 */
export async function readLoadEvidence(path: string): Promise<LoadEvidence> {
  const acknowledged: AcknowledgedTransfer[] = [];
  const requests: { time: number; status: number; ms: number }[] = [];
  const outcomes: { time: number; ok: boolean }[] = [];
  await readK6Samples(path, WANTED, (sample) => {
    const { tags } = sample;
    if (sample.metric === 'drill_transfers_acknowledged') {
      acknowledged.push({ transferId: String(tags['transfer_id']), idempotencyKey: String(tags['idempotency_key']), time: sample.time });
    } else if (sample.metric === 'drill_transfer_ok') {
      outcomes.push({ time: sample.time, ok: sample.value === 1 });
    } else if (tags['endpoint'] === 'transfer_create') {
      requests.push({ time: sample.time, status: Number(tags['status'] ?? 0), ms: sample.value });
    }
  });
  return { acknowledged, requests, outcomes };
}

/** The "no data loss" reconciliation of acknowledged transfers against the ledger. */
export interface Reconciliation {
  /** Transfers acknowledged to k6. */
  readonly acknowledged: number;
  /** Transfers the ledger holds. */
  readonly inLedger: number;
  /** Acknowledged transfers whose id the ledger does not hold: acknowledged, then lost. */
  readonly lost: readonly AcknowledgedTransfer[];
  /** Idempotency keys applied more than once: by the ledger (two transfers for one key) or as seen by k6 (two ids). */
  readonly duplicated: readonly string[];
  /** Ledger transfers whose key k6 never saw acknowledged (a retry that ran out after its first try landed); not a loss. */
  readonly unacknowledgedButApplied: number;
}

/**
 * Checks every acknowledged transfer against the ledger: each must be there under its id, and no idempotency key
 * may have been applied twice.
 * @param acknowledged - What k6 saw acknowledged.
 * @param ledger - Every transfer the ledger holds.
 * @returns The counts and the offending transfers and keys.
 */
export function reconcile(acknowledged: readonly AcknowledgedTransfer[], ledger: readonly LedgerTransfer[]): Reconciliation {
  const ids = new Set(ledger.map((t) => t.transferId));
  const keysInLedger = new Map<string, number>();
  for (const t of ledger) keysInLedger.set(t.idempotencyKey, (keysInLedger.get(t.idempotencyKey) ?? 0) + 1);
  const idsByKey = new Map<string, Set<string>>();
  for (const a of acknowledged) {
    const seen = idsByKey.get(a.idempotencyKey) ?? new Set<string>();
    seen.add(a.transferId);
    idsByKey.set(a.idempotencyKey, seen);
  }
  const duplicated = new Set<string>();
  for (const [key, count] of keysInLedger) if (count > 1) duplicated.add(key);
  for (const [key, seen] of idsByKey) if (seen.size > 1) duplicated.add(key);
  return {
    acknowledged: acknowledged.length,
    inLedger: ledger.length,
    lost: acknowledged.filter((a) => !ids.has(a.transferId)),
    duplicated: [...duplicated].sort(),
    unacknowledgedButApplied: ledger.filter((t) => !idsByKey.has(t.idempotencyKey)).length,
  };
}

/** How the load fared around the failover. */
export interface Recovery {
  /** Failed transfer requests from the command's start on. */
  readonly failedRequests: number;
  /** The first and last failed request, in milliseconds since the epoch; undefined when none failed. */
  readonly firstFailure: number | undefined;
  readonly lastFailure: number | undefined;
  /**
   * From the first failed request (the outage's start) to the first acknowledged request after the last failure, in
   * ms; 0 when none failed; undefined when none succeeded after it.
   */
  readonly recoveryMs: number | undefined;
  /** Logical transfers (after their retries) that ended in the failover window, and how many of those failed. */
  readonly windowTransfers: number;
  readonly windowFailures: number;
}

/**
 * Measures the failover from the transfer requests sent from the command's start on: when they started failing,
 * how long until one was acknowledged again after the last failure (the recovery time), and how many
 * logical transfers failed (after their retries) from the command's start until 10 s after recovery.
 * @param evidence - The load's evidence.
 * @param commandStart - When the failover command started, in milliseconds since the epoch.
 * @returns The recovery time and the failover window's errors.
 */
export function measureRecovery(evidence: LoadEvidence, commandStart: number): Recovery {
  const after = evidence.requests.filter((r) => r.time >= commandStart).sort((a, b) => a.time - b.time);
  const failures = after.filter((r) => r.status !== 201);
  const firstFailure = failures[0]?.time;
  const lastFailure = failures.at(-1)?.time;
  const recovered = lastFailure === undefined ? commandStart : after.find((r) => r.time > lastFailure && r.status === 201)?.time;
  const windowEnd = (recovered ?? Number.POSITIVE_INFINITY) + 10_000;
  const window = evidence.outcomes.filter((o) => o.time >= commandStart && o.time <= windowEnd);
  return {
    failedRequests: failures.length,
    firstFailure,
    lastFailure,
    recoveryMs: recovered === undefined ? undefined : recovered - (firstFailure ?? commandStart),
    windowTransfers: window.length,
    windowFailures: window.filter((o) => !o.ok).length,
  };
}

/**
 * Buckets the transfer requests into seconds around the failover command's start.
 * @param evidence - The load's evidence.
 * @param commandStart - When the command started, in milliseconds since the epoch.
 * @returns One entry per second that had requests, in order.
 */
export function timeline(evidence: LoadEvidence, commandStart: number): TimelineSecond[] {
  const buckets = new Map<number, { status: number; ms: number }[]>();
  for (const r of evidence.requests) {
    const second = Math.floor((r.time - commandStart) / 1000);
    const bucket = buckets.get(second) ?? [];
    bucket.push(r);
    buckets.set(second, bucket);
  }
  return [...buckets.entries()]
    .sort(([a], [b]) => a - b)
    .map(([second, bucket]) => {
      const sorted = bucket.map((r) => r.ms).sort((a, b) => a - b);
      return {
        second,
        requests: bucket.length,
        errors: bucket.filter((r) => r.status !== 201).length,
        maxMs: sorted.at(-1) ?? 0,
        p95Ms: sorted[Math.max(0, Math.ceil(sorted.length * 0.95) - 1)] ?? 0,
      };
    });
}
