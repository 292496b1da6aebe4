import { parseDuration } from '../../lib/duration.ts';
import { ForgeError, refuse, shown } from '../../lib/errors.ts';
import { isRecord } from '../../lib/is-record.ts';
import { isSecretName } from '../../lib/redact.ts';
import { readJsonFile } from '../io/json-file.ts';

/** The file `k6-forge suite` reads unless `--config` names another. */
export const DEFAULT_SUITES_FILE = 'k6-forge.suites.json';

/** A regression check of one step's summary against a saved baseline (`k6-forge compare`). */
export interface SuiteCompare {
  /** The baseline file (`k6-forge baseline save`) or an earlier summary, relative to the working folder. */
  readonly baseline: string;
  /** The lowest throughput accepted, as a share of the baseline's. @default 0.9 */
  readonly minThroughput?: number;
  /** The largest relative p95 increase accepted. @default 0.1 */
  readonly p95Tolerance?: number;
  /** The largest absolute error-rate increase accepted. @default 0.005 */
  readonly errorRateTolerance?: number;
}

/** One step of a suite: one k6 run, then its gate and its comparison. */
export interface SuiteStep {
  /** The step's name, unique in its suite; names its JUnit cases and comparison files. @default the scenario's file name without its extension */
  readonly name: string;
  /** A bundle name in `dist/` (`gateway-baseline`) or a script path (a `.ts` script is built first), as `k6-forge run` takes it. */
  readonly scenario: string;
  /** The step's environment (`ENVIRONMENT`); the command line's environment argument wins over it. @default the suite's */
  readonly environment?: string;
  /** Peak VUs, passed as `VUS`. @default the profile's own */
  readonly vus?: number;
  /** Total duration in k6's syntax, passed as `DURATION`. @default the profile's own */
  readonly duration?: string;
  /** More variables for the script; no secrets (export those) and none of the run's own (`RESULTS_DIR`, `VUS`, ...). @default {} */
  readonly env?: Readonly<Record<string, string>>;
  /** A release gate: a name in the `gates` (or `scenarios`) of the thresholds in force, as `k6-forge gate` judges it. */
  readonly gate?: string;
  /** A regression check against a saved baseline, as `k6-forge compare` judges it. */
  readonly compare?: SuiteCompare;
}

/** A named, ordered list of steps. */
export interface Suite {
  /** What the suite is for, shown in its reports. */
  readonly description?: string;
  /** The environment of every step that names none; the command line's environment argument wins over it. */
  readonly environment?: string;
  /** The steps, run in order. */
  readonly steps: readonly SuiteStep[];
}

/** A suites file: `{ "suites": { "<name>": { "steps": [...] } } }`. */
export interface SuitesFile {
  /** The suites by name. */
  readonly suites: Readonly<Record<string, Suite>>;
}

/** Names of suites and steps: letters, digits, `-` and `_`, starting with a letter or digit. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const VARIABLE = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Variables a step sets through its own fields, or that the run owns. */
const OWN_VARIABLES: Readonly<Record<string, string>> = {
  ENVIRONMENT: 'the step\'s "environment"',
  VUS: 'the step\'s "vus"',
  DURATION: 'the step\'s "duration"',
  RESULTS_DIR: 'nothing: the suite sets it',
};

/** Walks a parsed suites file, refusing the first problem with its path. */
class Reader {
  constructor(readonly file: string) {}

  refuse(path: string, given: unknown, accepted: string): never {
    refuse('invalid_file', { field: `${this.file} at ${path}`, given, accepted });
  }

  record(value: unknown, path: string, keys: readonly string[], accepted: string): Record<string, unknown> {
    if (!isRecord(value)) this.refuse(path, value, accepted);
    for (const key of Object.keys(value)) {
      if (!keys.includes(key)) {
        refuse('invalid_file', {
          field: `${this.file} at ${path}.${key}`,
          shownAs: 'an unknown key',
          accepted: `one of ${keys.join(', ')}`,
        });
      }
    }
    return value;
  }

  text(value: unknown, path: string, pattern?: RegExp, accepted = 'a non-empty text'): string {
    if (typeof value !== 'string' || value === '' || (pattern !== undefined && !pattern.test(value))) this.refuse(path, value, accepted);
    return value;
  }

  share(value: unknown, path: string, max: number | undefined, accepted: string): number {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (max !== undefined && value > max))
      this.refuse(path, value, accepted);
    return value;
  }
}

function readCompare(reader: Reader, value: unknown, path: string): SuiteCompare {
  const fields = ['baseline', 'minThroughput', 'p95Tolerance', 'errorRateTolerance'];
  const given = reader.record(value, path, fields, 'an object with a baseline file and optional tolerances');
  const compare: { -readonly [K in keyof SuiteCompare]: SuiteCompare[K] } = {
    baseline: reader.text(given['baseline'], `${path}.baseline`, undefined, 'a baseline file path, such as baselines/load.json'),
  };
  if (given['minThroughput'] !== undefined) {
    compare.minThroughput = reader.share(
      given['minThroughput'],
      `${path}.minThroughput`,
      1,
      'a share of the baseline from 0 to 1, such as 0.9',
    );
    if (compare.minThroughput === 0)
      reader.refuse(`${path}.minThroughput`, 0, 'a share of the baseline above 0 and at most 1, such as 0.9');
  }
  if (given['p95Tolerance'] !== undefined) {
    compare.p95Tolerance = reader.share(
      given['p95Tolerance'],
      `${path}.p95Tolerance`,
      undefined,
      'a relative increase of at least 0, such as 0.1',
    );
  }
  if (given['errorRateTolerance'] !== undefined) {
    compare.errorRateTolerance = reader.share(
      given['errorRateTolerance'],
      `${path}.errorRateTolerance`,
      1,
      'an absolute increase from 0 to 1, such as 0.005',
    );
  }
  return compare;
}

function readStep(reader: Reader, value: unknown, path: string): SuiteStep {
  const fields = ['name', 'scenario', 'environment', 'vus', 'duration', 'env', 'gate', 'compare'];
  const given = reader.record(value, path, fields, 'a step object with a scenario');
  const scenario = reader.text(
    given['scenario'],
    `${path}.scenario`,
    undefined,
    'a bundle name in dist/ or a script path, such as gateway-baseline',
  );
  const fallback = (scenario.split(/[/\\]/).at(-1) ?? scenario).replace(/\.[^.]*$/, '');
  const name =
    given['name'] === undefined ? fallback : reader.text(given['name'], `${path}.name`, NAME, 'a step name of letters, digits, - and _');
  if (!NAME.test(name))
    reader.refuse(
      `${path}.name`,
      name,
      `a step name of letters, digits, - and _ (none given, and the scenario's file name ${shown(name)} is none)`,
    );
  const step: { -readonly [K in keyof SuiteStep]: SuiteStep[K] } = { name, scenario };
  if (given['environment'] !== undefined) {
    step.environment = reader.text(given['environment'], `${path}.environment`, NAME, 'an environment name, such as staging');
  }
  if (given['vus'] !== undefined) {
    const vus = given['vus'];
    if (typeof vus !== 'number' || !Number.isSafeInteger(vus) || vus < 1)
      reader.refuse(`${path}.vus`, vus, 'a whole number greater than 0, such as 10');
    step.vus = vus;
  }
  if (given['duration'] !== undefined) {
    const duration = reader.text(given['duration'], `${path}.duration`, undefined, 'a k6 duration, such as 30s or 5m');
    try {
      parseDuration(duration, `${path}.duration`);
    } catch {
      reader.refuse(`${path}.duration`, duration, 'a k6 duration above zero, such as 30s, 1m30s or 2h');
    }
    step.duration = duration;
  }
  if (given['env'] !== undefined) {
    if (!isRecord(given['env'])) reader.refuse(`${path}.env`, given['env'], 'an object of variable names to text values');
    const env: Record<string, string> = {};
    for (const [key, text] of Object.entries(given['env'])) {
      const at = `${path}.env.${key}`;
      if (!VARIABLE.test(key)) reader.refuse(at, key, 'a variable name of letters, digits and _');
      if (Object.hasOwn(OWN_VARIABLES, key)) reader.refuse(at, text, `no ${key} in env; use ${OWN_VARIABLES[key]}`);
      if (isSecretName(key)) {
        refuse('invalid_file', {
          field: `${reader.file} at ${at}`,
          shownAs: 'a secret in a file (its value is not shown)',
          accepted: `${key} exported in the environment instead (or a CI secret in the step's env), which every k6 run of the suite inherits`,
        });
      }
      if (typeof text !== 'string') reader.refuse(at, text, 'a text value (k6 variables are text: "10", not 10)');
      env[key] = text;
    }
    step.env = env;
  }
  if (given['gate'] !== undefined)
    step.gate = reader.text(given['gate'], `${path}.gate`, NAME, 'a gate name of the thresholds file, such as baseline');
  if (given['compare'] !== undefined) step.compare = readCompare(reader, given['compare'], `${path}.compare`);
  return step;
}

function readSuite(reader: Reader, value: unknown, path: string): Suite {
  const given = reader.record(value, path, ['description', 'environment', 'steps'], 'a suite object with steps');
  const suite: { -readonly [K in keyof Suite]: Suite[K] } = { steps: [] };
  if (given['description'] !== undefined) suite.description = reader.text(given['description'], `${path}.description`);
  if (given['environment'] !== undefined) {
    suite.environment = reader.text(given['environment'], `${path}.environment`, NAME, 'an environment name, such as staging');
  }
  const steps = given['steps'];
  if (!Array.isArray(steps) || steps.length === 0) reader.refuse(`${path}.steps`, steps, 'a list of one or more steps');
  const names = new Set<string>();
  suite.steps = steps.map((step, index) => {
    const read = readStep(reader, step, `${path}.steps[${index}]`);
    if (names.has(read.name)) {
      reader.refuse(
        `${path}.steps[${index}].name`,
        read.name,
        'a step name not used by an earlier step of the suite (give each step of one scenario its own "name")',
      );
    }
    names.add(read.name);
    return read;
  });
  return suite;
}

/**
 * Checks a parsed suites file and returns it typed, every step with its name.
 * @param json - The parsed file.
 * @param file - Its path, named in errors.
 * @returns The suites.
 * @throws {ForgeError} `invalid_file` naming the file and the path of the first problem, such as
 *   `k6-forge.suites.json at suites.gateway.steps[1].vus: 0 is not accepted; expected a whole number greater than 0, such as 10`.
 */
export function parseSuitesFile(json: unknown, file: string): SuitesFile {
  const reader: Reader = new Reader(file);
  const given = reader.record(json, '$', ['$schema', 'suites'], 'an object with suites');
  if (given['$schema'] !== undefined) reader.text(given['$schema'], '$schema', undefined, 'the schema path as text');
  const named = given['suites'];
  if (!isRecord(named) || Object.keys(named).length === 0) reader.refuse('suites', named, 'an object of one or more suites by name');
  const suites: Record<string, Suite> = {};
  for (const [name, suite] of Object.entries(named)) {
    if (!NAME.test(name)) reader.refuse(`suites.${name}`, name, 'a suite name of letters, digits, - and _');
    suites[name] = readSuite(reader, suite, `suites.${name}`);
  }
  return { suites };
}

/**
 * Reads and checks a suites file.
 * @param path - The file. @default DEFAULT_SUITES_FILE
 * @returns The suites.
 * @throws {ForgeError} `invalid_file` for a missing, unreadable or malformed file, naming the path of the problem.
 */
export async function readSuitesFile(path: string = DEFAULT_SUITES_FILE): Promise<SuitesFile> {
  return parseSuitesFile(await readJsonFile(path, 'a suites file: {"suites": {"<name>": {"steps": [{"scenario": "smoke"}]}}}'), path);
}

/**
 * Picks one suite by name.
 * @param file - The suites.
 * @param name - The suite asked for.
 * @param path - The file, named in the error.
 * @returns The suite.
 * @throws {ForgeError} `invalid_option` naming the suites the file holds.
 */
export function suiteNamed(file: SuitesFile, name: string, path: string): Suite {
  const suite = Object.hasOwn(file.suites, name) ? file.suites[name] : undefined;
  if (suite === undefined) {
    throw new ForgeError('invalid_option', {
      field: 'suite',
      given: shown(name),
      accepted: `a suite of ${path}: ${Object.keys(file.suites).join(', ')}`,
    });
  }
  return suite;
}
