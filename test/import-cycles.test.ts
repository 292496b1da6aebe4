import { describe, expect, test } from 'vitest';
import { importCycles, importGraph, runtimeImportsOf } from './support/import-graph.ts';

const written = (cycles: string[][]) => cycles.map((cycle) => cycle.join(' → '));

/**
 * The k6 side's type-only cycles: a public module (`catalog.ts`, `config.ts`, `profile.ts`) declares the option types
 * its users name and imports its work lazily from `internal/`, whose code names those types back. TypeScript erases
 * these imports, so no bundle and no VU loads a cycle; moving the types out is a change to the k6 side, left to it.
 */
const K6_SIDE_TYPE_CYCLES = [
  'src/lib/catalog.ts → src/lib/internal/endpoint-plans.ts → src/lib/catalog.ts',
  'src/lib/config.ts → src/lib/internal/read-config.ts → src/lib/config.ts',
  'src/scenarios/internal/profile-options.ts → src/scenarios/profile.ts → src/scenarios/internal/profile-options.ts',
];

describe('imports in src/', () => {
  test('form no cycle of imports that load code, dynamic imports included', () => {
    expect(written(importCycles(importGraph('src', 'runtime')))).toStrictEqual([]);
  });

  test('form no cycle at all, type-only imports included, but the known type-only cycles of the k6 side', () => {
    expect(written(importCycles(importGraph('src'))).filter((cycle) => !K6_SIDE_TYPE_CYCLES.includes(cycle))).toStrictEqual([]);
  });

  test('on the Node side form no cycle at all, type-only imports included', () => {
    expect(written(importCycles(importGraph('src/cli')))).toStrictEqual([]);
    expect(written(importCycles(importGraph('src/demo-target')))).toStrictEqual([]);
  });

  test('are read from every source folder', () => {
    const files = [...importGraph('src').keys()];
    for (const folder of ['src/lib/', 'src/cli/commands/', 'src/cli/report/', 'src/demo-target/routes/']) {
      expect(
        files.some((file) => file.startsWith(folder)),
        folder,
      ).toBe(true);
    }
  });
});

describe('the cycle finder itself', () => {
  test('tells imports that load code from those TypeScript erases', () => {
    expect(runtimeImportsOf('src/cli/report/compare-report.ts')).not.toContain('../summaries/comparison.ts');
    expect(runtimeImportsOf('src/cli/report/compare-report.ts')).toContain('./number-format.ts');
    expect(runtimeImportsOf('src/lib/catalog.ts')).toContain('./internal/endpoint-plans.ts');
  });

  test('names a two-file cycle and a longer one, and leaves a chain alone', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['a.ts', 'c.ts']],
      ['c.ts', ['d.ts']],
      ['d.ts', ['e.ts']],
      ['e.ts', ['c.ts']],
      ['f.ts', ['a.ts']],
    ]);
    expect(importCycles(graph)).toStrictEqual([
      ['c.ts', 'd.ts', 'e.ts', 'c.ts'],
      ['a.ts', 'b.ts', 'a.ts'],
    ]);
  });

  test('names a file that imports itself', () => {
    expect(importCycles(new Map([['a.ts', ['a.ts']]]))).toStrictEqual([['a.ts', 'a.ts']]);
  });

  test('finds nothing in a tree', () => {
    expect(
      importCycles(
        new Map([
          ['a.ts', ['b.ts', 'c.ts']],
          ['b.ts', ['c.ts']],
          ['c.ts', []],
        ]),
      ),
    ).toStrictEqual([]);
  });
});
