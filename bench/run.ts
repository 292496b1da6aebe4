// npm run bench [-- pair...]: each SDK script beside its hand-written plain-k6 twin under real k6, against nginx with
// canned answers, over several rounds (see benchPair for how A (SDK) and B (twin) take turns); prints every round, the
// medians, the SDK/twin ratio and the budget (see printVerdict). It asserts nothing: a benchmark prints.
// BENCH_VUS, BENCH_DURATION and BENCH_ROUNDS override every chosen pair's VUs, duration and rounds.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findK6 } from '../src/cli/runner/k6-binary.ts';
import { GNU_TIME, k6Version, type MeasuredRun, measureK6, THRESHOLDS_CROSSED } from './support/k6-run.ts';
import { findNginx, startNginxTarget } from './support/nginx-target.ts';
import { type BenchPair, type Budget, buildSdkBundle, PAIRS, ROOT } from './support/pairs.ts';
import { median } from './support/stats.ts';
import { tableRow } from './support/table.ts';
import { canPin } from './support/taskset.ts';

/** What the rounds of a pair are run with. */
interface Plan {
  readonly k6: string;
  readonly version: string;
  readonly nginx: string;
  readonly vus: number;
  readonly duration: string;
  readonly rounds: number;
}

/** A whole number greater than 0 from the environment, or undefined when unset; anything else exits 2. */
function positiveEnv(name: string): number | undefined {
  const text = process.env[name];
  if (text === undefined) return undefined;
  const value = Number(text);
  if (Number.isInteger(value) && value > 0) return value;
  console.error(`${name}: ${JSON.stringify(text)} is not accepted; expected a whole number greater than 0`);
  process.exit(2);
}

/** The pairs named on the command line (all of them when none is named); an unknown name exits 2. */
function chosenPairs(names: readonly string[]): readonly BenchPair[] {
  const unknown = names.filter((name) => !PAIRS.some((pair) => pair.name === name));
  if (unknown.length > 0) {
    console.error(`unknown pair ${unknown.join(', ')}; the pairs: ${PAIRS.map((pair) => pair.name).join(', ')}`);
    process.exit(2);
  }
  return names.length === 0 ? PAIRS : PAIRS.filter((pair) => names.includes(pair.name));
}

/** Requests per second from the requests pair's handleSummary line, `{"rate":...,"count":...}`. */
function requestsPerSecond(run: MeasuredRun): number {
  const line = run.stdout
    .split('\n')
    .filter((text) => text.includes('"rate":'))
    .pop();
  if (!line) throw new Error(`no http_reqs line in the output:\n${run.stdout.slice(-500)}`);
  return (JSON.parse(line) as { rate: number }).rate;
}

/** A run's figures: requests per second, or peak memory in MB and wall time in seconds. */
function figuresOf(run: MeasuredRun, throughput: boolean): number[] {
  return throughput ? [requestsPerSecond(run)] : [run.rssMb, run.wallSeconds];
}

const fixed = (digits: number) => (value: number) => value.toFixed(digits);
const verdict = (met: boolean) => (met ? 'met' : 'NOT met');

/**
 * Prints the medians and whether the budget is met: for throughput by the median of the rounds' SDK/twin ratios (A and
 * B of a round ran at once, on the same machine, so each round's ratio holds however the machine's speed drifts between
 * rounds), for memory and wall time by the ratio and the difference of the medians.
 */
function printVerdict(budget: Budget, figures: readonly (readonly number[])[]): void {
  const medians = figures[0]!.map((_, column) => median(figures.map((row) => row[column]!)));
  if (budget.kind === 'throughput') {
    console.log(tableRow('median', medians.map(fixed(0))));
    const ratios = figures.map((row) => row[0]! / row[1]!);
    const ratio = median(ratios);
    console.log(
      `  SDK/twin: ${ratio.toFixed(3)} of the requests per second, the median of the rounds' ratios (from ${Math.min(...ratios).toFixed(3)} to ${Math.max(...ratios).toFixed(3)}); target: at least ${budget.minRatio}: ${verdict(ratio >= budget.minRatio)}`,
    );
    return;
  }
  console.log(tableRow('median', medians.map(fixed(1))));
  const [sdkMb, sdkSeconds, twinMb, twinSeconds] = medians as [number, number, number, number];
  const ratio = sdkMb / twinMb;
  const extra = sdkSeconds - twinSeconds;
  console.log(`  SDK/twin: memory ${ratio.toFixed(2)}x, wall ${extra >= 0 ? '+' : ''}${extra.toFixed(2)} s`);
  console.log(
    `  budget: memory at most ${budget.maxMemoryRatio}x: ${verdict(ratio <= budget.maxMemoryRatio)}; wall at most +${budget.maxExtraSeconds} s: ${verdict(extra <= budget.maxExtraSeconds)}`,
  );
}

/** Builds the pair's SDK script, starts a target and runs the rounds, printing each as it ends. */
async function benchPair(pair: BenchPair, plan: Plan): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), `k6-forge-bench-${pair.name}-`));
  try {
    const scripts = [
      [await buildSdkBundle(pair, join(scratch, 'build')), pair.sdk],
      [join(ROOT, pair.twin), pair.twin],
    ] as const;
    const env = { VUS: String(plan.vus), DURATION: plan.duration, SEED: '42', ...(await pair.prepare?.(scratch)) };
    const throughput = pair.budget.kind === 'throughput';
    // Requests per second: A and B run at the same time, both on CPU 1 with nginx on CPU 0 where the machine allows, so
    // that both meet the same machine and the ratio is that of their CPU time per request (the machine's speed drifts
    // by a tenth from one run to the next; run against itself this way, a script reads within 2%). Memory and wall
    // time: one after the other, B first in every other round, with both CPUs for 500 VUs to start as k6 starts them.
    const [targetCpu, k6Cpu] = throughput && canPin() ? [0, 1] : [undefined, undefined];
    const target = await startNginxTarget(plan.nginx, targetCpu);
    try {
      console.log(
        `\n${pair.name}: A = ${pair.sdk} (SDK), B = ${pair.twin} (twin); ${throughput ? 'requests per second' : 'peak memory and wall time'}`,
      );
      const rounds = `${plan.rounds} round${plan.rounds === 1 ? '' : 's'}`;
      const runsOf = throughput
        ? `A and B at once${k6Cpu === undefined ? '' : `, both on CPU ${k6Cpu}`}`
        : 'A B interleaved, B first in every other round';
      console.log(`  ${plan.version}; ${plan.vus} VUs, ${plan.duration}, ${rounds}, ${runsOf}`);
      console.log(`  target: ${target.description}`);
      console.log(tableRow('round', throughput ? ['A req/s', 'B req/s'] : ['A MB', 'A s', 'B MB', 'B s']));
      const figures: number[][] = [];
      let crossed = false;
      for (let round = 1; round <= plan.rounds; round += 1) {
        const run = async (side: number): Promise<MeasuredRun> => {
          const [script, label] = scripts[side]!;
          const results = mkdtempSync(join(scratch, 'results-'));
          try {
            return await measureK6({ k6: plan.k6, script, label, env: { ...env, BASE_URL: target.url, RESULTS_DIR: results }, cpu: k6Cpu });
          } finally {
            rmSync(results, { recursive: true, force: true });
          }
        };
        const runs: MeasuredRun[] = [];
        if (throughput) runs.push(...(await Promise.all([run(0), run(1)])));
        else for (const side of round % 2 === 1 ? [0, 1] : [1, 0]) runs[side] = await run(side);
        const values = runs.map((run) => figuresOf(run, throughput));
        figures.push(values.flat());
        const mark = (i: number) => (runs[i]!.thresholdsCrossed ? '*' : '');
        console.log(
          tableRow(
            String(round),
            values.flatMap((side, i) => side.map((value) => `${value.toFixed(throughput ? 0 : 1)}${mark(i)}`)),
          ),
        );
        crossed ||= runs.some((run) => run.thresholdsCrossed);
      }
      printVerdict(pair.budget, figures);
      if (crossed) console.log(`  * k6 exited ${THRESHOLDS_CROSSED}, thresholds crossed: the figures count, a benchmark judges no latency`);
    } finally {
      await target.stop();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const pairs = chosenPairs(process.argv.slice(2));
const k6 = findK6();
const nginx = findNginx();
if (!k6) console.log('SKIPPED: k6 not found');
else if (!nginx) console.log('SKIPPED: nginx not found (apt-get install nginx-light)');
else if (!existsSync(GNU_TIME)) console.log(`SKIPPED: GNU time not found at ${GNU_TIME} (apt-get install time)`);
else {
  const version = await k6Version(k6);
  const [vus, rounds, duration] = [positiveEnv('BENCH_VUS'), positiveEnv('BENCH_ROUNDS'), process.env['BENCH_DURATION']];
  for (const pair of pairs) {
    await benchPair(pair, { k6, version, nginx, vus: vus ?? pair.vus, duration: duration ?? pair.duration, rounds: rounds ?? pair.rounds });
  }
}
