import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { RunningTarget } from '../../demo-target/index.ts';
import { parseDuration } from '../../lib/duration.ts';
import { invalidOption } from '../../lib/errors.ts';
import { redactUrl } from '../../lib/redact.ts';
import { attemptsOption } from '../args/attempts-option.ts';
import { numberOption } from '../args/number-option.ts';
import { type Command, EXIT } from '../command.ts';
import { runDrill } from '../drill/drill.ts';
import { drillReport } from '../report/drill-report.ts';
import { findK6, K6_INSTALL_HINT } from '../runner/k6-binary.ts';
import { createResultsDir } from '../runner/run-script.ts';
import { SMOKE_CHECK_FLAGS, type SmokeService, smokeServices } from '../smoke/smoke-services.ts';

const BIN = fileURLToPath(new URL('../../../bin/k6-forge.mjs', import.meta.url));

const baseUrl = (field: string, url: string) => {
  if (!/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/.test(url)) invalidOption(field, redactUrl(url), 'an http:// or https:// base URL');
  return url.replace(/\/+$/, '');
};

/**
 * `k6-forge drill`: the failover drill of docs/requirements.md, 000, with the verdict "no data loss"; exit 0 pass, 1
 * fail, 2 bad input.
 */
export const drillCommand: Command = {
  usage: `drill [--command CMD] [--at 10s] [--vus 4] [--duration 30s] [--error-budget 5] [--max-recovery 30s] [--gateway URL] [--ledger URL] [smoke-check's --service, --health, --ready, --timeout, --attempts, --backoff] [--demo-target] [--results results]
    A failover drill into a fresh <results>/<UTC timestamp>/ evidence folder: (1) smoke checks and a transaction
    probe, (2) a steady load of ledger transfers with idempotency keys (dist/drill-load.js, --out json), (3) the
    failover command (--command, else FAILOVER_DRILL_COMMAND; run with sh -c, never printed) --at that time into
    the load, (4) smoke checks and probe again, (5) the verdict: every acknowledged transfer is in the ledger
    (GET <ledger>/transfers), none applied twice, at most --error-budget percent of transfers failed after retries
    in the failover window, recovery within --max-recovery. Services as for smoke-check; the gateway is --gateway,
    else BASE_URL, else the gateway service; the ledger --ledger, else the ledger service. --demo-target runs the
    demo ledger as a process on SQLite behind the demo gateway, and by default kills it (SIGKILL) and restarts it:
    k6-forge demo-target ledger-restart --down-for 1s. Exit 0 pass, 1 fail, 2 bad input.`,
  async run(args, { print, report }) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        command: { type: 'string' },
        at: { type: 'string', default: '10s' },
        vus: { type: 'string', default: '4' },
        duration: { type: 'string', default: '30s' },
        'error-budget': { type: 'string', default: '5' },
        'max-recovery': { type: 'string', default: '30s' },
        gateway: { type: 'string' },
        ledger: { type: 'string' },
        ...SMOKE_CHECK_FLAGS,
        'demo-target': { type: 'boolean', default: false },
        results: { type: 'string', default: 'results' },
      },
    });
    if (positionals.length > 0) invalidOption('drill', positionals.join(' '), 'no positional arguments');
    const atMs = parseDuration(values.at, '--at');
    const durationMs = parseDuration(values.duration, '--duration');
    if (atMs <= 0 || atMs >= durationMs)
      invalidOption('--at', values.at, `a time after the load starts and before it ends (--duration ${values.duration})`);
    if (!/^[1-9]\d{0,3}$/.test(values.vus)) invalidOption('--vus', values.vus, 'a whole number from 1 to 9999');
    const errorBudget =
      numberOption('--error-budget', values['error-budget'], { min: 0, max: 100, accepted: 'a percentage from 0 to 100, such as 5' }) / 100;
    const maxRecoveryMs = parseDuration(values['max-recovery'], '--max-recovery');
    parseDuration(values.timeout, '--timeout');
    parseDuration(values.backoff, '--backoff');
    const attempts = attemptsOption(values.attempts);
    const demo = values['demo-target'];
    const line = values.command ?? process.env['FAILOVER_DRILL_COMMAND'];
    if (line !== undefined && line.trim() === '')
      invalidOption(
        values.command !== undefined ? '--command' : 'FAILOVER_DRILL_COMMAND',
        '(empty)',
        'a shell command that fails a service over',
      );
    if (!demo && line === undefined) {
      invalidOption(
        '--command',
        undefined,
        'the failover command, as --command CMD or in FAILOVER_DRILL_COMMAND (or --demo-target, whose default restarts the demo ledger)',
      );
    }
    const pick = { flags: values.service, health: values.health, ready: values.ready };
    let services: SmokeService[] = demo ? [] : smokeServices(pick);
    const gatewayFrom = values.gateway ?? process.env['BASE_URL'] ?? services.find((s) => s.name === 'gateway')?.url;
    const ledgerFrom = values.ledger ?? services.find((s) => s.name === 'ledger')?.url;
    if (!demo && gatewayFrom === undefined)
      invalidOption('--gateway', undefined, 'the gateway for the probe and the load: --gateway URL, BASE_URL, or a gateway service');
    if (!demo && ledgerFrom === undefined)
      invalidOption('--ledger', undefined, 'the ledger whose GET /transfers lists its transfers: --ledger URL or a ledger service');
    if (gatewayFrom !== undefined && !demo) baseUrl(values.gateway !== undefined ? '--gateway' : 'BASE_URL', gatewayFrom);
    if (ledgerFrom !== undefined && !demo) baseUrl('--ledger', ledgerFrom);
    const k6 = findK6();
    if (!k6) {
      print(K6_INSTALL_HINT);
      return EXIT.k6NotFound;
    }
    const evidenceDir = createResultsDir(values.results);
    print(`k6-forge drill: evidence in ${evidenceDir}`);
    const state = join(evidenceDir, 'demo-ledger', 'state.json');
    let target: RunningTarget | undefined;
    // The demo target, its ledger process and ws load only for --demo-target.
    const ledgerProcess = demo ? await import('../../demo-target/ledger-process.ts') : undefined;
    try {
      let gatewayUrl = gatewayFrom;
      let ledgerUrl = ledgerFrom;
      if (demo) {
        mkdirSync(join(evidenceDir, 'demo-ledger'));
        const { startTarget } = await import('../../demo-target/index.ts');
        const { DEMO_SERVICES } = await import('../../demo-target/routes/services.ts');
        const ledger = await ledgerProcess!.spawnLedger({
          db: join(evidenceDir, 'demo-ledger', 'ledger.db'),
          state,
          log: join(evidenceDir, 'demo-ledger', 'ledger.log'),
        });
        target = await startTarget({ ledgerUrl: ledger.url, log: print });
        print(`k6-forge drill: demo ledger (pid ${ledger.pid}) at ${ledger.url}, demo gateway at ${target.url}`);
        gatewayUrl = target.url;
        ledgerUrl = ledger.url;
        const fixed = DEMO_SERVICES.map((name) =>
          name === 'ledger'
            ? { name, url: ledger.url, health: '/health', ready: '/ready' }
            : { name, url: `${target!.url}/services/${name}`, health: '/health', ready: '/ready' },
        );
        services = smokeServices({ ...pick, fixed, fromEnv: false });
      }
      const verdict = await runDrill({
        k6,
        services,
        gatewayUrl: gatewayUrl!,
        ledgerUrl: ledgerUrl!,
        command: {
          line: line ?? `"${process.execPath}" "${BIN}" demo-target ledger-restart --down-for 1s`,
          env: ledgerProcess ? { [ledgerProcess.LEDGER_STATE_VARIABLE]: state } : {},
        },
        atMs,
        vus: Number(values.vus),
        duration: values.duration,
        errorBudget,
        maxRecoveryMs,
        smoke: { timeout: values.timeout, attempts, backoff: values.backoff },
        evidenceDir,
        log: print,
      });
      for (const reportLine of drillReport(verdict)) report(reportLine);
      return verdict.ok ? EXIT.ok : EXIT.failed;
    } finally {
      await target?.close();
      await ledgerProcess?.stopLedger(state);
    }
  },
};
