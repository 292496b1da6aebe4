// The post-deploy smoke checks of docs/requirements.md, 000, that `k6-forge smoke-check` runs: each service's health
// and readiness paths, with a timeout and bounded retries, one VU per service, and optionally the transaction probe
// (a ledger transfer through the gateway, then read back). `k6-forge smoke-check` passes the services in
// SMOKE_CHECK_SERVICES (JSON); run alone, the script checks BASE_URL's /health and /ready.
import { sleep } from 'k6';
import exec from 'k6/execution';
import { Counter, Gauge, Rate, Trend } from 'k6/metrics';
import { type ApiResponse, bearerAuth, catalog, parseDuration, summaryHandler } from 'k6-forge/lib';

/** One service to check, as k6-forge smoke-check passes it. */
interface Service {
  readonly name: string;
  readonly url: string;
  readonly health: string;
  readonly ready: string;
}

const services: readonly Service[] = __ENV.SMOKE_CHECK_SERVICES
  ? JSON.parse(__ENV.SMOKE_CHECK_SERVICES)
  : [{ name: 'base', url: __ENV.BASE_URL ?? 'http://localhost:3000', health: '/health', ready: '/ready' }];
const timeout = __ENV.SMOKE_CHECK_TIMEOUT ?? '3s';
const attempts = Number(__ENV.SMOKE_CHECK_ATTEMPTS ?? 3);
const backoffSeconds = parseDuration(__ENV.SMOKE_CHECK_BACKOFF ?? '500ms', 'SMOKE_CHECK_BACKOFF') / 1000;
const probeUrl = __ENV.SMOKE_CHECK_PROBE_URL;
/** The rows of the check: every service, then the probe when a gateway is given. */
const rows = [...services.map((s) => s.name), ...(probeUrl ? ['probe'] : [])];

/** One catalog per service: its own base URL, its health and readiness endpoints, statuses judged here. */
const apis = services.map((service) => {
  const id = service.name.replaceAll('-', '_');
  return catalog(
    {
      [`${id}_health`]: { method: 'GET', path: service.health, service: service.name, operation: 'health', checkStatus: false },
      [`${id}_ready`]: { method: 'GET', path: service.ready, service: service.name, operation: 'ready', checkStatus: false },
    },
    { baseUrl: service.url, timeout },
  );
});
const probe = probeUrl
  ? catalog(
      {
        probe_transfer: {
          method: 'POST',
          path: '/transfers',
          service: 'probe',
          operation: 'transfer',
          idempotencyKey: true,
          checkStatus: false,
        },
        probe_read_back: { method: 'GET', path: '/transfers/{id}', service: 'probe', operation: 'read_back', checkStatus: false },
      },
      { baseUrl: probeUrl, timeout, auth: bearerAuth(__ENV.BEARER_TOKEN ?? 'demo-token') },
    )
  : undefined;

const ok = new Rate('smoke_check_ok');
const tries = new Counter('smoke_check_attempts');
const latency = new Trend('smoke_check_duration', true);
const status = new Gauge('smoke_check_status');

/** Per service: its verdict must be 1; its attempts, latencies and last statuses show in the summary. */
function rowThresholds(): Record<string, string[]> {
  const thresholds: Record<string, string[]> = { 'iterations{scenario:smoke_check}': [`count==${rows.length}`] };
  for (const name of rows) {
    thresholds[`smoke_check_ok{service:${name}}`] = ['rate==1'];
    thresholds[`smoke_check_attempts{service:${name}}`] = [];
    for (const step of name === 'probe' ? ['transfer', 'read_back'] : ['health', 'ready']) {
      thresholds[`smoke_check_duration{service:${name},check:${step}}`] = [];
      thresholds[`smoke_check_status{service:${name},check:${step}}`] = [];
    }
  }
  return thresholds;
}

/** The longest one row can take: every attempt of both steps timing out, plus the waits between them. */
const worstSeconds = 2 * attempts * (parseDuration(timeout, 'SMOKE_CHECK_TIMEOUT') / 1000 + backoffSeconds * 2 ** attempts);

export const options = {
  scenarios: {
    smoke_check: { executor: 'per-vu-iterations', vus: rows.length, iterations: 1, maxDuration: `${Math.ceil(worstSeconds + 10)}s` },
  },
  thresholds: rowThresholds(),
  summaryTrendStats: ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)', 'count'],
};

export const handleSummary = summaryHandler({ scenario: __ENV.SMOKE_CHECK_NAME || 'smoke-check' });

/**
 * Sends one step until it answers as wanted, at most `attempts` times, waiting longer before each retry.
 * @returns The last response.
 */
function attempt(row: string, step: string, send: () => ApiResponse, wanted: (res: ApiResponse) => boolean): ApiResponse {
  let res = send();
  tries.add(1, { service: row });
  for (let i = 1; i < attempts && !wanted(res); i += 1) {
    sleep(backoffSeconds * 2 ** (i - 1));
    res = send();
    tries.add(1, { service: row });
  }
  const tags = { service: row, check: step };
  status.add(res.status, tags);
  if (res.status !== 0) latency.add(res.timings.duration, tags);
  if (!wanted(res)) console.warn(`smoke-check: ${row} ${step}: ${res.status === 0 ? `no answer (${res.error})` : `HTTP ${res.status}`}`);
  return res;
}

const is2xx = (res: ApiResponse) => res.status >= 200 && res.status < 300;

/** The probe: a small transfer with an idempotency key (the same one on every retry), then read back by its id. */
function transactionProbe(): boolean {
  const key = `probe-${Date.now()}-${Math.floor(Math.random() * 1e9)}`;
  const body = { fromAccount: __ENV.ACCOUNT_ID ?? 'acc-demo', toAccount: 'acc-probe', amountMinor: 1, currency: 'EUR' };
  const created = attempt(
    'probe',
    'transfer',
    () => probe!.send('probe_transfer', { body, idempotencyKey: key }),
    (r) => r.status === 201,
  );
  if (created.status !== 201) return false;
  const id = String(created.json('transferId'));
  const read = attempt(
    'probe',
    'read_back',
    () => probe!.send('probe_read_back', { path: { id } }),
    (r) => r.status === 200,
  );
  return read.status === 200 && read.json('transferId') === id && read.json('amountMinor') === 1;
}

/** One row per VU: a service's health, then (when healthy) its readiness; or the probe. */
export default function (): void {
  const index = exec.scenario.iterationInTest;
  const row = rows[index]!;
  if (row === 'probe' && index === services.length) {
    ok.add(transactionProbe(), { service: row });
    return;
  }
  const api = apis[index]!;
  const id = row.replaceAll('-', '_');
  const health = attempt(row, 'health', () => api.send(`${id}_health`), is2xx);
  const ready = is2xx(health) ? attempt(row, 'ready', () => api.send(`${id}_ready`), is2xx) : undefined;
  ok.add(is2xx(health) && ready !== undefined && is2xx(ready), { service: row });
}
