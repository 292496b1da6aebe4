// Signals during `k6-forge run`, sent the way a terminal's Ctrl-C or a CI cancel sends them: to the whole process
// group of k6-forge. Each run gets a fresh results folder, which must hold the results whenever one signal was sent.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { findK6 } from '../src/cli/runner/k6-binary.ts';
import { fakeK6 } from './support/fake-k6.ts';

const root = new URL('..', import.meta.url).pathname;
const k6 = findK6();
if (!k6) console.log('SKIPPED: k6 not found (set K6_BIN or put k6 on PATH to send signals to real k6 runs)');
const scratch = mkdtempSync(join(tmpdir(), 'k6-forge-signals-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** What one signalled run left. */
interface SignalledRun {
  readonly code: number | null;
  readonly output: string;
  /** The files in each run folder under the results root, when k6-forge exited. */
  readonly folders: readonly (readonly string[])[];
  /** The results root. */
  readonly results: string;
}

/**
 * Starts `k6-forge run` as the leader of a new process group, waits until its output shows `ready`, then sends
 * `signals` one after another (`group` to the whole group, else to k6-forge alone) and waits for it to end.
 */
function signalledRun(
  args: readonly string[],
  env: Record<string, string>,
  ready: string,
  signals: readonly NodeJS.Signals[],
  { group = true, delay = 100 } = {},
): Promise<SignalledRun> {
  const results = mkdtempSync(join(scratch, 'results-'));
  const child = spawn(process.execPath, [join(root, 'bin/k6-forge.mjs'), 'run', ...args, '--results', results], {
    cwd: root,
    env: { ...process.env, ...env },
    detached: true,
  });
  let output = '';
  let sent = false;
  const watch = (chunk: Buffer) => {
    output += chunk.toString();
    if (sent || !output.includes(ready)) return;
    sent = true;
    signals.forEach((signal, i) => {
      setTimeout(() => process.kill(group ? -child.pid! : child.pid!, signal), delay + i * 50);
    });
  };
  child.stdout.on('data', watch);
  child.stderr.on('data', watch);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      const folders = readdirSync(results).map((folder) => readdirSync(join(results, folder)).sort());
      resolve({ code, output, folders, results });
    });
  });
}

/** Whether a process is alive, by its pid. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('k6-forge run under signals, with a stand-in k6 that treats a second signal as an abort', () => {
  const { bin, report } = fakeK6(scratch);
  const env = { K6_BIN: bin, FAKE_K6_UNTIL_SIGNAL: '1' };

  test.each(['SIGINT', 'SIGTERM'] as const)(
    'one %s to the process group reaches k6 once, so it stops gracefully and its results stay',
    { timeout: 30_000 },
    async (signal) => {
      const run = await signalledRun(['dist/smoke.js'], env, 'running', [signal]);
      expect(run.code, run.output).toBe(105);
      expect(run.folders).toStrictEqual([['fake-summary.json']]);
      expect(run.output).toContain(`k6-forge: ${signal} passed to k6, which stops and writes its results; a second one aborts it`);
      expect(run.output).toMatch(/k6-forge: results in .*results-\w+\/\d{4}-/);
    },
  );

  test('a second SIGINT aborts k6, and the CLI says that no results were written and removes the empty folder', {
    timeout: 30_000,
  }, async () => {
    const run = await signalledRun(['dist/smoke.js'], env, 'running', ['SIGINT', 'SIGINT']);
    expect(run.code, run.output).toBe(105);
    expect(run.folders).toStrictEqual([]);
    expect(run.output).not.toContain('results in');
    expect(run.output).toMatch(
      /k6-forge: no results: k6 ended with exit code 105 \(aborted\) before handleSummary wrote any, so \S+ was removed/,
    );
  });

  test('SIGHUP to k6-forge alone (its terminal closed) stops k6 gracefully instead of leaving it running', {
    timeout: 30_000,
  }, async () => {
    const run = await signalledRun(['dist/smoke.js'], env, 'running', ['SIGHUP'], { group: false });
    const pid = Number(readFileSync(`${report}.pid`, 'utf8'));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(alive(pid)).toBe(false);
    expect(run.code, run.output).toBe(105);
    expect(run.folders).toStrictEqual([['fake-summary.json']]);
  });

  test('SIGKILL to k6-forge’s group, which it cannot catch, still stops k6 gracefully through the watchdog', {
    timeout: 30_000,
  }, async () => {
    const run = await signalledRun(['dist/smoke.js'], env, 'running', ['SIGKILL']);
    expect(run.code).toBe(null);
    const pid = Number(readFileSync(`${report}.pid`, 'utf8'));
    for (let waited = 0; alive(pid) && waited < 3000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(alive(pid)).toBe(false);
    expect(run.folders.length).toBe(1);
    expect(readdirSync(join(run.results, readdirSync(run.results)[0]!))).toStrictEqual(['fake-summary.json']);
  });

  test('a k6 that writes nothing (an init failure) leaves no empty folder and no "results in" line', { timeout: 30_000 }, async () => {
    const run = await signalledRun(['dist/smoke.js'], { K6_BIN: bin, FAKE_K6_RESULTS: 'none', FAKE_K6_EXIT: '107' }, '\u0000', []);
    expect(run.code, run.output).toBe(107);
    expect(run.folders).toStrictEqual([]);
    expect(run.output).toMatch(/^k6-forge: no results: k6 ended with exit code 107 before handleSummary wrote any, so \S+ was removed$/m);
    expect(existsSync(report)).toBe(true);
  });
});

/** Runs `count` signalled runs, `parallel` at a time, and returns them in order. */
async function manyRuns(count: number, parallel: number, run: () => Promise<SignalledRun>): Promise<SignalledRun[]> {
  const runs: SignalledRun[] = [];
  const worker = async () => {
    while (runs.length < count) {
      const index = runs.length;
      runs.push(undefined as unknown as SignalledRun);
      runs[index] = await run();
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return runs;
}

const REPORTS = ['smoke-junit.xml', 'smoke-report.html', 'smoke-summary.json', 'smoke-summary.md'];

describe.skipIf(!k6)('k6-forge run under signals with real k6 against the demo target', () => {
  test.each(['SIGINT', 'SIGTERM'] as const)(
    '20 runs, each stopped by one %s to the process group, all keep their four result files',
    { timeout: 600_000 },
    async (signal) => {
      const runs = await manyRuns(20, 3, () =>
        // k6 prints its scenarios just before it installs its signal handler (internal/cmd/run.go): a signal before
        // that ends k6 at once, as it does a plain k6 run. The signal follows a second later, with the test running.
        signalledRun(['smoke', '--demo-target', '--vus', '2', '--duration', '30s'], {}, '* smoke:', [signal], { delay: 1000 }),
      );
      const kept = runs.filter(
        (run) => run.code === 105 && run.folders.length === 1 && REPORTS.every((file) => run.folders[0]!.includes(file)),
      );
      expect(
        kept.length,
        runs
          .filter((run) => !kept.includes(run))
          .map((run) => `${run.code}: ${run.output.slice(-2000)}`)
          .join('\n---\n'),
      ).toBe(20);
    },
  );
});
