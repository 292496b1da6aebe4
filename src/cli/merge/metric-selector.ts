import { refuse } from '../../lib/errors.ts';

/** A metric or sub-metric as a threshold names it: `http_req_duration{scenario:smoke,endpoint:login}`. */
export interface MetricSelector {
  /** The name as given, such as `http_req_duration{scenario:smoke}`. */
  readonly name: string;
  /** The metric it selects from, such as `http_req_duration`. */
  readonly metric: string;
  /** The tags a sample must carry, with these values; empty for the metric itself. */
  readonly tags: Readonly<Record<string, string>>;
}

/** A tag value without the quotes k6 allows around it (`{name:'a b'}`). */
function unquoted(value: string): string {
  const first = value[0];
  return value.length >= 2 && (first === '"' || first === "'" || first === '`') && value.at(-1) === first ? value.slice(1, -1) : value;
}

/**
 * Parses a metric name as k6 thresholds write it: a metric, optionally followed by `{tag:value,...}`.
 * @param name - The name, such as `http_req_duration{scenario:smoke}`.
 * @returns The metric and the tags it selects.
 * @throws {ForgeError} `invalid_file` for a selector that is not `{tag:value,...}`.
 */
export function parseMetricSelector(name: string): MetricSelector {
  const open = name.indexOf('{');
  if (open === -1) return { name, metric: name, tags: {} };
  if (!name.endsWith('}') || open === 0) {
    refuse('invalid_file', { field: 'threshold metric', given: name, accepted: 'a metric name, optionally with {tag:value,...}' });
  }
  const tags: Record<string, string> = {};
  for (const pair of name.slice(open + 1, -1).split(',')) {
    const colon = pair.indexOf(':');
    const key = pair.slice(0, colon).trim();
    if (colon === -1 || key === '') {
      refuse('invalid_file', { field: 'threshold metric', given: name, accepted: 'a metric name, optionally with {tag:value,...}' });
    }
    tags[key] = unquoted(pair.slice(colon + 1).trim());
  }
  return { name, metric: name.slice(0, open), tags };
}

/**
 * Whether a sample's tags match a selector's, as k6 matches a sub-metric: every selected tag present, with its value.
 * @param selector - The selector.
 * @param tags - The sample's tags (k6 writes them as strings).
 * @returns Whether the sample counts in the sub-metric.
 */
export function selectsTags(selector: MetricSelector, tags: Readonly<Record<string, unknown>>): boolean {
  for (const [key, value] of Object.entries(selector.tags)) if (String(tags[key]) !== value || !(key in tags)) return false;
  return true;
}
