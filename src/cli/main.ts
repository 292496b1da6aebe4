import { parseArgs } from 'node:util';
import { ForgeError, invalidOption, printable, shown } from '../lib/errors.ts';
import { startTarget } from '../target/index.ts';
import { analyzeCommand } from './analyze.ts';
import { baselineCommand } from './baseline.ts';
import { buildBundles } from './build.ts';
import { EXIT, type Command, type CommandOutput, type Print } from './command.ts';
import { compareCommand } from './compare.ts';
import { gateCommand } from './gate.ts';
import { poolCommand } from './pool-command.ts';
import { findK6, K6_INSTALL_HINT } from './k6-binary.ts';
import { wholeNumber } from './number-option.ts';
import { runScript } from './run.ts';

export { EXIT } from './command.ts';

const USAGE = `Usage: k6-forge <command> [options]

Commands:
  build <files...> [--outdir dist] [--target es2022] [--thresholds thresholds.json]
      Bundle k6 scripts into single-file ESM that k6 runs as it is. A project's thresholds file is merged over
      k6-forge's own, key by key; the build prints the limits and gates it embedded.
  run <scenario|file> [--vus N] [--duration D] [-e KEY=VALUE]... [--embedded-target] [--results results]
      Run dist/<scenario>.js (or a file) with k6 and exit with k6's exit code. The script gets a fresh
      <results>/<UTC timestamp>/ folder as RESULTS_DIR (a RESULTS_DIR given with -e or exported is created
      when missing and must be empty); its path is printed at the end. A secret goes in the environment, not -e.
      --embedded-target starts the demo target on a free loopback port and sets BASE_URL.
  target [--port 3000] [--orders-per-second 5000]
      Serve the embedded demo target until Ctrl-C.
  gate [results-dir] [--baseline-summary F] [--spike-summary F] [--summary SCENARIO=F]... [--thresholds F]
       [--p95 MS] [--p99 MS] [--error-rate R]
      Check run summaries (every <scenario>-summary.json of results-dir, and each flag's file) against each
      scenario's limits: gates over scenarios over global of the thresholds file, key by key, with the
      one-off --p95/--p99/--error-rate over them. A limit is met when the value is below it; a limit without
      samples (no data) or a run whose own verdict failed fails the gate.
  compare <current> <baseline> [--format text|json|markdown] [--min-throughput 0.9] [--p95-tolerance 0.10]
          [--error-rate-tolerance 0.005]
      Regression check per endpoint: throughput below 90% of the baseline's, p95 more than 10% higher or
      error rate more than 0.5 points higher fails; exactly at a limit passes. Files: summaries or baselines.
  baseline save <summary> [--out baselines/<scenario>.json] [--force]
      Record a run as the baseline for compare; an existing file is kept unless --force.
  analyze <out.json[.gz]>... [--interval D] [--expect spike|soak|steady] [--spike-end SECONDS] [--baseline-p95 MS]
          [--baseline-error-rate R] [--thresholds F] [--html report.html [--summary F]] [--format text|json]
      Stream k6 --out json output (several files merge as one run): exact percentiles per endpoint, the
      scenario's and endpoints' limits of the thresholds file on them, checks, series per interval (chosen
      from the run's length unless given), spike recovery (within 30 s) for a spike and soak degradation
      (under 10%) for a soak of 10 min or more, by --expect or the scenario's name. Recovery limits default
      to gates.baseline. Exits 1 when a verdict fails or no limit had data; --summary must be of the same run.
  pool <domain> --count N --out FILE [--seed 1] [--locale en_US] [--force]
      Write a faker-made data pool as JSON for k6 to read from a mounted folder (k6-forge/pool?...&file=).

Exit codes: 0 pass, 1 gate, compare or an analyze verdict failed, 2 bad input or usage, 127 k6 not found;
run passes k6's code through (99 thresholds failed).`;

function formatSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}

async function build(args: string[], { print }: CommandOutput): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { outdir: { type: 'string', default: 'dist' }, target: { type: 'string' }, thresholds: { type: 'string' } },
  });
  if (positionals.length === 0) throw new ForgeError('invalid_option', { field: 'build', given: 'no files', accepted: 'one or more entry scripts' });
  const bundles = await buildBundles({
    entries: positionals,
    outdir: values.outdir,
    ...(values.target !== undefined && { target: values.target }),
    ...(values.thresholds !== undefined && { thresholds: values.thresholds }),
    log: print,
  });
  for (const bundle of bundles) print(`${bundle.file.padEnd(32)} ${formatSize(bundle.bytes).padStart(9)}`);
  return EXIT.ok;
}

async function run(args: string[], { print }: CommandOutput): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      vus: { type: 'string' },
      duration: { type: 'string' },
      env: { type: 'string', short: 'e', multiple: true, default: [] },
      'embedded-target': { type: 'boolean', default: false },
      results: { type: 'string' },
    },
  });
  if (positionals.length !== 1) {
    invalidOption('run', positionals.join(' ') || undefined, 'exactly one scenario name or script path');
  }
  const k6 = findK6();
  if (!k6) {
    print(K6_INSTALL_HINT);
    return EXIT.k6NotFound;
  }
  return runScript({
    script: positionals[0]!,
    k6,
    env: values.env,
    vus: values.vus,
    duration: values.duration,
    embeddedTarget: values['embedded-target'],
    resultsRoot: values.results,
    log: print,
  });
}

async function target(args: string[], { print }: CommandOutput): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { port: { type: 'string', default: '3000' }, 'orders-per-second': { type: 'string' } },
  });
  const ordersPerSecond = values['orders-per-second'];
  const running = await startTarget({
    log: print,
    port: wholeNumber('--port', values.port),
    ...(ordersPerSecond !== undefined && { ordersPerSecond: wholeNumber('--orders-per-second', ordersPerSecond) }),
  });
  print(`k6-forge: embedded target listening at ${running.url} (Ctrl-C stops it)`);
  await new Promise<void>((resolve) => process.once('SIGINT', resolve).once('SIGTERM', resolve));
  await running.close();
  return EXIT.ok;
}

const COMMANDS: Record<string, Command> = {
  build,
  run,
  target,
  gate: gateCommand,
  compare: compareCommand,
  baseline: baselineCommand,
  analyze: analyzeCommand,
  pool: poolCommand,
};

/**
 * Runs the k6-forge command line.
 * @param argv - The arguments after the program name.
 * @param print - Where messages and errors go. @default console.error
 * @param report - Where a command's result goes (gate's checks, compare's and analyze's reports). @default console.log
 * @returns The process exit code.
 */
export async function main(
  argv: readonly string[],
  print: Print = (line) => console.error(line),
  report: Print = (line) => console.log(line),
): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    print(USAGE);
    return command === undefined ? EXIT.badInput : EXIT.ok;
  }
  const handler = COMMANDS[command];
  if (!handler) {
    print(`k6-forge: unknown command ${printable(shown(command))}; expected one of ${Object.keys(COMMANDS).join(', ')}\n\n${USAGE}`);
    return EXIT.badInput;
  }
  try {
    return await handler(args, { print, report });
  } catch (error) {
    if (error instanceof ForgeError) {
      print(`k6-forge ${command}: ${error.message}`);
      return EXIT.badInput;
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      print(`k6-forge ${command}: ${printable(error.message)}\n\n${USAGE}`);
      return EXIT.badInput;
    }
    throw error;
  }
}
