import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { findK6 } from '../src/cli/runner/k6-binary.ts';

const root = new URL('..', import.meta.url).pathname;
const k6 = findK6();
if (!k6) console.log('SKIPPED: k6 not found (set K6_BIN or put k6 on PATH to run k6-forge run with k6 flags under real k6)');

/** A working folder of the test's own, made only when k6 is found (a file whose tests are all skipped runs no hook). */
let cwd = '';
afterAll(() => {
  if (cwd) rmSync(cwd, { recursive: true, force: true });
});

describe('k6-forge run with k6’s own flags, under real k6', () => {
  test.skipIf(!k6)(
    'smoke --dashboard -- --out json=x.json leaves x.json tagged with the run’s testid, and the dashboard in the results folder',
    async () => {
      cwd = mkdtempSync(join(tmpdir(), 'k6-forge-run-flags-'));
      const args = ['run', join(root, 'dist/smoke.js'), '--demo-target', '--dashboard', '--vus', '2', '--duration', '3s'];
      const run = spawn(process.execPath, [join(root, 'bin/k6-forge.mjs'), ...args, '--', '--out', 'json=x.json'], {
        cwd,
        env: { ...process.env, K6_BIN: k6! },
      });
      let output = '';
      run.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      run.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => run.on('exit', resolve));
      expect(code, output).toBe(0);
      const [folder] = readdirSync(join(cwd, 'results'));
      expect(readdirSync(join(cwd, 'results', folder!)).sort()).toStrictEqual([
        'dashboard.html',
        'smoke-junit.xml',
        'smoke-report.html',
        'smoke-summary.json',
        'smoke-summary.md',
      ]);
      expect(output).toMatch(/web dashboard: http:\/\/127\.0\.0\.1:\d+/);
      const points = readFileSync(join(cwd, 'x.json'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { type: string; data: { tags?: Record<string, string> } })
        .filter(({ type }) => type === 'Point');
      expect(points.length).toBeGreaterThan(0);
      expect(new Set(points.map(({ data }) => data.tags?.['testid']))).toStrictEqual(new Set([folder]));
    },
    60_000,
  );
});
