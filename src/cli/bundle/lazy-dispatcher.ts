// One function for every lazy proxy of a bundle. Each export of a lazily imported module (see lazy-imports.ts) is a
// proxy function, and every function a bundle declares at its top level costs every VU about 0.7 KB, called or not.
// The proxies only ever run when called, so their bodies become the cases of one dispatcher and each call names its
// case. A proxy that forwards its arguments (`return loaded["f"](...args)`) becomes a case that returns the function
// it forwards to, and its calls call what the case returns: `k6ForgeLazy3(a, b)` becomes `k6ForgeLazy(3)(a, b)`, with
// no rest array and no spread, whose array iterator would cost every VU the iterator prototypes (about 4 KB under
// k6 v2.2.0). A proxy without parameters (the loader the proxies of a kept module share) becomes a case of its own.
// A proxy that is used as a value (re-exported, passed on, called with `new`) stays as it is. Bodies move into the
// dispatcher, so a build with source maps keeps its proxies.
import ts from 'typescript';

/** The name `proxyModule` gives each proxy, after esbuild's renaming (a digit appended when names collide). */
const PROXY_NAME = /^k6ForgeLazy\d+$/;

/** The dispatcher's name and its parameter; no other identifier of a bundle may use them. */
const DISPATCHER = 'k6ForgeLazy';
const CASE = 'k6ForgeLazyCase';

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

/**
 * A top-level proxy as `proxyModule` writes it. `forwards` is the call of its last statement,
 * `return target(...rest)`, for a proxy of one rest parameter that uses it nowhere else; a proxy without parameters
 * has none.
 */
interface Proxy {
  readonly name: string;
  readonly declaration: ts.FunctionDeclaration;
  readonly forwards?: ts.CallExpression;
}

/** The call `return target(...rest)` that ends `body`, when `rest` appears nowhere else in it. */
function forwardingCall(body: ts.Block, rest: string): ts.CallExpression | undefined {
  const last = body.statements.at(-1);
  if (!last || !ts.isReturnStatement(last) || !last.expression || !ts.isCallExpression(last.expression)) return undefined;
  const call = last.expression;
  const [spread, ...more] = call.arguments;
  if (!spread || more.length > 0 || !ts.isSpreadElement(spread) || !ts.isIdentifier(spread.expression) || spread.expression.text !== rest) {
    return undefined;
  }
  let uses = 0;
  const count = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node.text === rest) uses += 1;
    ts.forEachChild(node, count);
  };
  count(body);
  return uses === 1 ? call : undefined;
}

/** The proxy a top-level statement declares, if it is one the dispatcher can take. */
function proxyOf(statement: ts.Statement): Proxy | undefined {
  if (!ts.isFunctionDeclaration(statement) || !statement.name || !statement.body || !PROXY_NAME.test(statement.name.text)) return undefined;
  const [param, ...more] = statement.parameters;
  const base = { name: statement.name.text, declaration: statement };
  if (!param) return base;
  if (more.length > 0 || !param.dotDotDotToken || !ts.isIdentifier(param.name)) return undefined;
  const forwards = forwardingCall(statement.body, param.name.text);
  return forwards ? { ...base, forwards } : undefined;
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
  const kept = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) {
      if (node.text === DISPATCHER || node.text === CASE) {
        throw new Error(`the bundle already names ${node.text}, which the lazy dispatcher needs`);
      }
      const proxy = proxies.get(node.text);
      if (proxy && node !== proxy.declaration.name) {
        const { parent } = node;
        // A proxy without parameters is dispatched only where no call passes it arguments, so none goes unevaluated.
        if (ts.isCallExpression(parent) && parent.expression === node && (proxy.forwards || parent.arguments.length === 0)) {
          calls.set(node.text, [...(calls.get(node.text) ?? []), parent]);
        } else kept.add(node.text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  const dispatched = [...proxies.values()].filter(({ name }) => !kept.has(name) && calls.has(name));
  if (dispatched.length === 0) return code;
  // A forwarding proxy's callee becomes the case, which returns the target; a call without arguments becomes the case.
  const callEdits = dispatched.flatMap((proxy, index) =>
    calls
      .get(proxy.name)!
      .map(
        (call): Edit => ({
          start: call.expression.getStart(),
          end: proxy.forwards ? call.expression.end : call.end,
          text: `${DISPATCHER}(${index})`,
        }),
      ),
  );
  // A forwarding case returns its target, a case without parameters runs its body; bodies keep their inner calls edited.
  const body = ({ declaration, forwards }: Proxy) => {
    const block = declaration.body!;
    if (!forwards) return `${edited(code, block.getStart() + 1, block.end - 1, callEdits)}\n    break;`;
    const before = edited(code, block.getStart() + 1, block.statements.at(-1)!.getStart(), callEdits);
    return `${before}return ${edited(code, forwards.expression.getStart(), forwards.expression.end, callEdits)};`;
  };
  const dispatcher = [
    `function ${DISPATCHER}(${CASE}) {`,
    `  switch (${CASE}) {`,
    ...dispatched.map((proxy, index) => `    case ${index}: {\n${body(proxy)}\n    }`),
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
