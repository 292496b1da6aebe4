import { refuse } from '../../lib/errors.ts';
import { isRecord } from '../../lib/is-record.ts';
import { WHOLE_RUN } from '../../lib/summary/endpoints.ts';
import type { RunMeta } from '../../lib/summary/types.ts';
import { readJsonFile } from '../io/json-file.ts';
import { type Comparable, type ComparableRun, comparableNumbers, type EndpointNumbers } from './comparable.ts';
import { runMetaOf, SUMMARY_ACCEPTED, type SummaryFile, summaryFromJson } from './summary-file.ts';

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

/**
 * Checks a parsed baseline file field by field, as compare reads it.
 * @param json - The parsed file, whose `kind` is a baseline's.
 * @param path - The file, named in errors.
 * @returns The baseline.
 * @throws {ForgeError} `invalid_file` for a wrong version, a missing field, or a number out of range.
 */
export function checkedBaseline(json: Record<string, unknown>, path: string): BaselineFile {
  if (json['version'] !== 1) refuse('invalid_file', { field: `${path} at version`, given: json['version'], accepted: '1' });
  for (const key of ['scenario', 'source', 'savedAt'] as const)
    if (typeof json[key] !== 'string') refuse('invalid_file', { field: `${path} at ${key}`, given: json[key], accepted: 'text' });
  const meta = json['meta'] === undefined ? undefined : runMetaOf(json['meta'], path);
  const endpoints = json['endpoints'];
  if (!isRecord(endpoints))
    refuse('invalid_file', { field: `${path} at endpoints`, given: endpoints, accepted: 'an object of numbers per endpoint' });
  for (const [endpoint, numbers] of Object.entries(endpoints)) {
    if (!isRecord(numbers))
      refuse('invalid_file', {
        field: `${path} at endpoints[${JSON.stringify(endpoint)}]`,
        given: numbers,
        accepted: 'an object of numbers',
      });
    for (const [field, value] of Object.entries(numbers)) {
      const known = (NUMBER_FIELDS as readonly string[]).includes(field);
      if (!known || typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
        refuse('invalid_file', {
          field: `${path} at endpoints[${JSON.stringify(endpoint)}].${field}`,
          given: value,
          accepted: `a number of at least 0 under ${NUMBER_FIELDS.join(', ')}`,
        });
      }
      if (field === 'errorRate' && value > 1)
        refuse('invalid_file', {
          field: `${path} at endpoints[${JSON.stringify(endpoint)}].${field}`,
          given: value,
          accepted: 'a share from 0 to 1',
        });
    }
  }
  const whole = endpoints[WHOLE_RUN] as EndpointNumbers | undefined;
  for (const field of NUMBER_FIELDS) {
    if (whole?.[field] === undefined)
      refuse('invalid_file', {
        field: `${path} at endpoints["${WHOLE_RUN}"].${field}`,
        given: undefined,
        accepted: "the whole run's number",
      });
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
