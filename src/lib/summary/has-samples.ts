/**
 * Whether a metric's summary values come from at least one sample. A rate counts `passes` and `fails`, a counter
 * (or a trend summarised with `count`) its `count`. k6 summarises a trend without samples as zeros, so a trend
 * without `count` has samples when any value is not 0; a trend whose every sample is exactly 0 reads as having
 * none (add `count` to `summaryTrendStats` to tell them apart). A gauge always has its value.
 * @param values - The metric's values, as k6's summary holds them (`--summary-export` files included).
 * @returns Whether any sample was recorded.
 */
export function hasSamples(values: Readonly<Record<string, number>>): boolean {
  const { passes, fails, count } = values;
  if (passes !== undefined && fails !== undefined) return passes + fails > 0;
  if (count !== undefined) return count > 0;
  if (values['value'] !== undefined) return true;
  return Object.values(values).some((value) => value !== 0);
}
