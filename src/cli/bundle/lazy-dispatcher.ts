// One function in place of a bundle's lazy proxies and the functions it only calls. Every function a bundle declares
// at its top level costs every VU about 0.7 KB, called or not. So the bodies of three kinds become the cases of one
// dispatcher, and each call names its case:
// - the proxies of lazily imported modules (see lazy-imports.ts). A proxy that forwards its arguments
//   (`return loaded["f"](...args)`) becomes a case that returns the function it forwards to, and its calls call what
//   the case returns: `k6ForgeLazy3(a, b)` becomes `k6ForgeLazy(3)(a, b)`, with no rest array and no spread, whose
//   array iterator would cost every VU the iterator prototypes (about 4 KB under k6 v2.2.0). A proxy without
//   parameters (the loader the proxies of a kept module share) becomes a case that runs its body;
// - cold functions: those called only by the bundle's top-level code (which a VU runs once, at init) or by other cold
//   functions' own bodies, and those that always throw (a refusal runs once per error). The case returns the function
//   as a function expression, made anew on each call, and the call calls it: the same parameters, `this`, `arguments`
//   and scope, one short-lived function object per call instead of one per VU for the whole run;
// - every other function that is only ever called: a VU makes it on its first call and keeps it. Its name becomes
//   a variable, declared first in the bundle, and a call `f(a)` becomes `(f || (f = k6ForgeLazy(4)))(a)` (a call
//   from the top-level code or a cold body calls the case's function without keeping it), so a VU pays for the
//   functions it calls and not for the rest: a refusal's helpers, a generator's branch for a field the script gives.
// A function used as a value (exported, passed on, called with `new`) stays as it is. Bodies move into the
// dispatcher, so a build with source maps keeps its functions.
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
 * A top-level function the dispatcher may take, by how its case works: `forward` returns the target of the call
 * `return target(...rest)` that ends a proxy, `run` runs the body of a proxy without parameters, `named` (any other
 * function: cold, or made on its first call) returns the function itself.
 */
type Candidate =
  | { readonly kind: 'forward'; readonly declaration: ts.FunctionDeclaration; readonly forwards: ts.CallExpression }
  | { readonly kind: 'run' | 'named'; readonly declaration: ts.FunctionDeclaration };

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

/** What a top-level statement offers the dispatcher: a proxy of a shape it takes, or any other named function. */
function candidateOf(statement: ts.Statement): Candidate | undefined {
  if (!ts.isFunctionDeclaration(statement) || !statement.name || !statement.body) return undefined;
  if (statement.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) return undefined;
  if (!PROXY_NAME.test(statement.name.text)) return { kind: 'named', declaration: statement };
  const [param, ...more] = statement.parameters;
  if (!param) return { kind: 'run', declaration: statement };
  if (more.length > 0 || !param.dotDotDotToken || !ts.isIdentifier(param.name)) return undefined;
  const forwards = forwardingCall(statement.body, param.name.text);
  return forwards ? { kind: 'forward', declaration: statement, forwards } : undefined;
}

/** Whether a function always throws: its body ends in `throw` and returns nowhere (nested functions aside). */
function alwaysThrows(declaration: ts.FunctionDeclaration): boolean {
  const statements = declaration.body!.statements;
  if (!statements.at(-1) || !ts.isThrowStatement(statements.at(-1)!)) return false;
  let returns = false;
  const visit = (node: ts.Node): void => {
    if (ts.isReturnStatement(node)) returns = true;
    if (!ts.isFunctionLike(node)) ts.forEachChild(node, visit);
  };
  statements.forEach(visit);
  return !returns;
}

/** A call of a candidate, and the function whose own body makes it (undefined at the top level). */
interface Call {
  readonly call: ts.CallExpression;
  readonly caller: ts.Node | undefined;
}

/** Whether a call is made by the top-level code or by the own body of a function in `cold`. */
function madeCold({ caller }: Call, cold: ReadonlySet<ts.FunctionDeclaration>): boolean {
  return caller === undefined || cold.has(caller as ts.FunctionDeclaration);
}

/**
 * The cold candidates: those that always throw, then, until none is added, those whose every call is made by the
 * top-level code or by a cold function's own body.
 */
function coldOnes(candidates: readonly Candidate[], calls: ReadonlyMap<string, readonly Call[]>): Set<ts.FunctionDeclaration> {
  const cold = new Set(candidates.filter((c) => c.kind === 'named' && alwaysThrows(c.declaration)).map((c) => c.declaration));
  let added = true;
  while (added) {
    added = false;
    for (const { kind, declaration } of candidates) {
      if (kind !== 'named' || cold.has(declaration) || !calls.get(declaration.name!.text)!.every((call) => madeCold(call, cold))) continue;
      cold.add(declaration);
      added = true;
    }
  }
  return cold;
}

/**
 * Turns a bundle's lazy proxies and named functions that are only ever called into the cases of one dispatcher.
 * @param code - A bundle as esbuild wrote it, without a source map.
 * @returns The bundle with one dispatcher in place of those functions; the same text when there are none.
 * @throws {Error} When the bundle already uses the dispatcher's names (a bug: esbuild's output never should).
 */
export function oneLazyDispatcher(code: string): string {
  const file = ts.createSourceFile('bundle.js', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const candidates = new Map(
    file.statements.flatMap((statement) => {
      const candidate = candidateOf(statement);
      return candidate ? [[candidate.declaration.name!.text, candidate] as const] : [];
    }),
  );
  const calls = new Map<string, Call[]>([...candidates.keys()].map((name) => [name, []]));
  const kept = new Set<string>();
  const visit = (node: ts.Node, caller: ts.Node | undefined): void => {
    if (ts.isIdentifier(node)) {
      if (node.text === DISPATCHER || node.text === CASE) {
        throw new Error(`the bundle already names ${node.text}, which the lazy dispatcher needs`);
      }
      const candidate = candidates.get(node.text);
      if (candidate && node !== candidate.declaration.name) {
        const { parent } = node;
        // A proxy without parameters is dispatched only where no call passes it arguments, so none goes unevaluated.
        if (ts.isCallExpression(parent) && parent.expression === node && (candidate.kind !== 'run' || parent.arguments.length === 0)) {
          calls.get(node.text)!.push({ call: parent, caller });
        } else kept.add(node.text);
      }
    }
    ts.forEachChild(node, (child) => visit(child, ts.isFunctionLike(node) ? node : caller));
  };
  visit(file, undefined);
  const dispatched = [...candidates.values()].filter(
    (c) => !kept.has(c.declaration.name!.text) && calls.get(c.declaration.name!.text)!.length > 0,
  );
  if (dispatched.length === 0) return code;
  const cold = coldOnes(dispatched, calls);
  // Made on the first call and kept: the functions only called that are neither proxies nor cold.
  const madeOnFirstCall = new Set(
    dispatched.filter((c) => c.kind === 'named' && !cold.has(c.declaration)).map((c) => c.declaration.name!.text),
  );
  // A call without arguments of a `run` case becomes the case; any other call calls what its case returns, kept in the
  // function's variable where the function is kept.
  const callEdits = dispatched.flatMap((candidate, index) => {
    const name = candidate.declaration.name!.text;
    return calls.get(name)!.map(
      (made): Edit => ({
        start: made.call.expression.getStart(),
        end: candidate.kind === 'run' ? made.call.end : made.call.expression.end,
        text:
          madeOnFirstCall.has(name) && !madeCold(made, cold)
            ? `(${name} || (${name} = ${DISPATCHER}(${index})))`
            : `${DISPATCHER}(${index})`,
      }),
    );
  });
  // Bodies keep the edits of the calls they make.
  const body = (candidate: Candidate) => {
    const { declaration } = candidate;
    const block = declaration.body!;
    if (candidate.kind !== 'forward') {
      return candidate.kind === 'named'
        ? `return ${edited(code, declaration.getStart(), declaration.end, callEdits)};`
        : `${edited(code, block.getStart() + 1, block.end - 1, callEdits)}\n    break;`;
    }
    const before = edited(code, block.getStart() + 1, block.statements.at(-1)!.getStart(), callEdits);
    return `${before}return ${edited(code, candidate.forwards.expression.getStart(), candidate.forwards.expression.end, callEdits)};`;
  };
  const dispatcher = [
    `function ${DISPATCHER}(${CASE}) {`,
    `  switch (${CASE}) {`,
    ...dispatched.map((candidate, index) => `    case ${index}: {\n${body(candidate)}\n    }`),
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
  // Declared before everything else, so that no call meets one before its declaration.
  if (madeOnFirstCall.size > 0) declarationEdits.push({ start: 0, end: 0, text: `let ${[...madeOnFirstCall].join(', ')};\n` });
  const inDeclaration = (edit: Edit) => dispatched.some(({ declaration }) => edit.start >= declaration.pos && edit.end <= declaration.end);
  return edited(code, 0, code.length, [...declarationEdits, ...callEdits.filter((edit) => !inDeclaration(edit))]);
}
