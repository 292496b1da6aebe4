import { describe, expect, test } from 'vitest';
import { importCycles, importGraph, runtimeImportsOf } from './support/import-graph.ts';

const written = (cycles: string[][]) => cycles.map((cycle) => cycle.join(' → '));

describe('imports in src/', () => {
  test('form no cycle of imports that load code, dynamic imports included', () => {
    expect(written(importCycles(importGraph('src', 'runtime')))).toStrictEqual([]);
  });

  test('form no cycle at all, type-only imports included', () => {
    expect(written(importCycles(importGraph('src')))).toStrictEqual([]);
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
