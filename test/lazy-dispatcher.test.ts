import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { buildBundles } from '../src/cli/bundle/build-bundles.ts';
import { oneLazyDispatcher } from '../src/cli/bundle/lazy-dispatcher.ts';

const scratch = mkdtempSync(join(tmpdir(), 'k6-forge-dispatch-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The names of the functions a script declares at its top level. */
function topLevelFunctions(code: string): string[] {
  return [...code.matchAll(/^function ([\w$]+)/gm)].map((m) => m[1]!);
}

/** Runs a script's top level and returns what `result` names. */
function evaluate(code: string, result: string): unknown {
  return new Function(`${code}\nreturn ${result};`)();
}

const PROXIES = [
  'let loaded;',
  'function k6ForgeLazy0(...args) {',
  '  if (loaded === undefined) loaded = (() => ({ twice: (n) => n * 2 }))();',
  '  return loaded["twice"](...args);',
  '}',
  'const loads = [];',
  'let kept;',
  'function k6ForgeLazy3() { loads.push(loads.length); if (kept === undefined) kept = { join: (...parts) => parts.join("-"), count: (...parts) => parts.length }; }',
  'function k6ForgeLazy02(...args2) { k6ForgeLazy3(); return kept["count"](...args2); }',
  'function k6ForgeLazy1(...args) { k6ForgeLazy3(); return kept["join"](...args); }',
].join('\n');

describe('oneLazyDispatcher', () => {
  test('turns the proxies that are only called into the cases of one function, with the same results', () => {
    const code = `${PROXIES}\nconst results = [k6ForgeLazy0(4), k6ForgeLazy02(5, 6), k6ForgeLazy0(), k6ForgeLazy1?.("a", "b"), k6ForgeLazy1(k6ForgeLazy0(1), 3)];`;
    const dispatched = oneLazyDispatcher(code);
    expect(topLevelFunctions(dispatched)).toStrictEqual(['k6ForgeLazy']);
    expect(dispatched).toContain('k6ForgeLazy(2)(5, 6)');
    expect(dispatched).toContain('k6ForgeLazy(0)()');
    expect(evaluate(dispatched, 'results')).toStrictEqual(evaluate(code, 'results'));
    expect(evaluate(dispatched, 'results')).toStrictEqual([8, 2, Number.NaN, 'a-b', '2-3']);
    expect(evaluate(dispatched, 'loads')).toStrictEqual([0, 1, 2]);
  });

  test('calls the target with the arguments as given, without spreading a rest array', () => {
    const code = `${PROXIES}\nconst results = [k6ForgeLazy1("a", "b", "c")];`;
    const dispatched = oneLazyDispatcher(code);
    expect(dispatched).toContain('k6ForgeLazy(1)("a", "b", "c")');
    expect(dispatched).toContain('return kept["join"];');
    expect(evaluate(dispatched, 'results')).toStrictEqual(['a-b-c']);
  });

  test('keeps a proxy that is used as a value, such as one a script re-exports or passes on', () => {
    const code = `${PROXIES}\nconst passed = [1, 2].map(k6ForgeLazy1);\nconst results = [k6ForgeLazy0(1), passed];`;
    const dispatched = oneLazyDispatcher(code);
    expect(topLevelFunctions(dispatched)).toStrictEqual(['k6ForgeLazy', 'k6ForgeLazy02', 'k6ForgeLazy1']);
    expect(evaluate(dispatched, 'results')).toStrictEqual([2, ['1-0-1,2', '2-1-1,2']]);
  });

  test('keeps a proxy without parameters that a call passes arguments, and one that does more than forward', () => {
    const code = `${PROXIES}\nfunction k6ForgeLazy5(...args) { return args.length; }\nconst results = [k6ForgeLazy3(loads.push(9)), k6ForgeLazy5(1, 2), k6ForgeLazy0(1)];`;
    const dispatched = oneLazyDispatcher(code);
    expect(topLevelFunctions(dispatched)).toStrictEqual(['k6ForgeLazy', 'k6ForgeLazy3', 'k6ForgeLazy02', 'k6ForgeLazy1', 'k6ForgeLazy5']);
    expect(evaluate(dispatched, 'loads')).toStrictEqual([9, 1]);
    expect(evaluate(dispatched, 'results')).toStrictEqual([undefined, 2, 2]);
  });

  test('turns cold functions into cases that return them: those only the top level or cold bodies call (not their arrows), and those that always throw', () => {
    const code = [
      'function refuse(what) { throw new Error(what + " is not accepted (" + arguments.length + ")"); }',
      'function label(n = 1, { unit } = { unit: "s" }) { return n + unit; }',
      'function setUp(...parts) { return [label(parts.length), parts.map((p) => label(p)).join(" ")]; }',
      'function hot(n) { if (n < 0) refuse(n); return n + 1; }',
      'function loop(n) { return n === 0 ? 0 : loop(n - 1); }',
      'const made = setUp(2, 3);',
      'let failure;',
      'try { hot(-1); } catch (error) { failure = error.message; }',
      'const results = [made, hot(1), failure, loop(2), label()];',
      'export { hot };',
    ].join('\n');
    const dispatched = oneLazyDispatcher(code);
    expect(topLevelFunctions(dispatched)).toStrictEqual(['k6ForgeLazy', 'hot']);
    expect(dispatched).toContain('return function setUp(...parts)');
    // label: setUp's own body calls the case's function; the arrow in it keeps what the case made.
    expect(dispatched).toMatch(
      /return \[k6ForgeLazy\(\d\)\(parts\.length\), parts\.map\(\(p\) => \(label \|\| \(label = k6ForgeLazy\(\d\)\)\)\(p\)\)/,
    );
    expect(evaluate(dispatched.replace('export { hot };', ''), 'results')).toStrictEqual([
      ['2s', '2s 3s'],
      2,
      '-1 is not accepted (1)',
      0,
      '1s',
    ]);
    expect(evaluate(code.replace('export { hot };', ''), 'results')).toStrictEqual(
      evaluate(dispatched.replace('export { hot };', ''), 'results'),
    );
  });

  test('makes a function that is only called on its first call, and keeps it: one never called is never made', () => {
    const code = [
      'function add(a, b) { return a + b; }',
      'function refuse(n) { return new Error(n + " is not accepted"); }',
      'function next(n) { if (n < 0) throw refuse(n); return add(n, 1); }',
      'const results = [next(1), next(2)];',
      'export { next };',
    ].join('\n');
    const dispatched = oneLazyDispatcher(code).replace('export { next };', '');
    expect(dispatched.startsWith('let add, refuse;\n')).toBe(true);
    expect(topLevelFunctions(dispatched)).toStrictEqual(['k6ForgeLazy', 'next']);
    const made = 'results.concat(typeof add, typeof refuse)';
    expect(evaluate(dispatched, made)).toStrictEqual([2, 3, 'function', 'undefined']);
    expect(evaluate(code.replace('export { next };', ''), made)).toStrictEqual([2, 3, 'function', 'function']);
  });

  test("keeps a function that is used as a value or called with new, and makes one a cold body's arrow calls on its first call", () => {
    const code = [
      'function used(n) { return n; }',
      'function Made() { this.n = 1; }',
      'function inArrow(n) { return n * 2; }',
      'function outer() { return [1].map((n) => inArrow(n)); }',
      'const results = [[1].map(used), new Made().n, outer()];',
    ].join('\n');
    const dispatched = oneLazyDispatcher(code);
    expect(topLevelFunctions(dispatched)).toStrictEqual(['used', 'Made', 'k6ForgeLazy']);
    expect(dispatched).toContain('(inArrow || (inArrow = k6ForgeLazy(0)))(n)');
    expect(evaluate(dispatched, 'results')).toStrictEqual([[1], 1, [2]]);
  });

  test('leaves a script whose functions are used as values or only exported, as it is', () => {
    const plain = 'function twice(n) { return n * 2; }\nconst x = [1].map(twice);';
    expect(oneLazyDispatcher(plain)).toBe(plain);
    const uncalled = 'function k6ForgeLazy0(...args) { return args; }\nexport { k6ForgeLazy0 as spread };';
    expect(oneLazyDispatcher(uncalled)).toBe(uncalled);
  });

  test('leaves nested functions of the same name alone: only top-level proxies are dispatched', () => {
    const code = `${PROXIES}\nfunction outer() { function k6ForgeLazy9(...a) { return a; } return k6ForgeLazy9(1); }\nconst results = [outer(), k6ForgeLazy0(3)];`;
    const dispatched = oneLazyDispatcher(code);
    expect(dispatched).toContain('return k6ForgeLazy9(1);');
    expect(evaluate(dispatched, 'results')).toStrictEqual([[1], 6]);
  });

  test('refuses a bundle that already names the dispatcher', () => {
    expect(() => oneLazyDispatcher(`${PROXIES}\nconst k6ForgeLazy = 1;\nk6ForgeLazy0(1);`)).toThrow(
      'the bundle already names k6ForgeLazy, which the lazy dispatcher needs',
    );
  });

  test('runs in a build without source maps only: a source-mapped bundle keeps its proxies, so its lines still map', async () => {
    writeFileSync(join(scratch, 'work.ts'), 'export function double(n: number) { return n * 2; }\n');
    const entry = join(scratch, 'entry.ts');
    writeFileSync(entry, "import { double } from './work.ts' with { lazy: 'true' };\nexport default function () { return double(2); }\n");
    const built = async (sourcemap: string) => {
      const [bundle] = await buildBundles({ entries: [entry], outdir: join(scratch, sourcemap), sourcemap });
      return topLevelFunctions(readFileSync(bundle!.file, 'utf8'));
    };
    expect(await built('none')).toStrictEqual(['k6ForgeLazy', 'entry_default']);
    expect(await built('inline')).toStrictEqual(['k6ForgeLazy0', 'entry_default']);
  });
});
