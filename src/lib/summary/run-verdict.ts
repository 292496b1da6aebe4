import { byCodeUnits } from '../text-order.ts';
import { hasSamples } from './has-samples.ts';
import { compareMetricNames } from './internal/metric-names.ts';
import type { RunMeta, RunVerdict, SummaryData, ThresholdVerdict } from './types.ts';

/**
 * Flattens every threshold of k6's summary into a verdict list, metrics in k6's order and each metric's
 * expressions sorted (k6 hands them over from a Go map, in no fixed order). A threshold k6 passed on a metric
 * without samples is `no data`, never `pass`; so is one k6-forge could not judge (`unjudged`, not `ok`).
 * @param metrics - k6's summary metrics.
 * @returns One verdict per threshold expression.
 */
export function thresholdVerdicts(metrics: SummaryData['metrics']): ThresholdVerdict[] {
  return Object.keys(metrics)
    .sort(compareMetricNames)
    .flatMap((metric) => {
      const { thresholds = {}, values } = metrics[metric]!;
      const sampled = hasSamples(values);
      return Object.entries(thresholds)
        .sort(([a], [b]) => byCodeUnits(a, b))
        .map(([expression, { ok, unjudged }]) => {
          const result = unjudged ? 'no data' : !ok ? 'fail' : sampled ? 'pass' : 'no data';
          return { metric, expression, ok, result } as const;
        });
    });
}

/** The `scenario` tag of a sub-metric name, such as `smoke` for `http_req_duration{endpoint:x,scenario:smoke}`. */
function scenarioTag(metric: string): string | undefined {
  const open = metric.indexOf('{');
  if (open < 0) return undefined;
  for (const pair of metric.slice(open + 1, -1).split(',')) {
    const colon = pair.indexOf(':');
    if (pair.slice(0, colon).trim() === 'scenario') return pair.slice(colon + 1).trim();
  }
  return undefined;
}

/**
 * Finds what fails a run beside a threshold's numbers: a scenario its thresholds name that k6 did not run (k6's
 * `--vus`/`--duration` flags replace a script's scenarios with `default`), and a scenario that completed no
 * iteration (the `iterations{scenario:<name>} count>0` threshold every profile sets).
 * @param meta - The run's thresholds and the scenarios k6 ran.
 * @returns One sentence per problem.
 */
export function scenarioProblems(meta: Pick<RunMeta, 'thresholds' | 'scenarios'>): string[] {
  const problems: string[] = [];
  const named = [...new Set(meta.thresholds.flatMap((verdict) => scenarioTag(verdict.metric) ?? []))];
  for (const scenario of named) {
    if (meta.scenarios !== undefined && !meta.scenarios.includes(scenario)) {
      const ran = meta.scenarios.join(', ') || 'none';
      const why =
        ran === 'default'
          ? "k6's --vus/--duration (or --iterations/--stages) replaced the script's scenarios; use -e VUS=... -e DURATION=... (k6-forge run --vus/--duration) instead"
          : 'the thresholds name a scenario the options do not run';
      problems.push(`scenario ${scenario} never ran: this run's scenarios were ${ran}; ${why}`);
      continue;
    }
    const iterations = meta.thresholds.find(
      (verdict) => verdict.metric === `iterations{scenario:${scenario}}` && verdict.expression === 'count>0',
    );
    if (iterations?.result === 'fail') {
      problems.push(`scenario ${scenario} completed no iteration: every one was stalled or interrupted`);
    }
  }
  return problems;
}

/**
 * Judges a run from its thresholds and scenarios, one verdict for every report: `fail` when k6 failed a threshold
 * or a scenario never ran, `no data` when thresholds were set and none held on samples or one could not be judged
 * (not `ok` yet `no data`: k6's machine-readable summary lacked its value), else `pass`.
 * @param meta - The run's scenario name, threshold verdicts and the scenarios k6 ran.
 * @returns The verdict, its sentence and the problems beside the thresholds.
 */
export function runVerdict(meta: Pick<RunMeta, 'scenario' | 'thresholds' | 'scenarios'>): RunVerdict {
  const problems = scenarioProblems(meta);
  const total = meta.thresholds.length;
  const count = (result: string) => meta.thresholds.filter((verdict) => verdict.result === result).length;
  const [failed, held, empty] = [count('fail'), count('pass'), count('no data')];
  const unjudged = meta.thresholds.filter((verdict) => !verdict.ok && verdict.result === 'no data').length;
  const thresholds = (n: number) => (n === 1 ? '1 threshold' : `${n} thresholds`);
  const name = meta.scenario;
  if (failed > 0 || problems.length > 0) {
    const parts = [...(failed > 0 ? [`${failed} of ${thresholds(total)} failed`] : []), ...problems];
    return { result: 'fail', text: `${name} failed: ${parts.join('; ')}`, problems };
  }
  if (total === 0) return { result: 'pass', text: `${name} passed: no thresholds were set`, problems };
  if (unjudged > 0) {
    const why = "k6's machine-readable summary lacks the values they are judged on";
    return { result: 'no data', text: `${name}: no data: ${unjudged} of ${thresholds(total)} could not be judged (${why})`, problems };
  }
  if (held === 0) return { result: 'no data', text: `${name}: no data: none of its ${thresholds(total)} had samples`, problems };
  if (empty > 0) return { result: 'pass', text: `${name} passed: ${thresholds(held)} held, ${empty} had no data`, problems };
  return { result: 'pass', text: `${name} passed: ${total === 1 ? 'its threshold' : `all ${total} thresholds`} held`, problems };
}
