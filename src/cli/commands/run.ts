import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { invalidOption } from '../../lib/errors.ts';
import { type Command, EXIT } from '../command.ts';
import { writeWhole } from '../io/write-whole.ts';
import { instancesOption } from '../runner/instances-option.ts';
import { findK6, K6_INSTALL_HINT } from '../runner/k6-binary.ts';
import { runScript } from '../runner/run-script.ts';

/**
 * `k6-forge run <scenario|file> [environment] [--vus N] [--duration D] [--ci] [--output-dir DIR] [-e KEY=VALUE]...
 * [--demo-target] [--dashboard] [--prometheus URL] [--results results] [--no-typecheck] [-- <k6 run flags>...]`: runs a bundle, or a TypeScript script it
 * builds first, with k6 through {@link runScript} and exits with k6's exit code (127 when k6 is not found). The
 * environment becomes `ENVIRONMENT`; `--ci` turns off k6's colours and progress bar and appends the Markdown summary to
 * `$GITHUB_STEP_SUMMARY`; `--output-dir` names the results folder itself; `--prometheus` streams the metrics to a
 * Prometheus remote-write endpoint.
 */
export const runCommand: Command = {
  usage: `run <scenario|file> [environment] [--vus N] [--duration D] [--ci] [--output-dir DIR] [-e KEY=VALUE]...
      [--demo-target] [--dashboard] [--prometheus URL] [--results results] [--no-typecheck] [--instances N]
      [-- <k6 flags>]
    Run dist/<scenario>.js (or a file; a .ts script is type-checked and built into the run's results folder first,
    as build does, type errors exiting 2 before k6 starts; --no-typecheck skips the check) with k6 and
    exit with k6's exit code. The environment (development, staging, production or a team's own) is passed as
    ENVIRONMENT: the configuration's per-environment defaults and production guard apply, and it refuses a name
    it does not know. The script gets a fresh <results>/<UTC timestamp>/ folder as RESULTS_DIR, or the
    --output-dir folder (or a RESULTS_DIR given with -e or exported), created when missing and refused when it
    holds files; its path is printed at the end, and k6 tags the run testid=<its name>. A secret goes in the
    environment, not -e.
    --ci: k6's --no-color and --quiet (no colours, no progress bar), each <scenario>-summary.md appended to
    $GITHUB_STEP_SUMMARY when it is set, and the JUnit file (<scenario>-junit.xml in the results folder) named.
    --demo-target (alias: --embedded-target) starts the demo target on a free loopback port and sets BASE_URL.
    --dashboard exports k6's web dashboard to <results folder>/dashboard.html (live on a free loopback port).
    --prometheus URL streams the metrics to a Prometheus remote-write URL (k6's experimental-prometheus-rw:
    p95, p99 and avg of each Trend, every series labelled testid, no raw url label); credentials in the URL
    (https://user:password@host/api/v1/write) go to k6 through its environment and are never printed.
    Flags after -- go to k6 run as they are (-- --out json=out.json --summary-mode full); k6's -e, --vus,
    --duration, --iterations and --stage are refused there: use run's own.
    --instances N: N k6 processes over k6's execution segments (0:1/N ... (N-1)/N:1), one SEED and one run id,
    setup() once (in instance 1, its data handed to the others), raw output <script>-instance-<i>.json.gz and
    each instance's reports in instance-<i>/; then merged as merge does (exact figures from every sample, every
    threshold judged on them, the release gate): one <scenario>-summary.json with its reports, and k6's exit
    code for the merged run (0 pass, 99 thresholds failed; 1 only the gate failed; an instance's own code, such
    as 107, when one ended otherwise). N is at most the test's VUs.`,
  async run(args, { print }) {
    const end = args.indexOf('--');
    const { values, positionals } = parseArgs({
      args: end === -1 ? args : args.slice(0, end),
      allowPositionals: true,
      options: {
        vus: { type: 'string' },
        duration: { type: 'string' },
        env: { type: 'string', short: 'e', multiple: true, default: [] },
        'demo-target': { type: 'boolean', default: false },
        'embedded-target': { type: 'boolean', default: false },
        dashboard: { type: 'boolean', default: false },
        prometheus: { type: 'string' },
        results: { type: 'string' },
        'no-typecheck': { type: 'boolean', default: false },
        'output-dir': { type: 'string' },
        ci: { type: 'boolean', default: false },
        instances: { type: 'string' },
      },
    });
    if (positionals.length < 1 || positionals.length > 2) {
      invalidOption('run', positionals.join(' ') || undefined, 'one scenario name or script path, then at most an environment');
    }
    const instances = values.instances === undefined ? undefined : instancesOption(values.instances);
    const k6 = findK6();
    if (!k6) {
      print(K6_INSTALL_HINT);
      return EXIT.k6NotFound;
    }
    const common = {
      script: positionals[0]!,
      k6,
      env: values.env,
      vus: values.vus,
      duration: values.duration,
      demoTarget: values['demo-target'] || values['embedded-target'],
      resultsRoot: values.results,
      resultsDir: values['output-dir'],
      environment: positionals[1],
      ci: values.ci,
      k6Flags: end === -1 ? [] : args.slice(end + 1),
      dashboard: values.dashboard,
      prometheus: values.prometheus,
      typeCheck: !values['no-typecheck'],
      log: print,
    };
    if (values.instances === undefined) return runScript(common);
    // Imported only here, so a single run never loads the merge.
    const { runInstances } = await import('../runner/run-instances.ts');
    const { gateText } = await import('../report/gate-text.ts');
    const { mergeText } = await import('../report/merge-text.ts');
    const result = await runInstances({ ...common, instances: instances! });
    if (result.merge) {
      const gate = gateText(result.merge.gate);
      await writeWhole(join(result.results, `${result.merge.summary.meta.scenario}-gate.txt`), `${gate}\n`);
      print(mergeText(result.merge));
      print(gate);
    }
    print(`k6-forge: results in ${result.results}`);
    return result.code;
  },
};
