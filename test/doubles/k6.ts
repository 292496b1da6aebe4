import { record } from './recorder.ts';

/** Double of k6's `check`: records the call and returns whether every predicate held. */
export function check<T>(value: T, sets: Record<string, (v: T) => boolean>, tags?: object): boolean {
  const results = Object.fromEntries(Object.entries(sets).map(([name, fn]) => [name, fn(value)]));
  record('k6', 'check', [results, tags]);
  return Object.values(results).every(Boolean);
}

/** Double of k6's `sleep`: records the seconds and returns at once. */
export function sleep(seconds: number): void {
  record('k6', 'sleep', [seconds]);
}

/** Double of k6's `group`: records the name and runs the body. */
export function group<T>(name: string, body: () => T): T {
  record('k6', 'group', [name]);
  return body();
}

/** Double of k6's `fail`: throws like k6 does. */
export function fail(message?: string): never {
  throw new Error(message);
}
