import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, test, vi } from 'vitest';
import { main } from '../src/cli/main.ts';
import { findK6 } from '../src/cli/runner/k6-binary.ts';
import { parseSuitesFile, type SuitesFile } from '../src/cli/suites/suite-config.ts';
import { type StepOutcome, suiteVerdict } from '../src/cli/suites/suite-verdict.ts';
import { fakeK6 } from './support/fake-k6.ts';

const root = new URL('..', import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'k6-forge-suite-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

const examples = JSON.parse(readFileSync(join(root, 'examples/suites.json'), 'utf8')) as unknown;

function refusal(json: unknown): string {
  try {
    parseSuitesFile(json, 'k6-forge.suites.json');
  } catch (error) {
    return (error as Error).message;
  }
  return 'accepted';
}

describe('parseSuitesFile', () => {
  test('reads the shipped examples: the gateway suite, the dealer CI set and the adapter’s all', () => {
    const file: SuitesFile = parseSuitesFile(examples, 'examples/suites.json');
    expect(Object.keys(file.suites)).toStrictEqual(['gateway', 'dealer-ci', 'all']);
    expect(file.suites['gateway']!.steps).toStrictEqual([
      { name: 'baseline', scenario: 'gateway-baseline', gate: 'baseline', compare: { baseline: 'baselines/baseline.json' } },
      { name: 'spike', scenario: 'gateway-spike', vus: 300, gate: 'spike' },
    ]);
    expect(file.suites['dealer-ci']!.steps.map((step) => step.name)).toStrictEqual(['smoke', 'load', 'stress']);
    expect(file.suites['all']!.steps.at(-1)).toStrictEqual({
      name: 'spike',
      scenario: 'spike',
      compare: { baseline: 'baselines/spike.json', minThroughput: 0.9, p95Tolerance: 0.1, errorRateTolerance: 0.005 },
    });
  });

  test('names a step after its script’s file name when it has no name', () => {
    const file = parseSuitesFile({ suites: { s: { steps: [{ scenario: 'tests/load/checkout.ts', env: { PAGE: '2' } }] } } }, 'f');
    expect(file.suites['s']!.steps).toStrictEqual([{ name: 'checkout', scenario: 'tests/load/checkout.ts', env: { PAGE: '2' } }]);
  });

  const step = (extra: Record<string, unknown>) => ({
    suites: { gateway: { steps: [{ scenario: 'smoke' }, { scenario: 'load', ...extra }] } },
  });
  test.each([
    [
      step({ vus: 0 }),
      'k6-forge.suites.json at suites.gateway.steps[1].vus: 0 is not accepted; expected a whole number greater than 0, such as 10',
    ],
    [step({ vus: '10' }), 'at suites.gateway.steps[1].vus: "10" is not accepted; expected a whole number greater than 0'],
    [
      step({ duration: '10 minutes' }),
      'at suites.gateway.steps[1].duration: "10 minutes" is not accepted; expected a k6 duration above zero',
    ],
    [step({ vsu: 3 }), 'at suites.gateway.steps[1].vsu: an unknown key is not accepted; expected one of name, scenario, environment, vus'],
    [step({ gate: '' }), 'at suites.gateway.steps[1].gate: "" is not accepted; expected a gate name of the thresholds file'],
    [step({ env: { VUS: '3' } }), 'at suites.gateway.steps[1].env.VUS: "3" is not accepted; expected no VUS in env; use the step\'s "vus"'],
    [step({ env: { PAGE: 2 } }), 'at suites.gateway.steps[1].env.PAGE: 2 is not accepted; expected a text value'],
    [
      step({ env: { BEARER_TOKEN: 'abc123' } }),
      'at suites.gateway.steps[1].env.BEARER_TOKEN: a secret in a file (its value is not shown) is not accepted; expected BEARER_TOKEN exported',
    ],
    [step({ compare: {} }), 'at suites.gateway.steps[1].compare.baseline: nothing is not accepted; expected a baseline file path'],
    [
      step({ compare: { baseline: 'b.json', minThroughput: 1.5 } }),
      'at suites.gateway.steps[1].compare.minThroughput: 1.5 is not accepted',
    ],
    [step({ name: 'smoke' }), 'at suites.gateway.steps[1].name: "smoke" is not accepted; expected a step name not used by an earlier step'],
    [step({ environment: 'prod uction' }), 'at suites.gateway.steps[1].environment: "prod uction" is not accepted'],
    [{ suites: { gateway: { steps: [] } } }, 'at suites.gateway.steps: [] is not accepted; expected a list of one or more steps'],
    [{ suites: {} }, 'at suites: {} is not accepted; expected an object of one or more suites by name'],
    [{ suites: { 'a b': { steps: [{ scenario: 'smoke' }] } } }, 'at suites.a b: "a b" is not accepted; expected a suite name'],
    [[], 'at $: [] is not accepted; expected an object with suites'],
  ])('refuses %j with a message naming the path', (json, message) => {
    expect(refusal(json)).toContain(message);
  });
});

const outcome = (name: string, run: StepOutcome['run'], extra: Partial<StepOutcome> = {}): StepOutcome => ({
  name,
  scenario: name,
  run,
  exitCode: run === 'skipped' ? null : run === 'pass' ? 0 : 99,
  files: [],
  ...extra,
});
const judged = (steps: StepOutcome[], keepGoing = false) =>
  suiteVerdict({ suite: 's', folder: 'f', keepGoing, startedAt: '2026-01-01T00:00:00Z', endedAt: '2026-01-01T00:00:10Z', steps });
const passingGate = { summaries: 1, thresholdsPath: 't', sources: [], checks: [], failedRuns: [] };
const failingCheck = {
  scenario: 'spike',
  metric: 'http_req_duration',
  measure: 'p(95)',
  measured: 600,
  limit: 500,
  verdict: 'fail' as const,
};

describe('suiteVerdict', () => {
  test('passes when every step ran, exited 0 and passed its gate and comparison', () => {
    const verdict = judged([outcome('a', 'pass', { gate: { name: 'baseline', outcome: passingGate } }), outcome('b', 'pass')]);
    expect(verdict.result).toBe('pass');
    expect(verdict.text).toBe('all 2 steps passed');
  });

  test('fails on a failed run and names the skipped steps behind it', () => {
    const verdict = judged([outcome('a', 'fail'), outcome('b', 'skipped'), outcome('c', 'skipped')]);
    expect(verdict.result).toBe('fail');
    expect(verdict.text).toBe(
      '3 of 3 steps did not pass: a (k6 exited 99); b (skipped after an earlier failure); c (skipped after an earlier failure)',
    );
  });

  test('with --keep-going, fails on the one failed step while the others pass', () => {
    const verdict = judged([outcome('a', 'pass'), outcome('b', 'fail'), outcome('c', 'pass')], true);
    expect(verdict.result).toBe('fail');
    expect(verdict.text).toBe('1 of 3 steps did not pass: b (k6 exited 99)');
  });

  test('fails on a failed gate check, a gate with nothing to judge, or a comparison without a summary, though k6 passed', () => {
    const failingGate = { ...passingGate, checks: [failingCheck] };
    expect(judged([outcome('spike', 'pass', { gate: { name: 'spike', outcome: failingGate } })]).text).toBe(
      '1 of 1 steps did not pass: spike (gate spike failed)',
    );
    expect(judged([outcome('a', 'pass', { gate: { name: 'baseline', problem: 'had no summary' } })]).text).toBe(
      '1 of 1 steps did not pass: a (gate baseline had no summary)',
    );
    expect(judged([outcome('a', 'pass', { compare: { baseline: 'b.json', problem: 'had no summary' } })]).text).toBe(
      '1 of 1 steps did not pass: a (compare with b.json had no summary)',
    );
  });
});

function capture(): { lines: string[]; print: (line: string) => void } {
  const lines: string[] = [];
  return { lines, print: (line) => lines.push(line) };
}

describe('k6-forge suite with a stand-in k6', () => {
  const config = join(scratch, 'suites.json');
  writeFileSync(
    config,
    JSON.stringify({ suites: { ci: { steps: [{ scenario: 'smoke' }, { scenario: 'load' }, { scenario: 'stress' }] } } }),
  );

  test('stops at the first failed step, skips the rest, writes the verdict files and exits 1', async () => {
    const { bin } = fakeK6(scratch);
    vi.stubEnv('K6_BIN', bin);
    vi.stubEnv('FAKE_K6_EXIT', '99');
    const folder = join(scratch, 'stop');
    const out = capture();
    const report = capture();
    expect(await main(['suite', 'ci', '--config', config, '--output-dir', folder], out.print, report.print)).toBe(1);
    const verdict = JSON.parse(readFileSync(join(folder, 'suite-verdict.json'), 'utf8')) as { steps: { run: string }[]; result: string };
    expect(verdict.steps.map((step) => step.run)).toStrictEqual(['fail', 'skipped', 'skipped']);
    expect(verdict.result).toBe('fail');
    expect(readdirSync(folder).sort()).toStrictEqual(['fake-summary.json', 'suite-junit.xml', 'suite-verdict.json', 'suite-verdict.md']);
    expect(readFileSync(join(folder, 'suite-junit.xml'), 'utf8')).toContain('<skipped message="skipped after an earlier failure"/>');
    expect(report.lines.join('\n')).toContain('FAIL: suite ci: 3 of 3 steps did not pass: smoke (k6 exited 99); load (skipped');
  });

  test('--keep-going runs every step; files of one name get the step’s name in front', async () => {
    const { bin } = fakeK6(scratch);
    vi.stubEnv('K6_BIN', bin);
    vi.stubEnv('FAKE_K6_EXIT', '99');
    const folder = join(scratch, 'keep-going');
    expect(
      await main(['suite', 'ci', 'staging', '--config', config, '--output-dir', folder, '--keep-going'], capture().print, capture().print),
    ).toBe(1);
    const verdict = JSON.parse(readFileSync(join(folder, 'suite-verdict.json'), 'utf8')) as {
      steps: { run: string; environment: string }[];
    };
    expect(verdict.steps.map((step) => [step.run, step.environment])).toStrictEqual([
      ['fail', 'staging'],
      ['fail', 'staging'],
      ['fail', 'staging'],
    ]);
    expect(readdirSync(folder).filter((name) => name.includes('fake'))).toStrictEqual([
      'fake-summary.json',
      'load-fake-summary.json',
      'stress-fake-summary.json',
    ]);
  });

  test('passes and exits 0 when every step does; appends the suite’s Markdown to $GITHUB_STEP_SUMMARY with --ci', async () => {
    const { bin, report } = fakeK6(scratch);
    vi.stubEnv('K6_BIN', bin);
    vi.stubEnv('FAKE_K6_EXIT', '0');
    const summary = join(scratch, 'step-summary.md');
    vi.stubEnv('GITHUB_STEP_SUMMARY', summary);
    const folder = join(scratch, 'pass');
    expect(await main(['suite', 'ci', '--config', config, '--output-dir', folder, '--ci'], capture().print, capture().print)).toBe(0);
    expect((JSON.parse(readFileSync(report, 'utf8')) as { args: string[] }).args).toStrictEqual([
      'run',
      '--no-color',
      '--quiet',
      '--tag',
      'testid=pass',
      'dist/stress.js',
    ]);
    expect(readFileSync(summary, 'utf8')).toContain('## k6-forge suite ci: ✅ PASS');
  });

  test.each([
    [
      ['suite', 'nope', '--config', 'examples/suites.json'],
      'suite: "nope" is not accepted; expected a suite of examples/suites.json: gateway, dealer-ci, all',
    ],
    [
      ['suite', 'gateway', '--config', 'examples/suites.json'],
      'suites.gateway.steps[0].compare.baseline: "baselines/baseline.json" is not accepted; expected an existing baseline file',
    ],
    [['suite', 'ci', '--config', 'missing.json'], 'missing.json: a missing file is not accepted'],
    [['suite'], 'suite: nothing is not accepted; expected one suite name, then at most an environment'],
  ])('%j is bad input: exit 2 before any step runs', async (argv, message) => {
    const { bin, report } = fakeK6(scratch);
    vi.stubEnv('K6_BIN', bin);
    rmSync(report, { force: true });
    const out = capture();
    expect(await main(argv, out.print)).toBe(2);
    expect(out.lines.join('\n')).toContain(message);
    expect(readdirSync(scratch)).not.toContain('report.json');
  });

  test('a gate the thresholds do not name and an unknown scenario are bad input too', async () => {
    const { bin } = fakeK6(scratch);
    vi.stubEnv('K6_BIN', bin);
    const bad = join(scratch, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({ suites: { g: { steps: [{ scenario: 'smoke', gate: 'nightly' }] }, u: { steps: [{ scenario: 'nope' }] } } }),
    );
    const gate = capture();
    expect(await main(['suite', 'g', '--config', bad], gate.print)).toBe(2);
    expect(gate.lines.join('\n')).toContain(
      'suites.g.steps[0].gate: "nightly" is not accepted; expected a name in the gates or scenarios of',
    );
    const scenario = capture();
    expect(await main(['suite', 'u', '--config', bad], scenario.print)).toBe(2);
    expect(scenario.lines.join('\n')).toContain(
      'suites.u.steps[0].scenario: "nope" is not accepted; expected a script path or a bundle in dist/',
    );
  });
});

const k6 = findK6();
if (!k6) console.log('SKIPPED: k6 not found (set K6_BIN or put k6 on PATH to run the gateway suite under real k6)');

function forge(args: readonly string[], cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'bin/k6-forge.mjs'), ...args], { cwd, env: { ...process.env, K6_BIN: k6! } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('the gateway suite under real k6', () => {
  test.skipIf(!k6)(
    'baseline then spike against the demo target leave the summaries, the gate verdicts and the comparison in one folder',
    async () => {
      const cwd = mkdtempSync(join(scratch, 'gateway-'));
      symlinkSync(join(root, 'dist'), join(cwd, 'dist'));
      // The shipped gateway suite, shortened: a few seconds per step, and tolerances a loaded 2-core machine meets.
      const shipped = parseSuitesFile(examples, 'examples/suites.json').suites['gateway']!;
      const [baseline, spike] = shipped.steps;
      const suites = {
        suites: {
          gateway: {
            steps: [
              {
                ...baseline,
                vus: 5,
                duration: '4s',
                compare: { ...baseline!.compare, minThroughput: 0.2, p95Tolerance: 20, errorRateTolerance: 0.01 },
              },
              { ...spike, vus: 100, duration: '6s' },
            ],
          },
        },
      };
      writeFileSync(join(cwd, 'suites.json'), JSON.stringify(suites));
      const first = await forge(
        ['run', 'gateway-baseline', '--demo-target', '--vus', '5', '--duration', '4s', '--output-dir', 'saved'],
        cwd,
      );
      expect(first.code, first.output).toBe(0);
      const saved = await forge(['baseline', 'save', 'saved/baseline-summary.json'], cwd);
      expect(saved.code, saved.output).toBe(0);
      const { code, output } = await forge(
        ['suite', 'gateway', '--config', 'suites.json', '--demo-target', '--ci', '--output-dir', 'out'],
        cwd,
      );
      expect(code, output).toBe(0);
      expect(readdirSync(join(cwd, 'out')).sort()).toStrictEqual([
        'baseline-compare.json',
        'baseline-compare.md',
        'baseline-gate.txt',
        'baseline-junit.xml',
        'baseline-report.html',
        'baseline-summary.json',
        'baseline-summary.md',
        'spike-gate.txt',
        'spike-junit.xml',
        'spike-report.html',
        'spike-summary.json',
        'spike-summary.md',
        'suite-junit.xml',
        'suite-verdict.json',
        'suite-verdict.md',
      ]);
      const verdict = JSON.parse(readFileSync(join(cwd, 'out', 'suite-verdict.json'), 'utf8')) as {
        result: string;
        steps: {
          name: string;
          exitCode: number;
          gate: { outcome: { checks: { verdict: string }[] } };
          compare?: { comparison: { passed: boolean } };
        }[];
      };
      expect(verdict.result).toBe('pass');
      expect(verdict.steps.map((step) => [step.name, step.exitCode, step.gate.outcome.checks.map((check) => check.verdict)])).toStrictEqual(
        [
          ['baseline', 0, ['pass', 'pass', 'pass']],
          ['spike', 0, ['pass', 'pass', 'pass']],
        ],
      );
      expect(verdict.steps[0]!.compare!.comparison.passed).toBe(true);
      expect(readFileSync(join(cwd, 'out', 'baseline-gate.txt'), 'utf8')).toContain(
        'baseline: gates.baseline over scenarios.baseline over global',
      );
      expect(readFileSync(join(cwd, 'out', 'spike-gate.txt'), 'utf8')).toMatch(/p\(99\) .* < 1200 ms +PASS/);
      expect(output).toContain('PASS: suite gateway: all 2 steps passed');
      // The gate of seed 000, run by hand on the same folder, agrees.
      const gate = await forge(
        ['gate', '--baseline-summary', 'out/baseline-summary.json', '--spike-summary', 'out/spike-summary.json'],
        cwd,
      );
      expect(gate.code, gate.output).toBe(0);
    },
    120_000,
  );
});
