import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { findK6 } from '../src/cli/runner/k6-binary.ts';
import { smokeServices } from '../src/cli/smoke/smoke-services.ts';
import { caught } from './support/caught.ts';
import { cli } from './support/cli.ts';

const k6 = findK6();
if (!k6) console.log('SKIPPED: k6 not found (set K6_BIN or put k6 on PATH to run smoke-check under real k6)');
const scratch = mkdtempSync(join(tmpdir(), 'k6-forge-smoke-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('smokeServices', () => {
  test("reads the runbook's SMOKE_<NAME>_BASE_URL variables in its order, with per-service paths", () => {
    const env = {
      SMOKE_AUDIT_EXPORT_BASE_URL: 'https://audit.example.com/',
      SMOKE_WEB_BASE_URL: 'https://www.example.com',
      SMOKE_OPS_RISK_BASE_URL: 'https://risk.example.com',
      SMOKE_LEDGER_BASE_URL: 'https://ledger.example.com',
      SMOKE_LEDGER_HEALTH_PATH: '/healthz',
      SMOKE_EMPTY_BASE_URL: '',
    };
    expect(smokeServices({ env, ready: ['/readyz', 'web=/'] })).toStrictEqual([
      { name: 'web', url: 'https://www.example.com', health: '/health', ready: '/' },
      { name: 'ledger', url: 'https://ledger.example.com', health: '/healthz', ready: '/readyz' },
      { name: 'ops-risk', url: 'https://risk.example.com', health: '/health', ready: '/readyz' },
      { name: 'audit-export', url: 'https://audit.example.com', health: '/health', ready: '/readyz' },
    ]);
  });

  test('takes --service flags instead of the environment', () => {
    const env = { SMOKE_WEB_BASE_URL: 'https://www.example.com' };
    expect(smokeServices({ env, flags: ['ledger=http://127.0.0.1:8080'], health: ['ledger=/healthz'] })).toStrictEqual([
      { name: 'ledger', url: 'http://127.0.0.1:8080', health: '/healthz', ready: '/ready' },
    ]);
  });

  test.each([
    [{ flags: ['ledger'] }, '--service: "ledger" is not accepted; expected name=url'],
    [{ flags: ['Ledger=http://x'] }, '--service: "Ledger" is not accepted'],
    [{ flags: ['ledger=ftp://x'] }, '--service ledger=: "ftp://x" is not accepted'],
    [{ flags: ['ledger=https://user:secret@x y'] }, '--service ledger=: "https://[redacted]@x y" is not accepted'],
    [{ flags: ['a=http://x', 'a=http://y'] }, '--service: "a" is not accepted; expected each service once'],
    [{ flags: ['a=http://x'], health: ['b=/h'] }, '--health b=: "b" is not accepted; expected a service that is checked: a'],
    [{ flags: ['a=http://x'], ready: ['ready'] }, '--ready: "ready" is not accepted; expected a path starting with /'],
    [{ env: { SMOKE_WEB_BASE_URL: 'www.example.com' } }, 'SMOKE_WEB_BASE_URL: "www.example.com" is not accepted'],
    [{ env: {} }, '--service: nothing is not accepted; expected at least one service'],
  ])('refuses %j, naming the flag or variable', (input, message) => {
    const error = caught(() => smokeServices({ env: {}, ...input }));
    expect(String(error)).toContain(message);
    expect(String(error)).not.toContain('secret');
  });
});

describe('k6-forge smoke-check', () => {
  test('refuses a bad --attempts or --timeout with exit 2 before anything starts', async () => {
    const attempts = await cli('smoke-check', '--service', 'a=http://x', '--attempts', '0');
    expect(attempts.code).toBe(2);
    expect(attempts.messages).toContain('--attempts: "0" is not accepted; expected a whole number from 1 to 10');
    const timeout = await cli('smoke-check', '--service', 'a=http://x', '--timeout', 'soon');
    expect(timeout.code).toBe(2);
    expect(timeout.messages).toContain('--timeout');
  });

  test.skipIf(!k6)(
    "checks the demo target's six services and its transaction probe under real k6: exit 0",
    { timeout: 60_000 },
    async () => {
      const results = join(scratch, 'healthy');
      const run = await cli('smoke-check', '--demo-target', '--results', results);
      expect(run.code, run.messages).toBe(0);
      const rows = run.report.split('\n').slice(1);
      expect(rows.map((row) => row.split(/\s+/).slice(0, 2).join(' '))).toStrictEqual([
        'web healthy',
        'gateway healthy',
        'ledger healthy',
        'identity healthy',
        'ops-risk healthy',
        'audit-export healthy',
        'probe healthy',
      ]);
      const [folder] = readdirSync(results);
      expect(readdirSync(join(results, folder!)).sort()).toStrictEqual([
        'smoke-check-junit.xml',
        'smoke-check-report.html',
        'smoke-check-summary.json',
        'smoke-check-summary.md',
      ]);
    },
  );

  test.skipIf(!k6)('names a service that is down, after its bounded retries: exit 1', { timeout: 60_000 }, async () => {
    const run = await cli(
      'smoke-check',
      '--demo-target',
      '--service',
      'ledger-replica=http://127.0.0.1:1',
      '--timeout',
      '1s',
      '--attempts',
      '2',
      '--backoff',
      '100ms',
      '--results',
      join(scratch, 'down'),
    );
    expect(run.code, run.messages).toBe(1);
    expect(run.report).toMatch(/^ledger-replica\s+UNHEALTHY\s+no answer\s+-\s+not tried\s+-\s+2$/m);
    expect(run.report).toMatch(/^web\s+healthy\s+200/m);
    expect(run.messages).toContain('k6-forge smoke-check: FAILED: ledger-replica unhealthy');
  });
});
