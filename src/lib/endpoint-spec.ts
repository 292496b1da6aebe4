// What a team declares for each endpoint of a catalog: its own module, so that the catalog and the planning it
// imports lazily (internal/endpoint-plans.ts) both name these types without importing each other.
import type { RetryPolicy } from './retry.ts';
import type { Limits } from './thresholds-file.ts';

/** HTTP methods an endpoint may use. */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

/** One endpoint, declared once. */
export interface EndpointSpec {
  /** The HTTP method. */
  readonly method: Method;
  /** The path template below `baseUrl`, such as `/deals/{id}`; it is also the `name` tag. */
  readonly path: string;
  /** The `service` tag, such as `deal`. */
  readonly service?: string;
  /** The `operation` tag. @default the endpoint's name */
  readonly operation?: string;
  /** Statuses that are not failures in `http_req_failed` (a 409 "sold out" is an answer). @default k6's 200–399 */
  readonly expect?: readonly number[];
  /**
   * A Trend, by name, that records this endpoint's latency besides `http_req_duration{endpoint:<name>}`, such as
   * `login_duration`. k6 keeps every Trend sample until the end of the run, so none is recorded unless named here.
   */
  readonly trend?: string;
  /** Request timeout in k6 duration syntax. @default the catalog's, else k6's 60s */
  readonly timeout?: string;
  /** Send an idempotency key (the same one on every retry). @default false */
  readonly idempotencyKey?: boolean;
  /** Retries with backoff; only for idempotent requests (GET, HEAD, PUT, DELETE, OPTIONS or with `idempotencyKey`). */
  readonly retry?: RetryPolicy;
  /** Send the catalog's auth headers. @default true */
  readonly auth?: boolean;
  /** Check every response against `expect` (or 2xx), as `<name> status is ...`. @default true */
  readonly checkStatus?: boolean;
  /** Redirects to follow. @default 0 when `expect` holds a 3xx status, else k6's 10 */
  readonly redirects?: number;
  /** Limits over the thresholds file's `endpoints.<name>`, key by key. */
  readonly thresholds?: Limits;
}

/** Endpoints by name; names are letters, digits and `_`, so they make valid metric names. */
export type EndpointSpecs = Readonly<Record<string, EndpointSpec>>;
