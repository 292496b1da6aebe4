import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { buildBundles } from '../src/cli/bundle/build-bundles.ts';
import {
  gateLimits,
  mergeThresholdsFiles,
  readThresholdsFile,
  thresholdsDescription,
  thresholdsWarnings,
} from '../src/cli/limits/thresholds-source.ts';
import { parseThresholdsFile } from '../src/lib/thresholds-file.ts';

const root = new URL('..', import.meta.url).pathname;
const { $schema: _schema, ...packaged } = parseThresholdsFile(JSON.parse(readFileSync(join(root, 'thresholds.json'), 'utf8')));
const scratch = mkdtempSync(join(tmpdir(), 'k6-forge-thresholds-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function file(name: string, content: unknown): string {
  const path = join(scratch, name);
  writeFileSync(path, JSON.stringify(content));
  return path;
}

describe('readThresholdsFile', () => {
  test('merges a partial project file over the packaged one: a gates-only file keeps every scenario and endpoint limit', async () => {
    const path = file('gates-only.json', { gates: { load: { p95: 800, errorRate: 0.02 } } });
    const source = await readThresholdsFile(path);
    expect(source.merged).toBe(true);
    expect(source.file.global).toStrictEqual(packaged.global);
    expect(source.file.scenarios).toStrictEqual(packaged.scenarios);
    expect(source.file.endpoints).toStrictEqual(packaged.endpoints);
    expect(source.file.gates).toStrictEqual({ ...packaged.gates, load: { p95: 800, errorRate: 0.02 } });
  });

  test('a project limit replaces only that limit of its scenario', async () => {
    const path = file('smoke-p95.json', { scenarios: { smoke: { p95: 300 } }, global: { p99: 700 } });
    const { file: merged } = await readThresholdsFile(path);
    expect(merged.scenarios?.['smoke']).toStrictEqual({ p95: 300, errorRate: 0.01, abortOnFail: true, delayAbortEval: '10s' });
    expect(merged.global).toStrictEqual({ p95: 500, p99: 700, errorRate: 0.01 });
  });

  test('reads the packaged file as it is, unmerged', async () => {
    const source = await readThresholdsFile(join(root, 'thresholds.json'));
    expect(source).toStrictEqual({ path: join(root, 'thresholds.json'), merged: false, file: packaged });
  });
});

describe('mergeThresholdsFiles', () => {
  test('adds names and keys from both sides, the project winning key by key', () => {
    expect(
      mergeThresholdsFiles(
        { endpoints: { a: { p95: 1, p99: 2 } } },
        { endpoints: { a: { p99: 3 }, b: { p95: 4 } }, gates: { g: { errorRate: 0.5 } } },
      ),
    ).toStrictEqual({ endpoints: { a: { p95: 1, p99: 3 }, b: { p95: 4 } }, gates: { g: { errorRate: 0.5 } } });
  });
});

describe('thresholdsWarnings', () => {
  test('names each scenario and gate left without an error-rate limit', () => {
    expect(
      thresholdsWarnings({
        global: { p95: 500 },
        scenarios: { load: { p95: 400 }, smoke: { errorRate: 0.01 } },
        gates: { spike: { p95: 500 } },
      }),
    ).toStrictEqual([
      'thresholds: global has no errorRate, so a scenario without limits of its own has no error-rate limit',
      'thresholds: scenario load has no error-rate limit (no errorRate in scenarios.load or global)',
      'thresholds: gate spike has no error-rate limit (no errorRate in gates.spike, scenarios.spike or global)',
    ]);
  });

  test('has nothing to say about the packaged file', () => {
    expect(thresholdsWarnings(packaged)).toStrictEqual([]);
  });
});

describe('the build', () => {
  test('prints the thresholds it embedded: the file, the scenario and endpoint limits and the gates', async () => {
    const path = file('gates-only-build.json', { gates: { load: { p95: 800 } } });
    const entry = join(scratch, 'entry.ts');
    writeFileSync(
      entry,
      `import { thresholdsFor } from '${root}src/lib/thresholds.ts';\nexport const options = { thresholds: thresholdsFor('load') };\nexport default function () {}\n`,
    );
    const lines: string[] = [];
    const [bundle] = await buildBundles({
      entries: [entry],
      outdir: join(scratch, 'out'),
      thresholds: path,
      log: (line) => lines.push(line),
    });
    expect(lines).toStrictEqual([
      `embedded thresholds: ${path} merged over k6-forge's neutral default thresholds.json`,
      '  global: p(95)<500 p(99)<1000 errorRate<0.01',
      '  scenario limits: 8 (smoke, load, stress, spike, soak, baseline, peak, flash-sale)',
      '  endpoint limits: 0',
      '  gates: baseline: p(95)<400 p(99)<900 errorRate<0.01; spike: p(95)<500 p(99)<1200 errorRate<0.02; load: p(95)<800',
    ]);
    // The load gate keeps the error-rate limit of scenarios.load: gate limits are taken key by key.
    expect(gateLimits((await readThresholdsFile(path)).file, 'load').limits).toStrictEqual({ p95: 800, p99: 1000, errorRate: 0.01 });
    // The load scenario keeps the packaged error-rate limit: a run failing every request cannot pass on latency alone.
    expect(readFileSync(bundle!.file, 'utf8')).toMatch(
      /"load":\s*\{\s*"p95":\s*500,\s*"errorRate":\s*0\.01\s*\}|load: \{ p95: 500, errorRate: 0\.01 \}/,
    );
  });

  test("names the packaged file by its path and as k6-forge's neutral default", async () => {
    expect(thresholdsDescription(await readThresholdsFile(join(root, 'thresholds.json')))[0]).toBe(
      `embedded thresholds: thresholds.json, k6-forge's neutral default (global, scenario and gate limits, no endpoint limits; a ./thresholds.json or --thresholds file is merged over it)`,
    );
  });

  test('names the demo file by its path, merged over the neutral default, with the demo endpoints', async () => {
    const lines = thresholdsDescription(await readThresholdsFile('examples/thresholds.json'));
    expect(lines[0]).toBe("embedded thresholds: examples/thresholds.json merged over k6-forge's neutral default thresholds.json");
    expect(lines[3]).toMatch(/^ {2}endpoint limits: 12 \(login, token_refresh, /);
  });

  test('never embeds $schema: the packaged file read alone and a project file merged over it both drop it', async () => {
    const path = file('with-schema.json', { $schema: './schemas/thresholds.schema.json', global: { p95: 450 } });
    expect((await readThresholdsFile(path)).file).not.toHaveProperty('$schema');
    expect((await readThresholdsFile(join(root, 'thresholds.json'))).file).not.toHaveProperty('$schema');
  });
});
