import { spawn, spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { constants } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunningTarget } from '../../demo-target/index.ts';
import { ForgeError, invalidOption, refuse, shown } from '../../lib/errors.ts';
import { type MergeRunResult, mergeRun } from '../merge/merge-run.ts';
import { SUMMARY_FILE_NAME } from '../summaries/summary-file.ts';
import { assertK6Supports } from './k6-binary.ts';
import { k6RunArguments } from './k6-run-arguments.ts';
import { prometheusOutput } from './prometheus-output.ts';
import { checkedRun, type RunOptions, resultsFolder } from './run-script.ts';
import { buildForRun } from './typescript-script.ts';

/** Options for {@link runInstances}: those of a single run, and how many k6 processes share it. */
export interface RunInstancesOptions extends RunOptions {
  /** How many k6 processes run the test, each over its execution segment: a whole number from 1 to the test's VUs. */
  readonly instances: number;
}

/** What a multi-instance run gives back. */
export interface RunInstancesResult {
  /** The exit code: an instance's own when one ended other than 0 or 99, else the merged verdict's (0, 99, or 1 for the gate alone). */
  readonly code: number;
  /** The run's results folder. */
  readonly results: string;
  /** Each instance's k6 exit code, in order. */
  readonly instanceCodes: readonly number[];
  /** The merge, when it ran. */
  readonly merge: MergeRunResult | undefined;
}

/** k6 flags `run --instances` sets itself, refused after `--`. */
const OWN_FLAGS = [
  '--execution-segment',
  '--execution-segment-sequence',
  '--paused',
  '-p',
  '--address',
  '-a',
  '--no-setup',
  '--linger',
  '-l',
];

/** The k6 execution status of a paused test whose VUs are initialised (`lib.ExecutionStatus` PausedBeforeRun). */
const PAUSED_BEFORE_RUN = 4;

/** `k/n` as k6 reads a segment boundary: `0`, `1/3`, `1`. */
function fraction(k: number, n: number): string {
  return k === 0 ? '0' : k === n ? '1' : `${k}/${n}`;
}

/**
 * The execution segments of N instances: `0:1/3`, `1/3:2/3`, `2/3:1`, and their sequence `0,1/3,2/3,1`, which k6
 * needs to split every scenario's VUs and iterations over the segments the same way in every instance.
 * @param instances - How many instances.
 * @returns Each instance's segment, and the sequence.
 */
export function executionSegments(instances: number): { readonly segments: readonly string[]; readonly sequence: string } {
  const bounds = Array.from({ length: instances + 1 }, (_, k) => fraction(k, instances));
  return { segments: bounds.slice(1).map((end, i) => `${bounds[i]}:${end}`), sequence: bounds.join(',') };
}

/** A free loopback port for an instance's REST API. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The test's peak VUs, from `k6 inspect --execution-requirements` under the run's variables; undefined when k6 does not tell. */
function testVus(k6: string, script: string, variables: Record<string, string>): number | undefined {
  const out = spawnSync(k6, ['inspect', '--execution-requirements', script], {
    encoding: 'utf8',
    env: { ...process.env, ...variables, PWD: process.cwd() },
    timeout: 60_000,
  });
  try {
    const vus = (JSON.parse(out.stdout) as { maxVUs?: unknown }).maxVUs;
    return typeof vus === 'number' ? vus : undefined;
  } catch {
    return undefined;
  }
}

/** The watchdog that runs k6 (see bin/k6-watchdog.mjs). */
const WATCHDOG = fileURLToPath(new URL('../../../bin/k6-watchdog.mjs', import.meta.url));

/** One k6 process of the run. */
interface Instance {
  readonly index: number;
  readonly pid: number;
  readonly api: string;
  readonly exited: Promise<number>;
  ended: boolean;
}

function startInstance(k6: string, args: readonly string[], env: Record<string, string>, index: number, api: string): Instance {
  const child = spawn(process.execPath, [WATCHDOG, k6, ...args], {
    stdio: 'inherit',
    env: { ...process.env, ...env, PWD: process.cwd() },
    detached: true,
  });
  const instance: Instance = {
    index,
    pid: child.pid!,
    api,
    ended: false,
    exited: new Promise((resolve) => {
      child.on('error', () => resolve(127));
      child.on('exit', (code, signal) => {
        instance.ended = true;
        resolve(code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0));
      });
    }),
  };
  return instance;
}

function signalGroup(instance: Instance, signal: NodeJS.Signals): void {
  try {
    process.kill(-instance.pid, signal);
  } catch {
    // The group is gone: k6 has ended.
  }
}

/** Calls an instance's REST API; undefined when it does not answer (yet). */
async function callApi(
  instance: Instance,
  method: string,
  path: string,
  body?: string,
): Promise<{ status: number; json: unknown } | undefined> {
  try {
    const response = await fetch(`${instance.api}${path}`, {
      method,
      ...(body !== undefined && { body }),
      signal: AbortSignal.timeout(600_000),
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    return { status: response.status, json };
  } catch {
    return undefined;
  }
}

/** Waits until an instance has initialised its VUs and waits, paused; false when it ended first. */
async function pausedAndReady(instance: Instance): Promise<boolean> {
  for (;;) {
    if (instance.ended) return false;
    const answer = await callApi(instance, 'GET', '/v1/status');
    const status = (answer?.json as { data?: { attributes?: { status?: number } } } | undefined)?.data?.attributes?.status;
    if (typeof status === 'number' && status >= PAUSED_BEFORE_RUN) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Runs one test as N k6 processes over k6's execution segments (`0:1/3`, `1/3:2/3`, `2/3:1` with the sequence
 * `0,1/3,2/3,1`), then merges them ({@link mergeRun}) into one summary, its reports and one verdict.
 *
 * Every instance gets the same variables, one `SEED` (the given one, else one drawn here and logged) and one run id
 * (`--tag testid=<results folder>`), so the data replays and the generators' run-unique ids, built on the seed and
 * k6's `vu.idInTest` (numbered across all segments), never repeat across instances. Each writes its raw samples to
 * `<results>/<script>-instance-<i>.json.gz` (`--out json`, gzip) and its own reports into
 * `<results>/instance-<i>/` (its `RESULTS_DIR`), so nothing collides and `gate <results>` reads only the merged
 * summary. The instances start paused with their REST API on a free loopback port and `--no-setup`; once all are
 * initialised, `setup()` runs once, in instance 1 (`POST /v1/setup`), its data is handed to the others
 * (`PUT /v1/setup`), and all are resumed together. `teardown()` runs in every instance, at its end. A signal reaches
 * every instance once. With `prometheus`, every instance streams there under the one `testid`.
 * @param options - The run's options and the number of instances.
 * @returns The exit code, the results folder, each instance's code and the merge.
 * @throws {ForgeError} For the single run's bad input (see {@link runScript}), an `--instances` above the test's VUs,
 *   or a k6 flag after `--` that the instances set themselves.
 */
export async function runInstances(options: RunInstancesOptions): Promise<RunInstancesResult> {
  const { log, source, typescript, version, variables, flags, chosen } = checkedRun(options);
  for (const token of flags) {
    const own = OWN_FLAGS.find(
      (flag) => token === flag || token.startsWith(`${flag}=`) || (flag.length === 2 && token.startsWith(flag) && !token.startsWith('--')),
    );
    if (own !== undefined) {
      throw new ForgeError('invalid_option', {
        field: `-- ${own}`,
        given: shown(token),
        accepted:
          'no execution segment, pause, REST API address, --no-setup or --linger flag with --instances, which sets them for each instance',
      });
    }
  }
  if (options.dashboard) invalidOption('--dashboard', true, 'no --dashboard with --instances: each instance would need its own');
  const prometheus = options.prometheus === undefined ? undefined : prometheusOutput(options.prometheus, flags);
  const seedText = variables['SEED'] ?? process.env['SEED'];
  const seed = seedText ?? String(randomInt(0, 2 ** 32));
  const name = basename(source).replace(/\.(?:[cm]?js|tsx?)$/, '');
  const results = resultsFolder(chosen, options);
  let script = source;
  try {
    if (typescript) {
      script = await buildForRun(source, join(results, 'bundle'), log, options.typeCheck ?? true);
      if (version !== undefined) assertK6Supports(script, readFileSync(script, 'utf8'), version);
    }
    const vus = testVus(options.k6, script, { ...variables, SEED: seed });
    if (vus !== undefined && options.instances > vus) {
      invalidOption('--instances', options.instances, `at most the test's ${vus} VUs (k6 gives each instance a share of them)`);
    }
  } catch (error) {
    // Refused before any k6 started: the bundle goes, and a folder this run made goes with it.
    rmSync(join(results, 'bundle'), { recursive: true, force: true });
    if (chosen === undefined) rmSync(results, { recursive: true, force: true });
    throw error;
  }
  const { segments, sequence } = executionSegments(options.instances);
  log(
    `k6-forge: ${options.instances} k6 instances over execution segments ${segments.join(', ')}, SEED=${seed}${seedText === undefined ? ' (drawn for this run; set SEED to replay it)' : ''}, run id ${basename(results)}`,
  );
  let target: RunningTarget | undefined;
  const instances: Instance[] = [];
  const passOn = (signal: NodeJS.Signals) => {
    for (const instance of instances) signalGroup(instance, signal === 'SIGHUP' ? 'SIGTERM' : signal);
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const signal of signals) process.on(signal, passOn);
  try {
    target = options.demoTarget ? await (await import('../../demo-target/index.ts')).startTarget({ log }) : undefined;
    if (target) log(`k6-forge: demo target listening at ${target.url}`);
    if (prometheus) log(`k6-forge: every instance streams to Prometheus at ${prometheus.shownUrl}, labelled testid=${basename(results)}`);
    for (const [i, segment] of segments.entries()) {
      const index = i + 1;
      const folder = join(results, `instance-${index}`);
      mkdirSync(folder, { recursive: true });
      const port = await freePort();
      const own = [
        '--execution-segment',
        segment,
        '--execution-segment-sequence',
        sequence,
        '--out',
        `json=${join(results, `${name}-instance-${index}.json.gz`)}`,
        '--paused',
        '--no-setup',
        '--address',
        `127.0.0.1:${port}`,
      ];
      const args = k6RunArguments({
        script,
        flags: [...own, ...(prometheus?.args ?? []), ...flags],
        testId: basename(results),
        ci: options.ci ?? false,
      });
      const env = { ...variables, ...prometheus?.env, SEED: seed, RESULTS_DIR: folder, ...(target && { BASE_URL: target.url }) };
      instances.push(startInstance(options.k6, args, env, index, `http://127.0.0.1:${port}`));
    }
    const ready = await Promise.all(instances.map(pausedAndReady));
    if (ready.every(Boolean)) {
      // setup() once, in instance 1; its data to the others; then every instance resumes.
      const setup = await callApi(instances[0]!, 'POST', '/v1/setup');
      const data = (setup?.json as { data?: { attributes?: { data?: unknown } } } | undefined)?.data?.attributes;
      if (setup === undefined || setup.status >= 300 || data === undefined) {
        log(
          `k6-forge: setup() failed in instance 1: ${setup === undefined ? 'no answer' : JSON.stringify(setup.json)}; stopping every instance`,
        );
        for (const instance of instances) signalGroup(instance, 'SIGTERM');
      } else {
        const body = JSON.stringify(data.data ?? null);
        for (const instance of instances.slice(1)) await callApi(instance, 'PUT', '/v1/setup', body);
        const resume = JSON.stringify({ data: { type: 'status', id: 'default', attributes: { paused: false } } });
        await Promise.all(instances.map((instance) => callApi(instance, 'PATCH', '/v1/status', resume)));
      }
    } else {
      log('k6-forge: an instance ended before it was ready; stopping the others');
      for (const instance of instances) signalGroup(instance, 'SIGTERM');
    }
    const codes = await Promise.all(instances.map((instance) => instance.exited));
    log(`k6-forge: instances ended with exit codes ${codes.join(', ')}`);
    const outputs = instances.map((instance) => join(results, `${name}-instance-${instance.index}.json.gz`));
    let merge: MergeRunResult | undefined;
    if (outputs.every((file) => existsSync(file))) {
      const summaries = instances.flatMap((instance) => {
        const folder = join(results, `instance-${instance.index}`);
        return readdirSync(folder)
          .filter((file) => SUMMARY_FILE_NAME.test(file))
          .map((file) => join(folder, file));
      });
      merge = await mergeRun({ paths: [...outputs, ...summaries], outDir: results });
    } else log('k6-forge: not every instance wrote its raw output, so nothing is merged');
    const own = codes.find((code) => code !== 0 && code !== 99);
    if (own === undefined && merge === undefined)
      refuse('invalid_file', { field: results, shownAs: 'no raw output', accepted: 'one per instance' });
    return { code: own ?? merge!.code, results, instanceCodes: codes, merge };
  } finally {
    for (const signal of signals) process.off(signal, passOn);
    await target?.close();
  }
}
