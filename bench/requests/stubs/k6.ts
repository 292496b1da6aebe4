// Stand-ins for k6 modules in the Node part of the benchmark: as cheap as possible, recording nothing.
/** Evaluates each predicate, like k6's check. */
export function check<T>(value: T, sets: Record<string, (v: T) => boolean>): boolean {
  let ok = true;
  for (const name in sets) ok = sets[name]!(value) && ok;
  return ok;
}
/** Does nothing. */
export function sleep(): void {}
