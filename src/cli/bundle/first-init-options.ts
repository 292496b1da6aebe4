// Options built in k6's first init only. k6 reads a script's exported `options` once, from the init it runs with
// `__VU` 0 before the test; every VU then evaluates the whole script again, builds the options object for nothing,
// and k6 writes the consolidated options back into it (manipulateOptions in k6's bundle.go, v0.48 to v2.2). Under
// k6 v2.2 at 500 VUs that is 5.5 MB for the smoke example. An entry whose `options` is exported as
// `export const options = <expression>` and read nowhere else in it gets `__VU !== 0 ? undefined : (<expression>)`:
// the first init, setup(), teardown() and handleSummary() (all `__VU` 0) see the options as written; a VU sees
// none, as k6 skips a nullish export there. Scripts read the run's options through `exec.test.options` anyway.
import ts from 'typescript';

/** What goes before the options expression; the script's own expression follows in parentheses. */
const FIRST_INIT_ONLY = '__VU !== 0 ? undefined : (';

/** The `export const options = ...` statement's expression, when the statement declares `options` alone. */
function exportedOptions(statement: ts.Statement): ts.Expression | undefined {
  if (!ts.isVariableStatement(statement)) return undefined;
  if (!statement.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) return undefined;
  if (!(statement.declarationList.flags & ts.NodeFlags.Const)) return undefined;
  const [declaration, ...others] = statement.declarationList.declarations;
  if (!declaration || others.length > 0 || !ts.isIdentifier(declaration.name)) return undefined;
  return declaration.name.text === 'options' ? declaration.initializer : undefined;
}

/** Whether an identifier spelled `options` is a name of something else: a property, a key or a member. */
function isPropertyName(node: ts.Identifier): boolean {
  const { parent } = node;
  if (ts.isPropertyAccessExpression(parent)) return parent.name === node;
  if (ts.isQualifiedName(parent)) return parent.right === node;
  return (
    (ts.isPropertyAssignment(parent) ||
      ts.isPropertySignature(parent) ||
      ts.isPropertyDeclaration(parent) ||
      ts.isMethodDeclaration(parent) ||
      ts.isMethodSignature(parent) ||
      ts.isGetAccessor(parent) ||
      ts.isSetAccessor(parent) ||
      ts.isEnumMember(parent)) &&
    parent.name === node
  );
}

/** Whether the script mentions `options` anywhere but in its declaration and as property names. */
function readsOptions(file: ts.SourceFile, declared: ts.Expression): boolean {
  const declaration = declared.parent as ts.VariableDeclaration;
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(node) && node.text === 'options' && node !== declaration.name && !isPropertyName(node)) {
      found = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/**
 * Makes an entry script build its exported options in k6's `__VU` 0 inits only, when that changes nothing the script
 * can see: the options are declared as `export const options = <expression>` and the script names `options` nowhere
 * else (not in a function, a re-export or a shadowing parameter). Any other script comes back as it is.
 * @param source - The entry script's text, TypeScript or JavaScript.
 * @param fileName - Its path, for the parser (`.ts`, `.mts`, `.js`, `.mjs`).
 * @returns The script with `options = __VU !== 0 ? undefined : (<expression>)`, or the script unchanged.
 */
export function optionsInFirstInitOnly(source: string, fileName: string): string {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const expressions = file.statements.map(exportedOptions).filter((found) => found !== undefined);
  const [expression] = expressions;
  if (!expression || expressions.length > 1 || readsOptions(file, expression)) return source;
  const start = expression.getStart(file);
  return `${source.slice(0, start)}${FIRST_INIT_ONLY}${source.slice(start, expression.end)})${source.slice(expression.end)}`;
}
