/// <reference path="./pool-imports.d.ts" />
import { SharedArray } from 'k6/data';
import exec from 'k6/execution';
import { refuse, shown } from '../lib/errors.ts';
import { int } from './random.ts';
import type { Source } from './source.ts';
import { vuRandom } from './vu-draw.ts';

/** The JSON a pool travels as, inside a bundle or in a file: what made it, and its records. */
export interface PoolFile<T = unknown> {
  readonly format: 'k6-forge-pool';
  /** The domain generator its records come from, such as `customer`. */
  readonly domain: string;
  /** The seed that made it: the same seed, count and locale make the same records. */
  readonly seed: number;
  /** The faker locale of its names and addresses, such as `de`. */
  readonly locale: string;
  readonly count: number;
  readonly records: readonly T[];
}

/** A pool's records as k6 holds them: one `SharedArray` for the whole run, read by every VU. */
export interface PoolData<T> {
  /** The name in error messages (and of the `SharedArray`). */
  readonly name: string;
  /** The records, read-only (k6 hands every VU frozen copies). */
  readonly records: readonly T[];
}

/** How {@link pool} picks records. */
export type PoolOptions =
  | {
      /** Each record at most once in the whole run, across VUs and instances, by `exec.scenario.iterationInTest`. */
      readonly pick: 'unique';
      /** Start over from the first record when all were used, instead of throwing. @default false */
      readonly recycle?: boolean;
      /** Records one iteration takes; the record index is `iterationInTest * perIteration + n`. @default 1 */
      readonly perIteration?: number;
    }
  | {
      /** A random record each time, from the VU's seeded stream (so `SEED` replays it). */
      readonly pick: 'random';
    }
  | {
      /** Each VU walks the pool in order from its own first record (`vu.idInTest - 1`), wrapping around. */
      readonly pick: 'circular';
    }
  | {
      /** Each VU owns one slice (`count / vus` records, in order, wrapping within it); no record is seen by two VUs. */
      readonly pick: 'shard';
      /** The most VUs the test runs (`vu.idInTest` goes up to it); each gets one slice. */
      readonly vus: number;
    };

const PICKS = "pick: 'unique', 'random', 'circular' or 'shard'";

/** A pool as a bundle embeds it when its records share one shape: the field paths once, then a row of values per record. */
interface PackedPool extends Omit<PoolFile, 'records'> {
  readonly fields: readonly (readonly string[])[];
  readonly rows: readonly (readonly unknown[])[];
}

/**
 * Parses a pool's JSON, checks it and returns its records, rebuilt from rows where the build packed them: in the
 * SharedArray callback, so once per run.
 */
function recordsOf(text: string, name: string, domain: string | undefined): readonly unknown[] {
  let file: Partial<PoolFile & PackedPool> | null = null;
  try {
    file = JSON.parse(text) as Partial<PoolFile & PackedPool> | null;
  } catch {
    // reported below, with what is accepted
  }
  let records = file?.records;
  const { fields, rows } = file ?? {};
  if (records === undefined && Array.isArray(fields) && Array.isArray(rows)) {
    const rebuilt: Record<string, unknown>[] = [];
    for (let r = 0; r < rows.length; r += 1) {
      const row = rows[r]!;
      if (!Array.isArray(row) || row.length !== fields.length) break;
      const record: Record<string, unknown> = {};
      for (let f = 0; f < fields.length; f += 1) {
        const path = fields[f]!;
        let at = record;
        for (let k = 0; k < path.length - 1; k += 1) {
          at[path[k]!] ??= {};
          at = at[path[k]!] as Record<string, unknown>;
        }
        at[path[path.length - 1]!] = row[f];
      }
      rebuilt[r] = record;
    }
    if (rebuilt.length === rows.length) records = rebuilt;
  }
  if (file?.format !== 'k6-forge-pool' || !Array.isArray(records) || records.length === 0) {
    refuse('invalid_option', {
      field: name,
      shownAs: 'data that is not a k6-forge pool with records',
      accepted: 'a pool built by k6-forge (a `k6-forge/pool?...` import, writePool or `k6-forge pool`)',
    });
  }
  if (domain !== undefined && file.domain !== domain)
    refuse('invalid_option', {
      field: name,
      shownAs: `a pool of ${shown(file.domain)} records`,
      accepted: `a pool of ${shown(domain)} records`,
    });
  return records;
}

/**
 * A pool carried inside the bundle as one JSON string, parsed once per run inside the `SharedArray` callback (the
 * cheapest form that also works when the bundle reaches k6 on stdin). The build writes this call for a
 * `k6-forge/pool?...` import; call it yourself only with JSON made by `poolJson` or `embeddedPoolJson`. Init context
 * only.
 * @param name - The pool's name, unique per pool.
 * @param json - The pool file's text.
 * @returns The pool's records.
 * @throws {ForgeError} `invalid_option` when the JSON is not a pool with records.
 */
export function embeddedPool<T>(name: string, json: string): PoolData<T> {
  return { name, records: new SharedArray(`k6-forge pool ${name}`, () => recordsOf(json, name, undefined) as T[]) };
}

/** Options for {@link filePool}. */
export interface FilePoolOptions {
  /** The pool file, as `open()` takes it: absolute, or relative to the bundle (such as a mounted `/data/customers.json`). */
  readonly path: string;
  /** The domain the file must hold, checked once. @default any */
  readonly domain?: string;
}

/**
 * A pool read from a file (written by `writePool` or `k6-forge pool`) with `open()` inside the `SharedArray` callback:
 * the least memory of all forms, for a mounted folder (not stdin). Init context only.
 * @param options - The file and the domain it must hold.
 * @returns The pool's records.
 * @throws {ForgeError} `invalid_option` when the file is not a pool of that domain.
 */
export function filePool<T>(options: FilePoolOptions): PoolData<T> {
  const { path, domain } = options;
  return { name: path, records: new SharedArray(`k6-forge pool ${path}`, () => recordsOf(open(path), path, domain) as T[]) };
}

function wholeAtLeast(value: number | undefined, min: number, field: string, fallback: number): number {
  const chosen = value ?? fallback;
  if (!Number.isSafeInteger(chosen) || chosen < min)
    refuse('invalid_option', { field, given: chosen, accepted: `a whole number of at least ${min}` });
  return chosen;
}

/**
 * A source that picks records from a pool: `unique` (each once per run; throws when used up unless `recycle`),
 * `random`, `circular` (each VU in order) or `shard` (a disjoint slice per VU). Create it at init; call `next()` in
 * iterations. With `unique`, one pool per scenario (`iterationInTest` counts per scenario).
 * @param data - The pool, from a `k6-forge/pool?...` import, {@link embeddedPool} or {@link filePool}.
 * @param options - The pick strategy and its settings.
 * @returns The source.
 * @throws {ForgeError} `invalid_option` for bad options; from `next()`, when a unique pool is used up, when one
 * iteration takes more than `perIteration` records, or when a VU has no shard.
 */
export function pool<T>(data: PoolData<T>, options: PoolOptions): Source<T> {
  const { records, name } = data;
  const count = records.length;
  switch (options.pick) {
    case 'unique': {
      const perIteration = wholeAtLeast(options.perIteration, 1, `${name}: perIteration`, 1);
      const recycle = options.recycle ?? false;
      let iteration = -1;
      let taken = 0;
      return {
        next() {
          const current = exec.scenario.iterationInTest;
          if (current !== iteration) [iteration, taken] = [current, 0];
          if (taken === perIteration)
            refuse('invalid_option', {
              field: `${name}: perIteration`,
              shownAs: `${perIteration + 1} records in one iteration`,
              accepted: `at most ${perIteration}; raise perIteration`,
            });
          const index = current * perIteration + taken;
          taken += 1;
          if (index >= count && !recycle) {
            refuse('invalid_option', {
              field: name,
              shownAs: `record ${index + 1} of ${count} with pick "unique"`,
              accepted: `at most ${count} records in a run; build a bigger pool, run fewer iterations, or set recycle: true`,
            });
          }
          return records[index % count]!;
        },
      };
    }
    case 'random':
      return { next: () => records[int(0, count - 1, vuRandom())]! };
    case 'circular': {
      let position = -1;
      return {
        next() {
          position = position < 0 ? (exec.vu.idInTest - 1 + count) % count : (position + 1) % count;
          return records[position]!;
        },
      };
    }
    case 'shard': {
      const vus = wholeAtLeast(options.vus, 1, `${name}: vus`, 0);
      const size = Math.floor(count / vus);
      if (size === 0)
        refuse('invalid_option', {
          field: `${name}: vus`,
          given: vus,
          accepted: `at most ${count}, so each VU gets at least one of the pool's ${count} records`,
        });
      let start = -1;
      let offset = -1;
      return {
        next() {
          if (start < 0) {
            const id = exec.vu.idInTest;
            if (id < 1 || id > vus)
              refuse('invalid_option', {
                field: name,
                shownAs: `VU ${id}`,
                accepted: `VUs 1 to ${vus}, the ones the pool was sharded for (set vus to the test's most VUs)`,
              });
            start = (id - 1) * size;
          }
          offset = (offset + 1) % size;
          return records[start + offset]!;
        },
      };
    }
    default:
      refuse('invalid_option', { field: `${name}: pick`, given: (options as { pick: unknown }).pick, accepted: PICKS });
  }
}
