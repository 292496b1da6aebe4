import { parseArgs } from 'node:util';
import { parseDuration } from '../../lib/duration.ts';
import { invalidOption } from '../../lib/errors.ts';
import { attemptsOption } from '../args/attempts-option.ts';
import { type Command, EXIT } from '../command.ts';
import { smokeTable } from '../report/smoke-table.ts';
import { findK6, K6_INSTALL_HINT } from '../runner/k6-binary.ts';
import { createResultsDir } from '../runner/run-script.ts';
import { runSmokeCheck } from '../smoke/smoke-check.ts';
import { SMOKE_CHECK_FLAGS, smokeServices } from '../smoke/smoke-services.ts';

/**
 * `k6-forge smoke-check`: the post-deploy smoke checks across services (docs/requirements.md, 000) under real k6,
 * a table per service, exit 0 when all are healthy, 1 otherwise, 2 for bad input.
 */
export const smokeCheckCommand: Command = {
  usage: `smoke-check [--service name=url]... [--health PATH|name=PATH]... [--ready PATH|name=PATH]... [--timeout 3s] [--attempts 3] [--backoff 500ms] [--probe URL] [--demo-target] [--results results]
    Check each service's health, then readiness, path under k6 (the packaged dist/smoke-check.js), with a timeout
    per request and bounded retries (backoff doubling), into a fresh <results>/<UTC timestamp>/ with run's
    reports; print a table per service and exit 0 when all are healthy, 1 otherwise. Services come from
    --service, or, without it, from every SMOKE_<NAME>_BASE_URL variable (SMOKE_OPS_RISK_BASE_URL is ops-risk).
    Paths default to /health and /ready; --health /healthz sets every service's, --health ledger=/healthz one's
    (or SMOKE_<NAME>_HEALTH_PATH, SMOKE_<NAME>_READY_PATH). --probe URL also sends a transfer through that
    gateway and reads it back (BEARER_TOKEN, ACCOUNT_ID from the environment). --demo-target checks the demo
    target's six services (web, gateway, ledger, identity, ops-risk, audit-export) and probes its gateway.`,
  async run(args, { print, report }) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        ...SMOKE_CHECK_FLAGS,
        probe: { type: 'string' },
        'demo-target': { type: 'boolean', default: false },
        results: { type: 'string', default: 'results' },
      },
    });
    if (positionals.length > 0)
      invalidOption('smoke-check', positionals.join(' '), 'no positional arguments: services come as --service name=url');
    parseDuration(values.timeout, '--timeout');
    parseDuration(values.backoff, '--backoff');
    const attempts = attemptsOption(values.attempts);
    if (values.probe !== undefined && !/^https?:\/\/[^\s]+$/.test(values.probe)) {
      invalidOption(
        '--probe',
        values.probe.replace(/\/\/[^@/]*@/, '//[redacted]@'),
        "the gateway's base URL, such as https://gateway.example.com",
      );
    }
    // Checked before anything starts: a bad flag or variable is exit 2 whether or not k6 is installed.
    smokeServices({
      flags: values.service,
      health: values.health,
      ready: values.ready,
      fixed: values['demo-target'] ? await demoServices('http://127.0.0.1') : [],
    });
    const k6 = findK6();
    if (!k6) {
      print(K6_INSTALL_HINT);
      return EXIT.k6NotFound;
    }
    // The demo target (with ws) loads only for --demo-target.
    const target = values['demo-target'] ? await (await import('../../demo-target/index.ts')).startTarget({ log: print }) : undefined;
    try {
      const services = smokeServices({
        flags: values.service,
        health: values.health,
        ready: values.ready,
        fixed: target ? await demoServices(target.url) : [],
        fromEnv: !target,
      });
      const resultsDir = createResultsDir(values.results);
      const result = await runSmokeCheck({
        services,
        k6,
        resultsDir,
        timeout: values.timeout,
        attempts,
        backoff: values.backoff,
        probeUrl: values.probe ?? target?.url,
        k6Flags: ['--quiet'],
        log: print,
      });
      if (!result.rows) {
        print(`k6-forge smoke-check: k6 ended with exit code ${result.k6Code} and wrote no summary`);
        return EXIT.failed;
      }
      for (const line of smokeTable(result.rows)) report(line);
      const unhealthy = result.rows.filter((row) => !row.healthy).map((row) => row.name);
      print(
        result.healthy
          ? `k6-forge smoke-check: all ${result.rows.length} healthy`
          : `k6-forge smoke-check: FAILED: ${unhealthy.length > 0 ? `${unhealthy.join(', ')} unhealthy` : `k6 exit code ${result.k6Code}`}`,
      );
      return result.healthy ? EXIT.ok : EXIT.failed;
    } finally {
      await target?.close();
    }
  },
};

/** The demo target's six services, each under `/services/<name>`. */
async function demoServices(url: string) {
  const { DEMO_SERVICES } = await import('../../demo-target/routes/services.ts');
  return DEMO_SERVICES.map((name) => ({ name, url: `${url}/services/${name}`, health: '/health', ready: '/ready' }));
}
