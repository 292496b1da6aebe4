/**
 * Runs a function that must throw and returns what it threw, to compare whole errors.
 * @param run - The function expected to throw.
 * @returns The thrown value.
 */
export function caught(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}
