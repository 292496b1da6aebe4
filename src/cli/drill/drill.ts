import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isRecord } from '../../lib/is-record.ts';
import { runScript } from '../runner/run-script.ts';
import { runSmokeCheck, type SmokeCheckResult } from '../smoke/smoke-check.ts';
import type { SmokeService } from '../smoke/smoke-services.ts';
import {
  type LedgerTransfer,
  measureRecovery,
  type Reconciliation,
  type Recovery,
  readLoadEvidence,
  reconcile,
  type TimelineSecond,
  timeline,
} from './drill-evidence.ts';

/** The k6 script of the drill's steady load: examples/drill-load.ts, bundled into the package's dist/. */
export const DRILL_LOAD_BUNDLE = fileURLToPath(new URL('../../../dist/drill-load.js', import.meta.url));

/** The failover command and how to run it. */
export interface FailoverCommand {
  /** A shell command line, run with `sh -c`; never printed (the runbook keeps it in a secret). */
  readonly line: string;
  /** Variables added to its environment. @default {} */
  readonly env?: Readonly<Record<string, string>>;
}

/** Options of {@link runDrill}. */
export interface DrillOptions {
  readonly k6: string;
  /** The services to smoke-check before and after. */
  readonly services: readonly SmokeService[];
  /** The gateway the probe and the load send transfers through. */
  readonly gatewayUrl: string;
  /** The ledger whose `GET /transfers` lists every transfer it holds, for the reconciliation. */
  readonly ledgerUrl: string;
  readonly command: FailoverCommand;
  /** When to run the command, in ms after the load starts. */
  readonly atMs: number;
  /** The load's VUs and duration (k6 syntax). */
  readonly vus: number;
  readonly duration: string;
  /** The largest share of logical transfers that may fail (after retries) in the failover window, 0 to 1. */
  readonly errorBudget: number;
  /** The longest recovery accepted, in ms. */
  readonly maxRecoveryMs: number;
  /** The smoke checks' timeout, attempts and backoff. */
  readonly smoke: { readonly timeout: string; readonly attempts: number; readonly backoff: string };
  /** A new folder for the evidence. */
  readonly evidenceDir: string;
  readonly log: (line: string) => void;
}

/** One check of the verdict. */
export interface DrillCheck {
  readonly name: string;
  readonly ok: boolean;
  /** What was measured, in words. */
  readonly measured: string;
}

/** The drill's outcome, also written to `verdict.json`. */
export interface DrillVerdict {
  readonly ok: boolean;
  readonly checks: readonly DrillCheck[];
  readonly reconciliation: Reconciliation | undefined;
  readonly recovery: Recovery | undefined;
  readonly command: { readonly start: string; readonly end: string; readonly exitCode: number | null } | undefined;
  readonly evidenceDir: string;
}

/** Runs the failover command with `sh -c`, its output to a file; resolves with its exit code and times. */
function runCommand(command: FailoverCommand, output: string): Promise<{ start: number; end: number; exitCode: number | null }> {
  const start = Date.now();
  const out = openSync(output, 'w');
  const child = spawn('sh', ['-c', command.line], { stdio: ['ignore', out, out], env: { ...process.env, ...command.env } });
  closeSync(out);
  return new Promise((resolve) => {
    child.on('error', () => resolve({ start, end: Date.now(), exitCode: null }));
    child.on('exit', (code) => resolve({ start, end: Date.now(), exitCode: code }));
  });
}

/** Reads every transfer the ledger holds from its `GET /transfers`. */
async function ledgerTransfers(ledgerUrl: string): Promise<LedgerTransfer[] | string> {
  try {
    const response = await fetch(`${ledgerUrl}/transfers`, { signal: AbortSignal.timeout(30_000) });
    const body: unknown = await response.json();
    const list = isRecord(body) ? body['transfers'] : undefined;
    if (response.status !== 200 || !Array.isArray(list)) return `GET /transfers answered ${response.status} without a transfers list`;
    return list.filter(isRecord).map((t) => ({ transferId: String(t['transferId']), idempotencyKey: String(t['idempotencyKey']) }));
  } catch (error) {
    return `GET /transfers failed: ${error instanceof Error ? error.message : String(error)}`;
  }
}

const smokeMeasured = (result: SmokeCheckResult) =>
  result.rows === undefined
    ? `k6 exit code ${result.k6Code}, no summary`
    : result.healthy
      ? `${result.rows.length} of ${result.rows.length} healthy`
      : `unhealthy: ${
          result.rows
            .filter((r) => !r.healthy)
            .map((r) => r.name)
            .join(', ') || `k6 exit code ${result.k6Code}`
        }`;

/**
 * Runs a failover drill: pre-drill smoke checks and transaction probe; a steady load of ledger transfers with
 * idempotency keys, with `--out json`; the failover command at the set time under that load; post-drill smoke checks
 * and probe; then the verdict "no data loss" (every acknowledged transfer is in the ledger, none applied twice), the
 * error budget in the failover window and the recovery time. The evidence folder receives `pre-drill/`, `load/`
 * (with `k6-out.json`) and `post-drill/` reports, `failover-command.log`, `ledger-transfers.json`, `timeline.json`
 * and `verdict.json`. The drill stops before the failover when the pre-drill checks fail.
 * @param options - Services, gateway, ledger, command, timing, limits, evidence folder.
 * @returns The verdict.
 */
export async function runDrill(options: DrillOptions): Promise<DrillVerdict> {
  const { log, evidenceDir } = options;
  const checks: DrillCheck[] = [];
  const finish = (rest: Omit<DrillVerdict, 'ok' | 'checks' | 'evidenceDir'>): DrillVerdict => {
    const verdict: DrillVerdict = { ok: checks.every((c) => c.ok), checks, evidenceDir, ...rest };
    writeFileSync(join(evidenceDir, 'verdict.json'), `${JSON.stringify(verdict, null, 2)}\n`);
    return verdict;
  };
  const smoke = (name: string) => {
    const resultsDir = join(evidenceDir, name);
    mkdirSync(resultsDir);
    return runSmokeCheck({
      ...options.smoke,
      services: options.services,
      k6: options.k6,
      resultsDir,
      probeUrl: options.gatewayUrl,
      name: `${name}-smoke-check`,
      k6Flags: ['--quiet'],
      log,
    });
  };

  log('k6-forge drill: 1/5 pre-drill smoke checks and transaction probe');
  const before = await smoke('pre-drill');
  checks.push({ name: 'pre-drill smoke checks and probe', ok: before.healthy, measured: smokeMeasured(before) });
  if (!before.healthy) {
    log('k6-forge drill: the pre-drill checks failed, so no failover was started');
    return finish({ reconciliation: undefined, recovery: undefined, command: undefined });
  }

  log(`k6-forge drill: 2/5 steady load (${options.vus} VUs for ${options.duration}); 3/5 the failover command at ${options.atMs / 1000}s`);
  const loadDir = join(evidenceDir, 'load');
  mkdirSync(loadDir);
  const out = join(loadDir, 'k6-out.json');
  const loading = runScript({
    script: DRILL_LOAD_BUNDLE,
    k6: options.k6,
    env: [`BASE_URL=${options.gatewayUrl}`, `RESULTS_DIR=${loadDir}`],
    vus: String(options.vus),
    duration: options.duration,
    k6Flags: ['--quiet', '--out', `json=${out}`],
    log,
  });
  const commanded = new Promise<Awaited<ReturnType<typeof runCommand>>>((resolve) =>
    setTimeout(() => {
      log('k6-forge drill: failover command started (its output goes to failover-command.log)');
      resolve(runCommand(options.command, join(evidenceDir, 'failover-command.log')));
    }, options.atMs),
  );
  const [loadCode, command] = await Promise.all([loading, commanded]);
  log(
    `k6-forge drill: failover command ended with exit code ${command.exitCode} after ${command.end - command.start} ms; load ended with k6 exit code ${loadCode}`,
  );
  checks.push({ name: 'failover command', ok: command.exitCode === 0, measured: `exit code ${command.exitCode}` });
  const commandTimes = {
    start: new Date(command.start).toISOString(),
    end: new Date(command.end).toISOString(),
    exitCode: command.exitCode,
  };

  log('k6-forge drill: 4/5 post-drill smoke checks and transaction probe');
  const after = await smoke('post-drill');
  checks.push({ name: 'post-drill smoke checks and probe', ok: after.healthy, measured: smokeMeasured(after) });

  log('k6-forge drill: 5/5 evidence and verdict');
  if (!existsSync(out)) {
    checks.push({ name: 'load', ok: false, measured: `k6 exit code ${loadCode}, no --out json file` });
    return finish({ reconciliation: undefined, recovery: undefined, command: commandTimes });
  }
  const evidence = await readLoadEvidence(out);
  const ledger = await ledgerTransfers(options.ledgerUrl);
  const recovery = measureRecovery(evidence, command.start);
  const seconds: TimelineSecond[] = timeline(evidence, command.start);
  writeFileSync(join(evidenceDir, 'timeline.json'), `${JSON.stringify({ failover: commandTimes, recovery, seconds }, null, 2)}\n`);
  checks.push({
    name: 'load acknowledged transfers',
    ok: evidence.acknowledged.length > 0,
    measured: `${evidence.acknowledged.length} acknowledged`,
  });
  let reconciliation: Reconciliation | undefined;
  if (typeof ledger === 'string') {
    checks.push({ name: 'no data loss', ok: false, measured: `the ledger could not be read: ${ledger}` });
  } else {
    writeFileSync(join(evidenceDir, 'ledger-transfers.json'), `${JSON.stringify(ledger)}\n`);
    reconciliation = reconcile(evidence.acknowledged, ledger);
    writeFileSync(join(evidenceDir, 'reconciliation.json'), `${JSON.stringify(reconciliation, null, 2)}\n`);
    checks.push({
      name: 'no data loss: acknowledged then lost',
      ok: reconciliation.lost.length === 0,
      measured: `${reconciliation.lost.length} of ${reconciliation.acknowledged} acknowledged transfers missing from the ledger`,
    });
    checks.push({
      name: 'no data loss: applied twice',
      ok: reconciliation.duplicated.length === 0,
      measured: `${reconciliation.duplicated.length} idempotency keys applied more than once`,
    });
  }
  const share = recovery.windowTransfers === 0 ? 0 : recovery.windowFailures / recovery.windowTransfers;
  checks.push({
    name: 'error budget during the failover',
    ok: share <= options.errorBudget,
    measured: `${recovery.windowFailures} of ${recovery.windowTransfers} transfers failed after retries (${(share * 100).toFixed(2)}%, budget ${(options.errorBudget * 100).toFixed(2)}%)`,
  });
  checks.push({
    name: 'recovery time',
    ok: recovery.recoveryMs !== undefined && recovery.recoveryMs <= options.maxRecoveryMs,
    measured:
      recovery.recoveryMs === undefined
        ? 'never recovered: no transfer acknowledged after the last failure'
        : `${(recovery.recoveryMs / 1000).toFixed(2)} s (${recovery.failedRequests} failed requests; limit ${(options.maxRecoveryMs / 1000).toFixed(2)} s)`,
  });
  return finish({ reconciliation, recovery, command: commandTimes });
}
