// Running k6 from the benchmarks and the twin test: one k6 process per call, its output kept apart from GNU time's.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { onCpu } from './taskset.ts';

/** Where GNU time is expected (Debian's `time` package); the shell's `time` keyword reports no memory. */
export const GNU_TIME = '/usr/bin/time';

/** k6's exit code when a run ended with thresholds crossed. */
export const THRESHOLDS_CROSSED = 99;

/** One `k6 run`. */
export interface K6Run {
  /** The k6 binary, from `findK6()`. */
  readonly k6: string;
  /** The script to run. */
  readonly script: string;
  /** What error messages call the script, such as its source for a bundle. @default the script's path */
  readonly label?: string;
  /** Variables over this process's environment (k6 hands them to the script as `__ENV`). */
  readonly env: Readonly<Record<string, string>>;
  /** More `k6 run` options, such as `--out json=<file>`. @default [] */
  readonly args?: readonly string[];
  /** The CPU to pin k6 (and GNU time around it) to, see taskset.ts. @default none: the scheduler's choice */
  readonly cpu?: number | undefined;
}

/** What a k6 run printed. */
export interface K6Output {
  readonly stdout: string;
  readonly stderr: string;
}

/** A k6 run measured by GNU time. */
export interface MeasuredRun extends K6Output {
  /** The k6 process's peak resident memory, in MB. */
  readonly rssMb: number;
  /** Wall-clock time from start to exit, in seconds. */
  readonly wallSeconds: number;
  /** Whether k6 exited with {@link THRESHOLDS_CROSSED}: some threshold of the script was not met. */
  readonly thresholdsCrossed: boolean;
}

/** The last lines of a run's output, for an error message. */
function tail(output: K6Output, lines = 15): string {
  return `${output.stdout}\n${output.stderr}`.trim().split('\n').slice(-lines).join('\n');
}

/**
 * Runs a command to its end, on the run's CPU when it names one, and resolves with its output and exit code; any other
 * exit than those accepted rejects with the last lines of its output, naming the script.
 */
function execute(command: string, args: readonly string[], run: K6Run, accepted: readonly number[]): Promise<K6Output & { code: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(...onCpu(run.cpu, command, args), { env: { ...process.env, ...run.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code !== null && accepted.includes(code)) return resolve({ stdout, stderr, code });
      const ended = signal ? `was killed by ${signal}` : `exited with ${code}`;
      reject(new Error(`k6 ${ended} running ${run.label ?? relative('.', run.script)}; its last lines:\n${tail({ stdout, stderr })}`));
    });
  });
}

/**
 * Runs `k6 run --quiet <script>` and collects its output.
 * @param run - Binary, script, environment and more options.
 * @returns What k6 printed on stdout and stderr.
 * @throws {Error} When k6 does not exit with 0, naming the script and showing the last lines of its output.
 */
export async function runK6(run: K6Run): Promise<K6Output> {
  const { stdout, stderr } = await execute(run.k6, ['run', '--quiet', ...(run.args ?? []), run.script], run, [0]);
  return { stdout, stderr };
}

/**
 * Runs `k6 run --quiet <script>` under GNU time (`-f '%M %e'`, written to its own file so k6's output stays apart)
 * and returns the k6 process's peak memory and wall time. A run that crossed its thresholds (exit 99) still counts:
 * a benchmark judges no latency, and a machine short of CPU for its VUs crosses latency limits.
 * @param run - Binary, script, environment and more options.
 * @returns The output, peak RSS in MB, wall time in seconds, and whether thresholds were crossed.
 * @throws {Error} When k6 exits with anything but 0 or 99 (naming the script, with its last lines), or GNU time reports nothing.
 */
export async function measureK6(run: K6Run): Promise<MeasuredRun> {
  const folder = mkdtempSync(join(tmpdir(), 'k6-forge-time-'));
  const report = join(folder, 'time.txt');
  try {
    const args = ['-f', '%M %e', '-o', report, run.k6, 'run', '--quiet', ...(run.args ?? []), run.script];
    const { stdout, stderr, code } = await execute(GNU_TIME, args, run, [0, THRESHOLDS_CROSSED]);
    // The last line: GNU time puts "Command exited with non-zero status 99" before it.
    const last = existsSync(report) ? readFileSync(report, 'utf8').trim().split('\n').pop()! : '';
    const [kb, seconds] = last.split(' ').map(Number);
    if (!Number.isFinite(kb) || !Number.isFinite(seconds))
      throw new Error(`GNU time reported ${JSON.stringify(last)} for ${run.label ?? run.script}`);
    return { stdout, stderr, rssMb: kb! / 1024, wallSeconds: seconds!, thresholdsCrossed: code === THRESHOLDS_CROSSED };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * The options a script gives k6, as `k6 inspect` prints them after evaluating its init context with the environment
 * (`thresholds`, `scenarios`, `summaryTrendStats`, ...).
 * @param run - Binary, script and environment (`args` are not used).
 * @returns k6's consolidated options.
 * @throws {Error} When k6 cannot evaluate the script, with the last lines of its output.
 */
export async function inspectK6(run: K6Run): Promise<Record<string, unknown>> {
  const { stdout } = await execute(run.k6, ['inspect', '--include-system-env-vars', run.script], run, [0]);
  return JSON.parse(stdout) as Record<string, unknown>;
}

/**
 * The first line of `k6 version`, such as `k6 v2.2.0 (commit/devel, go1.25.12, linux/amd64)`.
 * @param k6 - The k6 binary.
 * @returns The line.
 */
export async function k6Version(k6: string): Promise<string> {
  const { stdout } = await execute(k6, ['version'], { k6, script: k6, label: 'k6 version', env: {} }, [0]);
  return stdout.trim().split('\n')[0] ?? 'k6 (version unknown)';
}
