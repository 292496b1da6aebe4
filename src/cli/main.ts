import { ForgeError, printable, shown } from '../lib/errors.ts';
import { type Command, EXIT, type Print } from './command.ts';
import { analyzeCommand } from './commands/analyze.ts';
import { baselineCommand } from './commands/baseline.ts';
import { buildCommand } from './commands/build.ts';
import { compareCommand } from './commands/compare.ts';
import { dashboardsCommand } from './commands/dashboards.ts';
import { demoTargetCommand } from './commands/demo-target.ts';
import { drillCommand } from './commands/drill.ts';
import { gateCommand } from './commands/gate.ts';
import { initCommand } from './commands/init.ts';
import { k8sCommand } from './commands/k8s.ts';
import { mergeCommand } from './commands/merge.ts';
import { poolCommand } from './commands/pool.ts';
import { runCommand } from './commands/run.ts';
import { smokeCheckCommand } from './commands/smoke-check.ts';
import { suiteCommand } from './commands/suite.ts';
import { PACKAGE_VERSION } from './io/package-version.ts';

export { EXIT } from './command.ts';

const COMMANDS: Readonly<Record<string, Command>> = {
  build: buildCommand,
  run: runCommand,
  suite: suiteCommand,
  'demo-target': demoTargetCommand,
  gate: gateCommand,
  compare: compareCommand,
  baseline: baselineCommand,
  analyze: analyzeCommand,
  merge: mergeCommand,
  pool: poolCommand,
  init: initCommand,
  'smoke-check': smokeCheckCommand,
  drill: drillCommand,
  dashboards: dashboardsCommand,
  k8s: k8sCommand,
};

/** Older names of commands, kept so scripts that use them go on working. */
const ALIASES: Readonly<Record<string, string>> = { target: 'demo-target' };

const indented = (text: string) => text.replace(/^/gm, '  ');

const USAGE = `Usage: k6-forge <command> [options]   (k6-forge <command> --help for one command, --version for the version)

Commands:
${Object.values(COMMANDS)
  .map((command) => indented(command.usage))
  .join('\n')}

Exit codes: 0 pass, 1 gate, compare, a suite or an analyze verdict failed, 2 bad input or usage, 127 k6 not found;
run passes k6's code through (99 thresholds failed), and merge and run --instances give 99 for the merged run.`;

const HELP = new Set(['help', '--help', '-h']);

/** Whether a command's arguments ask for its usage: `--help` or `-h` anywhere before a lone `--`. */
function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}

/**
 * Runs the k6-forge command line.
 * @param argv - The arguments after the program name.
 * @param print - Where messages and errors go. @default console.error
 * @param report - Where a command's result goes (gate's checks, compare's and analyze's reports, the version). @default console.log
 * @returns The process exit code.
 */
export async function main(
  argv: readonly string[],
  print: Print = (line) => console.error(line),
  report: Print = (line) => console.log(line),
): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || HELP.has(name)) {
    print(USAGE);
    return name === undefined ? EXIT.badInput : EXIT.ok;
  }
  if (name === '--version') {
    report(PACKAGE_VERSION);
    return EXIT.ok;
  }
  const canonical = Object.hasOwn(ALIASES, name) ? ALIASES[name]! : name;
  const command = Object.hasOwn(COMMANDS, canonical) ? COMMANDS[canonical] : undefined;
  if (!command) {
    print(`k6-forge: unknown command ${printable(shown(name))}; expected one of ${Object.keys(COMMANDS).join(', ')}\n\n${USAGE}`);
    return EXIT.badInput;
  }
  const usage = `Usage: k6-forge ${command.usage}`;
  if (asksForHelp(args)) {
    print(usage);
    return EXIT.ok;
  }
  try {
    return await command.run(args, { print, report });
  } catch (error) {
    if (error instanceof ForgeError) {
      print(`k6-forge ${name}: ${error.message}`);
      return EXIT.badInput;
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      print(`k6-forge ${name}: ${printable(error.message)}\n\n${usage}`);
      return EXIT.badInput;
    }
    throw error;
  }
}
