import { describe, expect, test } from 'vitest';
import { optionsInFirstInitOnly } from '../src/cli/bundle/first-init-options.ts';

/** Evaluates a JavaScript entry's top level (its `export` keywords dropped) with `__VU` set, returning `options`. */
function optionsAt(vu: number, script: string): unknown {
  const body = script.replaceAll('export ', '');
  return new Function('__VU', `${body}\nreturn options;`)(vu);
}

describe('optionsInFirstInitOnly', () => {
  test('builds the options in the __VU 0 init only, leaving every other line as written', () => {
    const script = [
      "import { composeOptions, smokeProfile } from 'k6-forge/scenarios';",
      'export const options: Options = composeOptions(smokeProfile({ vus: 1 }), {',
      '  thresholds: api.thresholds(),',
      '});',
      'export default function () {}',
    ].join('\n');
    expect(optionsInFirstInitOnly(script, 'smoke.ts').split('\n')).toStrictEqual([
      "import { composeOptions, smokeProfile } from 'k6-forge/scenarios';",
      'export const options: Options = __VU !== 0 ? undefined : (composeOptions(smokeProfile({ vus: 1 }), {',
      '  thresholds: api.thresholds(),',
      '}));',
      'export default function () {}',
    ]);
  });

  test('k6 first init sees the options as written; a VU sees none and does not evaluate them', () => {
    const script = 'let built = 0;\nexport const options = { vus: 2, thresholds: { checks: [String((built += 1))] } };';
    const rewritten = optionsInFirstInitOnly(script, 'entry.js');
    expect(optionsAt(0, rewritten)).toStrictEqual(optionsAt(0, script));
    expect(optionsAt(1, rewritten)).toBeUndefined();
    expect(new Function('__VU', `${rewritten.replaceAll('export ', '')}\nreturn built;`)(7)).toBe(0);
  });

  test('still rewrites when `options` appears only as a property or key name', () => {
    const script = 'export const options = { a: config.options, options: 1 };\nconst o = { options() {} };';
    expect(optionsInFirstInitOnly(script, 'entry.js')).toContain('__VU !== 0 ? undefined : (');
  });

  test.each([
    ['read in the iteration', 'export const options = { vus: 1 };\nexport default function () { console.log(options.vus); }'],
    ['re-exported under another name', 'export const options = { vus: 1 };\nexport { options as config };'],
    ['a parameter of the same name', 'export const options = { vus: 1 };\nfunction f(options) { return options; }'],
    ['declared, then exported', 'const options = { vus: 1 };\nexport { options };'],
    ['declared with another binding', 'export const options = { vus: 1 }, other = 2;'],
    ['let, not const', 'export let options = { vus: 1 };'],
    ['re-exported from a module', "export { options } from './shared.ts';"],
    ['absent', 'export default function () {}'],
  ])('leaves a script alone when its options are %s', (_, script) => {
    expect(optionsInFirstInitOnly(script, 'entry.ts')).toBe(script);
  });
});
