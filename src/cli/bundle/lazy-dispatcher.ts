// One function for every lazy proxy of a bundle. Each export of a lazily imported module (see lazy-imports.ts) is a
// proxy function, and every function a bundle declares at its top level costs every VU about 0.7 KB, called or not.
// The proxies only ever run when called, so their bodies become the cases of one dispatcher and each call names its
// case: `k6ForgeLazy3(a, b)` becomes `k6ForgeLazy(3, a, b)`. A proxy that is used as a value (re-exported, passed on,
// called with `new`) stays as it is. Bodies move into the dispatcher, so a build with source maps keeps its proxies.
import ts from 'typescript';

/** The name `proxyModule` gives each proxy, after esbuild's renaming (a digit appended when names collide). */
const PROXY_NAME = /^k6ForgeLazy\d+$/;

/** The dispatcher's name and its parameters; no other identifier of a bundle may use them. */
const DISPATCHER = 'k6ForgeLazy';
const CASE = 'k6ForgeLazyCase';
const ARGS = 'k6ForgeLazyArgs';

/** A text replacement: `[start, end)` of the bundle becomes `text`. */
interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Applies edits (none overlapping) to the text from `start` to `end` of `code`. */
function edited(code: string, start: number, end: number, edits: readonly Edit[]): string {
  let out = '';
  let at = start;
  for (const edit of [...edits].filter((e) => e.start >= start && e.end <= end).sort((a, b) => a.start - b.start || a.end - b.end)) {
    out += code.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + code.slice(at, end);
}

/** A top-level proxy as `proxyModule` writes it: `function k6ForgeLazy<n>(...args) { ... }`. */
function proxyOf(statement: ts.Statement): { name: string; rest: string; declaration: ts.FunctionDeclaration } | undefined {
  if (!ts.isFunctionDeclaration(statement) || !statement.name || !statement.body || !PROXY_NAME.test(statement.name.text)) return undefined;
  const [param, ...more] = statement.parameters;
  if (!param || more.length > 0 || !param.dotDotDotToken || !ts.isIdentifier(param.name)) return undefined;
  return { name: statement.name.text, rest: param.name.text, declaration: statement };
}

/**
 * Turns a bundle's lazy proxies that are only ever called into the cases of one dispatcher function.
 * @param code - A bundle as esbuild wrote it, without a source map.
 * @returns The bundle with one dispatcher in place of those proxies; the same text when there are none.
 * @throws {Error} When the bundle already uses the dispatcher's names (a bug: esbuild's output never should).
 */
export function oneLazyDispatcher(code: string): string {
  const file = ts.createSourceFile('bundle.js', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const proxies = new Map(
    file.statements.flatMap((statement) => {
      const proxy = proxyOf(statement);
      return proxy ? [[proxy.name, proxy] as const] : [];
    }),
  );
  if (proxies.size === 0) return code;
  const calls = new Map<string, ts.CallExpression[]>();
  const asValue = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) {
      if (node.text === DISPATCHER || node.text === CASE || node.text === ARGS) {
        throw new Error(`the bundle already names ${node.text}, which the lazy dispatcher needs`);
      }
      const proxy = proxies.get(node.text);
      if (proxy && node !== proxy.declaration.name) {
        const { parent } = node;
        if (ts.isCallExpression(parent) && parent.expression === node) calls.set(node.text, [...(calls.get(node.text) ?? []), parent]);
        else asValue.add(node.text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  const dispatched = [...proxies.values()].filter(({ name }) => !asValue.has(name) && calls.has(name));
  if (dispatched.length === 0) return code;
  const cases = new Map(dispatched.map(({ name }, index) => [name, index]));
  const callEdits = dispatched.flatMap(({ name }) =>
    calls.get(name)!.flatMap((call): Edit[] => [
      { start: call.expression.getStart(), end: call.expression.end, text: DISPATCHER },
      { start: call.arguments.pos, end: call.arguments.pos, text: `${cases.get(name)}${call.arguments.length > 0 ? ', ' : ''}` },
    ]),
  );
  const body = ({ rest, declaration }: (typeof dispatched)[number]) =>
    `const ${rest} = ${ARGS};${edited(code, declaration.body!.getStart() + 1, declaration.body!.end - 1, callEdits)}`;
  const dispatcher = [
    `function ${DISPATCHER}(${CASE}, ...${ARGS}) {`,
    `  switch (${CASE}) {`,
    ...dispatched.map((proxy, index) => `    case ${index}: {\n${body(proxy)}\n    }\n    break;`),
    '  }',
    '}',
  ].join('\n');
  const declarationEdits = dispatched.map(
    ({ declaration }, index): Edit => ({
      start: declaration.getStart(),
      end: declaration.end,
      text: index === 0 ? dispatcher : '',
    }),
  );
  const inDeclaration = (edit: Edit) => dispatched.some(({ declaration }) => edit.start >= declaration.pos && edit.end <= declaration.end);
  return edited(code, 0, code.length, [...declarationEdits, ...callEdits.filter((edit) => !inDeclaration(edit))]);
}
