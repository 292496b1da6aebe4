import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { buildBundles } from '../src/cli/bundle/build-bundles.ts';
import { findK6 } from '../src/cli/runner/k6-binary.ts';

const root = new URL('..', import.meta.url).pathname;
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const k6 = findK6();
if (!k6) console.log('SKIPPED: k6 not found (set K6_BIN or put k6 on PATH to run the README script under real k6)');

/** A project folder as a team has one: its scripts import `k6-forge/...` from `node_modules/k6-forge`, this repository. */
const project = mkdtempSync(join(tmpdir(), 'k6-forge-readme-'));
mkdirSync(join(project, 'node_modules'));
symlinkSync(root, join(project, 'node_modules', 'k6-forge'), 'dir');
// k6's types, as the team installed them (npm install -D @types/k6), for the type check run and build do.
mkdirSync(join(project, 'node_modules', '@types'));
symlinkSync(join(root, 'node_modules', '@types', 'k6'), join(project, 'node_modules', '@types', 'k6'), 'dir');
afterAll(() => rmSync(project, { recursive: true, force: true }));

/** One TypeScript block of the README: the heading it is under, and its code with the list indentation removed. */
interface ReadmeScript {
  readonly heading: string;
  readonly code: string;
}

/** Every ```ts block of the README, in order. */
function readmeScripts(text: string): ReadmeScript[] {
  const scripts: ReadmeScript[] = [];
  for (const match of text.matchAll(/^( *)```ts\n([\s\S]*?)^\1```$/gm)) {
    const indent = match[1]!.length;
    const heading = [...text.slice(0, match.index).matchAll(/^#+ (.+)$/gm)].at(-1)?.[1] ?? '(top)';
    const code = match[2]!
      .split('\n')
      .map((line) => line.slice(indent))
      .join('\n');
    scripts.push({ heading, code });
  }
  return scripts;
}

const scripts = readmeScripts(readme);
const entries = scripts.map(({ code }, i) => {
  const file = join(project, `readme-${i + 1}.ts`);
  writeFileSync(file, code);
  return file;
});
const writing = scripts.findIndex(({ heading }) => heading === 'Writing a script');

describe('the README’s scripts', () => {
  test('has TypeScript blocks, one of them under "Writing a script"', () => {
    expect(scripts.length).toBeGreaterThanOrEqual(4);
    expect(writing).toBeGreaterThanOrEqual(0);
    expect(scripts[writing]!.code).toContain('sleep(');
  });

  test('each builds, as written, in a project that installed k6-forge', async () => {
    const bundles = await buildBundles({ entries, outdir: join(project, 'dist') });
    expect(bundles.map(({ file }) => basename(file))).toStrictEqual(entries.map((entry) => basename(entry).replace(/\.ts$/, '.js')));
  }, 60_000);

  test.skipIf(!k6)(
    '"Writing a script" runs green against the demo target under real k6, a few requests per VU and second',
    async () => {
      const run = spawn(
        process.execPath,
        [join(root, 'bin/k6-forge.mjs'), 'run', entries[writing]!, '--demo-target', '--vus', '2', '--duration', '4s'],
        { cwd: project, env: { ...process.env, K6_BIN: k6! } },
      );
      let output = '';
      run.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      run.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => run.on('exit', resolve));
      expect(code, output).toBe(0);
      const [folder] = readdirSync(join(project, 'results'));
      const results = join(project, 'results', folder!);
      const summary = JSON.parse(readFileSync(join(results, 'load-summary.json'), 'utf8')) as {
        meta: { verdict: { result: string } };
        metrics: Record<string, { values: Record<string, number> }>;
      };
      expect(summary.meta.verdict.result).toBe('pass');
      expect(summary.metrics['checks']!.values['rate']).toBe(1);
      // 2 VUs for 4 s, each iteration two requests and a 1 s sleep: about 16 requests, not thousands.
      expect(summary.metrics['http_reqs']!.values['count']).toBeGreaterThan(4);
      expect(summary.metrics['http_reqs']!.values['count']).toBeLessThan(40);
    },
    60_000,
  );
});
