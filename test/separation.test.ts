import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

const root = resolve(new URL('..', import.meta.url).pathname);
const K6_WORLD = ['src/lib', 'src/generators', 'src/scenarios', 'examples'];
const K6_IMPORT = /^(k6|k6\/.+|https:\/\/.+|k6-forge\/(lib|scenarios|generators|generators\/faker|generators\/xk6-faker)|k6-forge\/pool\?.+)$/;

function sources(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|mjs|js)$/.test(file))
    .map((file) => join(folder, file));
}

function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true);
  return info.importedFiles.map((i) => i.fileName);
}

/** Where a relative import lands, as a folder of the repo. */
function landsIn(file: string, specifier: string): string {
  return relative(root, resolve(root, dirname(file), specifier));
}

describe('code that runs inside k6', () => {
  const files = K6_WORLD.flatMap(sources);

  test('covers every k6-side folder', () => {
    for (const folder of K6_WORLD) expect(files.some((f) => f.startsWith(folder)), folder).toBe(true);
  });

  test.each(files)('%s imports only k6 modules, https URLs, k6-forge subpaths and k6-side files', (file) => {
    for (const specifier of importsOf(file)) {
      if (specifier.startsWith('.')) {
        const target = landsIn(file, specifier);
        expect(K6_WORLD.some((folder) => target.startsWith(`${folder}/`)), `${file} imports ${target}`).toBe(true);
      } else {
        expect(specifier, `${file} imports ${specifier}`).toMatch(K6_IMPORT);
      }
    }
  });

  test('the package exports for k6 scripts point into the k6-side folders', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, { default?: string }> };
    for (const subpath of ['./lib', './scenarios', './generators']) {
      const target = pkg.exports[subpath]?.default ?? '';
      expect(K6_WORLD.some((folder) => target.startsWith(`./${folder}/`)), subpath).toBe(true);
    }
  });
});

describe('this check itself', () => {
  test('sees a Node import and a reach into the Node side', () => {
    const info = ts.preProcessFile("import fs from 'node:fs';\nimport { startTarget } from '../target/index.ts';\n", true, true);
    const specifiers = info.importedFiles.map((i) => i.fileName);
    expect(specifiers).toStrictEqual(['node:fs', '../target/index.ts']);
    expect(specifiers[0]).not.toMatch(K6_IMPORT);
    expect(landsIn('src/lib/x.ts', specifiers[1]!)).toBe('src/target/index.ts');
  });
});
