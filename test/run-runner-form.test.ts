import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, test, vi } from 'vitest';
import { main } from '../src/cli/main.ts';
import { findK6 } from '../src/cli/runner/k6-binary.ts';
import { k6RunArguments } from '../src/cli/runner/k6-run-arguments.ts';
import { fakeK6 } from './support/fake-k6.ts';

const root = new URL('..', import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'k6-forge-runner-form-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

function capture(): { lines: string[]; print: (line: string) => void } {
  const lines: string[] = [];
  return { lines, print: (line) => lines.push(line) };
}

interface Seen {
  readonly args: string[];
  readonly env: Record<string, string>;
}

const seen = (report: string) => JSON.parse(readFileSync(report, 'utf8')) as Seen;

describe('k6-forge run <scenario> [environment] (the runner form, with a stand-in k6)', () => {
  test('passes the environment as ENVIRONMENT, beside VUS and DURATION', async () => {
    const { bin, report } = fakeK6(scratch);
    vi.stubEnv('K6_BIN', bin);
    vi.stubEnv('ENVIRONMENT', undefined);
    vi.stubEnv('BASE_URL', undefined);
    const out = join(scratch, 'staging-run');
    expect(await main(['run', 'smoke', 'staging', '--vus', '3', '--duration', '20s', '--output-dir', out], capture().print)).toBe(0);
    expect(seen(report).env).toStrictEqual({ ENVIRONMENT: 'staging', VUS: '3', DURATION: '20s', RESULTS_DIR: out });
  });

  test('refuses an environment that is no name, one given twice, and a third positional, before k6 starts', async () => {
    const { bin } = fakeK6(scratch);
    vi.stubEnv('K6_BIN', bin);
    for (const [argv, message] of [
      [['run', 'smoke', '--ci', '-x'], 'Unknown option'],
      [['run', 'smoke', 'stag ing'], 'environment: "stag ing" is not accepted; expected an environment name of letters, digits, - and _'],
      [
        ['run', 'smoke', 'staging', '-e', 'ENVIRONMENT=production'],
        '-e ENVIRONMENT: "production" is not accepted; expected no -e ENVIRONMENT',
      ],
      [['run', 'smoke', 'staging', 'extra'], 'expected one scenario name or script path, then at most an environment'],
    ] as const) {
      const out = capture();
      expect(await main([...argv], out.print)).toBe(2);
      expect(out.lines.join('\n')).toContain(message);
    }
  });

  test('--output-dir is the results folder itself: created when missing, refused when it holds files or beside --results', async () => {
    const { bin, report } = fakeK6(scratch);
    vi.stubEnv('K6_BIN', bin);
    const folder = join(scratch, 'out', 'nested');
    const out = capture();
    expect(await main(['run', 'smoke', '--output-dir', folder], out.print)).toBe(0);
    expect(seen(report).env['RESULTS_DIR']).toBe(folder);
    expect(seen(report).args).toStrictEqual(['run', '--tag', 'testid=nested', 'dist/smoke.js']);
    expect(readdirSync(folder)).toStrictEqual(['fake-summary.json']);
    expect(out.lines).toStrictEqual([`k6-forge: results in ${folder}`]);
    const again = capture();
    expect(await main(['run', 'smoke', '--output-dir', folder], again.print)).toBe(2);
    expect(again.lines.join('\n')).toContain('--output-dir: "');
    expect(again.lines.join('\n')).toContain('a folder that already holds 1 entry is not accepted');
    const both = capture();
    expect(await main(['run', 'smoke', '--output-dir', join(scratch, 'o2'), '--results', scratch], both.print)).toBe(2);
    expect(both.lines.join('\n')).toContain('either --output-dir');
    const twice = capture();
    expect(await main(['run', 'smoke', '--output-dir', join(scratch, 'o3'), '-e', `RESULTS_DIR=${scratch}/o4`], twice.print)).toBe(2);
    expect(twice.lines.join('\n')).toContain('either -e RESULTS_DIR or --output-dir');
  });

  test('--ci runs k6 with --no-color --quiet and appends the Markdown summary to $GITHUB_STEP_SUMMARY', async () => {
    const { bin, report } = fakeK6(scratch);
    vi.stubEnv('K6_BIN', bin);
    vi.stubEnv('FAKE_K6_RESULTS', 'reports');
    const summary = join(scratch, 'step-summary.md');
    writeFileSync(summary, '# earlier step\n');
    vi.stubEnv('GITHUB_STEP_SUMMARY', summary);
    const folder = join(scratch, 'ci-run');
    const out = capture();
    expect(await main(['run', 'smoke', 'staging', '--ci', '--output-dir', folder, '--', '--out', 'json=x.json'], out.print)).toBe(0);
    expect(seen(report).args).toStrictEqual([
      'run',
      '--no-color',
      '--quiet',
      '--tag',
      'testid=ci-run',
      '--out',
      'json=x.json',
      'dist/smoke.js',
    ]);
    expect(readFileSync(summary, 'utf8')).toBe('# earlier step\n## fake: pass\n\n');
    expect(out.lines).toStrictEqual([
      `k6-forge: results in ${folder}`,
      `k6-forge: JUnit in ${join(folder, 'fake-junit.xml')}`,
      'k6-forge: fake-summary.md appended to GITHUB_STEP_SUMMARY',
    ]);
  });

  test('--ci without GITHUB_STEP_SUMMARY appends nothing, and a summary file that cannot be written is a warning, not a failure', async () => {
    const { bin } = fakeK6(scratch);
    vi.stubEnv('K6_BIN', bin);
    vi.stubEnv('FAKE_K6_RESULTS', 'reports');
    vi.stubEnv('FAKE_K6_EXIT', '99');
    vi.stubEnv('GITHUB_STEP_SUMMARY', '');
    const quiet = capture();
    expect(await main(['run', 'smoke', '--ci', '--output-dir', join(scratch, 'ci-2')], quiet.print)).toBe(99);
    expect(quiet.lines.some((line) => line.includes('GITHUB_STEP_SUMMARY'))).toBe(false);
    mkdirSync(join(scratch, 'a-folder'));
    vi.stubEnv('GITHUB_STEP_SUMMARY', join(scratch, 'a-folder'));
    const warned = capture();
    expect(await main(['run', 'smoke', '--ci', '--output-dir', join(scratch, 'ci-3')], warned.print)).toBe(99);
    expect(warned.lines.at(-1)).toMatch(/^k6-forge: warning: GITHUB_STEP_SUMMARY ".*a-folder" could not be appended to \(EISDIR\)$/);
  });

  test('k6RunArguments leaves out a CI flag the flags after -- give already', () => {
    expect(k6RunArguments({ script: 's.js', testId: 't', ci: true, flags: ['-q'] })).toStrictEqual([
      'run',
      '--no-color',
      '--tag',
      'testid=t',
      '-q',
      's.js',
    ]);
  });
});

const k6 = findK6();
if (!k6) console.log('SKIPPED: k6 not found (set K6_BIN or put k6 on PATH to run the runner form under real k6)');

/** Runs the k6-forge binary in a folder and collects its output. */
function forge(args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'bin/k6-forge.mjs'), ...args], { cwd, env: { ...process.env, K6_BIN: k6!, ...env } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('the runner form under real k6', () => {
  test.skipIf(!k6)(
    'smoke development --ci --output-dir: no colour codes, the four reports there, the Markdown in $GITHUB_STEP_SUMMARY',
    async () => {
      const cwd = mkdtempSync(join(scratch, 'real-'));
      const summary = join(cwd, 'step-summary.md');
      const args = [
        'run',
        join(root, 'dist/smoke.js'),
        'development',
        '--demo-target',
        '--vus',
        '2',
        '--duration',
        '3s',
        '--ci',
        '--output-dir',
        'out',
      ];
      const { code, output } = await forge(args, cwd, { GITHUB_STEP_SUMMARY: summary });
      expect(code, output).toBe(0);
      expect(output).not.toContain('\x1b[');
      expect(readdirSync(join(cwd, 'out')).sort()).toStrictEqual([
        'smoke-junit.xml',
        'smoke-report.html',
        'smoke-summary.json',
        'smoke-summary.md',
      ]);
      expect(readFileSync(summary, 'utf8')).toBe(`${readFileSync(join(cwd, 'out', 'smoke-summary.md'), 'utf8').trimEnd()}\n\n`);
      expect(JSON.parse(readFileSync(join(cwd, 'out', 'smoke-summary.json'), 'utf8')).meta.environment).toBe('development');
    },
    60_000,
  );

  test.skipIf(!k6)(
    'an unknown environment stops k6 at init with the configuration’s own message',
    async () => {
      const cwd = mkdtempSync(join(scratch, 'real-'));
      const { code, output } = await forge(
        ['run', join(root, 'dist/smoke.js'), 'qa', '--demo-target', '--vus', '1', '--duration', '2s', '--ci'],
        cwd,
      );
      expect(code, output).toBe(107);
      expect(output).toContain('ENVIRONMENT: \\"qa\\" is not accepted; expected one of \\"development\\", \\"staging\\", \\"production\\"');
      expect(output).toContain('k6-forge: no results: k6 ended with exit code 107');
    },
    60_000,
  );
});
