import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, test, vi } from 'vitest';
import { main } from '../src/cli/main.ts';
import { findK6, K6_INSTALL_HINT } from '../src/cli/runner/k6-binary.ts';
import { createResultsDir, resolveScript, scriptVariables } from '../src/cli/runner/run-script.ts';
import { fakeK6 } from './support/fake-k6.ts';

const scratch = mkdtempSync(join(tmpdir(), 'k6-forge-cli-'));
const results = join(scratch, 'results');
/** A run's folder: `<results>/<UTC timestamp>`, with `-N` when that folder existed. */
const RUN_FOLDER = /\/results\/\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ(-\d+)?$/;
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
/** A folder holding an earlier run's file. */
const earlierRun = join(scratch, 'earlier-run');
mkdirSync(earlierRun);
writeFileSync(join(earlierRun, 'smoke-summary.json'), '{}');
afterEach(() => vi.unstubAllEnvs());

function capture(): { lines: string[]; print: (line: string) => void } {
  const lines: string[] = [];
  return { lines, print: (line) => lines.push(line) };
}

describe('findK6', () => {
  test('prefers K6_BIN, then k6 on PATH, else nothing', () => {
    const { bin } = fakeK6(scratch);
    expect(findK6({ K6_BIN: bin, PATH: '' })).toBe(bin);
    expect(findK6({ PATH: `/nonexistent:${scratch}` })).toBe(bin);
    expect(findK6({ PATH: '/nonexistent' })).toBeUndefined();
  });

  test('finds k6.exe on Windows, in a Path split at semicolons, and no k6 without .exe', () => {
    const folder = join(scratch, 'windows');
    mkdirSync(folder);
    writeFileSync(join(folder, 'k6.exe'), '', { mode: 0o755 });
    expect(findK6({ Path: `C:\\nonexistent;${folder}` }, 'win32')).toBe(join(folder, 'k6.exe'));
    expect(findK6({ PATH: `${folder};C:\\nonexistent` }, 'win32')).toBe(join(folder, 'k6.exe'));
    expect(findK6({ PATH: folder }, 'linux')).toBeUndefined();
    expect(findK6({ PATH: scratch }, 'win32')).toBeUndefined();
  });

  test('rejects a K6_BIN that is not an executable file', () => {
    expect(() => findK6({ K6_BIN: '/etc/hostname-missing' })).toThrow('K6_BIN: "/etc/hostname-missing" is not accepted');
  });
});

describe('k6-forge run', () => {
  test('without k6 says how to install it or use Docker, and exits 127', async () => {
    vi.stubEnv('K6_BIN', undefined);
    vi.stubEnv('PATH', '/nonexistent');
    const out = capture();
    expect(await main(['run', 'smoke'], out.print)).toBe(127);
    expect(out.lines).toStrictEqual([K6_INSTALL_HINT]);
    expect(K6_INSTALL_HINT).toContain('grafana/k6');
  });

  test('passes VUS, DURATION, -e variables and exported secrets through the environment and returns k6’s exit code', async () => {
    const { bin, report } = fakeK6(scratch);
    vi.stubEnv('K6_BIN', bin);
    vi.stubEnv('FAKE_K6_EXIT', '99');
    vi.stubEnv('TOKEN', 's3cr3t');
    const argv = [
      'run',
      'dist/smoke.js',
      '--vus',
      '5',
      '--duration',
      '30s',
      '-e',
      'PAGE=3',
      '-e',
      'BASE_URL=http://127.0.0.1:9',
      '--results',
      results,
    ];
    const code = await main(argv, capture().print);
    expect(code).toBe(99);
    const seen = JSON.parse(readFileSync(report, 'utf8')) as { args: string[]; env: Record<string, string> };
    expect(seen.args).toStrictEqual(['run', '--tag', `testid=${basename(seen.env['RESULTS_DIR']!)}`, 'dist/smoke.js']);
    expect(seen.env).toStrictEqual({
      VUS: '5',
      DURATION: '30s',
      PAGE: '3',
      TOKEN: 's3cr3t',
      BASE_URL: 'http://127.0.0.1:9',
      RESULTS_DIR: expect.stringMatching(RUN_FOLDER),
    });
  });

  test('--demo-target starts the demo target, points BASE_URL at it and stops it afterwards', async () => {
    const { bin, report } = fakeK6(scratch);
    vi.stubEnv('K6_BIN', bin);
    vi.stubEnv('FAKE_K6_EXIT', '0');
    const out = capture();
    expect(await main(['run', 'smoke', '--demo-target', '--results', results], out.print)).toBe(0);
    const seen = JSON.parse(readFileSync(report, 'utf8')) as {
      args: string[];
      env: { BASE_URL: string; RESULTS_DIR: string };
      health: number;
    };
    expect(seen.args).toStrictEqual(['run', '--tag', `testid=${basename(seen.env.RESULTS_DIR)}`, 'dist/smoke.js']);
    expect(seen.env.BASE_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(seen.health).toBe(200);
    expect(out.lines).toStrictEqual([
      `k6-forge: demo target listening at ${seen.env.BASE_URL}`,
      `k6-forge: results in ${seen.env.RESULTS_DIR}`,
    ]);
    await expect(fetch(`${seen.env.BASE_URL}/health`)).rejects.toThrow();
  });

  test('passes the flags after -- to k6 run before the script, and keeps a testid the flags tag', async () => {
    const { bin, report } = fakeK6(scratch);
    vi.stubEnv('K6_BIN', bin);
    vi.stubEnv('FAKE_K6_EXIT', '0');
    const flags = ['--out', 'json=x.json', '--summary-mode=full', '--tag', 'team=payments'];
    expect(await main(['run', 'smoke', '--results', results, '--', ...flags], capture().print)).toBe(0);
    const seen = JSON.parse(readFileSync(report, 'utf8')) as { args: string[]; env: { RESULTS_DIR: string } };
    expect(seen.args).toStrictEqual(['run', '--tag', `testid=${basename(seen.env.RESULTS_DIR)}`, ...flags, 'dist/smoke.js']);
    for (const own of [['--tag', 'testid=nightly-42'], ['--tag=testid=nightly-42']]) {
      expect(await main(['run', 'smoke', '--results', results, '--', ...own], capture().print)).toBe(0);
      expect((JSON.parse(readFileSync(report, 'utf8')) as { args: string[] }).args).toStrictEqual(['run', ...own, 'dist/smoke.js']);
    }
  });

  test('--dashboard exports k6’s web dashboard into the results folder, live on a free loopback port', async () => {
    const { bin, report } = fakeK6(scratch);
    vi.stubEnv('K6_BIN', bin);
    vi.stubEnv('FAKE_K6_EXIT', '0');
    expect(await main(['run', 'smoke', '--dashboard', '--results', results], capture().print)).toBe(0);
    const { env } = JSON.parse(readFileSync(report, 'utf8')) as { env: Record<string, string> };
    expect(env).toMatchObject({
      K6_WEB_DASHBOARD: 'true',
      K6_WEB_DASHBOARD_EXPORT: resolve(env['RESULTS_DIR']!, 'dashboard.html'),
      K6_WEB_DASHBOARD_PORT: '0',
      K6_WEB_DASHBOARD_HOST: '127.0.0.1',
      K6_WEB_DASHBOARD_PERIOD: '1s',
    });
  });

  test('builds a TypeScript script into the run’s results folder first and runs that bundle', async () => {
    const { bin, report } = fakeK6(scratch);
    vi.stubEnv('K6_BIN', bin);
    vi.stubEnv('FAKE_K6_EXIT', '0');
    const out = capture();
    expect(await main(['run', 'examples/smoke.ts', '--results', results], out.print)).toBe(0);
    const seen = JSON.parse(readFileSync(report, 'utf8')) as { args: string[]; env: { RESULTS_DIR: string } };
    const folder = seen.env.RESULTS_DIR;
    expect(seen.args).toStrictEqual(['run', '--tag', `testid=${basename(folder)}`, join(folder, 'smoke.js')]);
    expect(readdirSync(folder).sort()).toStrictEqual(['fake-summary.json', 'smoke.js']);
    expect(out.lines[0]).toBe(`k6-forge: building examples/smoke.ts into ${folder}`);
    expect(out.lines).toContain(
      "embedded thresholds: thresholds.json, k6-forge's neutral default (global, scenario and gate limits, no endpoint limits; a ./thresholds.json or --thresholds file is merged over it)",
    );
    expect(out.lines.at(-1)).toBe(`k6-forge: results in ${folder}`);
  });

  test('removes the bundle of a TypeScript script with its folder when k6 writes no results, and a build that fails starts no k6', async () => {
    const { bin } = fakeK6(scratch);
    vi.stubEnv('K6_BIN', bin);
    vi.stubEnv('FAKE_K6_EXIT', '107');
    vi.stubEnv('FAKE_K6_RESULTS', 'none');
    const root = join(scratch, 'typescript-results');
    const out = capture();
    expect(await main(['run', 'examples/smoke.ts', '--results', root], out.print)).toBe(107);
    expect(out.lines.at(-1)).toMatch(
      /^k6-forge: no results: k6 ended with exit code 107 before handleSummary wrote any, so .* was removed$/,
    );
    expect(readdirSync(root)).toStrictEqual([]);
    const broken = join(scratch, 'broken.ts');
    writeFileSync(broken, "import { readFileSync } from 'node:fs';\nexport default function () { readFileSync('x'); }\n");
    const failed = capture();
    expect(await main(['run', broken, '--results', root], failed.print)).toBe(2);
    expect(failed.lines.join('\n')).toContain('imports the Node built-in "node:fs", which k6 does not have');
    expect(failed.lines).toContainEqual(expect.stringMatching(/^k6-forge: no results: k6 did not start, so .* was removed$/));
    expect(readdirSync(root)).toStrictEqual([]);
  });

  test('refuses an exported K6_INCLUDE_SYSTEM_ENV_VARS=false, which would hide RESULTS_DIR and BASE_URL from the script', async () => {
    vi.stubEnv('K6_BIN', fakeK6(scratch).bin);
    vi.stubEnv('K6_INCLUDE_SYSTEM_ENV_VARS', 'false');
    const out = capture();
    expect(await main(['run', 'smoke', '--results', results], out.print)).toBe(2);
    expect(out.lines.join('\n')).toContain(
      'K6_INCLUDE_SYSTEM_ENV_VARS: "false" is not accepted; expected the system environment passed to the script',
    );
  });

  test('refuses the bundle of a TypeScript script that imports a k6 module this k6 lacks, and removes it', async () => {
    vi.stubEnv('K6_BIN', fakeK6(scratch).bin);
    vi.stubEnv('FAKE_K6_VERSION', 'v1.3.0');
    const root = join(scratch, 'typescript-refused');
    const out = capture();
    expect(await main(['run', 'examples/messaging.ts', '--results', root], out.print)).toBe(2);
    expect(out.lines.join('\n')).toMatch(/messaging\.js: an import of "k6\/websockets", which k6 v1\.3\.0 does not have is not accepted/);
    expect(readdirSync(root)).toStrictEqual([]);
  });

  test('gives every run a fresh results folder as RESULTS_DIR and prints it at the end', async () => {
    const { bin, report } = fakeK6(scratch);
    vi.stubEnv('K6_BIN', bin);
    vi.stubEnv('FAKE_K6_EXIT', '0');
    const folders: string[] = [];
    for (let run = 0; run < 2; run += 1) {
      const out = capture();
      expect(await main(['run', 'dist/smoke.js', '--results', results], out.print)).toBe(0);
      const folder = (JSON.parse(readFileSync(report, 'utf8')) as { env: { RESULTS_DIR: string } }).env.RESULTS_DIR;
      expect(folder).toMatch(RUN_FOLDER);
      expect(statSync(folder).isDirectory()).toBe(true);
      expect(out.lines).toStrictEqual([`k6-forge: results in ${folder}`]);
      folders.push(folder);
    }
    expect(new Set(folders).size).toBe(2);
  });

  test('creates a RESULTS_DIR given with -e or exported (k6 cannot), passes it, and reports the files there', async () => {
    const { bin, report } = fakeK6(scratch);
    vi.stubEnv('K6_BIN', bin);
    vi.stubEnv('FAKE_K6_EXIT', '0');
    for (const [folder, argv] of [
      [join(scratch, 'given', 'nested'), ['-e', `RESULTS_DIR=${join(scratch, 'given', 'nested')}`]],
      [join(scratch, 'exported'), []],
    ] as const) {
      if (argv.length === 0) vi.stubEnv('RESULTS_DIR', folder);
      const out = capture();
      expect(await main(['run', 'dist/smoke.js', ...argv], out.print)).toBe(0);
      expect((JSON.parse(readFileSync(report, 'utf8')) as { env: { RESULTS_DIR: string } }).env.RESULTS_DIR).toBe(folder);
      expect(statSync(join(folder, 'fake-summary.json')).isFile()).toBe(true);
      expect(out.lines).toStrictEqual([`k6-forge: results in ${folder}`]);
    }
  });

  test('refuses a bundle that imports a k6 module this k6 lacks, naming the module and the version it needs', async () => {
    const { bin } = fakeK6(scratch);
    vi.stubEnv('K6_BIN', bin);
    vi.stubEnv('FAKE_K6_VERSION', 'v1.3.0');
    const out = capture();
    expect(await main(['run', 'messaging', '--results', results], out.print)).toBe(2);
    expect(out.lines.join('\n')).toContain(
      'dist/messaging.js: an import of "k6/websockets", which k6 v1.3.0 does not have is not accepted; expected k6 v1.6.0 or newer for this script',
    );
    vi.stubEnv('FAKE_K6_VERSION', 'v1.6.0');
    expect(await main(['run', 'messaging', '--results', results], capture().print)).toBe(0);
  });

  test('createResultsDir names the folder by UTC time and adds a suffix instead of reusing one', () => {
    const root = join(scratch, 'stamped');
    const when = new Date('2025-06-01T12:30:05.678Z');
    expect(createResultsDir(root, when)).toBe(join(root, '2025-06-01T12-30-05Z'));
    expect(createResultsDir(root, when)).toBe(join(root, '2025-06-01T12-30-05Z-2'));
    expect(createResultsDir(root, when)).toBe(join(root, '2025-06-01T12-30-05Z-3'));
  });

  test.each([
    [
      ['run', 'smoke', '-e', 'RESULTS_DIR=x', '--results', 'y'],
      'RESULTS_DIR: "x" is not accepted; expected either RESULTS_DIR (the run\'s own folder) or --results',
    ],
    [
      ['run', 'smoke', '-e', 'RESULTS_DIR=package.json/x'],
      'RESULTS_DIR: "package.json/x", which cannot be made a folder (a file is in the way) is not accepted',
    ],
    [
      ['run', 'smoke', '-e', `RESULTS_DIR=${earlierRun}`],
      `RESULTS_DIR: ${JSON.stringify(earlierRun)}, a folder that already holds 1 entry is not accepted; expected a new or empty folder`,
    ],
    [
      ['run', 'nosuch'],
      'scenario: "nosuch" is not accepted; expected a script path or a bundle in dist/: dealer, drill-load, flash-sale, gateway-baseline,',
    ],
    [['run', 'smoke', '--vus', 'ten'], '--vus: "ten" is not accepted; expected a whole number greater than 0'],
    [['run', 'smoke', '--duration', '5 min'], '--duration: "5 min" is not accepted'],
    [['run', 'smoke', '-e', 'NOVALUE'], '-e: "NOVALUE" is not accepted; expected KEY=VALUE'],
    [['run', 'smoke', '--vus', '2', '-e', 'VUS=3'], 'VUS: two values is not accepted'],
    [
      ['run', 'smoke', '--demo-target', '-e', 'BASE_URL=http://x'],
      'BASE_URL: "http://x" is not accepted; expected no BASE_URL with --demo-target',
    ],
    [
      ['run', 'smoke', '--embedded-target', '-e', 'BASE_URL=http://x'],
      'BASE_URL: "http://x" is not accepted; expected no BASE_URL with --demo-target',
    ],
    [['run'], 'run: nothing is not accepted; expected one scenario name or script path, then at most an environment'],
    [['run', 'smoke', '--', '-e', 'RESULTS_DIR=x'], '-- --env: "-e" is not accepted; expected k6-forge\'s own -e KEY=VALUE before --'],
    [['run', 'smoke', '--', '--env=BASE_URL=http://x'], '-- --env: "--env=BASE_URL=http://x" is not accepted'],
    [['run', 'smoke', '--', '--vus', '50'], '-- --vus: "--vus" is not accepted; expected k6-forge\'s --vus N and --duration D before --'],
    [['run', 'smoke', '--', '-d30s'], '-- --duration: "-d30s" is not accepted'],
    [['run', 'smoke', '--', '--iterations=10'], '-- --iterations: "--iterations=10" is not accepted'],
    [['run', 'smoke', '--', '-s', '10s:5'], '-- --stage: "-s" is not accepted'],
    [
      ['run', 'smoke', '--', '--include-system-env-vars=false'],
      '-- --include-system-env-vars: "--include-system-env-vars=false" is not accepted; expected the system environment',
    ],
    [['run', 'smoke', '--fast'], "Unknown option '--fast'"],
    [['run', 'smoke', '--', '--include-system-env-vars=0'], '-- --include-system-env-vars: "--include-system-env-vars=0"'],
  ])('%j exits 2 with a message that names the problem', async (argv, message) => {
    vi.stubEnv('K6_BIN', fakeK6(scratch).bin);
    const out = capture();
    expect(await main(argv, out.print)).toBe(2);
    expect(out.lines.join('\n')).toContain(message);
  });
});

describe('k6-forge build and the rest of the command line', () => {
  test('build says what it type-checked with, prints the thresholds it embedded, then each bundle and its size', async () => {
    const out = capture();
    expect(await main(['build', 'examples/smoke.ts', '--outdir', join(scratch, 'dist')], out.print)).toBe(0);
    expect(out.lines).toHaveLength(7);
    expect(out.lines[0]).toBe('type-checked examples/smoke.ts with tsconfig.json');
    expect(out.lines[1]).toBe(
      "embedded thresholds: thresholds.json, k6-forge's neutral default (global, scenario and gate limits, no endpoint limits; a ./thresholds.json or --thresholds file is merged over it)",
    );
    expect(out.lines[5]).toMatch(/^ {2}gates: baseline: /);
    expect(out.lines[6]).toMatch(/smoke\.js\s+\d+\.\d KB$/);
  });

  test('build type-checks first: each error as file:line:col message, exit 2 and no bundle written', async () => {
    const bad = join(scratch, 'typo.ts');
    writeFileSync(bad, "const pause = (seconds: number) => seconds;\nexport default function () {\n  pause('1s');\n}\n");
    const outdir = join(scratch, 'typo-dist');
    const out = capture();
    expect(await main(['build', bad, '--outdir', outdir], out.print)).toBe(2);
    expect(out.lines).toStrictEqual([
      `${relative(process.cwd(), bad)}:3:9 Argument of type 'string' is not assignable to parameter of type 'number'. (TS2345)`,
      'k6-forge build: 1 type error (checked with tsconfig.json); no bundle written (--no-typecheck bundles without checking)',
    ]);
    expect(() => readdirSync(outdir)).toThrow();
    expect(await main(['build', bad, '--outdir', outdir, '--no-typecheck'], capture().print)).toBe(0);
    expect(readdirSync(outdir)).toStrictEqual(['typo.js']);
  });

  test('run type-checks a TypeScript script as build does and exits 2 before k6 starts', async () => {
    const bad = join(scratch, 'run-typo.ts');
    writeFileSync(bad, 'export default function () { const n: number = "x"; return n; }\n');
    const { bin, report } = fakeK6(mkdtempSync(join(scratch, 'typo-k6-')));
    vi.stubEnv('K6_BIN', bin);
    const out = capture();
    expect(await main(['run', bad, '--results', join(scratch, 'typo-results')], out.print)).toBe(2);
    expect(out.lines.some((line) => /run-typo\.ts:1:36 Type 'string' is not assignable to type 'number'\. \(TS2322\)$/.test(line))).toBe(
      true,
    );
    expect(out.lines.at(-1)).toContain('1 type error (above) is not accepted; expected a script that type-checks with tsconfig.json');
    expect(() => readFileSync(report)).toThrow();
  });

  test.each([
    [['build', 'examples/smoke.ts', '--sourcemap', 'full'], '--sourcemap: "full" is not accepted; expected one of none, inline, linked', 2],
    [['build'], 'build: no files is not accepted; expected one or more entry scripts', 2],
    [['build', 'examples/nope.ts'], 'entry: "examples/nope.ts" is not accepted; expected an existing script file', 2],
    [['launch'], 'unknown command "launch"', 2],
    [[], 'Usage: k6-forge <command>', 2],
    [['help'], 'Usage: k6-forge <command>', 0],
  ])('%j prints %j and exits %i', async (argv, message, code) => {
    const out = capture();
    expect(await main(argv, out.print)).toBe(code);
    expect(out.lines.join('\n')).toContain(message);
  });
});

describe('scriptVariables and resolveScript', () => {
  test('keep = signs inside values and resolve names in dist/', () => {
    expect(scriptVariables({ env: ['QUERY=a=b'] })).toStrictEqual({ QUERY: 'a=b' });
    expect(resolveScript('flash-sale')).toBe(join('dist', 'flash-sale.js'));
    expect(resolveScript('examples/smoke.ts')).toBe('examples/smoke.ts');
  });
});

describe('k6-forge help and version', () => {
  test.each(['build', 'run', 'demo-target', 'target', 'gate', 'compare', 'baseline', 'analyze', 'pool'])(
    '%s --help prints its own usage and exits 0',
    async (name) => {
      for (const flag of ['--help', '-h']) {
        const out = capture();
        expect(await main([name, flag], out.print)).toBe(0);
        expect(out.lines).toHaveLength(1);
        expect(out.lines[0]).toMatch(new RegExp(`^Usage: k6-forge ${name === 'target' ? 'demo-target' : name} `));
        expect(out.lines[0]).not.toContain('Commands:');
      }
    },
  );

  test('--help after other arguments still prints the usage, and runs nothing', async () => {
    const out = capture();
    expect(await main(['gate', 'results/nowhere', '--help'], out.print)).toBe(0);
    expect(out.lines[0]).toMatch(/^Usage: k6-forge gate /);
  });

  test('the overview lists every command', async () => {
    const out = capture();
    expect(await main(['--help'], out.print)).toBe(0);
    for (const name of ['build', 'run', 'demo-target', 'gate', 'compare', 'baseline', 'analyze', 'pool'])
      expect(out.lines[0]).toMatch(new RegExp(`\\n  ${name} `));
  });

  test('--version prints the version of package.json on stdout', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    const messages = capture();
    const report = capture();
    expect(await main(['--version'], messages.print, report.print)).toBe(0);
    expect(report.lines).toStrictEqual([version]);
    expect(messages.lines).toStrictEqual([]);
  });

  test("a bad option prints the command's usage, not the overview", async () => {
    const out = capture();
    expect(await main(['compare', '--nope'], out.print)).toBe(2);
    expect(out.lines[0]).toContain('Usage: k6-forge compare ');
    expect(out.lines[0]).not.toContain('Commands:');
  });
});
