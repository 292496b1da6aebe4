// Planted secrets, given the ways a person gives them, must appear in no output stream, result file or process list.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { findK6 } from '../src/cli/runner/k6-binary.ts';
import { readConfig } from '../src/lib/internal/read-config.ts';
import { caught } from './support/caught.ts';
import { cli } from './support/cli.ts';
import { fakeK6 } from './support/fake-k6.ts';

const root = new URL('..', import.meta.url).pathname;
const k6 = findK6();
if (!k6) console.log('SKIPPED: k6 not found (set K6_BIN or put k6 on PATH to scan real k6 runs for planted secrets)');
const scratch = mkdtempSync(join(tmpdir(), 'k6-forge-secrets-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
/** A stand-in k6 for the refusals, which come before k6 starts (the command line wants some k6 to exist). */
const standIn = fakeK6(mkdtempSync(join(scratch, 'stand-in-')));
/** Points K6_BIN at the stand-in for the tests of one describe block. */
function withStandIn(): void {
  beforeEach(() => vi.stubEnv('K6_BIN', standIn.bin));
  afterEach(() => vi.unstubAllEnvs());
}

const SECRET = 'pl4nted-s3cret';
/** BASE_URL values that are refused, each holding the secret where a person might put it. */
const REFUSED_URLS = [
  `https://user:${SECRET}@pass@api.example.com`,
  `https://user:${SECRET}@api.example.com `,
  `htps://user:${SECRET}@api.example.com`,
  `ftp://user:${SECRET}@api.example.com/x`,
  `https://user:${SECRET}/x@api.example.com/ x`,
  `https://api.example.com/ x?token=${SECRET}&page=2`,
];

/** Every file under a folder, with its text. */
function filesUnder(folder: string): { name: string; text: string }[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => ({ name: join(entry.parentPath, entry.name), text: readFileSync(join(entry.parentPath, entry.name), 'latin1') }));
}

/** Every process's command line, as `ps` shows it. */
function processList(): string {
  return execFileSync('ps', ['-eo', 'args', 'ww'], { encoding: 'utf8' });
}

/**
 * Runs the CLI as a child with `env` added, samples the process list every 100 ms while it runs, and returns what
 * it printed, every sample and every file it left under `results`.
 */
function scannedRun(
  args: readonly string[],
  env: Record<string, string>,
  results: string,
): Promise<{ code: number | null; output: string; ps: string; files: { name: string; text: string }[] }> {
  const child = spawn(process.execPath, [join(root, 'bin/k6-forge.mjs'), ...args, '--results', results], {
    cwd: root,
    env: { ...process.env, ...env },
  });
  let output = '';
  let ps = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('latin1')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('latin1')));
  const sampler = setInterval(() => (ps += processList()), 100);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(sampler);
      resolve({ code, output, ps, files: filesUnder(results) });
    });
  });
}

describe('a refused BASE_URL is shown with its user information and secret query values redacted', () => {
  withStandIn();
  test.each(REFUSED_URLS)('%j', (given) => {
    const error = caught(() => readConfig([], {}, { ENVIRONMENT: 'staging', BASE_URL: given })) as Error;
    expect(error.message).toMatch(/^BASE_URL: ".*" is not accepted; expected an http:\/\/ or https:\/\/ URL/);
    expect(error.message).not.toContain(SECRET);
    expect(error.message).toContain('[redacted]');
  });

  test.each(REFUSED_URLS)('k6-forge run --demo-target -e BASE_URL=%j', async (given) => {
    const run = await cli('run', 'smoke', '--demo-target', '-e', `BASE_URL=${given}`);
    expect(run.code).toBe(2);
    expect(run.messages).toContain('BASE_URL: "');
    expect(run.messages).not.toContain(SECRET);
  });

  test.skipIf(!k6)('under real k6, no stream and no file of a run refused at init holds the secret', { timeout: 120_000 }, async () => {
    for (const given of REFUSED_URLS) {
      const cwd = mkdtempSync(join(scratch, 'refused-'));
      const output = await new Promise<string>((resolve, reject) => {
        const child = spawn(k6!, ['run', join(root, 'dist/smoke.js')], {
          cwd,
          env: { ...process.env, ENVIRONMENT: 'staging', BASE_URL: given },
        });
        let text = '';
        child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
        child.on('error', reject);
        child.on('exit', (code) => resolve(`${code}\n${text}`));
      });
      expect(output).toMatch(/^107\n/);
      expect(output).toContain('BASE_URL: \\"');
      expect(output).not.toContain(SECRET);
      for (const file of filesUnder(cwd)) expect(file.text, file.name).not.toContain(SECRET);
    }
  });
});

describe('secrets given to k6-forge run', () => {
  withStandIn();
  test.each(['BEARER_TOKEN', 'TEST_PASSWORD', 'API_KEY', 'client_secret'])(
    '-e %s=... is refused, explaining why, without showing the value',
    async (name) => {
      const run = await cli('run', 'smoke', '-e', `${name}=${SECRET}`);
      expect(run).toStrictEqual({
        code: 2,
        report: '',
        messages: `k6-forge run: -e ${name}: a secret on the command line (its value is not shown) is not accepted; expected ${name} exported in the environment instead (${name}=... k6-forge run ...), which k6 inherits: a command line shows in every process list for the whole run`,
      });
    },
  );

  test('exported secrets reach k6 and appear in no process list, output or result file (stand-in k6)', { timeout: 30_000 }, async () => {
    const { bin, report } = fakeK6(mkdtempSync(join(scratch, 'fake-')));
    const results = mkdtempSync(join(scratch, 'results-'));
    const run = await scannedRun(
      ['run', 'smoke', '--demo-target'],
      { K6_BIN: bin, TOKEN: SECRET, BEARER_TOKEN: SECRET, TEST_PASSWORD: SECRET },
      results,
    );
    expect(run.code, run.output).toBe(0);
    expect(JSON.parse(readFileSync(report, 'utf8')).env.TOKEN).toBe(SECRET);
    expect(run.output).not.toContain(SECRET);
    expect(run.ps).toContain('bin/k6-forge.mjs run smoke');
    expect(run.ps).not.toContain(SECRET);
    for (const file of run.files) expect(file.text, file.name).not.toContain(SECRET);
  });

  test.skipIf(!k6)('under real k6: exported secrets appear in no process list, output or result file', { timeout: 120_000 }, async () => {
    const results = mkdtempSync(join(scratch, 'results-'));
    const env = { K6_BIN: k6!, BEARER_TOKEN: SECRET, TEST_PASSWORD: SECRET, SEED: '7' };
    const run = await scannedRun(['run', 'smoke', '--demo-target', '--vus', '1', '--duration', '3s'], env, results);
    expect(run.code, run.output).toBe(0);
    expect(run.ps).toMatch(/k6 run --tag testid=\S+ \S*smoke\.js/);
    expect(run.ps).not.toContain(SECRET);
    expect(run.output).not.toContain(SECRET);
    expect(run.files.map((file) => file.name.replace(/^.*\//, '')).sort()).toStrictEqual([
      'smoke-junit.xml',
      'smoke-report.html',
      'smoke-summary.json',
      'smoke-summary.md',
    ]);
    for (const file of run.files) expect(file.text, file.name).not.toContain(SECRET);
  });
});

describe('control bytes in echoed input are escaped', () => {
  withStandIn();
  const ESCAPES = '\u001b[2J\u001b]0;owned\u0007\u009b31m\r\n';
  const raw = (text: string) =>
    [...text]
      .filter((c) => c.charCodeAt(0) < 0x20 && c !== '\n')
      .concat([...text].filter((c) => c.charCodeAt(0) >= 0x7f && c.charCodeAt(0) <= 0x9f));

  test.each([
    [
      'a summary file that is not JSON',
      () => {
        const file = join(scratch, 'escapes.json');
        writeFileSync(file, `${ESCAPES}{"metrics":`);
        return ['baseline', 'save', file, '--out', join(scratch, 'b.json')];
      },
    ],
    ['an unknown option', () => ['run', 'smoke', `--x${ESCAPES}`]],
    ['an unknown command', () => [`x${ESCAPES}`]],
    ['a malformed -e pair', () => ['run', 'smoke', '-e', `K${ESCAPES}`]],
    ['a scenario name', () => ['run', `smoke${ESCAPES}`]],
  ])('%s', async (_case, argv) => {
    const run = await cli(...argv());
    expect(run.code).toBe(2);
    expect(raw(run.messages)).toStrictEqual([]);
    expect(run.messages).toMatch(/\\u001b\[2J/);
  });
});
