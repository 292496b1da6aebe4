import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { oneBindingPerK6Export } from '../src/cli/bundle/k6-import-bindings.ts';

const root = new URL('..', import.meta.url).pathname;

describe('oneBindingPerK6Export', () => {
  test('turns each repeated import of a k6 export into a variable naming the first, line for line', () => {
    const bundle = [
      'import { check as check2, group } from "k6";',
      'import exec from "k6/execution";',
      'function f() { return exec2.vu; }',
      'import exec2 from "k6/execution";',
      'import { check, sleep } from "k6";',
      'import http, { expectedStatuses } from "k6/http";',
      'import http2 from "k6/http";',
      'import * as metrics from "k6/metrics";',
      'import { x } from "https://jslib.k6.io/x.js";',
    ].join('\n');
    expect(oneBindingPerK6Export(bundle).split('\n')).toStrictEqual([
      'import { check as check2, group } from "k6";',
      'import exec from "k6/execution";',
      'function f() { return exec2.vu; }',
      'var exec2 = exec;',
      'import { sleep } from "k6"; var check = check2;',
      'import http, { expectedStatuses } from "k6/http";',
      'var http2 = http;',
      'import * as metrics from "k6/metrics";',
      'import { x } from "https://jslib.k6.io/x.js";',
    ]);
  });

  test('leaves a bundle without repeated imports as it is', () => {
    const bundle = 'import { check } from "k6";\nimport http from "k6/http";\nexport default function () {}\n';
    expect(oneBindingPerK6Export(bundle)).toBe(bundle);
  });

  test('no example bundle imports the same k6 export twice', () => {
    for (const name of readdirSync(join(root, 'dist')).filter((file) => file.endsWith('.js'))) {
      const code = readFileSync(join(root, 'dist', name), 'utf8');
      const bindings = [...code.matchAll(/^import (?:([\w$]+),? ?)?(?:\{ ([^}]*) \})? from "(k6[^"]*)";/gm)].flatMap(
        ([, byDefault, named, module]) => [
          ...(byDefault ? [`${module} default`] : []),
          ...(named ?? '')
            .split(', ')
            .filter(Boolean)
            .map((entry) => `${module} ${entry.split(' as ')[0]}`),
        ],
      );
      expect(bindings.length, name).toBe(new Set(bindings).size);
    }
  });
});
