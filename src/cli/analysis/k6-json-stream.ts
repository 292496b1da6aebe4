import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { refuse, shown } from '../../lib/errors.ts';
import { isRecord } from '../../lib/is-record.ts';
import { fileProblem } from '../io/file-problem.ts';

/** One data point of k6's `--out json` output. */
export interface K6Sample {
  /** The metric's name, such as `http_req_duration`. */
  readonly metric: string;
  /** When it was taken, in milliseconds since the epoch. */
  readonly time: number;
  /** Its value: milliseconds for time metrics, 0 or 1 for rates, VUs for `vus`. */
  readonly value: number;
  /** Its tags (`name`, `endpoint`, `scenario`, `status`, ...); empty when k6 wrote none. */
  readonly tags: Readonly<Record<string, unknown>>;
}

/** A metric as a k6 `Metric` line declares it. */
export interface K6MetricDefinition {
  /** The metric's name, such as `http_req_duration`. */
  readonly name: string;
  /** Its kind: `counter`, `gauge`, `rate` or `trend`. */
  readonly type: string;
  /** What its values measure: `default`, `time` or `data`. */
  readonly contains: string;
  /** The threshold expressions k6 lists on it (those of the metric itself, not of its sub-metrics). */
  readonly thresholds: readonly string[];
}

/** What one read of a file saw. */
export interface K6FileCount {
  /** Lines read, including those skipped without parsing. */
  readonly lines: number;
  /** Samples of the wanted metrics handed on. */
  readonly samples: number;
}

const ACCEPTED =
  'k6 --out json output: one JSON object per line, such as {"metric":"http_reqs","type":"Point","data":{"time":...,"value":1,"tags":{...}}}';
const LONGEST_LINE = 16 * 1024 * 1024;
// k6 writes points with the metric first, so a point of an unwanted metric is skipped without parsing it.
const POINT_PREFIX = '{"metric":"';

async function openText(path: string): Promise<AsyncIterable<string>> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    refuse('invalid_file', { field: path, shownAs: fileProblem(error), accepted: ACCEPTED });
  }
  const head = Buffer.alloc(2);
  const { bytesRead } = await handle.read(head, 0, 2, 0).catch(async (error: NodeJS.ErrnoException) => {
    await handle.close();
    refuse('invalid_file', { field: path, shownAs: fileProblem(error), accepted: ACCEPTED });
  });
  if (bytesRead === 0) {
    await handle.close();
    refuse('invalid_file', { field: path, shownAs: 'an empty file', accepted: ACCEPTED });
  }
  const file = handle.createReadStream({ start: 0 });
  // gzip is told by its magic bytes, not the file name: k6 writes gzip for any name ending in .gz.
  if (bytesRead < 2 || head[0] !== 0x1f || head[1] !== 0x8b) return file.setEncoding('utf8');
  // pipeline() destroys the file stream too when reading stops early or gunzip fails.
  return pipeline(file, createGunzip(), () => {}).setEncoding('utf8');
}

/** Hands on the metric a k6 `Metric` line declares. */
function definitionOf(metric: string, data: unknown, onMetric: (definition: K6MetricDefinition) => void): void {
  if (!isRecord(data) || typeof data['type'] !== 'string') return;
  const listed = data['thresholds'];
  const thresholds = Array.isArray(listed) ? listed.filter((item): item is string => typeof item === 'string') : [];
  const contains = typeof data['contains'] === 'string' ? data['contains'] : 'default';
  onMetric({ name: metric, type: data['type'], contains, thresholds });
}

/** Hands on the sub-metrics a k6 `Metric` line declares. */
function submetricsOf(data: unknown, onSubmetric: (name: string, tags: Readonly<Record<string, unknown>>) => void): void {
  const submetrics = isRecord(data) ? data['submetrics'] : undefined;
  if (!Array.isArray(submetrics)) return;
  for (const submetric of submetrics) {
    if (isRecord(submetric) && typeof submetric['name'] === 'string' && isRecord(submetric['tags']))
      onSubmetric(submetric['name'], submetric['tags']);
  }
}

/**
 * Streams the samples of one k6 `--out json` file, plain or gzip (told by its first two bytes), line by line,
 * so memory does not grow with the file. Lines of other metrics are skipped without parsing, except a last line
 * with no newline, which is always parsed so that a truncated file is caught.
 * @param path - The file.
 * @param metrics - The metrics whose samples are wanted, or `all`.
 * @param onSample - Called with each wanted sample, in file order.
 * @param onSubmetric - Called with each sub-metric a `Metric` line declares (k6 declares those its thresholds name),
 *   such as `iterations{scenario:smoke}` with `{ scenario: 'smoke' }`.
 * @param onMetric - Called with each metric a `Metric` line declares: its type, what it contains, its thresholds.
 * @returns How many lines were read and samples handed on.
 * @throws {ForgeError} `invalid_file` naming the file (and line) for a missing or empty file, corrupt or truncated
 *   gzip, a line that is not JSON or not a k6 output line, or a sample without a time or numeric value.
 */
export async function readK6Samples(
  path: string,
  metrics: ReadonlySet<string> | 'all',
  onSample: (sample: K6Sample) => void,
  onSubmetric?: (name: string, tags: Readonly<Record<string, unknown>>) => void,
  onMetric?: (definition: K6MetricDefinition) => void,
): Promise<K6FileCount> {
  const wanted = (metric: string) => metrics === 'all' || metrics.has(metric);
  let lines = 0;
  let samples = 0;
  const take = (raw: string, last: boolean): void => {
    lines += 1;
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (text.trim() === '') return;
    if (!last && text.startsWith(POINT_PREFIX)) {
      const end = text.indexOf('"', POINT_PREFIX.length);
      if (end !== -1 && !wanted(text.slice(POINT_PREFIX.length, end))) return;
    }
    const where = `${path} line ${lines}`;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      refuse('invalid_file', {
        field: where,
        shownAs: last ? 'a last line that is cut short, as in a truncated file' : `text that is not JSON (${(error as Error).message})`,
        accepted: ACCEPTED,
      });
    }
    if (!isRecord(json) || typeof json['type'] !== 'string' || typeof json['metric'] !== 'string')
      refuse('invalid_file', { field: where, given: json, accepted: ACCEPTED });
    if (json['type'] === 'Metric') {
      if (onSubmetric) submetricsOf(json['data'], onSubmetric);
      if (onMetric) definitionOf(json['metric'], json['data'], onMetric);
      return;
    }
    if (json['type'] !== 'Point' || !wanted(json['metric'])) return;
    const data = json['data'];
    const time = isRecord(data) && typeof data['time'] === 'string' ? Date.parse(data['time']) : Number.NaN;
    const value = isRecord(data) ? data['value'] : undefined;
    const tags = isRecord(data) ? (data['tags'] ?? {}) : undefined;
    if (!Number.isFinite(time) || typeof value !== 'number' || !Number.isFinite(value) || !isRecord(tags)) {
      refuse('invalid_file', {
        field: `${where} at data`,
        shownAs: `${shown(data)}, which lacks a time, a numeric value or tags`,
        accepted: ACCEPTED,
      });
    }
    samples += 1;
    onSample({ metric: json['metric'], time, value, tags });
  };
  let rest = '';
  try {
    for await (const chunk of await openText(path)) {
      const text = rest + chunk;
      let start = 0;
      for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
        take(text.slice(start, end), false);
        start = end + 1;
      }
      rest = text.slice(start);
      if (rest.length > LONGEST_LINE)
        refuse('invalid_file', { field: `${path} line ${lines + 1}`, shownAs: 'a line longer than 16 MB', accepted: ACCEPTED });
    }
  } catch (error) {
    const code = String((error as NodeJS.ErrnoException).code ?? '');
    if (!code.startsWith('Z_')) throw error;
    refuse('invalid_file', {
      field: path,
      shownAs: code === 'Z_BUF_ERROR' ? 'a truncated gzip file' : `a corrupt gzip file (${(error as Error).message})`,
      accepted: ACCEPTED,
    });
  }
  if (rest !== '') take(rest, true);
  return { lines, samples };
}
