import { describe, expect, test, vi } from 'vitest';

/** The generators module as a VU loads it. */
export type Generators = typeof import('../../src/generators/index.ts');
/** The `k6/execution` double that module reads. */
export type Execution = typeof import('../doubles/execution.ts').default;

/** Where a simulated VU stands: the run's `SEED` (undefined for none), its `vu.idInTest` and its iteration. */
export interface VuState {
  readonly seed?: string | undefined;
  readonly vu?: number;
  readonly iteration?: number;
}

/** One simulated VU: the generators it loaded and the execution double they read. */
export interface SimulatedVu {
  readonly generators: Generators;
  readonly execution: Execution;
  /**
   * Moves the VU to another iteration (`__ITER`, `vu.iterationInInstance` and `scenario.iterationInTest` alike, as k6
   * sets them).
   * @param iteration - The iteration.
   */
  at(iteration: number): void;
}

/**
 * Loads the generators the way a k6 VU evaluates its bundle: a fresh module graph (so per-VU state starts afresh),
 * `__ENV` with the seed, and `__ITER` and the execution double set to the VU and iteration.
 * @param state - Seed, VU and iteration. @default SEED=42, VU 1, iteration 0
 * @returns The simulated VU.
 */
export async function loadVu(state: VuState = {}): Promise<SimulatedVu> {
  vi.resetModules();
  vi.stubGlobal('__ENV', 'seed' in state && state.seed === undefined ? {} : { SEED: state.seed ?? '42' });
  const execution = (await import('../doubles/execution.ts')).default;
  const at = (iteration: number) => {
    vi.stubGlobal('__ITER', iteration);
    execution.vu.iterationInInstance = iteration;
    execution.vu.iterationInScenario = iteration;
    execution.scenario.iterationInTest = iteration;
  };
  execution.vu.idInTest = state.vu ?? 1;
  execution.vu.idInInstance = state.vu ?? 1;
  at(state.iteration ?? 0);
  const generators = await import('../../src/generators/index.ts');
  return { generators, execution, at };
}

/** The fixed seeds every generator runs under. */
export const SEEDS = ['42', '1337', '4294967295'] as const;

/** One seeded case: what to make with the generators of a VU at seed S, VU 3, iteration 7. */
export type SeededCase = (generators: Generators) => unknown;

/**
 * Runs every exported function of `k6-forge/generators` under fixed seeds, faker-style: each case twice in fresh VUs
 * (same records), against its snapshot (records change only on purpose), and fails for an export with no case.
 * @param cases - A case per exported function, by name.
 * @param exempt - Exports that make no data, each with the reason (such as `pool`: tested in pools.test.ts).
 */
export function seededRuns(cases: Readonly<Record<string, SeededCase>>, exempt: Readonly<Record<string, string>>): void {
  describe('seeded runs', () => {
    test('every exported function has a seeded case or a stated exemption', async () => {
      const { generators } = await loadVu();
      const functions = Object.entries(generators)
        .filter(([, value]) => typeof value === 'function')
        .map(([name]) => name)
        .sort();
      expect(
        functions.filter((name) => !(name in cases) && !(name in exempt)),
        'exports with no seeded case',
      ).toStrictEqual([]);
      expect(
        [...Object.keys(cases), ...Object.keys(exempt)].filter((name) => !functions.includes(name)),
        'cases for no export',
      ).toStrictEqual([]);
    });

    for (const seed of SEEDS) {
      test.each(Object.keys(cases))(`%s replays under SEED=${seed}`, async (name) => {
        const run = async () => cases[name]!((await loadVu({ seed, vu: 3, iteration: 7 })).generators);
        const first = await run();
        expect(await run()).toStrictEqual(first);
        expect(first).toMatchSnapshot();
      });
    }
  });
}
