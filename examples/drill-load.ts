// The steady load of `k6-forge drill` (docs/requirements.md, 000: "restart one service at a time and confirm no data
// loss"): ledger transfers through the gateway, each with an idempotency key of its own that every retry repeats, so
// a transfer carried across a restart lands once. Every transfer the gateway acknowledged (201) is recorded with its
// id and key in `drill_transfers_acknowledged`, whose samples k6's `--out json` keeps, for the drill to find each one
// in the ledger afterwards.
import { sleep } from 'k6';
import { Counter, Rate } from 'k6/metrics';
import { idempotencyKey } from 'k6-forge/generators';
import { bearerAuth, catalog, loadConfig, summaryHandler } from 'k6-forge/lib';

const config = loadConfig();

const gateway = catalog(
  {
    transfer_create: {
      method: 'POST',
      path: '/transfers',
      service: 'ledger',
      operation: 'transfer',
      expect: [201],
      idempotencyKey: true,
      timeout: '5s',
      // About 6.4 s of retries in all (200 ms, growing 1.5 times): long enough to carry a transfer across a restart.
      retry: { attempts: 8, backoff: '200ms', factor: 1.5 },
    },
  },
  { baseUrl: config.BASE_URL, auth: bearerAuth(config.BEARER_TOKEN) },
);

const acknowledged = new Counter('drill_transfers_acknowledged');
const transferOk = new Rate('drill_transfer_ok');

export const options = {
  scenarios: { drill_load: { executor: 'constant-vus', vus: config.VUS ?? 4, duration: config.DURATION ?? '30s' } },
  thresholds: { 'iterations{scenario:drill_load}': ['count>0'], drill_transfers_acknowledged: ['count>0'], drill_transfer_ok: [] },
  summaryTrendStats: ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)'],
};

export const handleSummary = summaryHandler({ scenario: 'drill-load' });

/** One transfer, retried with its own idempotency key until the gateway acknowledges it or the retries run out. */
export default function (): void {
  const key = idempotencyKey();
  const res = gateway.send('transfer_create', {
    body: { fromAccount: config.ACCOUNT_ID ?? 'acc-demo', toAccount: 'acc-drill', amountMinor: 1, currency: 'EUR' },
    idempotencyKey: key,
  });
  const ok = res.status === 201 && typeof res.json('transferId') === 'string';
  transferOk.add(ok);
  if (ok) acknowledged.add(1, { transfer_id: String(res.json('transferId')), idempotency_key: key });
  sleep(0.1);
}
