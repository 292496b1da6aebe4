import { SharedArray } from 'k6/data';

/**
 * Computes a JSON value once per k6 instance and hands each caller its own copy.
 *
 * Every VU runs the script's init code, so work whose result depends only on its inputs (reading the configuration,
 * building options and thresholds) would run once per VU. Through this it runs in the first VU that asks (k6's first
 * init, which reads the options), and the others read the stored result from a `SharedArray`. The result is the same
 * whichever VU computed it, since the inputs key it. Outside the init context, where k6 has no SharedArray, it
 * computes directly. An error from `compute` reaches the caller as thrown.
 * @param name - What is computed, part of the SharedArray's name.
 * @param inputs - Everything the result depends on, as JSON: equal inputs share one result.
 * @param compute - The work. Its result must survive JSON: no functions, no `undefined` where it matters.
 * @returns A fresh copy of the result, the caller's to change.
 */
export function oncePerRun<T>(name: string, inputs: unknown, compute: () => T): T {
  let failure: { readonly error: unknown } | undefined;
  let shared: ArrayLike<string>;
  try {
    shared = new SharedArray(`k6-forge ${name} ${JSON.stringify(inputs)}`, () => {
      try {
        return [JSON.stringify(compute())];
      } catch (error) {
        failure = { error };
        throw error;
      }
    });
  } catch {
    if (failure) throw failure.error;
    return compute();
  }
  return JSON.parse(shared[0]!) as T;
}
