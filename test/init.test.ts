import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { PACKAGE_VERSION } from '../src/cli/io/package-version.ts';
import { findK6 } from '../src/cli/runner/k6-binary.ts';
import { parseThresholdsFile } from '../src/lib/thresholds-file.ts';
import { cli } from './support/cli.ts';

const root = new URL('..', import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'k6-forge-init-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const run = promisify(execFile);

const SCAFFOLD = [
  '.gitignore',
  'README.md',
  'load.ts',
  'package.json',
  'shared/storefront.ts',
  'smoke.ts',
  'soak.ts',
  'spike.ts',
  'stress.ts',
  'thresholds.json',
  'tsconfig.json',
];

/** A new empty folder. */
const freshFolder = () => mkdtempSync(join(scratch, 'scaffold-'));

/** Every file under a folder, relative to it, sorted, with its contents and modification time. */
function tree(folder: string): Record<string, { contents: string; mtimeMs: number }> {
  const files: Record<string, { contents: string; mtimeMs: number }> = {};
  for (const name of readdirSync(folder, { recursive: true }) as string[]) {
    const path = join(folder, name);
    if (statSync(path).isFile()) files[name] = { contents: readFileSync(path, 'utf8'), mtimeMs: statSync(path).mtimeMs };
  }
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b)));
}

describe('k6-forge init', () => {
  test('scaffolds a script per profile, thresholds.json with its schema, tsconfig.json, package.json, .gitignore and README.md, printing each', async () => {
    const folder = freshFolder();
    const { code, messages } = await cli('init', folder);
    expect(code).toBe(0);
    expect(Object.keys(tree(folder)).sort()).toStrictEqual([...SCAFFOLD].sort());
    for (const name of SCAFFOLD) expect(messages).toContain(`k6-forge: wrote ${join(folder, name)}`);
    expect(messages.split('\n').at(-4)).toBe(`k6-forge: scaffolded ${folder}; next:`);

    const read = (name: string) => readFileSync(join(folder, name), 'utf8');
    const thresholds = JSON.parse(read('thresholds.json')) as Record<string, unknown>;
    expect(thresholds['$schema']).toBe('./node_modules/k6-forge/schemas/thresholds.schema.json');
    expect(() => parseThresholdsFile(thresholds, 'thresholds.json')).not.toThrow();
    const manifest = JSON.parse(read('package.json')) as { scripts: Record<string, string>; devDependencies: Record<string, string> };
    expect(manifest.devDependencies).toStrictEqual({
      '@types/k6': expect.any(String),
      'k6-forge': `^${PACKAGE_VERSION}`,
      typescript: expect.any(String),
    });
    expect(Object.keys(manifest.scripts)).toEqual(
      expect.arrayContaining(['build', 'test', 'typecheck', 'smoke', 'load', 'stress', 'spike', 'soak']),
    );
    expect(manifest.scripts['build']).toBe('k6-forge build smoke.ts load.ts stress.ts spike.ts soak.ts --outdir dist');
    expect(manifest.scripts['test']).toMatch(/^npm run typecheck && npm run build && k6-forge run smoke --demo-target /);
    const { compilerOptions } = JSON.parse(read('tsconfig.json')) as { compilerOptions: Record<string, unknown> };
    expect(compilerOptions).toMatchObject({ strict: true, noEmit: true, moduleResolution: 'bundler', types: ['k6'], skipLibCheck: true });
    expect(read('.gitignore').split('\n')).toEqual(expect.arrayContaining(['results/', 'dist/']));
    for (const profile of ['smoke', 'load', 'stress', 'spike', 'soak']) {
      expect(read(`${profile}.ts`)).toContain(`${profile}Profile({ vus: config.VUS, duration: config.DURATION })`);
    }
    expect(read('README.md')).toContain('npm test');
  });

  test('run twice changes nothing and exits 0, saying so', async () => {
    const folder = freshFolder();
    expect((await cli('init', folder)).code).toBe(0);
    const before = tree(folder);
    const again = await cli('init', folder);
    expect(again).toStrictEqual({
      code: 0,
      report: '',
      messages: `k6-forge: ${folder} already holds all ${SCAFFOLD.length} files of the scaffold as this version writes them; nothing written`,
    });
    expect(tree(folder)).toStrictEqual(before);
  });

  test('refuses a folder holding one of its files, naming it, and writes nothing', async () => {
    const folder = freshFolder();
    writeFileSync(join(folder, 'package.json'), '{ "name": "ours" }\n');
    const { code, messages } = await cli('init', folder);
    expect(code).toBe(2);
    expect(messages).toBe(
      `k6-forge init: init [dir]: "${folder}", which already holds 1 of the scaffold's ${SCAFFOLD.length} files (package.json (not as init writes it)) is not accepted; expected a folder holding none of them, since init never overwrites a file: move them away or pick another folder`,
    );
    expect(Object.keys(tree(folder))).toStrictEqual(['package.json']);
    expect(readFileSync(join(folder, 'package.json'), 'utf8')).toBe('{ "name": "ours" }\n');
  });

  test('refuses a partial scaffold too, even one whose files are all as init writes them: it fills in nothing', async () => {
    const folder = freshFolder();
    expect((await cli('init', folder)).code).toBe(0);
    rmSync(join(folder, 'soak.ts'));
    const before = tree(folder);
    const { code, messages } = await cli('init', folder);
    expect(code).toBe(2);
    expect(messages).toContain(
      `which already holds ${SCAFFOLD.length - 1} of the scaffold's ${SCAFFOLD.length} files (.gitignore, README.md,`,
    );
    expect(tree(folder)).toStrictEqual(before);
  });

  test.each([
    [['init', 'a', 'b'], 'k6-forge init: init [dir]: "a b" is not accepted; expected at most one folder'],
    [['init', '--force'], "k6-forge init: Unknown option '--force'"],
  ])('%j is bad input: exit 2 and a message naming the argument', async (argv, message) => {
    const { code, messages } = await cli(...argv);
    expect(code).toBe(2);
    expect(messages).toContain(message);
  });

  test('refuses a file where the folder should be', async () => {
    const file = join(scratch, 'a-file');
    writeFileSync(file, '');
    expect(await cli('init', file)).toStrictEqual({
      code: 2,
      report: '',
      messages: `k6-forge init: init [dir]: "${file}" is not accepted; expected a folder, or a path where one can be created`,
    });
  });

  test('writes tests/load under the working folder by default (through the bin, as a team runs it)', async () => {
    const project = freshFolder();
    const { stderr } = await run(process.execPath, [join(root, 'bin', 'k6-forge.mjs'), 'init'], { cwd: project });
    expect(stderr).toContain(`k6-forge: wrote ${join('tests', 'load', 'smoke.ts')}`);
    expect(Object.keys(tree(join(project, 'tests', 'load'))).sort()).toStrictEqual([...SCAFFOLD].sort());
  });
});

describe('the scaffold, on a packed k6-forge', () => {
  const k6 = findK6();
  const project = join(scratch, 'team');
  const folder = join(project, 'tests', 'load');
  const bin = join(folder, 'node_modules', '.bin', 'k6-forge');

  test('installs the packed package, type-checks, builds, and passes a smoke run against the demo target', {
    timeout: 300_000,
  }, async () => {
    const packs = join(scratch, 'pack');
    mkdirSync(packs);
    await run('npm', ['pack', '--pack-destination', packs, '--silent'], { cwd: root });
    const [tarball] = readdirSync(packs);
    mkdirSync(project);
    await run(process.execPath, [join(root, 'bin', 'k6-forge.mjs'), 'init'], { cwd: project });
    await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', join(packs, tarball!)], { cwd: folder });
    expect(existsSync(join(folder, 'node_modules', 'k6-forge', 'templates', 'init', 'smoke.ts'))).toBe(true);
    expect(existsSync(join(folder, 'node_modules', 'k6-forge', 'schemas', 'thresholds.schema.json'))).toBe(true);

    const tsc = await run(join(folder, 'node_modules', '.bin', 'tsc'), [], { cwd: folder }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );
    expect(tsc, 'the package ships declarations, so the scaffold passes a strict tsc').toStrictEqual({ code: 0, stdout: '' });

    const build = await run(bin, ['build', 'smoke.ts', 'load.ts', 'stress.ts', 'spike.ts', 'soak.ts', '--outdir', 'dist'], { cwd: folder });
    expect(build.stderr.split('\n').slice(0, 2)).toStrictEqual([
      'type-checked 5 scripts with tsconfig.json',
      "embedded thresholds: thresholds.json merged over k6-forge's neutral default node_modules/k6-forge/thresholds.json",
    ]);
    expect(build.stderr).toContain('  endpoint limits: 2 (health, product_get)');
    expect(
      readdirSync(join(folder, 'dist'))
        .filter((name) => name.endsWith('.js'))
        .sort(),
    ).toStrictEqual(['load.js', 'smoke.js', 'soak.js', 'spike.js', 'stress.js']);

    if (!k6) {
      console.log('SKIPPED: k6 not found');
      return;
    }
    // The scaffold's own test command: type check, build, and a short smoke run against the demo target.
    const smoke = await run('npm', ['test'], {
      cwd: folder,
      env: { ...process.env, K6_BIN: k6 },
    }).then(
      ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, output: error.stdout + error.stderr }),
    );
    expect(smoke.code, smoke.output).toBe(0);
    expect(smoke.output).toContain('k6-forge: ✓ smoke passed');
    const results = readdirSync(join(folder, 'results'));
    expect(results).toHaveLength(1);
    expect(readdirSync(join(folder, 'results', results[0]!)).sort()).toEqual(expect.arrayContaining(['smoke-summary.json']));
  });
});
