import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, test, vi } from 'vitest';
import { type LoadEvidence, measureRecovery, reconcile, timeline } from '../src/cli/drill/drill-evidence.ts';
import { findK6 } from '../src/cli/runner/k6-binary.ts';
import { cli } from './support/cli.ts';

const k6 = findK6();
if (!k6) console.log('SKIPPED: k6 not found (set K6_BIN or put k6 on PATH to run the failover drill under real k6)');
const scratch = mkdtempSync(join(tmpdir(), 'k6-forge-drill-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

const ack = (transferId: string, idempotencyKey: string, time = 0) => ({ transferId, idempotencyKey, time });

describe('reconcile', () => {
  test('finds acknowledged-then-lost transfers and keys applied twice', () => {
    const ledger = [
      { transferId: 'tx-1', idempotencyKey: 'k1' },
      { transferId: 'tx-2', idempotencyKey: 'k2' },
      { transferId: 'tx-2b', idempotencyKey: 'k2' },
      { transferId: 'tx-9', idempotencyKey: 'k9' },
    ];
    expect(
      reconcile([ack('tx-1', 'k1'), ack('tx-2', 'k2'), ack('tx-3', 'k3'), ack('tx-4', 'k4'), ack('tx-4b', 'k4')], ledger),
    ).toStrictEqual({
      acknowledged: 5,
      inLedger: 4,
      lost: [ack('tx-3', 'k3'), ack('tx-4', 'k4'), ack('tx-4b', 'k4')],
      duplicated: ['k2', 'k4'],
      unacknowledgedButApplied: 1,
    });
  });
});

describe('measureRecovery and timeline', () => {
  const evidence: LoadEvidence = {
    acknowledged: [],
    requests: [
      { time: 9_500, status: 201, ms: 5 },
      { time: 10_200, status: 201, ms: 7 },
      { time: 11_000, status: 503, ms: 2 },
      { time: 11_500, status: 0, ms: 0 },
      { time: 12_400, status: 503, ms: 3 },
      { time: 13_100, status: 201, ms: 40 },
    ],
    outcomes: [
      { time: 9_600, ok: true },
      { time: 12_000, ok: false },
      { time: 13_200, ok: true },
    ],
  };

  test('times the recovery from the first failure to the first acknowledgement after the last one', () => {
    expect(measureRecovery(evidence, 10_000)).toStrictEqual({
      failedRequests: 3,
      firstFailure: 11_000,
      lastFailure: 12_400,
      recoveryMs: 2_100,
      windowTransfers: 2,
      windowFailures: 1,
    });
  });

  test('buckets requests into seconds around the command', () => {
    expect(timeline(evidence, 10_000).map((s) => [s.second, s.requests, s.errors, s.maxMs])).toStrictEqual([
      [-1, 1, 0, 5],
      [0, 1, 0, 7],
      [1, 2, 2, 2],
      [2, 1, 1, 3],
      [3, 1, 0, 40],
    ]);
  });
});

describe('k6-forge drill', () => {
  test.each([
    [['--at', '40s'], '--at: "40s" is not accepted; expected a time after the load starts and before it ends (--duration 30s)'],
    [['--error-budget', '150', '--demo-target'], '--error-budget: "150" is not accepted; expected a percentage from 0 to 100'],
    [['--service', 'ledger=http://x'], '--command: nothing is not accepted; expected the failover command'],
    [['--command', 'true', '--service', 'web=http://x'], '--gateway: nothing is not accepted'],
  ])('refuses %j with exit 2, naming the flag', async (args, message) => {
    vi.stubEnv('FAILOVER_DRILL_COMMAND', undefined);
    vi.stubEnv('BASE_URL', undefined);
    const run = await cli('drill', ...args);
    expect(run.code).toBe(2);
    expect(run.messages).toContain(message);
  });

  test.skipIf(!k6)(
    'proves no data loss across a SIGKILL and restart of the demo ledger under load: exit 0, recovery time reported',
    { timeout: 120_000 },
    async () => {
      const results = join(scratch, 'durable');
      const run = await cli('drill', '--demo-target', '--vus', '3', '--duration', '6s', '--at', '2s', '--results', results);
      expect(run.code, `${run.report}\n${run.messages}`).toBe(0);
      expect(run.report).toMatch(/^no data loss: acknowledged then lost\s+pass\s+0 of \d+ acknowledged transfers missing/m);
      expect(run.report).toMatch(/^no data loss: applied twice\s+pass\s+0 idempotency keys/m);
      expect(run.report).toMatch(/^recovery time\s+pass\s+\d+\.\d\d s \(\d+ failed requests/m);
      const [folder] = readdirSync(results);
      const evidence = join(results, folder!);
      for (const file of [
        'failover-command.log',
        'timeline.json',
        'verdict.json',
        'reconciliation.json',
        'load/k6-out.json',
        'load/drill-load-summary.json',
        'pre-drill/pre-drill-smoke-check-summary.json',
        'post-drill/post-drill-smoke-check-summary.json',
      ])
        expect(existsSync(join(evidence, file)), file).toBe(true);
      const verdict = JSON.parse(readFileSync(join(evidence, 'verdict.json'), 'utf8'));
      expect(verdict.ok).toBe(true);
      expect(verdict.reconciliation.acknowledged).toBeGreaterThan(20);
      expect(verdict.recovery.failedRequests).toBeGreaterThan(0);
      expect(readFileSync(join(evidence, 'failover-command.log'), 'utf8')).toMatch(/killed \(SIGKILL\).*restarted as pid/);
    },
  );

  test.skipIf(!k6)('catches the broken ledger that acknowledges before it commits: exit 1', { timeout: 120_000 }, async () => {
    vi.stubEnv('DEMO_LEDGER_ACK_BEFORE_COMMIT', 'true');
    const run = await cli('drill', '--demo-target', '--vus', '3', '--duration', '6s', '--at', '2s', '--results', join(scratch, 'broken'));
    expect(run.code, `${run.report}\n${run.messages}`).toBe(1);
    expect(run.report).toMatch(/^no data loss: acknowledged then lost\s+FAIL\s+[1-9]\d* of \d+ acknowledged transfers missing/m);
    expect(run.report).toContain('drill FAILED');
  });
});
