import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import ts from 'typescript';

/** One path named in a comment or a document. */
export interface NamedPath {
  /** The file that names it, relative to the repository's root. */
  readonly file: string;
  /** The path as written. */
  readonly path: string;
  /** The path relative to the repository's root, where it should be. */
  readonly target: string;
}

/** The folders at the top of the repository: a named path counts only when it starts with one of them. */
export function topFolders(root: string): string[] {
  const tracked = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n');
  return [...new Set(tracked.filter((file) => file.includes('/')).map((file) => file.slice(0, file.indexOf('/'))))];
}

/**
 * Reads the text of every comment of a TypeScript or JavaScript file from its syntax tree, so `//` in a string, a
 * template or a regular expression is no comment.
 * @param file - The file's name, which picks the language.
 * @param source - Its text.
 * @returns Each comment, delimiters included, in order.
 */
export function commentsOf(file: string, source: string): string[] {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, false);
  const ranges = new Map<number, ts.CommentRange>();
  const collect = (position: number) => {
    for (const range of [...(ts.getLeadingCommentRanges(source, position) ?? []), ...(ts.getTrailingCommentRanges(source, position) ?? [])])
      ranges.set(range.pos, range);
  };
  const visit = (node: ts.Node): void => {
    collect(node.getFullStart());
    collect(node.getEnd());
    ts.forEachChild(node, visit);
  };
  visit(tree);
  collect(tree.endOfFileToken.getFullStart());
  return [...ranges.values()].sort((x, y) => x.pos - y.pos).map((range) => source.slice(range.pos, range.end));
}

/**
 * Finds the repository paths a text names: tokens that start with one of the repository's top folders
 * (`src/lib/errors.ts`, `test/golden/`). Paths relative to a source file (`../lib/x.ts`) are left out: in comments
 * they are mostly import specifiers given as examples.
 * A token that is part of a URL or a module name (`https://x/src/a`, `k6/http`, `k6-forge/lib`), or that holds a
 * placeholder or a glob (`dist/<name>.js`, `examples/*.ts`, `src/{a,b}`), is no path to check.
 * @param text - A comment or a document.
 * @param folders - The repository's top folders.
 * @returns The paths as written, without trailing punctuation or a trailing slash.
 */
export function pathsIn(text: string, folders: readonly string[]): string[] {
  const escaped = folders.map((folder) => folder.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const token = new RegExp(`(?<![\\w./:@~-])((?:${escaped})/[^\\s\`'"()\\[\\],;]*)`, 'g');
  const paths: string[] = [];
  for (const [, raw = ''] of text.matchAll(token)) {
    if (/[<>*{}$|#?=]/.test(raw)) continue;
    const path = raw.replace(/[.:!]+$/, '').replace(/\/$/, '');
    if (path !== '' && path !== '.' && path !== '..') paths.push(path);
  }
  return paths;
}

/**
 * Finds the targets of a Markdown document's relative links: `[text](target)`, not a URL, an anchor or a mail address.
 * @param text - The Markdown.
 * @returns The targets as written, without an anchor.
 */
export function markdownLinks(text: string): string[] {
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map(([, target = '']) => target.replace(/#.*$/, ''))
    .filter((target) => target !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(target));
}

/**
 * Lists the paths that the comments of the source files and the Markdown documents name.
 * @param root - The repository's root.
 * @param files - Files relative to the root: `.ts`, `.mjs`, `.js` have their comments read, `.md` files their text.
 * @returns Each named path, with where it should be.
 */
export function namedPaths(root: string, files: readonly string[]): NamedPath[] {
  const folders = topFolders(root);
  return files.flatMap((file) => {
    const text = readFileSync(join(root, file), 'utf8');
    const markdown = file.endsWith('.md');
    const parts = markdown ? [text] : commentsOf(file, text);
    const found: NamedPath[] = parts.flatMap((part) =>
      pathsIn(part, folders).map((path) => ({
        file,
        path,
        target: normalize(path),
      })),
    );
    if (markdown) for (const link of markdownLinks(text)) found.push({ file, path: link, target: normalize(join(dirname(file), link)) });
    return found;
  });
}

/**
 * Tells whether a named path is in the repository (a file or a folder), ignored folders aside.
 * @param root - The repository's root.
 * @param path - The path relative to the root.
 * @returns True when it exists.
 */
export function inRepository(root: string, path: string): boolean {
  return !path.startsWith('..') && !path.split('/').includes('node_modules') && existsSync(join(root, path));
}
