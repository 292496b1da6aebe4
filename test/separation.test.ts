import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { importsOf, landsIn, REPO_ROOT as root, sourceFiles as sources } from './support/import-graph.ts';

const K6_WORLD = ['src/lib', 'src/generators', 'src/scenarios', 'examples'];
const K6_IMPORT =
  /^(k6|k6\/.+|https:\/\/.+|k6-forge\/(lib|scenarios|generators|generators\/faker|generators\/xk6-faker)|k6-forge\/pool\?.+)$/;

describe('code that runs inside k6', () => {
  const files = K6_WORLD.flatMap(sources);

  test('covers every k6-side folder', () => {
    for (const folder of K6_WORLD)
      expect(
        files.some((f) => f.startsWith(folder)),
        folder,
      ).toBe(true);
  });

  test.each(files)('%s imports only k6 modules, https URLs, k6-forge subpaths and k6-side files', (file) => {
    for (const specifier of importsOf(file)) {
      if (specifier.startsWith('.')) {
        const target = landsIn(file, specifier);
        expect(
          K6_WORLD.some((folder) => target.startsWith(`${folder}/`)),
          `${file} imports ${target}`,
        ).toBe(true);
      } else {
        expect(specifier, `${file} imports ${specifier}`).toMatch(K6_IMPORT);
      }
    }
  });

  test('the package exports for k6 scripts point into the k6-side folders, from source and compiled', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      exports: Record<string, Record<'k6-forge-source' | 'types' | 'default', string | undefined>>;
    };
    for (const subpath of ['./lib', './scenarios', './generators']) {
      const { 'k6-forge-source': source = '', types = '', default: compiled = '' } = pkg.exports[subpath] ?? {};
      expect(
        K6_WORLD.some((folder) => source.startsWith(`./${folder}/`)),
        subpath,
      ).toBe(true);
      expect(compiled, subpath).toBe(source.replace(/^\.\/src\//, './compiled/').replace(/\.ts$/, '.js'));
      expect(types, subpath).toBe(compiled.replace(/\.js$/, '.d.ts'));
    }
  });
});

/** The Node side's rooms for commands and renderers; every other folder of src/cli holds engines. */
const COMMANDS = 'src/cli/commands/';
const RENDERERS = 'src/cli/report/';
const NODE_FILES = ['src/cli', 'src/demo-target'].flatMap(sources);

/** The Node-side files a Node-side file imports, relative to the repository's root. */
function nodeImports(file: string): string[] {
  return importsOf(file)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => landsIn(file, specifier));
}

describe('the Node side', () => {
  test('has commands, renderers and engines to check', () => {
    expect(NODE_FILES.filter((file) => file.startsWith(COMMANDS)).length).toBeGreaterThan(5);
    expect(NODE_FILES.filter((file) => file.startsWith(RENDERERS)).length).toBeGreaterThan(3);
  });

  test.each(NODE_FILES.filter((file) => file !== 'src/cli/main.ts'))('%s imports no command (only src/cli/main.ts does)', (file) => {
    for (const target of nodeImports(file)) expect(target.startsWith(COMMANDS), `${file} imports ${target}`).toBe(false);
  });

  test.each(NODE_FILES.filter((file) => !file.startsWith(COMMANDS) && !file.startsWith(RENDERERS) && file !== 'src/cli/main.ts'))(
    '%s, an engine, imports no renderer',
    (file) => {
      for (const target of nodeImports(file)) expect(target.startsWith(RENDERERS), `${file} imports ${target}`).toBe(false);
    },
  );

  test.each(sources('src/demo-target'))('%s, the demo system, imports nothing of the command line', (file) => {
    for (const target of nodeImports(file)) expect(target.startsWith('src/cli/'), `${file} imports ${target}`).toBe(false);
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
