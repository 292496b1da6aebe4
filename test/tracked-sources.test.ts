import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO_ROOT } from './support/import-graph.ts';

/** Folder names that common .gitignore templates (Maven, Rust, Node, Python, k6 projects' own) drop wherever they are. */
const IGNORED_BY_TEMPLATES = ['build', 'coverage', 'dist', 'logs', 'node_modules', 'obj', 'out', 'results', 'target', 'tmp', 'vendor'];
const SOURCE_FOLDERS = ['src', 'test', 'bench', 'examples', 'docs', 'bin', 'types'];

function folders(root: string): string[] {
  return readdirSync(join(REPO_ROOT, root), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(entry.parentPath, entry.name).slice(REPO_ROOT.length + 1));
}

describe('the sources', () => {
  test('are all seen by git: no file under the source folders matches .gitignore', () => {
    const ignored = execFileSync('git', ['ls-files', '--others', '--ignored', '--exclude-standard', '--', ...SOURCE_FOLDERS], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(ignored.split('\n').filter((line) => line !== '')).toStrictEqual([]);
  });

  test('sit in no folder named like one that common .gitignore templates drop', () => {
    const named = folders('src').filter((folder) => IGNORED_BY_TEMPLATES.includes(folder.split('/').at(-1)!));
    expect(named).toStrictEqual([]);
  });
});
