import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const dist = new URL('../dist/', import.meta.url).pathname;
const bundles = readdirSync(dist).filter((file) => file.endsWith('.js'));

/** What k6's engine (Sobek) lacks, per docs/design.md, and what k6 does not provide as a global. */
const UNSUPPORTED: readonly (readonly [string, RegExp])[] = [
  ['async generators', /async\s+function\s*\*|async\s*\*\s*\[?\w/],
  ['for await', /for\s+await\s*\(/],
  ['regex \\p{} classes', /\\[pP]\{/],
  ['decorators', /^\s*@\w+/m],
  ['using declarations', /\busing\s+\w+\s*=/],
  ['WeakRef', /\bWeakRef\b/],
  ['SharedArrayBuffer', /\bSharedArrayBuffer\b/],
  ['Object.groupBy', /\bObject\.groupBy\b/],
  ['Promise.withResolvers', /\bPromise\.withResolvers\b/],
  ['iterator helpers', /\bIterator\.from\b/],
  ['Set methods', /\.(union|intersection|symmetricDifference|isSubsetOf|isSupersetOf|isDisjointFrom)\(/],
  ['the URL class', /\bnew\s+URL\(/],
  ['fetch', /(^|[^.\w])fetch\(/],
  ['atob or btoa', /\b(atob|btoa)\(/],
  ['structuredClone', /\bstructuredClone\(/],
  ['performance', /\bperformance\.now\(/],
  ['process', /\bprocess\.(env|argv|exit|cwd)\b/],
  ['Buffer', /\bBuffer\.(from|alloc|concat)\(/],
  ['require', /(^|[^.\w])require\(/],
];

describe('bundles under the k6 runtime', () => {
  test.each(bundles)('%s uses no syntax Sobek lacks and no global k6 does not provide', (file) => {
    const code = readFileSync(join(dist, file), 'utf8');
    const found = UNSUPPORTED.filter(([, pattern]) => pattern.test(code)).map(([name]) => name);
    expect(found).toStrictEqual([]);
  });

  test('the check itself sees what it looks for', () => {
    const sample = 'const r = /\\p{L}/u; new URL(x); async function* g() {} for await (const a of b) {} Buffer.from(s);';
    expect(UNSUPPORTED.filter(([, pattern]) => pattern.test(sample)).map(([name]) => name)).toStrictEqual([
      'async generators',
      'for await',
      'regex \\p{} classes',
      'the URL class',
      'Buffer',
    ]);
  });
});
