import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** The repository's root folder. */
export const REPO_ROOT = resolve(new URL('../..', import.meta.url).pathname);

/**
 * Lists the source files of a folder, recursively.
 * @param folder - A folder relative to the repository's root, such as `src/cli`.
 * @returns Their paths relative to the root, sorted.
 */
export function sourceFiles(folder: string): string[] {
  return readdirSync(join(REPO_ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|mjs|js)$/.test(file))
    .map((file) => join(folder, file))
    .sort();
}

/**
 * Reads every module specifier of a file: static imports and re-exports (type-only ones too) and dynamic `import()`.
 * @param file - A path relative to the repository's root.
 * @returns The specifiers as written.
 */
export function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(join(REPO_ROOT, file), 'utf8'), true, true);
  return info.importedFiles.map((imported) => imported.fileName);
}

/**
 * Where a relative import lands.
 * @param file - The importing file, relative to the repository's root.
 * @param specifier - The relative specifier, such as `../lib/errors.ts`.
 * @returns The imported path relative to the root.
 */
export function landsIn(file: string, specifier: string): string {
  return relative(REPO_ROOT, resolve(REPO_ROOT, dirname(file), specifier));
}

/**
 * Reads the module specifiers of a file that load code when it runs: every import, re-export and `import()` but
 * `import type`, `export type` and imports whose every name is marked `type` (which TypeScript erases).
 * @param file - A path relative to the repository's root.
 * @returns The specifiers as written.
 */
export function runtimeImportsOf(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(join(REPO_ROOT, file), 'utf8'), ts.ScriptTarget.Latest, false);
  const specifiers: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const bindings = clause?.namedBindings;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined &&
            bindings !== undefined &&
            ts.isNamedImports(bindings) &&
            bindings.elements.length > 0 &&
            bindings.elements.every((element) => element.isTypeOnly)));
      if (!typeOnly) specifiers.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier !== undefined && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.isTypeOnly) specifiers.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument !== undefined && ts.isStringLiteralLike(argument)) specifiers.push(argument.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specifiers;
}

/**
 * Builds the graph of relative imports between the source files of a folder; imports of anything else
 * (packages, Node built-ins, k6 modules, files outside the folder) are left out.
 * @param folder - A folder relative to the repository's root, such as `src`.
 * @param imports - Which imports count: all of them, or only those that load code at run time. @default 'all'
 * @returns Each file with the files it imports, all relative to the root.
 */
export function importGraph(folder: string, imports: 'all' | 'runtime' = 'all'): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(folder)) {
    const targets = (imports === 'all' ? importsOf(file) : runtimeImportsOf(file))
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) => landsIn(file, specifier))
      .filter((target) => target.startsWith(`${folder}/`) && existsSync(join(REPO_ROOT, target)));
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/**
 * Finds the import cycles of a graph: one cycle per group of files that reach each other (a strongly connected
 * component of more than one file, or a file that imports itself), written as the path that closes it.
 * @param graph - Each file with the files it imports.
 * @returns Each cycle as `a → b → a`; empty when there is none.
 */
export function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  // Tarjan's algorithm, then one closing path through each component.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) components.push(component);
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return components.map((component) => closingPath(graph, new Set(component)));
}

/** A path from the component's first file (by name) back to itself, through the component only. */
function closingPath(graph: ReadonlyMap<string, readonly string[]>, component: ReadonlySet<string>): string[] {
  const start = [...component].sort()[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const next of graph.get(node) ?? []) {
      if (!component.has(next)) continue;
      if (next === start) {
        const path = [start];
        for (let at: string | undefined = node; at !== undefined && at !== start; at = previous.get(at)) path.splice(1, 0, at);
        return [...path, start];
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start, start];
}
