import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runScript } from '../runner/run-script.ts';
import { readSummaryFile, type SummaryFile } from '../summaries/summary-file.ts';
import type { SmokeService } from './smoke-services.ts';

/** The k6 script smoke-check runs: examples/smoke-check.ts, bundled into the package's dist/ by the build. */
export const SMOKE_CHECK_BUNDLE = fileURLToPath(new URL('../../../dist/smoke-check.js', import.meta.url));

/** Options of {@link runSmokeCheck}. */
export interface SmokeCheckOptions {
  /** The services to check. */
  readonly services: readonly SmokeService[];
  /** The k6 binary. */
  readonly k6: string;
  /** A new or empty folder for the reports (`RESULTS_DIR`). */
  readonly resultsDir: string;
  /** Each request's timeout, in k6 duration syntax. @default "3s" */
  readonly timeout?: string;
  /** Tries per step in all, the first included (1 to 10). @default 3 */
  readonly attempts?: number;
  /** The wait before the first retry, doubling after each. @default "500ms" */
  readonly backoff?: string;
  /** The gateway's base URL for the transaction probe (a transfer, then read back); no probe without it. */
  readonly probeUrl?: string | undefined;
  /** The name of the report files, `<name>-summary.json` and so on. @default "smoke-check" */
  readonly name?: string;
  /** Flags for `k6 run`, such as `--quiet`. @default [] */
  readonly k6Flags?: readonly string[];
  /** Where progress lines go. */
  readonly log: (line: string) => void;
}

/** One step of a row: a health or readiness request, or the probe's transfer or read back. */
export interface SmokeStep {
  /** `health`, `ready`, `transfer` or `read_back`. */
  readonly step: string;
  /** The last answer's status, 0 for no answer, undefined when the step was not tried (an earlier one failed). */
  readonly status: number | undefined;
  /** The last answer's latency in milliseconds; undefined without an answer. */
  readonly ms: number | undefined;
}

/** One service's (or the probe's) outcome. */
export interface SmokeRow {
  /** The service, or `probe`. */
  readonly name: string;
  /** Whether every step answered as wanted. */
  readonly healthy: boolean;
  /** Its steps in order. */
  readonly steps: readonly SmokeStep[];
  /** Requests sent in all, retries included. */
  readonly attempts: number;
}

/** What one smoke check found. */
export interface SmokeCheckResult {
  /** k6's exit code (99 when a service failed its check). */
  readonly k6Code: number;
  /** One row per service, then the probe; undefined when k6 wrote no summary. */
  readonly rows: readonly SmokeRow[] | undefined;
  /** Whether every row is healthy and k6 passed. */
  readonly healthy: boolean;
}

const stepsOf = (name: string) => (name === 'probe' ? ['transfer', 'read_back'] : ['health', 'ready']);

/** Reads one row from the summary: the script records a verdict, attempts, and each step's status and latency. */
function rowOf(summary: SummaryFile, name: string): SmokeRow {
  const metric = (key: string) => summary.metrics[key] ?? {};
  let tried = true;
  const steps = stepsOf(name).map((step, i) => {
    const tags = `{service:${name},check:${step}}`;
    const status = tried ? (metric(`smoke_check_status${tags}`)['value'] ?? 0) : undefined;
    const duration = metric(`smoke_check_duration${tags}`);
    const wanted = status !== undefined && (i === 0 && name === 'probe' ? status === 201 : status >= 200 && status < 300);
    const result: SmokeStep = { step, status, ms: tried && (duration['count'] ?? 0) > 0 ? duration['avg'] : undefined };
    tried &&= wanted;
    return result;
  });
  return {
    name,
    healthy: metric(`smoke_check_ok{service:${name}}`)['rate'] === 1,
    steps,
    attempts: metric(`smoke_check_attempts{service:${name}}`)['count'] ?? 0,
  };
}

/**
 * Runs the post-deploy smoke checks under real k6 (the packaged smoke-check bundle, through `k6-forge run`'s
 * runner, so its reports and exit codes are run's): each service's health, then readiness, path with the timeout and
 * bounded retries, and the probe when a gateway is given. The reports land in `resultsDir` as
 * `<name>-summary.json`, `-junit.xml` (a test case per service), `-report.html` and `-summary.md`.
 * @param options - Services, k6, folder, timeout, attempts, backoff, probe.
 * @returns k6's exit code, a row per service and the verdict.
 * @throws {ForgeError} When run refuses the folder or the variables, before k6 starts.
 */
export async function runSmokeCheck(options: SmokeCheckOptions): Promise<SmokeCheckResult> {
  const name = options.name ?? 'smoke-check';
  const services = options.services.map(({ name: n, url, health, ready }) => ({ name: n, url, health, ready }));
  const k6Code = await runScript({
    script: SMOKE_CHECK_BUNDLE,
    k6: options.k6,
    env: [
      `SMOKE_CHECK_SERVICES=${JSON.stringify(services)}`,
      `SMOKE_CHECK_TIMEOUT=${options.timeout ?? '3s'}`,
      `SMOKE_CHECK_ATTEMPTS=${options.attempts ?? 3}`,
      `SMOKE_CHECK_BACKOFF=${options.backoff ?? '500ms'}`,
      `SMOKE_CHECK_NAME=${name}`,
      `RESULTS_DIR=${options.resultsDir}`,
      ...(options.probeUrl !== undefined ? [`SMOKE_CHECK_PROBE_URL=${options.probeUrl}`] : []),
    ],
    k6Flags: options.k6Flags ?? [],
    log: options.log,
  });
  const file = join(options.resultsDir, `${name}-summary.json`);
  if (!existsSync(file)) return { k6Code, rows: undefined, healthy: false };
  const summary = await readSummaryFile(file);
  const rows = [...services.map((s) => s.name), ...(options.probeUrl !== undefined ? ['probe'] : [])].map((row) => rowOf(summary, row));
  return { k6Code, rows, healthy: k6Code === 0 && rows.every((row) => row.healthy) };
}
