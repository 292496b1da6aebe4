import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The verdict each output of one run gives: pass, fail or no data. */
export interface RenderedVerdicts {
  readonly json: string;
  readonly markdown: string;
  readonly html: string;
  readonly junit: string;
  readonly text: string;
}

/**
 * Reads the verdict each renderer wrote, from the outputs alone: the JSON's `meta.verdict`, the Markdown heading's
 * mark, the HTML heading's class, the JUnit failure and skip counts, and the text summary's verdict line.
 * @param outputs - The output map of a `handleSummary` call, or file contents by suffix.
 * @param prefix - The outputs' common prefix, such as `results/smoke`.
 * @returns One verdict per output.
 */
export function renderedVerdicts(outputs: Readonly<Record<string, string>>, prefix: string): RenderedVerdicts {
  const file = (suffix: string) => outputs[`${prefix}-${suffix}`] ?? '';
  const json = (JSON.parse(file('summary.json')) as { meta: { verdict: { result: string } } }).meta.verdict.result;
  const heading = file('summary.md').split('\n', 1)[0] ?? '';
  const markdown = heading.startsWith('## ✅')
    ? 'pass'
    : heading.startsWith('## ❌')
      ? 'fail'
      : heading.startsWith('## ⚪')
        ? 'no data'
        : heading;
  const htmlClass = /<h1 class="([a-z]+)">/.exec(file('report.html'))?.[1];
  const html = htmlClass === 'nodata' ? 'no data' : (htmlClass ?? '');
  const suites = /<testsuites [^>]*failures="(\d+)"/.exec(file('junit.xml'));
  const thresholds = /<testsuite name="thresholds" tests="(\d+)" failures="\d+" errors="0" skipped="(\d+)"/.exec(file('junit.xml'));
  const junit =
    Number(suites?.[1]) > 0 ? 'fail' : thresholds && thresholds[1] !== '0' && thresholds[1] === thresholds[2] ? 'no data' : 'pass';
  const mark = /k6-forge: ([✓✗∅]) /.exec(outputs['stdout'] ?? '')?.[1];
  const text = mark === '✓' ? 'pass' : mark === '✗' ? 'fail' : mark === '∅' ? 'no data' : '';
  return { json, markdown, html, junit, text };
}

/**
 * Reads a results folder's four report files (and k6's stdout) into an output map for {@link renderedVerdicts}.
 * @param dir - The results folder.
 * @param scenario - The scenario that names the files.
 * @param stdout - What k6 printed.
 * @returns The output map, keyed as `handleSummary` keys it.
 */
export function resultFiles(dir: string, scenario: string, stdout: string): Record<string, string> {
  const outputs: Record<string, string> = { stdout };
  for (const suffix of ['summary.json', 'summary.md', 'report.html', 'junit.xml']) {
    outputs[`${dir}/${scenario}-${suffix}`] = readFileSync(join(dir, `${scenario}-${suffix}`), 'utf8');
  }
  return outputs;
}
