// The gateway journey of docs/requirements.md, 000, shared by gateway-baseline and gateway-spike: read the funded account's
// balance, then post a ledger transfer with an idempotency key (retried safely on 502/503/504).
import { check } from 'k6';
import exec from 'k6/execution';
import { Counter } from 'k6/metrics';
import { bearerAuth, catalog, jsonHas, loadConfig, summaryHandler } from 'k6-forge/lib';

/** This run's configuration: `BASE_URL`, `BEARER_TOKEN` and `ACCOUNT_ID` (development defaults to the demo target). */
export const config = loadConfig();

/** The gateway's endpoints: bearer auth on every request, transfers idempotent and retried. */
export const gateway = catalog(
  {
    account_get: { method: 'GET', path: '/accounts/{id}', service: 'gateway', operation: 'balance', retry: { attempts: 3 } },
    transfer_create: {
      method: 'POST',
      path: '/transfers',
      service: 'ledger',
      operation: 'transfer',
      expect: [201],
      idempotencyKey: true,
      retry: { attempts: 3, backoff: '200ms' },
    },
  },
  { baseUrl: config.BASE_URL, auth: bearerAuth(config.BEARER_TOKEN), debug: config.DEBUG },
);

/** Writes the run's JSON, JUnit, HTML and Markdown results and k6's text summary. */
export const handleSummary = summaryHandler();

const transfersCreated = new Counter('transfers_created');
const transfersReplayed = new Counter('transfers_replayed');

/** One ledger client: check the balance, move a small amount to a sink account. */
export function transfer(): void {
  const balance = gateway.send('account_get', { path: { id: config.ACCOUNT_ID ?? '' } });
  check(balance, jsonHas('balanceMinor'));
  const res = gateway.send('transfer_create', {
    body: {
      fromAccount: config.ACCOUNT_ID,
      toAccount: `acc-sink-${exec.vu.idInTest}`,
      amountMinor: 100 + (exec.scenario.iterationInTest % 900),
      currency: 'EUR',
    },
  });
  if (res.status !== 201) return;
  // A retry whose first try did land is answered as a replay: the ledger applied it once.
  if (res.headers['Idempotent-Replay'] === 'true') transfersReplayed.add(1);
  else transfersCreated.add(1);
  gateway.reportBusinessError('transfer_create', typeof res.json('transferId') !== 'string');
}
