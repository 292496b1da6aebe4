import { ForgeError } from '../../lib/errors.ts';
import { redactUrl } from '../../lib/redact.ts';

/**
 * k6's default system tags in v2.2.0 (`metrics.DefaultSystemTagSet` in k6's `metrics/system_tag.go`) without `url`,
 * which k6 fills with the raw URL of a request that has no `name` tag (`/deals/8f3a...`: one Prometheus series per
 * id) and with the `name` tag's value otherwise (k6 v0.41 and later), a duplicate label either way. The catalog's
 * `name` tag (the path template, `/deals/{id}`) stays, and so does every other default.
 */
export const SYSTEM_TAGS_WITHOUT_URL: readonly string[] = [
  'proto',
  'subproto',
  'status',
  'method',
  'name',
  'group',
  'check',
  'error',
  'error_code',
  'tls_version',
  'scenario',
  'service',
  'expected_response',
];

/**
 * The trend statistics k6 writes for every Trend series, unless `K6_PROMETHEUS_RW_TREND_STATS` is exported: the p95
 * and p99 the thresholds judge, and the average. Each statistic is one series per endpoint, status and group (k6's
 * own default is `p(99)` alone).
 */
export const PROMETHEUS_TREND_STATS = 'p(95),p(99),avg';

/** What {@link prometheusOutput} adds to one k6 run. */
export interface PrometheusOutput {
  /** The `k6 run` arguments: `--out experimental-prometheus-rw`, and `--system-tags` without `url` unless the run sets its own. */
  readonly args: readonly string[];
  /** The variables k6 reads the output's settings from; credentials are here only, never in an argument. */
  readonly env: Readonly<Record<string, string>>;
  /** The remote-write URL as it may be printed: no user name or password, secret query values redacted. */
  readonly shownUrl: string;
}

/** What `--prometheus` accepts, for its error messages. */
const ACCEPTED =
  "an http:// or https:// remote-write URL such as http://127.0.0.1:9090/api/v1/write (Prometheus started with --web.enable-remote-write-receiver); credentials as https://user:password@host/..., which k6-forge passes to k6 through K6_PROMETHEUS_RW_USERNAME and K6_PROMETHEUS_RW_PASSWORD, never on k6's command line";

/** Whether the flags (or the environment) choose k6's system tags already. */
function setsSystemTags(flags: readonly string[], env: NodeJS.ProcessEnv): boolean {
  return flags.some((token) => token === '--system-tags' || token.startsWith('--system-tags=')) || env['K6_SYSTEM_TAGS'] !== undefined;
}

/** Reads a URL's user name or password as k6 should send it: percent-escapes decoded. */
function decoded(part: string, field: string, given: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new ForgeError('invalid_option', {
      field,
      given: JSON.stringify(given),
      accepted: `${ACCEPTED}; percent-escapes in the credentials must be valid`,
    });
  }
}

/**
 * The k6 arguments and environment that stream a run's metrics to Prometheus with k6's remote-write output
 * (`--out experimental-prometheus-rw`, in k6 since v0.42): the server URL, the trend statistics the thresholds use
 * ({@link PROMETHEUS_TREND_STATS}, or an exported `K6_PROMETHEUS_RW_TREND_STATS`), and the credentials of a URL's
 * userinfo as `K6_PROMETHEUS_RW_USERNAME` and `K6_PROMETHEUS_RW_PASSWORD`, so they never show in a process list, a
 * tag or a log line. k6 turns every tag into a label, so the raw `url` system tag is left out
 * ({@link SYSTEM_TAGS_WITHOUT_URL}) unless the flags after `--` give `--system-tags` or `K6_SYSTEM_TAGS` is exported.
 * @param url - The `--prometheus` value.
 * @param flags - The arguments after `--`, passed to `k6 run` as they are. @default []
 * @param env - The environment k6 inherits. @default process.env
 * @returns The arguments, the variables and the URL as it may be printed.
 * @throws {ForgeError} `invalid_option` naming `--prometheus`, the value with its credentials masked and what is
 *   accepted: for a value that is no URL, a scheme other than http or https, a URL without a host, or a fragment.
 */
export function prometheusOutput(url: string, flags: readonly string[] = [], env: NodeJS.ProcessEnv = process.env): PrometheusOutput {
  const masked = redactUrl(url);
  const refuse = (why: string): never => {
    throw new ForgeError('invalid_option', { field: '--prometheus', given: JSON.stringify(masked), accepted: `${ACCEPTED} (${why})` });
  };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refuse('this is no URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') refuse(`the scheme is ${parsed.protocol.slice(0, -1)}`);
  if (parsed.hostname === '') refuse('the URL names no host');
  if (parsed.hash !== '') refuse('a #fragment is never sent to the server');
  const credentials: Record<string, string> = {};
  if (parsed.username !== '' || parsed.password !== '') {
    credentials['K6_PROMETHEUS_RW_USERNAME'] = decoded(parsed.username, '--prometheus', masked);
    credentials['K6_PROMETHEUS_RW_PASSWORD'] = decoded(parsed.password, '--prometheus', masked);
    parsed.username = '';
    parsed.password = '';
  }
  const server = parsed.toString();
  return {
    args: [
      '--out',
      'experimental-prometheus-rw',
      ...(setsSystemTags(flags, env) ? [] : ['--system-tags', SYSTEM_TAGS_WITHOUT_URL.join(',')]),
    ],
    env: {
      K6_PROMETHEUS_RW_SERVER_URL: server,
      K6_PROMETHEUS_RW_TREND_STATS: env['K6_PROMETHEUS_RW_TREND_STATS'] ?? PROMETHEUS_TREND_STATS,
      ...credentials,
    },
    shownUrl: redactUrl(server),
  };
}
