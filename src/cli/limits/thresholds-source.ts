import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ForgeError, shown } from '../../lib/errors.ts';
import { limitsToThresholds, scenarioLimits } from '../../lib/thresholds.ts';
import { assertJudgeable, type Limits, parseThresholdsFile, type ThresholdsFile } from '../../lib/thresholds-file.ts';

/** The thresholds a build embeds and gate and analyze judge by: a project's file merged over k6-forge's own. */
export interface ThresholdsSource {
  /** The file that was read: the project's, or k6-forge's packaged neutral default. */
  readonly path: string;
  /** Whether `path` was merged over k6-forge's packaged file (false when `path` is the packaged file). */
  readonly merged: boolean;
  /** The limits in force after the merge. */
  readonly file: ThresholdsFile;
}

/**
 * k6-forge's packaged baselines, the neutral defaults every project file is merged over: global limits, each profile's
 * scenario limits and the release gates, but no endpoint limits (the demo's live in `examples/thresholds.json`).
 */
export const PACKAGED_THRESHOLDS = fileURLToPath(new URL('../../../thresholds.json', import.meta.url));

const NAMED_SECTIONS = ['scenarios', 'endpoints', 'gates'] as const;

async function parsedFile(path: string): Promise<ThresholdsFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new ForgeError('invalid_thresholds', { field: '--thresholds', given: shown(path), accepted: 'a readable JSON file' });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ForgeError('invalid_thresholds', {
      field: path,
      given: `text that is not JSON (${(error as Error).message})`,
      accepted: 'a JSON object with global, scenarios, endpoints and gates',
    });
  }
  // $schema is for editors: it is accepted, but neither merged nor embedded.
  const { $schema: _schema, ...file } = parseThresholdsFile(json, path);
  return file;
}

/**
 * Merges a project's thresholds file over the defaults, key by key: `global` limit by limit, and each named
 * scenario, endpoint and gate limit by limit. Nothing the defaults hold is dropped; a project changes a limit by
 * giving it again.
 * @param defaults - k6-forge's packaged file.
 * @param project - The project's file, complete or partial.
 * @returns The limits in force.
 */
export function mergeThresholdsFiles(defaults: ThresholdsFile, project: ThresholdsFile): ThresholdsFile {
  const merged: Record<string, unknown> = {};
  if (defaults.global !== undefined || project.global !== undefined) merged['global'] = { ...defaults.global, ...project.global };
  for (const section of NAMED_SECTIONS) {
    const [base, over] = [defaults[section] ?? {}, project[section] ?? {}];
    const names = [...new Set([...Object.keys(base), ...Object.keys(over)])];
    if (names.length > 0) merged[section] = Object.fromEntries(names.map((name) => [name, { ...base[name], ...over[name] }]));
  }
  return merged as ThresholdsFile;
}

/**
 * Finds, reads, validates and merges the thresholds in force: `path`, else `./thresholds.json` when present, merged
 * over k6-forge's packaged file; the packaged file alone when there is neither.
 * @param path - An explicit path, or undefined for `./thresholds.json` or k6-forge's own.
 * @returns The file read, whether it was merged, and the limits in force.
 * @throws {ForgeError} `invalid_thresholds` when a file is missing, not JSON, or malformed, or when the limits in
 *   force cannot judge a run (see {@link assertJudgeable}).
 */
export async function readThresholdsFile(path?: string): Promise<ThresholdsSource> {
  const chosen = path ?? (existsSync('thresholds.json') ? 'thresholds.json' : PACKAGED_THRESHOLDS);
  const own = await parsedFile(chosen);
  const merged = resolve(chosen) !== PACKAGED_THRESHOLDS;
  const file = merged ? mergeThresholdsFiles(await parsedFile(PACKAGED_THRESHOLDS), own) : own;
  assertJudgeable(file, chosen);
  return { path: chosen, merged, file };
}

/** The limits a scenario's summary is gated by, and where they came from. */
export interface GateLimits {
  /** The limits, without abort settings. */
  readonly limits: Limits;
  /** Where they came from, strongest first: `gates.spike over scenarios.spike over global`. */
  readonly source: string;
}

/**
 * The limits a scenario is gated by, taken in the order gates → scenarios → global, key by key: its `gates` entry,
 * over its `scenarios` entry, over `global`. A gate entry that sets only p95 keeps the error-rate limit k6 enforced.
 * @param file - The thresholds in force.
 * @param scenario - The scenario.
 * @returns The limits and where they came from; empty limits and source when the file sets none.
 */
export function gateLimits(file: ThresholdsFile, scenario: string): GateLimits {
  const candidates: (readonly [string, Limits | undefined])[] = [
    ['global', file.global],
    [`scenarios.${scenario}`, file.scenarios?.[scenario]],
    [`gates.${scenario}`, file.gates?.[scenario]],
  ];
  const layers = candidates.filter((layer): layer is readonly [string, Limits] => layer[1] !== undefined);
  const { abortOnFail: _abort, delayAbortEval: _delay, ...limits } = Object.assign({}, ...layers.map(([, set]) => set)) as Limits;
  return {
    limits,
    source: layers
      .map(([name]) => name)
      .reverse()
      .join(' over '),
  };
}

/** A limit set as short text: `p95<400 p99<900 errorRate<0.01`. */
function limitsText(limits: Limits): string {
  const parts = Object.values(limitsToThresholds(limits)).flatMap((expressions) =>
    expressions.map((expression) => (typeof expression === 'string' ? expression : expression.threshold)),
  );
  return parts.join(' ').replace(/rate</g, 'errorRate<') || 'none';
}

/** A path as a person reads it: relative to the working folder when inside it, else as it is. */
function shownPath(path: string): string {
  const near = relative('.', path);
  return near === '' || near.startsWith('..') || isAbsolute(near) ? path : near;
}

/**
 * Describes the thresholds in force, for the build to print: which file (its path, and whether it is k6-forge's
 * neutral default or a file merged over it), the global limits, how many scenario and endpoint limits, and every gate.
 * @param source - What {@link readThresholdsFile} returned.
 * @returns Lines to print.
 */
export function thresholdsDescription(source: ThresholdsSource): string[] {
  const { file } = source;
  const origin = source.merged
    ? `${shownPath(source.path)} merged over k6-forge's neutral default ${shownPath(PACKAGED_THRESHOLDS)}`
    : `${shownPath(source.path)}, k6-forge's neutral default (global, scenario and gate limits, no endpoint limits; a ./thresholds.json or --thresholds file is merged over it)`;
  const named = (section: (typeof NAMED_SECTIONS)[number]) => {
    const names = Object.keys(file[section] ?? {});
    return `${names.length}${names.length > 0 ? ` (${names.join(', ')})` : ''}`;
  };
  const gates = Object.entries(file.gates ?? {}).map(([name, limits]) => `${name}: ${limitsText(limits)}`);
  return [
    `embedded thresholds: ${origin}`,
    `  global: ${file.global === undefined ? 'none' : limitsText(file.global)}`,
    `  scenario limits: ${named('scenarios')}`,
    `  endpoint limits: ${named('endpoints')}`,
    `  gates: ${gates.length === 0 ? 'none' : gates.join('; ')}`,
  ];
}

/**
 * Finds what the thresholds in force leave unguarded: every scenario and gate without an error-rate limit (of its
 * own, or from `global` for a scenario), so a run that fails every request could still pass on latency alone.
 * @param file - The limits in force.
 * @returns One warning per scenario or gate, naming it.
 */
export function thresholdsWarnings(file: ThresholdsFile): string[] {
  const warnings: string[] = [];
  if (file.global?.errorRate === undefined) {
    warnings.push('thresholds: global has no errorRate, so a scenario without limits of its own has no error-rate limit');
  }
  for (const name of Object.keys(file.scenarios ?? {})) {
    if (scenarioLimits(file, name).errorRate === undefined) {
      warnings.push(`thresholds: scenario ${name} has no error-rate limit (no errorRate in scenarios.${name} or global)`);
    }
  }
  for (const name of Object.keys(file.gates ?? {})) {
    if (gateLimits(file, name).limits.errorRate === undefined) {
      warnings.push(`thresholds: gate ${name} has no error-rate limit (no errorRate in gates.${name}, scenarios.${name} or global)`);
    }
  }
  return warnings;
}
