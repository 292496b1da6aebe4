/**
 * Where a script takes its records from, whatever the tier: runtime generators ({@link generated}), a build-time pool
 * (`pool`), faker bundled into k6 (`fakerSource`) or the xk6-faker extension (`xk6FakerSource`).
 */
export interface Source<T> {
  /**
   * The next record.
   * @returns The record.
   */
  next(): T;
}

/**
 * A source over a runtime generator, so a script can switch tiers without changing its iterations.
 * @param make - Makes one record, such as `customer` or `() => customer({ address })`.
 * @returns The source.
 */
export function generated<T>(make: () => T): Source<T> {
  return { next: () => make() };
}
