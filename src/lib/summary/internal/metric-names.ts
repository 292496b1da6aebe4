import { byCodeUnits } from '../../text-order.ts';

/** The metric a name belongs to: `http_req_duration` for `http_req_duration{endpoint:login}`. */
function parentMetric(name: string): string {
  const brace = name.indexOf('{');
  return brace < 0 ? name : name.slice(0, brace);
}

/**
 * Orders metric names by their parent, each sub-metric right after it, as k6's summary lists them;
 * compares code units, so the order does not depend on the locale.
 * @param a - A metric or sub-metric name.
 * @param b - Another.
 * @returns A negative number when `a` comes first, a positive one when `b` does, 0 when equal.
 */
export function compareMetricNames(a: string, b: string): number {
  return byCodeUnits(parentMetric(a), parentMetric(b)) || byCodeUnits(a, b);
}
