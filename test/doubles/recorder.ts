/** One call that a k6 double recorded. */
export interface RecordedCall {
  readonly module: string;
  readonly fn: string;
  readonly args: readonly unknown[];
}

/** Everything the k6 doubles saw since the last reset, in order. */
export const recorded: RecordedCall[] = [];

/**
 * Records a call made to a k6 double.
 * @param module - The k6 module, such as `k6/http`.
 * @param fn - The function or method called.
 * @param args - The arguments it got.
 */
export function record(module: string, fn: string, args: readonly unknown[]): void {
  recorded.push({ module, fn, args });
}

/**
 * The calls recorded for one module and function.
 * @param module - The k6 module.
 * @param fn - The function name.
 * @returns Their argument lists, in order.
 */
export function callsTo(module: string, fn: string): (readonly unknown[])[] {
  return recorded.filter((c) => c.module === module && c.fn === fn).map((c) => c.args);
}

/** Forgets every recorded call. */
export function resetRecorded(): void {
  recorded.length = 0;
}
