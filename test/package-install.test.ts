// The package as a team meets it: `npm pack` of this repository, `npm install` of the tarball into a fresh project,
// a script written from the README, strict tsc under bundler and nodenext resolution, `npx k6-forge build`, and a
// real k6 run against the demo target when k6 is found.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findK6 } from '../src/cli/runner/k6-binary.ts';
import { REPO_ROOT } from './support/import-graph.ts';

const k6 = findK6();
if (!k6) console.log('SKIPPED: k6 not found');

const scratch = mkdtempSync(join(tmpdir(), 'k6-forge-package-'));
/** The team's project, with the packed tarball installed. */
const project = join(scratch, 'project');
/** The same project with k6-forge linked to this repository, built by the CLI from source. */
const fromSource = join(scratch, 'from-source');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const TYPES_K6 = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> })
  .devDependencies['@types/k6']!;

/** The README's "Writing a script" block, as a team copies it. */
function readmeScript(): string {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Writing a script\n'));
  return /^```ts\n([\s\S]*?)^```$/m.exec(section)![1]!;
}

/** A second script on what the README shows besides: a pool import, the generators, k6's console. */
const EXTRA_SCRIPT = `import customers from 'k6-forge/pool?domain=customer&count=100&seed=42';
import { pool, uniqueId } from 'k6-forge/generators';
import { smokeProfile } from 'k6-forge/scenarios';

const shoppers = pool(customers, { pick: 'random' });
export const options = smokeProfile({ vus: 1, duration: '1s' });
export default function () {
  console.log(shoppers.next().email, uniqueId());
}
`;

const STRICT = { strict: true, noEmit: true, skipLibCheck: true, types: ['k6'], target: 'ES2022' };

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 180_000 });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

/** A bundle with the paths of k6-forge's modules (src/ or compiled/, .ts or .js) and all whitespace taken out. */
function normalised(bundle: string): string {
  return bundle.replace(/^(\/\/ (?:k6-forge-[\w-]+:)?)\S*?(?:src|compiled)\/(\S+)\.(?:ts|js)$/gm, '$1$2').replace(/\s+/g, '');
}

let tarball = '';
beforeAll(() => {
  const packed = run('npm', ['pack', '--pack-destination', scratch, '--silent'], REPO_ROOT);
  expect(packed.code, packed.output).toBe(0);
  tarball = join(scratch, readdirSync(scratch).find((file) => file.endsWith('.tgz'))!);
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'team-load-tests', private: true, type: 'module' }));
  const installed = run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball, `@types/k6@${TYPES_K6}`], project);
  expect(installed.code, installed.output).toBe(0);
  for (const dir of [project, fromSource]) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'load.ts'), readmeScript());
    writeFileSync(join(dir, 'extra.ts'), EXTRA_SCRIPT);
  }
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { ...STRICT, module: 'ESNext', moduleResolution: 'bundler' } }),
  );
  writeFileSync(
    join(project, 'tsconfig.nodenext.json'),
    JSON.stringify({ compilerOptions: { ...STRICT, module: 'nodenext', moduleResolution: 'nodenext' } }),
  );
  mkdirSync(join(fromSource, 'node_modules', '@types'), { recursive: true });
  symlinkSync(REPO_ROOT, join(fromSource, 'node_modules', 'k6-forge'), 'dir');
  symlinkSync(join(project, 'node_modules', '@types', 'k6'), join(fromSource, 'node_modules', '@types', 'k6'), 'dir');
}, 300_000);

describe('the packed package', () => {
  test('holds the compiled package and nothing that only works inside this repository', () => {
    const listed = run('tar', ['tzf', tarball], scratch);
    const files = listed.output
      .trim()
      .split('\n')
      .map((file) => file.replace(/^package\//, ''));
    expect(files.filter((file) => !/^(compiled|bin|templates\/init)\//.test(file)).sort()).toStrictEqual([
      'LICENSE',
      'README.md',
      'dashboards/grafana/k6-forge-comparison.json',
      'dashboards/grafana/k6-forge-overview.json',
      // The bundles smoke-check and drill run under k6.
      'dist/drill-load.js',
      'dist/smoke-check.js',
      'package.json',
      'schemas/baseline.schema.json',
      'schemas/suites.schema.json',
      'schemas/thresholds.schema.json',
      'thresholds.json',
    ]);
    // The scaffold's scripts are TypeScript a team's own build compiles; nothing else ships as source.
    expect(files.filter((file) => file.startsWith('templates/init/'))).toEqual(
      expect.arrayContaining(['templates/init/smoke.ts', 'templates/init/thresholds.json', 'templates/init/_gitignore']),
    );
    expect(files).toEqual(
      expect.arrayContaining(['compiled/lib/index.js', 'compiled/lib/index.d.ts', 'compiled/k6-globals.d.ts', 'compiled/cli/main.js']),
    );
    expect(files.filter((file) => /\.ts$/.test(file) && !file.endsWith('.d.ts') && !file.startsWith('templates/init/'))).toStrictEqual([]);
    expect(existsSync(join(REPO_ROOT, 'compiled')), 'postpack removes compiled/ from the repository').toBe(false);
  });

  test.each([
    ['bundler', 'tsconfig.json'],
    ['nodenext', 'tsconfig.nodenext.json'],
  ])(
    'a README script passes the team’s strict tsc under %s resolution',
    (_, config) => {
      const checked = run(process.execPath, [join(project, 'node_modules/typescript/bin/tsc'), '-p', config], project);
      expect(checked.output).toBe('');
      expect(checked.code).toBe(0);
    },
    60_000,
  );

  test('k6-forge help loads neither the demo target, ws, esbuild nor TypeScript', () => {
    const hooks = join(scratch, 'loaded-hooks.mjs');
    writeFileSync(
      hooks,
      "export async function load(url, context, next) { process.stderr.write('LOADED ' + url + '\\n'); return next(url, context); }\n",
    );
    const register = join(scratch, 'loaded.mjs');
    writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(`file://${hooks}`)});\n`);
    const help = run(process.execPath, ['--import', register, join(project, 'node_modules/k6-forge/bin/k6-forge.mjs'), 'help'], project);
    expect(help.code).toBe(0);
    const loaded = help.output.split('\n').filter((line) => line.startsWith('LOADED '));
    expect(loaded).toContainEqual(expect.stringMatching(/k6-forge\/compiled\/cli\/main\.js$/));
    expect(loaded.filter((line) => /compiled\/demo-target\/|node_modules\/(ws|esbuild|typescript|tsx)\//.test(line))).toStrictEqual([]);
    expect(loaded.filter((line) => /compiled\/cli\/bundle\//.test(line))).toStrictEqual([]);
  });

  test('npx k6-forge build type-checks and bundles the scripts, with no source map', () => {
    const built = run('npx', ['--no', 'k6-forge', 'build', 'load.ts', 'extra.ts'], project);
    expect(built.code, built.output).toBe(0);
    expect(built.output).toContain('type-checked 2 scripts with tsconfig.json');
    expect(readdirSync(join(project, 'dist')).sort()).toStrictEqual(['extra.js', 'load.js']);
    const bundle = readFileSync(join(project, 'dist/load.js'), 'utf8');
    expect(bundle).not.toContain('sourceMappingURL');
    // The lazy-imports plugin matched the compiled .js modules by their `with { lazy }` attributes.
    expect(bundle).toMatch(/^\/\/ k6-forge-per-call:node_modules\/k6-forge\/compiled\/lib\/config\.js$/m);
  }, 120_000);

  test('builds the same bundles as the CLI from source, but for the paths of k6-forge’s modules and whitespace', () => {
    const built = run(process.execPath, [join(REPO_ROOT, 'bin/k6-forge.mjs'), 'build', 'load.ts', 'extra.ts'], fromSource);
    expect(built.code, built.output).toBe(0);
    for (const name of ['load.js', 'extra.js']) {
      const packed = readFileSync(join(project, 'dist', name), 'utf8');
      const source = readFileSync(join(fromSource, 'dist', name), 'utf8');
      expect(source).toContain('/src/lib/');
      expect(normalised(packed), name).toBe(normalised(source));
    }
  }, 120_000);

  test.skipIf(!k6)(
    'runs the README script green under real k6 against the demo target',
    () => {
      const ran = run('npx', ['--no', 'k6-forge', 'run', 'dist/load.js', '--demo-target', '--vus', '2', '--duration', '3s'], project, {
        K6_BIN: k6!,
      });
      expect(ran.code, ran.output).toBe(0);
      expect(ran.output).not.toContain("Couldn't load source map");
    },
    120_000,
  );
});
