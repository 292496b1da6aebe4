import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { topLevelLet } from '../src/cli/bundle/top-level-let.ts';

const root = new URL('..', import.meta.url).pathname;

describe('topLevelLet', () => {
  test('declares top-level variables with let, keyword for keyword, and leaves those in functions and blocks', () => {
    const bundle = [
      'var a = 1, b = { a };',
      'import { check as c } from "k6"; var check = c;',
      'function f() { var inner = a; return inner; }',
      'if (a) { var inBlock = 2; }',
      'var arrow = () => late;',
      'var late = 3;',
    ].join('\n');
    const out = topLevelLet(bundle);
    expect(out.split('\n')).toStrictEqual([
      'let a = 1, b = { a };',
      'import { check as c } from "k6"; let check = c;',
      'function f() { var inner = a; return inner; }',
      'if (a) { var inBlock = 2; }',
      'let arrow = () => late;',
      'let late = 3;',
    ]);
    expect(out.length).toBe(bundle.length);
  });

  test('keeps var where let would differ: a name declared twice (destructured or not), read before its declaration, or by its own initialiser', () => {
    const bundle = [
      'var twice = 1;',
      'var twice = 2;',
      'function same() {}',
      'var same = 3;',
      'log(early);',
      'var early = 4;',
      'var self = self || {};',
      'o.prop = 5; var prop = { prop: 6 };',
      'var unpacked = 7, deep = 8;',
      'var { unpacked, inner: [deep] } = o;',
    ].join('\n');
    expect(topLevelLet(bundle).split('\n')).toStrictEqual([
      'var twice = 1;',
      'var twice = 2;',
      'function same() {}',
      'var same = 3;',
      'log(early);',
      'var early = 4;',
      'var self = self || {};',
      'o.prop = 5; let prop = { prop: 6 };',
      'var unpacked = 7, deep = 8;',
      'var { unpacked, inner: [deep] } = o;',
    ]);
  });

  test('the code it leaves runs as before: a variable read early still reads undefined', () => {
    const bundle = 'var seen = typeof early + String(early); var early = 1; var after = early + 1; result = seen + " " + after;';
    const context: { result?: unknown } = {};
    runInNewContext(topLevelLet(bundle), context);
    expect(context.result).toBe('undefinedundefined 2');
  });

  test('every example bundle declares its top-level variables with let', () => {
    for (const name of readdirSync(join(root, 'dist')).filter((file) => file.endsWith('.js'))) {
      const text = readFileSync(join(root, 'dist', name), 'utf8');
      expect(text.match(/^(?:import [^\n]*; )?var /gm), name).toBeNull();
    }
  });
});
