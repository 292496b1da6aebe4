import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { ForgeError, invalidOption, shown } from '../lib/errors.ts';
import type { RunMeta } from '../lib/summary/types.ts';
import { EXIT, type CommandOutput } from './command.ts';
import { comparableNumbers, WHOLE_RUN, type Comparable, type ComparableRun, type EndpointNumbers } from './comparable.ts';
import { isRecord } from '../lib/is-record.ts';
import { readJsonFile } from './json-file.ts';
import { runMetaOf, summaryFromJson, SUMMARY_ACCEPTED, type SummaryFile } from './summary-file.ts';
import { writeWhole } from './write-whole.ts';

/** A saved baseline: a run's comparable numbers and metadata, which `k6-forge compare` reads like a summary. */
export interface BaselineFile {
  readonly kind: 'k6-forge-baseline';
  readonly version: 1;
  /** The scenario the run was of. */
  readonly scenario: string;
  /** The summary file it was saved from. */
  readonly source: string;
  /** When it was saved, ISO 8601. */
  readonly savedAt: string;
  /** k6-forge's run metadata, when the summary had it. */
  readonly meta?: RunMeta;
  /** The comparable numbers, `*` for the whole run. */
  readonly endpoints: Comparable;
}

const KIND = 'k6-forge-baseline';
const NUMBER_FIELDS: readonly (keyof EndpointNumbers)[] = ['requestsPerSecond', 'p95', 'errorRate'];
const COMPARABLE_ACCEPTED = `${SUMMARY_ACCEPTED}, or a baseline file from \`k6-forge baseline save\``;

function bad(path: string, at: string, value: unknown, accepted: string): ForgeError {
  return new ForgeError('invalid_file', { field: `${path} at ${at}`, given: shown(value), accepted });
}

/**
 * Makes the baseline file for a run.
 * @param summary - The run's summary.
 * @param scenario - The scenario it was of.
 * @param savedAt - The time of saving.
 * @returns The baseline file's content.
 * @throws {ForgeError} `invalid_file` when the summary lacks the whole run's numbers.
 */
export function baselineFile(summary: SummaryFile, scenario: string, savedAt: Date): BaselineFile {
  return {
    kind: KIND,
    version: 1,
    scenario,
    source: summary.path,
    savedAt: savedAt.toISOString(),
    ...(summary.meta && { meta: summary.meta }),
    endpoints: comparableNumbers(summary),
  };
}

function checkedBaseline(json: Record<string, unknown>, path: string): BaselineFile {
  if (json['version'] !== 1) throw bad(path, 'version', json['version'], '1');
  for (const key of ['scenario', 'source', 'savedAt'] as const) if (typeof json[key] !== 'string') throw bad(path, key, json[key], 'text');
  const meta = json['meta'] === undefined ? undefined : runMetaOf(json['meta'], path);
  const endpoints = json['endpoints'];
  if (!isRecord(endpoints)) throw bad(path, 'endpoints', endpoints, 'an object of numbers per endpoint');
  for (const [endpoint, numbers] of Object.entries(endpoints)) {
    if (!isRecord(numbers)) throw bad(path, `endpoints[${JSON.stringify(endpoint)}]`, numbers, 'an object of numbers');
    for (const [field, value] of Object.entries(numbers)) {
      const known = (NUMBER_FIELDS as readonly string[]).includes(field);
      if (!known || typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
        throw bad(path, `endpoints[${JSON.stringify(endpoint)}].${field}`, value, `a number of at least 0 under ${NUMBER_FIELDS.join(', ')}`);
      }
      if (field === 'errorRate' && value > 1) throw bad(path, `endpoints[${JSON.stringify(endpoint)}].${field}`, value, 'a share from 0 to 1');
    }
  }
  const whole = endpoints[WHOLE_RUN] as EndpointNumbers | undefined;
  for (const field of NUMBER_FIELDS) {
    if (whole?.[field] === undefined) throw bad(path, `endpoints["${WHOLE_RUN}"].${field}`, undefined, "the whole run's number");
  }
  return { ...(json as unknown as BaselineFile), ...(meta && { meta }) };
}

/**
 * Reads a run to compare: a summary file (any shape `gate` reads) or a baseline file.
 * @param path - The file.
 * @returns Its comparable numbers, scenario and own verdict.
 * @throws {ForgeError} `invalid_file` for a missing, empty, truncated or malformed file, or missing whole-run metrics.
 */
export async function readComparable(path: string): Promise<ComparableRun> {
  const json = await readJsonFile(path, COMPARABLE_ACCEPTED);
  if (isRecord(json) && json['kind'] === KIND) {
    const baseline = checkedBaseline(json, path);
    return { path, scenario: baseline.scenario, endpoints: baseline.endpoints, verdict: baseline.meta?.verdict };
  }
  const summary = summaryFromJson(json, path);
  return { path, scenario: summary.scenario, endpoints: comparableNumbers(summary), verdict: summary.meta?.verdict };
}

/**
 * `k6-forge baseline save <summary> [--out baselines/<scenario>.json] [--force]`: records a run as the baseline
 * that later runs are compared with. The file is written whole, and an existing one is kept unless `--force`.
 * @param args - The arguments after `baseline`.
 * @param out - Where the confirmation goes.
 * @returns 0 once saved.
 * @throws {ForgeError} For bad input: an unknown subcommand, a malformed summary, no scenario to name the file, an existing file.
 */
export async function baselineCommand(args: string[], out: CommandOutput): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string' }, force: { type: 'boolean', default: false } },
  });
  const [action, file, ...rest] = positionals;
  if (action !== 'save') invalidOption('baseline', action, 'save <summary>');
  if (file === undefined || rest.length > 0) {
    invalidOption('baseline save', positionals.slice(1).join(' ') || undefined, 'exactly one summary file');
  }
  const summary = summaryFromJson(await readJsonFile(file, SUMMARY_ACCEPTED), file);
  const scenario = summary.scenario;
  if (scenario === undefined && values.out === undefined) {
    throw new ForgeError('invalid_file', {
      field: file,
      given: 'a summary that names no scenario (no meta, no <scenario>-summary.json name)',
      accepted: 'a file to write given with --out',
    });
  }
  const target = values.out ?? join('baselines', `${scenario}.json`);
  const content = baselineFile(summary, scenario ?? basename(target, '.json'), new Date());
  const text = `${JSON.stringify(content, null, 2)}\n`;
  // What is written is read back as compare reads it first, so --force never replaces a good baseline with one refused.
  checkedBaseline(JSON.parse(text) as Record<string, unknown>, target);
  await writeWhole(target, text, { replace: values.force });
  out.print(`k6-forge: saved the baseline of ${content.scenario} to ${target}`);
  return EXIT.ok;
}
