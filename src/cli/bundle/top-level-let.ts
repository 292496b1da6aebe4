// Top-level `let` in place of `var`. esbuild writes a bundle's top-level `const` and `let` as `var`, and Sobek (k6's
// engine) keeps a table of a module's `var` names in every VU that evaluates it, where a `let` takes only its slot:
// 200 top-level `var`s cost each VU about 15 KB of heap, 200 `let`s about 3.6 KB (k6 v2.2.0, `k6 run --paused`, 500
// VUs). The keywords are the same length, so a source map still lines up.
import ts from 'typescript';

/** The names a binding declares: an identifier's, or every name in a destructuring pattern. */
function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isBindingElement(element) ? bindingNames(element.name) : []));
}

/** The names a top-level statement declares: its variables, function, class or import bindings. */
function declaredNames(statement: ts.Statement): string[] {
  if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.flatMap((d) => bindingNames(d.name));
  if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) return [statement.name.text];
  if (ts.isImportDeclaration(statement)) {
    const clause = statement.importClause;
    const named = clause?.namedBindings;
    return [
      ...(clause?.name ? [clause.name.text] : []),
      ...(named && ts.isNamespaceImport(named) ? [named.name.text] : []),
      ...(named && ts.isNamedImports(named) ? named.elements.map((e) => e.name.text) : []),
    ];
  }
  return [];
}

/**
 * The identifiers the top-level code itself may read or write in a node: not those inside its functions and classes,
 * not an import's names, and not property names (`a.name`, `{ name: a }`).
 */
function topLevelUses(node: ts.Node, into: Set<string>): void {
  if (ts.isImportDeclaration(node) || ts.isFunctionLike(node) || ts.isClassLike(node)) return;
  if (ts.isIdentifier(node)) {
    const { parent } = node;
    const property = (ts.isPropertyAccessExpression(parent) || ts.isPropertyAssignment(parent)) && parent.name === node;
    if (!property) into.add(node.text);
  }
  ts.forEachChild(node, (child) => topLevelUses(child, into));
}

/**
 * Declares a bundle's top-level variables with `let` rather than `var`, where that means the same: a statement whose
 * names are plain identifiers declared once at the top level (destructured names count too) and not used by the
 * top-level code before it (its own initialisers included). Variables inside functions and blocks are left as they are.
 * @param code - A bundle (ESM).
 * @returns The bundle with `let` for those statements; the same length, line for line.
 */
export function topLevelLet(code: string): string {
  const file = ts.createSourceFile('bundle.js', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const counts = new Map<string, number>();
  for (const statement of file.statements) for (const name of declaredNames(statement)) counts.set(name, (counts.get(name) ?? 0) + 1);
  const usedBefore = new Set<string>();
  const starts: number[] = [];
  for (const statement of file.statements) {
    const list = ts.isVariableStatement(statement) ? statement.declarationList : undefined;
    if (list && (list.flags & ts.NodeFlags.BlockScoped) === 0) {
      // Each initialiser runs before its own variable is set: one that reads it (`var x = x || {}`) is a use before.
      const safe = list.declarations.every((declaration) => {
        if (declaration.initializer) topLevelUses(declaration.initializer, usedBefore);
        const { name } = declaration;
        return ts.isIdentifier(name) && counts.get(name.text) === 1 && !usedBefore.has(name.text);
      });
      if (safe) starts.push(list.getStart());
    }
    topLevelUses(statement, usedBefore);
  }
  let out = '';
  let at = 0;
  for (const start of starts) {
    out += `${code.slice(at, start)}let`;
    at = start + 'var'.length;
  }
  return out + code.slice(at);
}
