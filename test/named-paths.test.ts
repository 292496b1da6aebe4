import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { REPO_ROOT } from './support/import-graph.ts';
import { commentsOf, inRepository, markdownLinks, namedPaths, pathsIn } from './support/named-paths.ts';

/** The tracked source files whose comments are read, and the Markdown documents; committed bundles aside. */
const FILES = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: REPO_ROOT, encoding: 'utf8' })
  .split('\n')
  .filter((file) => /\.(ts|mjs|js|md)$/.test(file) && !file.startsWith('dist/'));

describe('paths named in comments and documents', () => {
  const named = namedPaths(REPO_ROOT, FILES);

  test('are found in the README, the docs and the sources', () => {
    const files = new Set(named.map((path) => path.file));
    for (const file of ['README.md', 'docs/design.md', 'src/cli/summaries/summary-file.ts']) expect(files.has(file), file).toBe(true);
  });

  test('all exist in the repository', () => {
    const missing = named.filter(({ target }) => !inRepository(REPO_ROOT, target)).map(({ file, path }) => `${file}: ${path}`);
    expect(missing).toStrictEqual([]);
  });
});

describe('the path finder itself', () => {
  const folders = ['src', 'test', 'docs', 'dist', 'examples'];

  test('finds paths under the top folders, without trailing punctuation or slash', () => {
    expect(pathsIn('see src/lib/errors.ts, docs/design.md. and (examples/smoke.ts): test/golden/', folders)).toStrictEqual([
      'src/lib/errors.ts',
      'docs/design.md',
      'examples/smoke.ts',
      'test/golden',
    ]);
  });

  test('leaves URLs, module names, placeholders, globs and other folders alone', () => {
    const text =
      'https://github.com/a/b/src/x.ts k6/http k6/x/faker k6-forge/lib node:fs/promises dist/<name>.js examples/*.ts ' +
      'results/2026/x.json tests/load/lib/config.js src/{a,b}.ts @scope/src/x ~/src/x a.src/b ../lib/x.ts ./y.ts';
    expect(pathsIn(text, folders)).toStrictEqual([]);
  });

  test('reads comments from the syntax tree, not from strings, templates or regular expressions', () => {
    const source = [
      "const url = 'http://x/src/in-a-string.ts'; // src/line-comment.ts",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the source under test holds a template literal.
      'const t = `${1} // src/in-a-template.ts ${2}`;',
      'const r = /[\\\\`*_]\\/\\/src\\/x/g;',
      '/** src/block-comment.ts */',
      'export const z = 1;',
    ].join('\n');
    expect(commentsOf('x.ts', source)).toStrictEqual(['// src/line-comment.ts', '/** src/block-comment.ts */']);
  });

  test('follows relative Markdown links, not URLs or anchors', () => {
    expect(markdownLinks('[a](design.md) [b](https://k6.io) [c](#usage) [d](../README.md#layout) [e](mailto:x@y)')).toStrictEqual([
      'design.md',
      '../README.md',
    ]);
  });
});
