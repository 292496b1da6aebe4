import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { init, parse } from 'es-module-lexer';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildBundles } from '../src/cli/bundle/build-bundles.ts';

const root = new URL('..', import.meta.url).pathname;
const examples = readdirSync(join(root, 'examples'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => join(root, 'examples', f));
const scratch = mkdtempSync(join(tmpdir(), 'k6-forge-build-'));

function script(name: string, source: string): string {
  const path = join(scratch, name);
  writeFileSync(path, source);
  return path;
}

beforeAll(() => init);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('dist/', () => {
  const fresh = join(root, '.fresh-dist');
  afterAll(() => rmSync(fresh, { recursive: true, force: true }));

  test('equals a fresh build of examples/ (run `npm run build` and commit dist/ when this fails)', async () => {
    const bundles = await buildBundles({ entries: examples, outdir: fresh, thresholds: join(root, 'examples', 'thresholds.json') });
    expect(bundles.map((b) => b.file.split('/').pop())).toStrictEqual(
      examples.map((e) => e.split('/').pop()!.replace(/\.ts$/, '.js')).sort(),
    );
    const committed = readdirSync(join(root, 'dist')).sort();
    expect(readdirSync(fresh).sort()).toStrictEqual(committed);
    for (const file of committed) {
      expect(readFileSync(join(fresh, file), 'utf8'), file).toBe(readFileSync(join(root, 'dist', file), 'utf8'));
    }
  });

  test.each(readdirSync(join(root, 'dist')).filter((f) => f.endsWith('.js')))(
    '%s is ESM importing only k6, k6/* and https:// modules, exporting options, a default function and handleSummary',
    (file) => {
      const [imports, exports] = parse(readFileSync(join(root, 'dist', file), 'utf8'));
      const specifiers = imports.map((i) => i.n);
      expect(specifiers.length).toBeGreaterThan(0);
      for (const specifier of specifiers) expect(specifier).toMatch(/^(k6|k6\/[\w/-]+|https:\/\/.+)$/);
      expect(exports.map((e) => e.n)).toEqual(expect.arrayContaining(['default', 'options', 'handleSummary']));
    },
  );
});

describe('buildBundles', () => {
  test('embeds the thresholds file it was given, and reports each bundle size', async () => {
    const entry = script(
      'embed.ts',
      `import { thresholdsFor } from '${root}src/lib/thresholds.ts';\nexport const options = { thresholds: thresholdsFor('smoke') };\nexport default function () {}\n`,
    );
    const thresholds = script('custom-thresholds.json', JSON.stringify({ scenarios: { smoke: { p95: 123 } } }));
    const [bundle] = await buildBundles({ entries: [entry], outdir: join(scratch, 'out-embed'), thresholds });
    const code = readFileSync(bundle!.file, 'utf8');
    expect(code).toContain('p95: 123');
    expect(bundle!.bytes).toBe(Buffer.byteLength(code));
  });

  test('rejects a malformed thresholds file, naming the file and the JSON path', async () => {
    const entry = script('plain.ts', 'export default function () {}\n');
    const thresholds = script('bad-thresholds.json', JSON.stringify({ scenarios: { smoke: { p95: 'fast' } } }));
    await expect(buildBundles({ entries: [entry], outdir: join(scratch, 'out-bad'), thresholds })).rejects.toThrow(
      `${thresholds} at $.scenarios.smoke.p95: "fast" is not accepted`,
    );
  });

  test('rejects a thresholds file that is not JSON', async () => {
    const entry = script('plain2.ts', 'export default function () {}\n');
    const thresholds = script('broken.json', '{ "global": ');
    await expect(buildBundles({ entries: [entry], outdir: join(scratch, 'out-broken'), thresholds })).rejects.toThrow(
      `${thresholds}: text that is not JSON`,
    );
  });

  test.each([
    ['fs', "import { readFileSync } from 'fs';\nexport default function () { readFileSync('x'); }\n"],
    ['node:path', "import { join } from 'node:path';\nexport default function () { join('a'); }\n"],
  ])('refuses a script importing the Node built-in %s', async (name, source) => {
    const entry = script(`node-${name.replace(':', '-')}.ts`, source);
    await expect(buildBundles({ entries: [entry], outdir: join(scratch, 'out-node') })).rejects.toThrow(
      `imports the Node built-in "${name}", which k6 does not have`,
    );
  });

  test('refuses a bare module that cannot be resolved', async () => {
    const entry = script('bare.ts', "import pad from 'left-pad-not-installed';\nexport default function () { pad(); }\n");
    await expect(buildBundles({ entries: [entry], outdir: join(scratch, 'out-bare') })).rejects.toThrow(
      'Could not resolve "left-pad-not-installed"',
    );
  });

  test('keeps k6/x extensions and https modules as imports', async () => {
    const entry = script(
      'ext.ts',
      "import faker from 'k6/x/faker';\nimport { uuidv4 } from 'https://jslib.k6.io/k6-utils/1.4.0/index.js';\nexport default function () { faker(); uuidv4(); }\n",
    );
    const [bundle] = await buildBundles({ entries: [entry], outdir: join(scratch, 'out-ext') });
    const [imports] = parse(readFileSync(bundle!.file, 'utf8'));
    expect(imports.map((i) => i.n)).toStrictEqual(['k6/x/faker', 'https://jslib.k6.io/k6-utils/1.4.0/index.js']);
  });

  test('lowers async generators always, and private fields for --target es2017', async () => {
    const entry = script(
      'modern.ts',
      'class Box { #n = 1; get n() { return this.#n; } }\nasync function* tick() { yield 1; }\nexport default async function () { for await (const t of tick()) new Box().n + t; }\n',
    );
    const [modern] = await buildBundles({ entries: [entry], outdir: join(scratch, 'out-es2022') });
    const modernCode = readFileSync(modern!.file, 'utf8');
    expect(modernCode).toContain('#n');
    expect(modernCode).not.toMatch(/async function\s*\*/);
    expect(modernCode).not.toContain('for await');
    const [old] = await buildBundles({ entries: [entry], outdir: join(scratch, 'out-es2017'), target: 'es2017' });
    expect(readFileSync(old!.file, 'utf8')).not.toContain('#n');
  });

  test('rejects an unknown target, listing the accepted ones', async () => {
    await expect(buildBundles({ entries: examples, outdir: join(scratch, 'x'), target: 'es5' })).rejects.toThrow(
      '--target: "es5" is not accepted; expected one of es2015',
    );
  });

  test('writes no source map by default, so k6 never warns that it cannot load one', async () => {
    const entry = script('unmapped.ts', 'export default function () {}\n');
    const [bundle] = await buildBundles({ entries: [entry], outdir: join(scratch, 'out-none') });
    expect(readFileSync(bundle!.file, 'utf8')).not.toContain('sourceMappingURL');
    expect(readdirSync(join(scratch, 'out-none'))).toStrictEqual(['unmapped.js']);
  });

  test('with sourcemap linked, writes a source map beside each bundle and links it', async () => {
    const entry = script('mapped.ts', 'export default function () {}\n');
    const [bundle] = await buildBundles({ entries: [entry], outdir: join(scratch, 'out-map'), sourcemap: 'linked' });
    expect(readFileSync(bundle!.file, 'utf8')).toContain('//# sourceMappingURL=mapped.js.map');
    expect(JSON.parse(readFileSync(`${bundle!.file}.map`, 'utf8'))).toMatchObject({ version: 3 });
  });

  test('with sourcemap inline, carries the map inside the bundle and writes no file for it', async () => {
    const entry = script('inlined.ts', 'export default function () {}\n');
    const [bundle] = await buildBundles({ entries: [entry], outdir: join(scratch, 'out-inline'), sourcemap: 'inline' });
    expect(readFileSync(bundle!.file, 'utf8')).toContain('//# sourceMappingURL=data:application/json;base64,');
    expect(readdirSync(join(scratch, 'out-inline'))).toStrictEqual(['inlined.js']);
  });

  test('rejects an unknown source map kind, naming the flag, the value and the accepted ones', async () => {
    await expect(buildBundles({ entries: examples, outdir: join(scratch, 'x'), sourcemap: 'full' })).rejects.toThrow(
      '--sourcemap: "full" is not accepted; expected one of none, inline, linked',
    );
  });
});
