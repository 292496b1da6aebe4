/**
 * The label of the whole run among endpoints, in every report and file (compare, baseline files, analyze, the
 * summary's latency table): `*`, which no endpoint name can be, since the catalog's names are metric-safe.
 */
export const WHOLE_RUN = '*';

/** The tags that name an endpoint, in order: the catalog's `endpoint`, else k6's `name` (the URL or its template). */
export const ENDPOINT_TAGS = ['endpoint', 'name'] as const;

/** A sub-metric of one endpoint, such as `http_req_duration{endpoint:login}`. */
export interface EndpointSubmetric {
  /** The metric, such as `http_req_duration`. */
  readonly metric: string;
  /** The tag that names the endpoint. */
  readonly tag: (typeof ENDPOINT_TAGS)[number];
  /** The endpoint, such as `login`. */
  readonly endpoint: string;
}

/**
 * Names the endpoint of a sample from its tags: the `endpoint` tag, else the `name` tag.
 * @param tags - The sample's tags.
 * @returns The endpoint; undefined when neither tag is a non-empty string.
 */
export function endpointOfTags(tags: Readonly<Record<string, unknown>>): string | undefined {
  for (const tag of ENDPOINT_TAGS) {
    const value = tags[tag];
    if (typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}

/**
 * Reads a summary metric's name as an endpoint's sub-metric: `<metric>{endpoint:<x>}` or `<metric>{name:<x>}`, with
 * one tag only.
 * @param name - The metric's name in k6's summary.
 * @returns The metric, the tag and the endpoint; undefined for any other name.
 */
export function endpointSubmetric(name: string): EndpointSubmetric | undefined {
  const [, metric, tag, endpoint] = /^([A-Za-z_][A-Za-z0-9_]*)\{\s*(endpoint|name)\s*:\s*([^,{}]+?)\s*\}$/.exec(name) ?? [];
  if (metric === undefined || endpoint === undefined) return undefined;
  return { metric, tag: tag as EndpointSubmetric['tag'], endpoint };
}
