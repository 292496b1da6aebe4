import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { startTarget } from '../src/demo-target/index.ts';
import { type LedgerProcessState, restartLedger, spawnLedger, stopLedger } from '../src/demo-target/ledger-process.ts';
import { DurableLedger } from '../src/demo-target/services/durable-ledger.ts';

const scratch = mkdtempSync(join(tmpdir(), 'k6-forge-ledger-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const TRANSFER = { fromAccount: 'acc-demo', toAccount: 'acc-sink', amountMinor: 250, currency: 'EUR' } as const;

describe('DurableLedger', () => {
  test('applies a transfer once per idempotency key and keeps it across a reopen', () => {
    const file = join(scratch, 'once.db');
    const ledger = new DurableLedger({ file });
    const first = ledger.transfer('key-1', TRANSFER);
    const again = ledger.transfer('key-1', TRANSFER);
    expect(first).toMatchObject({ kind: 'applied', replay: false, ...TRANSFER });
    expect(again).toMatchObject({ kind: 'applied', replay: true });
    expect(first.kind === 'applied' && again.kind === 'applied' && again.transferId === first.transferId).toBe(true);
    expect(ledger.transfer('key-1', { ...TRANSFER, amountMinor: 1 })).toStrictEqual({ kind: 'key_conflict' });
    expect(ledger.transfer('key-2', { ...TRANSFER, fromAccount: 'acc-nobody' })).toStrictEqual({ kind: 'unknown_account' });
    ledger.close();
    const reopened = new DurableLedger({ file });
    expect(reopened.transfers().map((t) => t.idempotencyKey)).toStrictEqual(['key-1']);
    expect(reopened.account('acc-sink')).toStrictEqual({ accountId: 'acc-sink', balanceMinor: 250, currency: 'EUR' });
    reopened.close();
  });
});

describe('the demo ledger process behind the gateway', () => {
  const states: string[] = [];
  afterAll(async () => {
    for (const state of states) await stopLedger(state);
  });

  async function ledgerBehindGateway(name: string, ackBeforeCommit: boolean) {
    const state = join(scratch, `${name}.json`);
    states.push(state);
    const ledger: LedgerProcessState = await spawnLedger({
      db: join(scratch, `${name}.db`),
      state,
      log: join(scratch, `${name}.log`),
      ackBeforeCommit,
    });
    const gateway = await startTarget({ ledgerUrl: ledger.url, log: () => {} });
    const post = (key: string) =>
      fetch(`${gateway.url}/transfers`, {
        method: 'POST',
        headers: { authorization: 'Bearer demo-token', 'content-type': 'application/json', 'x-idempotency-key': key },
        body: JSON.stringify(TRANSFER),
      });
    const listed = async () =>
      ((await (await fetch(`${ledger.url}/transfers`)).json()) as { transfers: { idempotencyKey: string }[] }).transfers.map(
        (t) => t.idempotencyKey,
      );
    return { state, ledger, gateway, post, listed };
  }

  test('keeps every acknowledged transfer across a SIGKILL, and the gateway answers 503 while it is down', {
    timeout: 30_000,
  }, async () => {
    const { state, gateway, post, listed } = await ledgerBehindGateway('durable', false);
    const created = await post('before-kill');
    expect(created.status).toBe(201);
    const { transferId } = (await created.json()) as { transferId: string };
    const read = await fetch(`${gateway.url}/transfers/${transferId}`, { headers: { authorization: 'Bearer demo-token' } });
    expect(read.status).toBe(200);
    const restarting = restartLedger(state, 300);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect((await post('while-down')).status).toBe(503);
    await restarting;
    const retried = await post('while-down');
    expect(retried.status).toBe(201);
    expect(await listed()).toStrictEqual(['before-kill', 'while-down']);
    await gateway.close();
  });

  test('the broken variant, which answers before it writes, loses acknowledged transfers to a SIGKILL', { timeout: 30_000 }, async () => {
    const { state, gateway, post, listed } = await ledgerBehindGateway('broken', true);
    expect((await post('acknowledged-then-lost')).status).toBe(201);
    await restartLedger(state);
    expect(await listed()).toStrictEqual([]);
    await gateway.close();
  });
});
