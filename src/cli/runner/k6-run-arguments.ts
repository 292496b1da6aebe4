import { ForgeError, shown } from '../../lib/errors.ts';

/** What to use instead of k6's `--vus`, `--duration`, `--iterations` and `--stage`. */
const PROFILE_SHORTCUTS =
  "k6-forge's --vus N and --duration D before --, which the script's profile scales to: k6's own replace the script's scenarios with k6's default one, whose thresholds then fail";

/** The k6 flags `run` refuses after `--`, with what to use instead: each would break what `run` promises. */
const REFUSED_FLAGS: readonly { readonly long: string; readonly short: string; readonly instead: string }[] = [
  {
    long: '--env',
    short: 'e',
    instead:
      "k6-forge's own -e KEY=VALUE before --: it reaches the script through the environment, so no value shows in a process list and RESULTS_DIR and BASE_URL stay the run's",
  },
  { long: '--vus', short: 'u', instead: PROFILE_SHORTCUTS },
  { long: '--duration', short: 'd', instead: PROFILE_SHORTCUTS },
  { long: '--iterations', short: 'i', instead: PROFILE_SHORTCUTS },
  { long: '--stage', short: 's', instead: PROFILE_SHORTCUTS },
];

/** What `run` accepts instead of hiding the system environment from the script. */
const SYSTEM_ENV = "the system environment passed to the script, as k6 run does by default: it carries the run's RESULTS_DIR and BASE_URL";

/** The values Go's flag parser reads as false, which would hide RESULTS_DIR and BASE_URL from the script. */
const GO_FALSE = new Set(['0', 'f', 'F', 'false', 'FALSE', 'False']);

/** Whether a command-line token is the given flag, alone or with its value attached (`--env=A=1`, `-eA=1`). */
function isFlag(token: string, long: string, short: string): boolean {
  return token === long || token.startsWith(`${long}=`) || (token.startsWith(`-${short}`) && !token.startsWith('--'));
}

/**
 * Refuses k6 flags given after `--` that would break what `run` promises: `-e`/`--env` (it would show values in a
 * process list and could replace RESULTS_DIR or BASE_URL), `--vus`, `--duration`, `--iterations` and `--stage` (they
 * replace the script's scenarios) and `--include-system-env-vars=false` or an exported
 * `K6_INCLUDE_SYSTEM_ENV_VARS=false` (the script would lose RESULTS_DIR and BASE_URL).
 * @param flags - The arguments after `--`, passed to `k6 run` as they are.
 * @param env - The environment k6 inherits. @default process.env
 * @throws {ForgeError} `invalid_option` naming the flag or variable, what was given and what to use instead.
 */
export function refuseContractBreakingFlags(flags: readonly string[], env: NodeJS.ProcessEnv = process.env): void {
  for (const token of flags) {
    for (const { long, short, instead } of REFUSED_FLAGS) {
      if (isFlag(token, long, short)) {
        throw new ForgeError('invalid_option', { field: `-- ${long}`, given: shown(token), accepted: instead });
      }
    }
    if (token.startsWith('--include-system-env-vars=') && GO_FALSE.has(token.slice(token.indexOf('=') + 1))) {
      throw new ForgeError('invalid_option', { field: '-- --include-system-env-vars', given: shown(token), accepted: SYSTEM_ENV });
    }
  }
  const exported = env['K6_INCLUDE_SYSTEM_ENV_VARS'];
  if (exported !== undefined && GO_FALSE.has(exported)) {
    throw new ForgeError('invalid_env', { field: 'K6_INCLUDE_SYSTEM_ENV_VARS', given: shown(exported), accepted: SYSTEM_ENV });
  }
}

/** Whether the flags set a `testid` tag themselves (`--tag testid=x` or `--tag=testid=x`). */
function tagsTestId(flags: readonly string[]): boolean {
  return flags.some((token, i) => token.startsWith('--tag=testid=') || (token === '--tag' && (flags[i + 1] ?? '').startsWith('testid=')));
}

/** Options for {@link k6RunArguments}. */
export interface K6RunArgumentsOptions {
  /** The bundle k6 runs. */
  readonly script: string;
  /** The arguments given after `--`, passed to `k6 run` as they are. @default [] */
  readonly flags?: readonly string[];
  /** The run's `testid` tag: the name of its results folder. */
  readonly testId: string;
  /** For CI: no colours and no progress bar, with k6's `--no-color` and `--quiet` (both in k6 v0.48 to v2.2). @default false */
  readonly ci?: boolean;
}

/** k6's flags for a CI log: no colour codes, no progress bar redrawn in place. */
export const CI_FLAGS: readonly string[] = ['--no-color', '--quiet'];

/**
 * The arguments of `k6 run` for one run: with `ci`, {@link CI_FLAGS} (each left out when the flags after `--` give it
 * too); `--tag testid=<results folder's name>` (left out when the flags after `--` tag a `testid` of their own), then
 * those flags as they are, then the script.
 * @param options - The script, the flags after `--` and the run's test id.
 * @returns The arguments after `k6`, starting with `run`.
 */
export function k6RunArguments(options: K6RunArgumentsOptions): string[] {
  const flags = options.flags ?? [];
  const ci = options.ci ? CI_FLAGS.filter((flag) => !flags.includes(flag) && !(flag === '--quiet' && flags.includes('-q'))) : [];
  return ['run', ...ci, ...(tagsTestId(flags) ? [] : ['--tag', `testid=${options.testId}`]), ...flags, options.script];
}
