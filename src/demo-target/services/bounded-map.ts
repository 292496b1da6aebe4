/**
 * A `Map` that holds at most `capacity` entries: adding a key beyond that evicts the oldest entry first, so the demo
 * target's memory stays flat however long a soak runs. The order of arrival is kept in a queue of its own: finding
 * the oldest entry of a `Map` that keeps losing its first entries would step over every deleted slot.
 */
export class BoundedMap<K, V> extends Map<K, V> {
  readonly #capacity: number;
  readonly #onEvict: ((key: K, value: V) => void) | undefined;
  #arrivals: K[] = [];
  #oldest = 0;

  /**
   * @param capacity - The most entries held; at least 1.
   * @param onEvict - Called with each evicted entry, to drop what refers to it.
   */
  constructor(capacity: number, onEvict?: (key: K, value: V) => void) {
    super();
    this.#capacity = capacity;
    this.#onEvict = onEvict;
  }

  /**
   * Sets a key; a new key beyond the capacity evicts the oldest entry first.
   * @param key - The key.
   * @param value - The value.
   * @returns This map.
   */
  override set(key: K, value: V): this {
    // Map's constructor calls set before the fields exist; the target never passes it entries.
    if (this.#arrivals === undefined || this.has(key)) return super.set(key, value);
    while (this.size >= this.#capacity && this.#oldest < this.#arrivals.length) {
      const oldest = this.#arrivals[this.#oldest]!;
      this.#oldest += 1;
      const evicted = this.get(oldest);
      // A key deleted since it arrived is skipped.
      if (evicted === undefined && !this.has(oldest)) continue;
      this.delete(oldest);
      this.#onEvict?.(oldest, evicted as V);
    }
    if (this.#oldest > this.#capacity) {
      this.#arrivals = this.#arrivals.slice(this.#oldest);
      this.#oldest = 0;
    }
    this.#arrivals.push(key);
    return super.set(key, value);
  }
}
