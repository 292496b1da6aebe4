import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { buildBundles } from '../src/cli/bundle/build-bundles.ts';

const root = new URL('..', import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'k6-forge-lazy-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function file(name: string, source: string): string {
  const path = join(scratch, name);
  writeFileSync(path, source);
  return path;
}

/** The names of the functions a bundle declares at its top level, which every VU creates when it evaluates the bundle. */
function topLevelFunctions(code: string): string[] {
  return [...code.matchAll(/^(?:async )?function\*? ?([\w$]+)/gm)].map((m) => m[1]!);
}

describe("imports written with { lazy: 'true' }", () => {
  test('become a proxy per export, with the module’s code inside a closure that runs on the first call', async () => {
    file(
      'work.ts',
      'function helper(n: number) { return n * 2; }\nexport function double(n: number) { return helper(n); }\nexport function triple(n: number) { return n * 3; }\n',
    );
    const entry = file(
      'lazy-entry.ts',
      "import { double, triple } from './work.ts' with { lazy: 'true' };\nexport default function () { return double(2) + triple(1); }\n",
    );
    const [bundle] = await buildBundles({ entries: [entry], outdir: join(scratch, 'out') });
    const code = readFileSync(bundle!.file, 'utf8');
    expect(topLevelFunctions(code)).not.toContain('helper');
    expect(topLevelFunctions(code)).not.toContain('double');
    const run = new Function(
      `${code.replace(/^export \{[^}]*\};?$/m, '').replace(/^\/\/# sourceMappingURL.*$/m, '')}\nreturn lazy_entry_default();`,
    );
    expect(run()).toBe(7);
  });

  test('a single export is one case of the bundle’s one lazy dispatcher; the k6 modules a lazy module imports are imported by the bundle', async () => {
    file(
      'vu.ts',
      "import exec from 'k6/execution';\nfunction id() { return exec.vu.idInTest; }\nexport function vu() { return id() * 10; }\n",
    );
    const entry = file('vu-entry.ts', "import { vu } from './vu.ts' with { lazy: 'true' };\nexport default function () { return vu(); }\n");
    const [bundle] = await buildBundles({ entries: [entry], outdir: join(scratch, 'vu') });
    const code = readFileSync(bundle!.file, 'utf8');
    expect(code).toMatch(/^import \w+ from "k6\/execution";$/m);
    expect(topLevelFunctions(code)).toStrictEqual(['k6ForgeLazy', 'vu_entry_default']);
    const imported = /^import (\w+) from "k6\/execution";$/m.exec(code)![1]!;
    const body = code
      .replace(/^import .*$/gm, '')
      .replace(/^export \{[^}]*\};?$/m, '')
      .replace(/^\/\/# sourceMappingURL.*$/m, '');
    const run = new Function(imported, `${body}\nreturn vu_entry_default();`);
    expect(run({ vu: { idInTest: 4 } })).toBe(40);
  });

  test('refuses a lazily imported module that exports anything but functions', async () => {
    file('impure.ts', 'export const LIMIT = 3;\n');
    const entry = file(
      'impure-entry.ts',
      "import * as m from './impure.ts' with { lazy: 'true' };\nexport default function () { return m; }\n",
    );
    const error = await buildBundles({ entries: [entry], outdir: join(scratch, 'bad') }).catch((e: unknown) => e);
    expect(String(error)).toContain('a lazily imported module that exports "LIMIT", which is not a function is not accepted');
  });

  test('in every example bundle, no report renderer and no once-per-run work is a top-level function', async () => {
    const cold = [
      'htmlReport',
      'junitReport',
      'markdownReport',
      'textSummary',
      'readConfig',
      'profileOptions',
      'sharedPlans',
      'requestLogger',
    ];
    for (const name of readdirSync(join(root, 'dist')).filter((f) => f.endsWith('.js'))) {
      const top = topLevelFunctions(readFileSync(join(root, 'dist', name), 'utf8'));
      expect(
        top.filter((fn) => cold.includes(fn)),
        name,
      ).toStrictEqual([]);
    }
  });

  test('a bundle that draws no test data carries no seeded generator state (its catalog keys need none)', () => {
    const smoke = readFileSync(join(root, 'dist', 'smoke.js'), 'utf8');
    expect(smoke).toContain('x-idempotency-key');
    expect(smoke).not.toContain('SEED is not set');
    expect(readFileSync(join(root, 'dist', 'flash-sale.js'), 'utf8')).toContain('SEED is not set');
  });

  test('no example bundle or source map names the folder it was built in', () => {
    for (const name of readdirSync(join(root, 'dist'))) {
      expect(readFileSync(join(root, 'dist', name), 'utf8').includes(root), name).toBe(false);
    }
  });

  test('no example bundle builds a regular expression at its top level (each VU would pay for the RegExp machinery)', () => {
    for (const name of readdirSync(join(root, 'dist')).filter((f) => f.endsWith('.js'))) {
      const code = readFileSync(join(root, 'dist', name), 'utf8');
      const topLevel = code.split('\n').filter((line) => /^(var|let|const) [\w$]+ = (\/[^/*]|new RegExp)/.test(line));
      expect(topLevel, name).toStrictEqual([]);
    }
  });

  test("with { lazy: 'per-call' } the closure runs on every call and is kept by nothing", async () => {
    file(
      'counted.ts',
      'let calls = 0;\nfunction helper() { calls += 1; return calls; }\nexport function count(...values: number[]) { return helper() * 100 + values.length; }\n',
    );
    const entry = file(
      'per-call-entry.ts',
      "import { count } from './counted.ts' with { lazy: 'per-call' };\nexport default function () { return [count(), count(1, 2, 3)]; }\n",
    );
    const [bundle] = await buildBundles({ entries: [entry], outdir: join(scratch, 'per-call') });
    const code = readFileSync(bundle!.file, 'utf8');
    expect(topLevelFunctions(code)).toStrictEqual(['k6ForgeLazy', 'per_call_entry_default']);
    expect(code).not.toMatch(/\bloaded\b/);
    const run = new Function(
      `${code.replace(/^export \{[^}]*\};?$/m, '').replace(/^\/\/# sourceMappingURL.*$/m, '')}\nreturn per_call_entry_default();`,
    );
    // A fresh module per call: its state starts over, and every argument reaches it.
    expect(run()).toStrictEqual([100, 103]);
  });

  test('a lazy module shares the bundle’s ForgeError (instanceof holds) and unused proxies leave no k6 import', async () => {
    const errors = join(root, 'src/lib/errors.ts');
    file(
      'throws.ts',
      `import { invalidOption } from ${JSON.stringify(errors)};\nexport function fail(value: string) { return invalidOption('field', value, 'nothing'); }\n`,
    );
    file('unused.ts', "import { SharedArray } from 'k6/data';\nexport function unused() { return new SharedArray('x', () => []); }\n");
    const entry = file(
      'shared-entry.ts',
      `import { ForgeError } from ${JSON.stringify(errors)};\nimport { fail } from './throws.ts' with { lazy: 'per-call' };\nimport { unused } from './unused.ts' with { lazy: 'true' };\n` +
        'export default function () { try { fail("x"); } catch (error) { return error instanceof ForgeError; } }\nexport function never() { return false && unused(); }\n',
    );
    const [bundle] = await buildBundles({ entries: [entry], outdir: join(scratch, 'shared') });
    const code = readFileSync(bundle!.file, 'utf8');
    expect(code.match(/ForgeError\d* = function/g)).toStrictEqual(['ForgeError = function']);
    expect(code).not.toContain('k6/data');
    const run = new Function(
      `${code.replace(/^export \{[^}]*\};?$/m, '').replace(/^\/\/# sourceMappingURL.*$/m, '')}\nreturn shared_entry_default();`,
    );
    expect(run()).toBe(true);
  });

  test('refuses a lazy attribute other than true or per-call', async () => {
    file('plain.ts', 'export function plain() { return 1; }\n');
    const entry = file(
      'bad-lazy-entry.ts',
      "import { plain } from './plain.ts' with { lazy: 'yes' };\nexport default function () { return plain(); }\n",
    );
    const error = await buildBundles({ entries: [entry], outdir: join(scratch, 'bad-lazy') }).catch((e: unknown) => e);
    expect(String(error)).toContain(`lazy: "yes" is not accepted; expected 'true' (kept after the first call) or 'per-call'`);
  });
});
